// The run-time shape of a saved profile, checked on every read of profiles.json and before every write.
import { z } from 'zod';
import { MID_PATTERN } from '../../../shared/engagement/credentials';
import { MAX_CLIENT_ID_LENGTH } from '../../../shared/exchange/credential-text';
import { REGIONS } from '../../../shared/intelligence/regions';
import { REQUEST_LIMITS } from '../../../shared/limits/request-limits';
import { MAX_PROFILE_NAME_LENGTH, PRODUCTS, type Profile } from '../../../shared/profiles/profile';
import { SECRET_ENCODINGS } from '../../../shared/verify/verification';
import { TOKEN_REQUEST_STYLES } from '../../../shared/exchange/flow-types';

const keyInfoSchema = z.object({
  type: z.literal('RSA'),
  bits: z.number().int().positive(),
  fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]+$/),
  format: z.enum(['pkcs1', 'pkcs8', 'pkcs1-encrypted', 'pkcs8-encrypted']),
});

/** One saved profile (unknown keys are dropped: nothing but these fields is ever kept or rewritten). */
export const profileSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(MAX_PROFILE_NAME_LENGTH),
  product: z.enum(PRODUCTS),
  clientId: z.string().max(MAX_CLIENT_ID_LENGTH),
  region: z.enum(REGIONS).nullable(),
  discoveryUrl: z.string().min(1).max(REQUEST_LIMITS.url).nullable(),
  tokenRequestStyle: z.enum(TOKEN_REQUEST_STYLES),
  keyInfo: keyInfoSchema.nullable(),
  secretEncoding: z.enum(SECRET_ENCODINGS).nullable(),
  hasSecret: z.boolean(),
  // The Engagement server-to-server fields came later: profiles saved before them load with the defaults.
  subdomain: z.string().min(1).max(REQUEST_LIMITS.subdomain).nullable().default(null),
  authUrl: z.string().min(1).max(REQUEST_LIMITS.url).nullable().default(null),
  scope: z.string().max(REQUEST_LIMITS.scope).nullable().default(null),
  accountId: z.string().regex(MID_PATTERN).nullable().default(null),
  hasClientSecret: z.boolean().default(false),
  // Web and public apps (product engagement-web) came later still: only their profiles have these.
  redirectUri: z.string().min(1).max(REQUEST_LIMITS.url).nullable().optional(),
  tokenBaseUrl: z.string().min(1).max(REQUEST_LIMITS.url).nullable().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}) satisfies z.ZodType<Profile>;

/** The outer shape of profiles.json; its entries are checked one by one so one bad entry does not lose the others. */
export const profilesFileShellSchema = z.object({
  version: z.number().int(),
  profiles: z.array(z.unknown()),
});

/** The dotted paths of the fields a zod error complains about (never their values). */
export function issueFields(error: z.ZodError): string[] {
  const fields = error.issues.map((issue) => (issue.path.length === 0 ? '(entry)' : issue.path.map(String).join('.')));
  return [...new Set(fields)];
}
