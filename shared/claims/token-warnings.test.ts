import { describe, expect, it } from 'vitest';
import { makeEngagementAccessToken, makeEngagementSsoJwt, makeGenericJwt } from '../../test/support/engagement-tokens';
import { decodeToken } from '../decode/decode-token';
import { explainToken } from './explain-token';
import type { TokenWarning } from './explained-claim';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const NOW_S = NOW / 1000;
const REFRESH = (path: string) =>
  `${path} works once: it is valid up to 700 days or until used (a second use gets 401 after a 5-minute grace), and each refresh returns a new refresh token that you must store and use next time.`;

const warningsOf = (token: string): TokenWarning[] => explainToken(decodeToken(token), { now: NOW }).warnings;
const sso = async (version: 1 | 2, extraClaims: Record<string, unknown> = {}) =>
  warningsOf(await makeEngagementSsoJwt({ version, extraClaims: { exp: NOW_S + 600, ...extraClaims } }));
const codes = (warnings: TokenWarning[]) => warnings.map((w) => w.code);

describe('token warnings', () => {
  it('a fresh version 2 SSO JWT only warns that its refresh token is single use', async () => {
    expect(await sso(2)).toEqual([{ code: 'WARN_REFRESH_TOKEN_SINGLE_USE', path: 'request.rest.refreshToken', message: REFRESH('request.rest.refreshToken') }]);
  });

  it('no refresh-token warning when the package has no API Integration component', async () => {
    expect(await sso(2, { request: { rest: { refreshToken: undefined } } })).toEqual([]);
  });

  it('WARN_EXPIRED with the time and what to do for the kind', async () => {
    const warnings = await sso(2, { exp: NOW_S - 7200 });
    expect(warnings[0]).toEqual({
      code: 'WARN_EXPIRED',
      path: 'exp',
      message: 'This token expired 2 h ago (2025-01-15T10:00:00Z). Open the app from Marketing Cloud again to get a fresh JWT.',
    });
    expect(warningsOf(makeGenericJwt({ exp: NOW_S }))).toEqual([
      { code: 'WARN_EXPIRED', path: 'exp', message: 'This token expired 0 s ago (2025-01-15T12:00:00Z). Get a new token from its issuer.' },
    ]);
    expect(warningsOf(makeGenericJwt({ exp: NOW_S + 1 }))).toEqual([]);
  });

  it('WARN_NOT_YET_VALID for nbf or iat more than 60 s ahead', () => {
    expect(warningsOf(makeGenericJwt({ exp: NOW_S + 900, nbf: NOW_S + 300 }))).toEqual([
      {
        code: 'WARN_NOT_YET_VALID',
        path: 'nbf',
        message: "It is not valid yet: nbf is 5 min in the future (2025-01-15T12:05:00Z). Check this computer's clock and the issuer's.",
      },
    ]);
    expect(warningsOf(makeGenericJwt({ exp: NOW_S + 900, iat: NOW_S + 120 }))).toEqual([
      {
        code: 'WARN_NOT_YET_VALID',
        path: 'iat',
        message: "It claims to be issued 2 min in the future (2025-01-15T12:02:00Z). Check this computer's clock and the issuer's.",
      },
    ]);
    expect(warningsOf(makeGenericJwt({ exp: NOW_S + 900, iat: NOW_S + 60, nbf: NOW_S + 59 }))).toEqual([]);
  });

  it('WARN_ALG_NONE for an unsigned token', () => {
    expect(warningsOf(makeGenericJwt({ exp: NOW_S + 60 }, { alg: 'none' }))).toEqual([
      { code: 'WARN_ALG_NONE', path: 'alg', message: 'alg is "none": this token is unsigned, so anyone can forge or change it. Never accept it.' },
    ]);
    expect(codes(warningsOf(makeGenericJwt({ exp: NOW_S + 60 }, { header: { alg: 'None' }, signature: '' })))).toEqual(['WARN_ALG_NONE']);
  });

  it('WARN_LIVE_TOKENS_IN_CLAIMS and two single-use warnings for a version 1 SSO JWT', async () => {
    const warnings = await sso(1);
    expect(warnings).toEqual([
      {
        code: 'WARN_LIVE_TOKENS_IN_CLAIMS',
        path: 'request.user.oauthToken',
        message:
          'This JWT carries live API tokens (request.user.oauthToken, request.user.internalOauthToken, request.user.refreshToken): treat it like a password and never paste it into shared tools, tickets or logs.',
      },
      { code: 'WARN_REFRESH_TOKEN_SINGLE_USE', path: 'request.rest.refreshToken', message: REFRESH('request.rest.refreshToken') },
      { code: 'WARN_REFRESH_TOKEN_SINGLE_USE', path: 'request.user.refreshToken', message: REFRESH('request.user.refreshToken') },
    ]);
  });

  it('no live-token warning when the version 1 token fields are empty', async () => {
    const warnings = await sso(1, { request: { user: { oauthToken: '', internalOauthToken: ' ', refreshToken: '' }, rest: { refreshToken: undefined } } });
    expect(warnings).toEqual([]);
  });

  it('WARN_NO_EXPIRY where it matters: SSO JWTs and generic tokens, not access tokens or assertions', async () => {
    expect(await sso(2, { exp: undefined, request: { rest: { refreshToken: undefined } } })).toEqual([
      { code: 'WARN_NO_EXPIRY', path: 'exp', message: 'No exp claim, although App Center SSO JWTs carry one: do not accept this JWT for a login.' },
    ]);
    expect(warningsOf(makeGenericJwt({ sub: 'x' }))).toEqual([
      { code: 'WARN_NO_EXPIRY', path: 'exp', message: 'No exp claim: this token never expires on its own. Keep it secret and prefer short-lived tokens.' },
    ]);
    expect(warningsOf(makeEngagementAccessToken())).toEqual([]);
    const assertion = { iss: 's', sub: 's', aud: 'https://idp.intelligence.salesforce.com', iat: NOW_S, jti: '0123456789abcdef0123456789abcdef' };
    expect(warningsOf(makeGenericJwt(assertion, { alg: 'RS256' }))).toEqual([]);
  });

  it('WARN_UNDOCUMENTED_CLAIMS lists the paths for Marketing Cloud kinds only', async () => {
    const one = await sso(2, { extra: 1, request: { rest: { refreshToken: undefined } } });
    expect(one).toEqual([
      { code: 'WARN_UNDOCUMENTED_CLAIMS', path: 'extra', message: '1 claim is not in the public docs for this kind of token: extra. They are shown as found.' },
    ]);
    const many = await sso(2, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, request: { rest: { refreshToken: undefined } } });
    expect(many[0]!.message).toBe('7 claims are not in the public docs for this kind of token: a, b, c, d, e and 2 more. They are shown as found.');
    expect(warningsOf(makeGenericJwt({ exp: NOW_S + 60, custom: 1 }))).toEqual([]);
  });
});
