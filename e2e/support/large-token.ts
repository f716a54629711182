import { makeEngagementSsoJwt } from '../../test/support/engagement-tokens';

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
