// Sample Marketing Cloud Engagement tokens for tests: App Center SSO JWTs (claims versions 1 and 2)
// with every documented claim, a four-segment access token, and odd JWTs. All values are made up.
import { createHmac, randomBytes, randomUUID, sign } from 'node:crypto';
import { SignJWT } from 'jose';
import { testKeyPair } from './test-keys';

/** A sample App Center "JWT signing secret" (text), used to sign the sample SSO JWTs. Not a real secret. */
export const ENGAGEMENT_SIGNING_SECRET = 'sample-jwt-signing-secret-Q7x2LmP4vRk8sTn3wYb6Zc1dFh5Jg9Nt';

/** The sample tenant subdomain used in the endpoints of the sample tokens. */
export const SAMPLE_SUBDOMAIN = 'mc563885gzs27c5t9-63k636ttgm';

/** Options for {@link makeEngagementSsoJwt}. */
export interface EngagementSsoJwtOptions {
  /** Claims version: 2 (current) or 1 (legacy, carries live API tokens). */
  version: 1 | 2;
  /** Signing secret (text); defaults to {@link ENGAGEMENT_SIGNING_SECRET}. */
  secret?: string;
  /** Seconds from now until `exp` (default 900); negative makes an expired token. */
  expiresInSeconds?: number;
  /** Merged deeply into the claims (plain objects merge, anything else replaces; `undefined` removes). */
  extraClaims?: Record<string, unknown>;
}

/** The documented leaf claim paths of an App Center SSO JWT, claims version 2, in the order the samples carry them. */
export const V2_CLAIM_PATHS: readonly string[] = [
  'exp',
  'jti',
  'request.claimsVersion',
  'request.user.id',
  'request.user.email',
  'request.user.culture',
  'request.user.timezone.longName',
  'request.user.timezone.shortName',
  'request.user.timezone.offset',
  'request.user.timezone.dst',
  'request.organization.id',
  'request.organization.enterpriseId',
  'request.organization.dataContext',
  'request.organization.stackKey',
  'request.organization.region',
  'request.application.id',
  'request.application.package',
  'request.application.customerEnvironment',
  'request.application.redirectUrl',
  'request.application.features',
  'request.application.userPermissions',
  'request.rest.authEndpoint',
  'request.rest.apiEndpointBase',
  'request.rest.refreshToken',
];

/** The documented leaf claim paths of an App Center SSO JWT, claims version 1 (legacy), in the order the samples carry them. */
export const V1_CLAIM_PATHS: readonly string[] = V2_CLAIM_PATHS.flatMap((path) => {
  if (path === 'jti') return ['jti', 'iss'];
  if (path === 'request.user.timezone.dst') {
    return [path, 'request.user.oauthToken', 'request.user.internalOauthToken', 'request.user.refreshToken', 'request.user.expiresIn'];
  }
  return [path];
});

/** The claims of a sample SSO JWT (unsigned), as {@link makeEngagementSsoJwt} signs them. */
export function engagementSsoClaims(options: Omit<EngagementSsoJwtOptions, 'secret'>): Record<string, unknown> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const v1 = options.version === 1;
  const user: Record<string, unknown> = {
    id: 7012345,
    email: 'ada.lovelace@example.com',
    culture: 'en-US',
    timezone: { longName: '(GMT-06:00) Central Time (No Daylight Saving)', shortName: 'CST', offset: -6.0, dst: false },
  };
  if (v1) {
    user.oauthToken = `Ls${randomToken(18)}`;
    user.internalOauthToken = `X3${randomToken(160)}`;
    user.refreshToken = `Rt${randomToken(18)}`;
    user.expiresIn = 1200;
  }
  const claims: Record<string, unknown> = {
    exp: nowSeconds + (options.expiresInSeconds ?? 900),
    jti: randomUUID(),
    ...(v1 ? { iss: 'https://imh.exacttarget.com' } : {}),
    request: {
      claimsVersion: options.version,
      user,
      organization: { id: 514009876, enterpriseId: 514001234, dataContext: 'tiered', stackKey: 'S7', region: 'NA1' },
      application: {
        id: '2a7d4f0c-5b1e-4c3a-9d8f-6e1b0a2c3d4e',
        package: 'com.example.mctokenworkbench',
        customerEnvironment: 'Prod',
        redirectUrl: 'https://workbench.example.com/sso/login',
        features: {},
        userPermissions: [],
      },
      rest: {
        authEndpoint: `https://${SAMPLE_SUBDOMAIN}.auth.marketingcloudapis.com/v1/requestToken`,
        apiEndpointBase: `https://${SAMPLE_SUBDOMAIN}.rest.marketingcloudapis.com/`,
        refreshToken: `Rt${randomToken(18)}`,
      },
    },
  };
  return options.extraClaims ? deepMerge(claims, options.extraClaims) : claims;
}

