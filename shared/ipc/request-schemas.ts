// Run-time validation of every IPC request: one zod schema per channel, and the coded message a refused request gets.
// The router (electron/services/router/create-router.ts) validates with validateRequest before any handler runs.
import { z } from 'zod';
import { WorkbenchError } from '../errors/workbench-error';
import { COMPOSE_ALGORITHMS } from '../compose/compose-algorithms';
import { MAX_HEADER_CHARS, MAX_PAYLOAD_CHARS } from '../compose/compose-errors';
import { TOKEN_REQUEST_STYLES } from '../exchange/flow-types';
import { REGIONS } from '../intelligence/regions';
import { FORM_SAVED_PRODUCTS } from '../profiles/profile';
import { SECRET_ENCODINGS } from '../verify/verification';
import type { EngagementRefreshRequest, EngagementTokenRequest, IpcChannel, IpcRequest } from './ipc-contract';
import { TIMEOUT_LIMITS } from '../exchange/timeout-limits';
import { REQUEST_LIMITS as L } from '../limits/request-limits';

/** A string of at most `max` characters. */
const text = (max: number) => z.string().max(max);
/** A non-empty string of at most `max` characters. */
const nonEmpty = (max: number) => z.string().min(1).max(max);

/** `null` (or nothing at all) for channels without a request. */
const noRequest = z.union([z.null(), z.undefined()]).transform(() => null);

const id = nonEmpty(L.id);
const region = z.enum(REGIONS);
const timeoutMs = z.number().int().min(TIMEOUT_LIMITS.min).max(TIMEOUT_LIMITS.max).optional();

/** Where an Engagement tenant is and what to ask for (the service checks the values; these are the bounds). */
const engagementTarget = {
  subdomain: text(L.subdomain).nullable().optional(),
  authUrl: text(L.url).nullable().optional(),
  scope: text(L.scope).nullable().optional(),
  accountId: text(L.accountId).nullable().optional(),
};
const engagementDraft = z.strictObject({ clientId: text(L.clientId), clientSecret: text(L.clientSecret), ...engagementTarget });
const runBase = { runId: id, timeoutMs };

/** A refinement whose refusal reads "the request <phrase>" (see issuePhrase). */
const either = (phrase: string) => ({ params: { phrase } });

/** Reports the field at `path` as missing, as any other missing field is reported. */
function missing(ctx: z.RefinementCtx, path: (string | number)[]): void {
  ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path, message: 'missing' });
}

/** A draft run's credentials (the form as it stands, for one run): a region or a discovery URL, exactly one. */
const draft = z
  .strictObject({
    clientId: text(L.clientId),
    region: region.optional(),
    discoveryUrl: nonEmpty(L.url).optional(),
    privateKeyPem: nonEmpty(L.pem),
    passphrase: text(L.passphrase).optional(),
    tokenRequestStyle: z.enum(TOKEN_REQUEST_STYLES),
  })
  .superRefine((d, ctx) => {
    if (d.region === undefined && d.discoveryUrl === undefined) missing(ctx, ['region']);
    if (d.region !== undefined && d.discoveryUrl !== undefined)
      ctx.addIssue({ code: 'custom', path: ['discoveryUrl'], message: 'region and discoveryUrl both given' });
  });

/** intelligence:run: a saved profile (`profileId`) or a draft, exactly one. */
const tokenRun = z
  .strictObject({
    runId: id,
    timeoutMs,
    profileId: id.optional(),
    draft: draft.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.profileId === undefined && r.draft === undefined) missing(ctx, ['profileId']);
    if (r.profileId !== undefined && r.draft !== undefined)
      ctx.addIssue({ code: 'custom', path: ['draft'], message: 'profileId and draft both given' });
  })
  .transform((r) => r as IpcRequest<'intelligence:run'>);

/** compose:sign's key: a secret, a pasted private key, or a saved profile's. */
const composeKey = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('secret'), secret: text(L.signingSecret), encoding: z.enum(SECRET_ENCODINGS) }),
  z.strictObject({ type: z.literal('pem'), pem: text(L.pem), passphrase: text(L.passphrase).optional() }),
  z.strictObject({ type: z.literal('profile'), profileId: id }),
]);

