// The fields of a profile being saved that depend on its product (Intelligence, Engagement, web app), what to do with its
// secrets, and the profile a save writes from them, checked against the schema.
import type { SaveProfileRequest } from '../../../shared/ipc/ipc-contract';
import type { KeyDecryptor, KeyInfo } from '../../../shared/keys/key-info';
import { loadPrivateKey } from '../../../shared/keys/load-private-key';
import { checkClientId } from '../../../shared/intelligence/client-id';
import type { Product, Profile } from '../../../shared/profiles/profile';
import { SECRET_ENCODINGS, type SecretEncoding } from '../../../shared/verify/verification';
import { checkSecretEncoding, intelligenceEndpoint, present } from './profile-fields';
import { issueFields, profileSchema } from './profile-schema';
import { serverToServerFields, type SecretPlan } from './engagement-fields';
import { webAppFields, type SaveWebAppRequest } from './web-app-fields';
import { profileShapeError } from './profile-store-errors';
import { keyRequiredError, PROFILE_MESSAGES, profileInvalidError, profileMissingError } from './profile-service-errors';

/** The fields of a profile that depend on its product, plus what to do with its secret. */
export interface ProductFields {
  clientId: string;
  region: Profile['region'];
  discoveryUrl: string | null;
  keyInfo: KeyInfo | null;
  secretEncoding: SecretEncoding | null;
  secret: SecretPlan;
  subdomain: string | null;
  authUrl: string | null;
  scope: string | null;
  accountId: string | null;
  clientSecret: SecretPlan;
}

const NO_SERVER_TO_SERVER = { subdomain: null, authUrl: null, scope: null, accountId: null } as const;

/**
 * A kept key must keep signing for the same client at the same site: otherwise whoever can call profiles:save could get
 * assertions signed for a client id or sent to a site of their choosing without ever knowing the key.
 */
function checkKeyStillFits(existing: Profile | undefined, clientId: string, discoveryUrl: string): void {
  if (existing === undefined) return;
  if (existing.clientId !== clientId) throw keyRequiredError(PROFILE_MESSAGES.keyForClientId);
  if (existing.discoveryUrl === null || new URL(existing.discoveryUrl).origin !== new URL(discoveryUrl).origin)
    throw keyRequiredError(PROFILE_MESSAGES.keyForDiscovery);
}

/** An Intelligence profile: client id, region or discovery URL, and its private key (a new one loaded, or the stored one kept). */
export async function intelligenceFields(
  request: SaveProfileRequest,
  existing: Profile | undefined,
  decryptor: KeyDecryptor,
): Promise<ProductFields> {
  const pem = present(request.privateKeyPem);
  const keepKey = pem === undefined && existing?.product === 'intelligence' && existing.hasSecret && existing.keyInfo !== null;
  const missing: string[] = [];
  if (present(request.clientId) === undefined) missing.push('the service account id (client id)');
  if (present(request.region) === undefined && present(request.discoveryUrl) === undefined) missing.push('a region or a discovery URL');
  if (pem === undefined && !keepKey) missing.push('the private key');
  if (missing.length > 0) throw profileMissingError('intelligence', missing);
  const clientId = checkClientId(request.clientId);
  const endpoint = intelligenceEndpoint(request.region, request.discoveryUrl);
  const base = {
    clientId,
    ...endpoint,
    ...NO_SERVER_TO_SERVER,
    secretEncoding: null,
    clientSecret: { kind: 'none', dropStale: existing?.hasClientSecret === true },
  } as const;
  if (pem === undefined) checkKeyStillFits(existing, clientId, endpoint.discoveryUrl);
  if (pem === undefined) return { ...base, keyInfo: existing?.keyInfo ?? null, secret: { kind: 'keep' } };
  const passphrase = present(request.passphrase) === undefined ? undefined : request.passphrase;
  const loaded = await loadPrivateKey(pem, { decryptor, ...(passphrase === undefined ? {} : { passphrase }) });
  return { ...base, keyInfo: loaded.info, secret: { kind: 'write', secret: loaded.pkcs8Pem } };
}

/** An Engagement profile: the server-to-server fields, and its JWT signing secret with how it is written (new, kept or none). */
export function engagementFields(request: SaveProfileRequest, existing: Profile | undefined): ProductFields {
  const encoding = request.secretEncoding ?? (existing?.product === 'engagement' ? existing.secretEncoding : null) ?? 'text';
  if (!SECRET_ENCODINGS.includes(encoding)) throw profileInvalidError('Choose how the JWT signing secret is written: text, base64 or hex.');
  const { clientSecret, ...s2s } = serverToServerFields(request, existing);
  const base = { ...s2s, clientSecret, region: null, discoveryUrl: null, keyInfo: null };
  const secret = request.signingSecret !== undefined && request.signingSecret.trim() !== '' ? request.signingSecret : undefined;
  if (secret !== undefined) {
    checkSecretEncoding(secret, encoding);
    return { ...base, secretEncoding: encoding, secret: { kind: 'write', secret } };
  }
  if (existing?.product === 'engagement' && existing.hasSecret) return { ...base, secretEncoding: encoding, secret: { kind: 'keep' } };
  return { ...base, secretEncoding: null, secret: { kind: 'none', dropStale: existing?.hasSecret === true } };
}

/** A web or public app profile (engagement-web): its sign-in fields, the refresh token as its secret. */
export function webProductFields(
  request: SaveWebAppRequest,
  existing: Profile | undefined,
): ProductFields & { redirectUri: string; tokenBaseUrl: string } {
  const { refreshToken, ...fields } = webAppFields(request, existing?.hasClientSecret === true);
  return { ...fields, region: null, discoveryUrl: null, keyInfo: null, secretEncoding: null, secret: refreshToken };
}

/** The profile a save writes: its id, name and product, the fields of its product, the times; ERR_PROFILE_INVALID off the schema. */
export function profileFromFields(
  { id, name, product, stamp }: { id: string; name: string; product: Product; stamp: string },
  request: SaveProfileRequest,
  fields: ProductFields & { redirectUri?: string; tokenBaseUrl?: string },
  existing: Profile | undefined,
): Profile {
  const profile: Profile = {
    id,
    name,
    product,
    clientId: fields.clientId,
    region: fields.region,
    discoveryUrl: fields.discoveryUrl,
    tokenRequestStyle: request.tokenRequestStyle ?? existing?.tokenRequestStyle ?? 'form',
    keyInfo: fields.keyInfo,
    secretEncoding: fields.secretEncoding,
    hasSecret: fields.secret.kind !== 'none',
    subdomain: fields.subdomain,
    authUrl: fields.authUrl,
    scope: fields.scope,
    accountId: fields.accountId,
    hasClientSecret: fields.clientSecret.kind !== 'none',
    ...(fields.redirectUri === undefined ? {} : { redirectUri: fields.redirectUri, tokenBaseUrl: fields.tokenBaseUrl ?? null }),
    createdAt: existing?.createdAt ?? stamp,
    updatedAt: stamp,
  };
  const shape = profileSchema.safeParse(profile);
  if (!shape.success) throw profileShapeError(issueFields(shape.error));
  return profile;
}
