// What the token cache keeps in the OS keychain for one profile (`profile:<id>:token`): the token, when it expires, what came
// with it, and a fingerprint of the exact credentials it was issued for. Read without zod (the cached path stays lean):
// anything that is not exactly this shape is no entry at all.
import { createHash } from 'node:crypto';
import type { EngagementToken } from '../../../shared/engagement/flow-types';
import type { WebAppToken } from '../../../shared/engagement/web-app-types';
import type { IssuedToken } from '../../../shared/intelligence/flow-types';
import type { Product } from '../../../shared/profiles/profile';

/** A cached access token and what the token answer said with it (never a secret other than the token itself). */
export interface CachedToken {
  accessToken: string;
  /** Milliseconds since the epoch, as when it was issued. */
  expiresAt: number;
  /** Seconds, as the server said. */
  expiresIn: number;
  tokenEndpoint: string;
  /** Engagement: the token answer's fields (null for Intelligence). */
  tokenType: string | null;
  scope: string | null;
  missingScopes: string[];
  restInstanceUrl: string | null;
  soapInstanceUrl: string | null;
}

/** What the cache keeps of an Intelligence token answer (the curl command, which carries the signed assertion, is not kept). */
export function cachedIntelligenceToken(token: IssuedToken): CachedToken {
  const { accessToken, expiresAt, expiresIn, tokenEndpoint } = token;
  const none = { tokenType: null, scope: null, missingScopes: [], restInstanceUrl: null, soapInstanceUrl: null };
  return { accessToken, expiresAt, expiresIn, tokenEndpoint, ...none };
}

/** What the cache keeps of an Engagement token answer: the token, its scopes and the tenant's REST and SOAP URLs. */
export function cachedEngagementToken(token: EngagementToken): CachedToken {
  const { accessToken, expiresAt, expiresIn, tokenEndpoint, tokenType, scope, restInstanceUrl, soapInstanceUrl } = token;
  return {
    accessToken,
    expiresAt,
    expiresIn,
    tokenEndpoint,
    tokenType,
    scope,
    missingScopes: [...token.missingScopes],
    restInstanceUrl,
    soapInstanceUrl,
  };
}

/**
 * What the cache keeps of a web or public app's refreshed token: what an Engagement answer gives. Never the refresh token,
 * which lives in the profile's own keychain entry and is spent only under the profile's lock.
 */
export function cachedWebAppToken(token: WebAppToken): CachedToken {
  return cachedEngagementToken(token);
}

/** The credential fields of a profile a token is bound to (a Profile has them all). */
export interface TokenCredentials {
  id: string;
  product: Product;
  clientId: string;
  discoveryUrl: string | null;
  keyInfo: { fingerprint: string } | null;
  subdomain: string | null;
  authUrl: string | null;
  scope: string | null;
  accountId: string | null;
}

const ENTRY_VERSION = 1;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The fingerprint of a profile's exact credentials: client id, discovery or auth URL, key fingerprint or a hash of the client
 * secret (never the secret), scopes and account id. Any change gives another fingerprint, so the cached token is not reused.
 */
export function credentialsFingerprint(profile: TokenCredentials, clientSecret: string | null): string {
  return sha256(
    JSON.stringify([
      ENTRY_VERSION,
      profile.id,
      profile.product,
      profile.clientId,
      profile.product === 'intelligence' ? profile.discoveryUrl : null,
      profile.product === 'intelligence' ? (profile.keyInfo?.fingerprint ?? null) : null,
      profile.product !== 'intelligence' ? [profile.subdomain, profile.authUrl, profile.scope, profile.accountId] : null,
      clientSecret === null ? null : sha256(clientSecret),
    ]),
  );
}

/** The keychain text of a cache entry. */
export function serializeCacheEntry(fingerprint: string, token: CachedToken): string {
  return JSON.stringify({ v: ENTRY_VERSION, fingerprint, token });
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** The cache entry in `text`, or null when it is not one this version wrote (never throws). */
export function parseCacheEntry(text: string): { fingerprint: string; token: CachedToken } | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const entry = json as { v?: unknown; fingerprint?: unknown; token?: Record<string, unknown> } | null;
  const token = entry?.token;
  if (entry?.v !== ENTRY_VERSION || !isString(entry.fingerprint) || typeof token !== 'object' || token === null) return null;
  const ok =
    isString(token.accessToken) &&
    token.accessToken !== '' &&
    isTime(token.expiresAt) &&
    isTime(token.expiresIn) &&
    isString(token.tokenEndpoint) &&
    isStringOrNull(token.tokenType) &&
    isStringOrNull(token.scope) &&
    Array.isArray(token.missingScopes) &&
    token.missingScopes.every(isString) &&
    isStringOrNull(token.restInstanceUrl) &&
    isStringOrNull(token.soapInstanceUrl);
  if (!ok) return null;
  const checked = token as unknown as CachedToken;
  return {
    fingerprint: entry.fingerprint,
    token: {
      accessToken: checked.accessToken,
      expiresAt: checked.expiresAt,
      expiresIn: checked.expiresIn,
      tokenEndpoint: checked.tokenEndpoint,
      tokenType: checked.tokenType,
      scope: checked.scope,
      missingScopes: [...checked.missingScopes],
      restInstanceUrl: checked.restInstanceUrl,
      soapInstanceUrl: checked.soapInstanceUrl,
    },
  };
}