/** An HS256 App Center SSO JWT carrying every documented claim of the given claims version, with realistic values. */
export async function makeEngagementSsoJwt(options: EngagementSsoJwtOptions): Promise<string> {
  const claims = engagementSsoClaims(options);
  const key = new TextEncoder().encode(options.secret ?? ENGAGEMENT_SIGNING_SECRET);
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
}

/** Options for {@link makeEngagementAccessToken}. */
export interface EngagementAccessTokenOptions {
  /** `client_type` of the payload; defaults to `ServerToServer`. */
  clientType?: 'ServerToServer' | 'Confidential';
}

/** A four-segment Engagement access token: an HS256-looking JWS (no `exp`) followed by an opaque fourth segment. */
export function makeEngagementAccessToken(options: EngagementAccessTokenOptions = {}): string {
  const header = { alg: 'HS256', kid: '4', ver: '1', typ: 'JWT' };
  const payload = {
    access_token: randomToken(18),
    client_id: 'q8w1e2r3t4y5u6i7o8p9a0s1',
    eid: 514001234,
    stack_key: 'S7',
    platform_version: 2,
    client_type: options.clientType ?? 'ServerToServer',
  };
  const signingInput = `${jsonSegment(header)}.${jsonSegment(payload)}`;
  const mac = createHmac('sha256', randomBytes(32)).update(signingInput).digest('base64url');
  return `${signingInput}.${mac}.${randomToken(32)}`;
}

/** Options for {@link makeGenericJwt}. */
export interface GenericJwtOptions {
  /** Signing algorithm (default HS256 with {@link ENGAGEMENT_SIGNING_SECRET}); `none` leaves the signature empty. */
  alg?: 'none' | 'HS256' | 'RS256';
  /** Extra or overriding header parameters (written after `alg` and `typ`). */
  header?: Record<string, unknown>;
  /** HS256 secret (text). RS256 uses the default generated test key pair. */
  secret?: string;
  /** A raw third segment to use instead of a real signature. */
  signature?: string;
}

/** A compact JWT with any payload, for odd cases (e.g. `alg: none`, custom headers, forged signatures). */
export function makeGenericJwt(payload: Record<string, unknown>, options: GenericJwtOptions = {}): string {
  const alg = options.alg ?? 'HS256';
  const header = { alg, typ: 'JWT', ...options.header };
  const signingInput = `${jsonSegment(header)}.${jsonSegment(payload)}`;
  if (options.signature !== undefined) return `${signingInput}.${options.signature}`;
  if (alg === 'none') return `${signingInput}.`;
  if (alg === 'RS256')
    return `${signingInput}.${sign('sha256', Buffer.from(signingInput), testKeyPair().privateKey).toString('base64url')}`;
  const mac = createHmac('sha256', options.secret ?? ENGAGEMENT_SIGNING_SECRET)
    .update(signingInput)
    .digest('base64url');
  return `${signingInput}.${mac}`;
}

function jsonSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    if (value === undefined) delete out[key];
    else out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}
