import { describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, importSPKI } from 'jose';
import { createHmac } from 'node:crypto';
import {
  ENGAGEMENT_SIGNING_SECRET,
  makeEngagementAccessToken,
  makeEngagementSsoJwt,
  makeGenericJwt,
  V1_CLAIM_PATHS,
  V2_CLAIM_PATHS,
} from './engagement-tokens';
import { testKeyPair } from './test-keys';

const secretKey = (secret = ENGAGEMENT_SIGNING_SECRET) => new TextEncoder().encode(secret);

function leafPaths(value: unknown, prefix = ''): string[] {
  const isContainer = typeof value === 'object' && value !== null;
  const keys = isContainer ? Object.keys(value) : [];
  if (keys.length === 0) return [prefix];
  return keys.flatMap((key) => leafPaths((value as Record<string, unknown>)[key], prefix === '' ? key : `${prefix}.${key}`));
}

describe('makeEngagementSsoJwt', () => {
  it.each([
    [2, V2_CLAIM_PATHS],
    [1, V1_CLAIM_PATHS],
  ] as const)('version %i carries exactly the documented leaf paths, HS256-signed with the sample secret', async (version, paths) => {
    const token = await makeEngagementSsoJwt({ version });
    const { payload, protectedHeader } = await jwtVerify(token, secretKey(), { algorithms: ['HS256'] });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(leafPaths(payload)).toEqual(paths);
    const request = payload.request as Record<string, Record<string, unknown>>;
    expect(request.claimsVersion).toBe(version);
    expect(request.organization).toMatchObject({ dataContext: 'tiered', stackKey: 'S7', region: 'NA1' });
    expect(request.user).toMatchObject({ culture: 'en-US', timezone: { offset: -6 } });
    expect(request.rest!.authEndpoint).toMatch(/^https:\/\/[a-z0-9-]+\.auth\.marketingcloudapis\.com\/v1\/requestToken$/);
    expect(request.rest!.apiEndpointBase).toMatch(/^https:\/\/[a-z0-9-]+\.rest\.marketingcloudapis\.com\/$/);
    if (version === 1) {
      expect(payload.iss).toBe('https://imh.exacttarget.com');
      expect(request.user!.expiresIn).toBe(1200);
    }
  });

  it('signs with another secret when asked, so the sample secret fails', async () => {
    const token = await makeEngagementSsoJwt({ version: 2, secret: 'another-secret-of-reasonable-length-123' });
    await expect(jwtVerify(token, secretKey(), { algorithms: ['HS256'] })).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
    await expect(jwtVerify(token, secretKey('another-secret-of-reasonable-length-123'))).resolves.toBeDefined();
  });

  it('makes expired tokens from a negative lifetime', async () => {
    const token = await makeEngagementSsoJwt({ version: 2, expiresInSeconds: -120 });
    expect(decodeJwt(token).exp).toBeLessThan(Date.now() / 1000 - 100);
    await expect(jwtVerify(token, secretKey())).rejects.toBeInstanceOf(errors.JWTExpired);
  });

  it('merges extra claims deeply; undefined removes a claim', async () => {
    const token = await makeEngagementSsoJwt({
      version: 2,
      extraClaims: { exp: 123, extra: [1], request: { user: { id: 1 }, rest: { refreshToken: undefined } } },
    });
    const payload = decodeJwt(token) as Record<string, unknown> & {
      request: { user: Record<string, unknown>; rest: Record<string, unknown> };
    };
    expect(payload.exp).toBe(123);
    expect(payload.extra).toEqual([1]);
    expect(payload.request.user.id).toBe(1);
    expect(payload.request.user.email).toBe('ada.lovelace@example.com');
    expect('refreshToken' in payload.request.rest).toBe(false);
  });
});

describe('makeEngagementAccessToken', () => {
  it('has four segments, the documented header and payload fields, and no exp', () => {
    const token = makeEngagementAccessToken();
    const segments = token.split('.');
    expect(segments).toHaveLength(4);
    expect(segments[3]).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(decodeProtectedHeader(segments.slice(0, 3).join('.'))).toEqual({ alg: 'HS256', kid: '4', ver: '1', typ: 'JWT' });
    const payload = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(atob(segments[1]!.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0))),
    );
    expect(Object.keys(payload)).toEqual(['access_token', 'client_id', 'eid', 'stack_key', 'platform_version', 'client_type']);
    expect(payload.client_type).toBe('ServerToServer');
    expect(makeEngagementAccessToken({ clientType: 'Confidential' })).not.toBe(token);
  });
});

describe('makeGenericJwt', () => {
  it('signs HS256 with the sample secret by default', async () => {
    const token = makeGenericJwt({ sub: 'x' }, { header: { kid: 'k1' } });
    const { protectedHeader } = await jwtVerify(token, secretKey());
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'k1' });
  });

  it('signs RS256 with the test key pair', async () => {
    const token = makeGenericJwt({ sub: 'x' }, { alg: 'RS256' });
    const { payload } = await jwtVerify(token, await importSPKI(testKeyPair().publicPem, 'RS256'));
    expect(payload.sub).toBe('x');
  });

  it('leaves the signature empty for alg none, or uses the given raw signature', () => {
    expect(makeGenericJwt({ a: 1 }, { alg: 'none' })).toMatch(/^[\w-]+\.[\w-]+\.$/);
    const forged = makeGenericJwt({ a: 1 }, { signature: 'forged' });
    expect(forged.endsWith('.forged')).toBe(true);
    const [h, p] = forged.split('.');
    expect(createHmac('sha256', ENGAGEMENT_SIGNING_SECRET).update(`${h}.${p}`).digest('base64url')).not.toBe('forged');
  });
});