/** One zod schema per channel, validating the request at run time (strict: unknown fields are refused). */
export const REQUEST_SCHEMAS: { [C in IpcChannel]: z.ZodType<IpcRequest<C>, unknown> } = {
  'app:info': noRequest,
  'profiles:list': noRequest,
  'profiles:save': z.strictObject({
    id: id.optional(),
    name: text(L.name),
    product: z.enum(FORM_SAVED_PRODUCTS),
    clientId: text(L.clientId),
    region: region.nullable().optional(),
    discoveryUrl: text(L.url).nullable().optional(),
    tokenRequestStyle: z.enum(TOKEN_REQUEST_STYLES).optional(),
    privateKeyPem: text(L.pem).optional(),
    passphrase: text(L.passphrase).optional(),
    signingSecret: text(L.signingSecret).optional(),
    secretEncoding: z.enum(SECRET_ENCODINGS).optional(),
    ...engagementTarget,
    clientSecret: text(L.clientSecret).optional(),
  }),
  'profiles:rename': z.strictObject({ id, name: text(L.name) }),
  'profiles:delete': z.strictObject({ id }),
  'profiles:token-states': noRequest,
  'profiles:copy-token': z.strictObject({ profileId: id }),
  'intelligence:run': tokenRun,
  // Either a saved profile or unsaved values, never both: one object with a refinement names the problem better than a union.
  'engagement:token': z
    .strictObject({ ...runBase, whoami: z.boolean().optional(), profileId: id.optional(), draft: engagementDraft.optional() })
    .refine((r) => (r.profileId === undefined) !== (r.draft === undefined), either('must name either a profileId or a draft'))
    .transform((r) => r as EngagementTokenRequest),
  'engagement:refresh': z
    .strictObject({
      ...runBase,
      token: text(L.token),
      profileId: id.optional(),
      clientId: text(L.clientId).optional(),
      clientSecret: text(L.clientSecret).optional(),
    })
    .refine(
      (r) =>
        (r.profileId === undefined) !== (r.clientId === undefined && r.clientSecret === undefined) &&
        (r.clientId === undefined) === (r.clientSecret === undefined),
      either('must name either a profileId or a clientId with its clientSecret'),
    )
    .transform((r) => r as EngagementRefreshRequest),
  'verify:with-profile': z.strictObject({ profileId: id, token: text(L.token) }),
  'compose:sign': z.strictObject({
    header: text(MAX_HEADER_CHARS),
    payload: text(MAX_PAYLOAD_CHARS),
    alg: z.enum(COMPOSE_ALGORITHMS),
    expiresIn: text(32).nullable(),
    key: composeKey,
  }),
  'compose:send': z.strictObject({ url: nonEmpty(L.url), token: text(L.token), style: z.enum(['activity', 'sso-form']), timeoutMs }),
  'webapp:begin': z.strictObject({
    clientId: text(L.clientId),
    ...engagementTarget,
    redirectUri: text(L.url).nullable().optional(),
    clientSecret: text(L.clientSecret).nullable().optional(),
    open: z.boolean().optional(),
  }),
  'webapp:finish': z.strictObject({ ...runBase, signInId: id, pasted: text(L.pastedAddress) }),
  'webapp:save': z.strictObject({ signInId: id, name: text(L.name) }),
  'webapp:whoami': z.strictObject({ ...runBase, signInId: id }),
};

/** Validates a channel's request with its zod schema; throws ERR_IPC_INVALID_REQUEST naming the first bad field (never its value). */
export function validateRequest<C extends IpcChannel>(channel: C, payload: unknown): IpcRequest<C> {
  const schema = REQUEST_SCHEMAS[channel] as (typeof REQUEST_SCHEMAS)[C];
  const parsed = schema.safeParse(payload, { reportInput: true });
  if (parsed.success) return parsed.data as IpcRequest<C>;
  const issue = parsed.error.issues[0];
  const what = issue ? `${fieldName(issue.path)} ${issuePhrase(issue)}` : 'the request is invalid';
  throw new WorkbenchError('ERR_IPC_INVALID_REQUEST', `The ${channel} request was refused: ${what}. Check what you entered and try again.`);
}

const SAFE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** Names a field by its path (e.g. `"pem"`, `"request"`); never includes a value. */
function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the request';
  return `"${path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.')}"`;
}

/** A type name with its article: "an object", "a string". */
function withArticle(typeName: string): string {
  if (typeName === 'int') return 'a whole number';
  return `${/^[aeiou]/.test(typeName) ? 'an' : 'a'} ${typeName}`;
}

/** Says what is wrong with one field, from the zod issue's code and bounds only (the input is only tested for presence): the offending value is never echoed. */
function issuePhrase(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is missing' : `must be ${issue.expected === 'null' ? 'null' : withArticle(issue.expected)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `is too long (at most ${String(issue.maximum)} characters)`
        : `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? issue.minimum === 1
          ? 'must not be empty'
          : `must have at least ${String(issue.minimum)} characters`
        : `must be at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys': {
      const safe = issue.keys.filter((key) => SAFE_KEY.test(key));
      return safe.length === issue.keys.length
        ? `has unknown field${safe.length > 1 ? 's' : ''} ${safe.map((k) => `"${k}"`).join(', ')}`
        : 'has an unknown field';
    }
    case 'invalid_union':
      return 'has the wrong shape';
    case 'custom':
      return typeof issue.params?.phrase === 'string' ? issue.params.phrase : 'is invalid';
    default:
      return 'is invalid';
  }
}
