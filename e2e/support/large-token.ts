import { makeEngagementSsoJwt, makeGenericJwt } from '../../test/support/engagement-tokens';

/** An Engagement v2 SSO JWT padded with extra (undocumented) claims to at least `minLength` characters, and its claim count. */
export async function makeLargeV2Jwt(minLength = 4096): Promise<{ token: string; extraPaths: string[] }> {
  const extra: Record<string, string> = {};
  let token = await makeEngagementSsoJwt({ version: 2 });
  for (let i = 0; token.length < minLength; i++) {
    extra[`customField${String(i).padStart(2, '0')}`] = `value ${i} padding the token to a realistic size for timing`;
    token = await makeEngagementSsoJwt({ version: 2, extraClaims: { request: { custom: { ...extra } } } });
  }
  return { token, extraPaths: Object.keys(extra).map((k) => `request.custom.${k}`) };
}

/** The names of the claims {@link makeManyClaimsJwt} adds, in order. */
export function manyClaimNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `c${String(i).padStart(5, '0')}`);
}

/** A generic HS256 JWT with `count` small claims (`c00000: 0`, …) after exp and iat: 20,000 of them make about 370 KB. */
export function makeManyClaimsJwt(count: number, now = Date.now()): string {
  const payload: Record<string, unknown> = { exp: Math.floor(now / 1000) + 3600, iat: Math.floor(now / 1000) };
  manyClaimNames(count).forEach((name, i) => (payload[name] = i));
  return makeGenericJwt(payload);
}

/** A generic HS256 JWT of about `chars` characters (within a few hundred), made of `pad…` claims of 300-character values. */
export function makeJwtOfLength(chars: number): string {
  const payload: Record<string, unknown> = { sub: 'large-token' };
  const value = 'x'.repeat(300);
  // Each claim adds about 4/3 of its JSON (base64url) to the token.
  const count = Math.floor((chars - 200) / Math.ceil(((value.length + 16) * 4) / 3));
  for (let i = 0; i < count; i++) payload[`pad${String(i).padStart(5, '0')}`] = value;
  return makeGenericJwt(payload);
}
