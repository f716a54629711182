import { describe, expect, it } from 'vitest';
import { makeEngagementAccessToken, makeEngagementSsoJwt, makeGenericJwt } from '../../test/support/engagement-tokens';
import { decodeToken } from '../decode/decode-token';
import { base64UrlToText, textToBase64Url } from '../encoding/base64url-text';
import { explainToken } from './explain-token';
import type { TokenWarning } from './explained-claim';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const NOW_S = NOW / 1000;
const REFRESH = (path: string): TokenWarning => ({
  code: 'WARN_REFRESH_TOKEN_SINGLE_USE',
  severity: 'info',
  path,
  message: `${path} works once: it is valid up to 700 days or until used (a second use gets 401 after a 5-minute grace), and each refresh returns a new refresh token that you must store and use next time.`,
});
const LEGACY: TokenWarning = {
  code: 'WARN_LEGACY_PACKAGE',
  severity: 'info',
  message:
    'Only legacy installed packages receive this SSO JWT. Packages created since August 2019 ("enhanced") never get one: they use OAuth 2 (authorization code) and GET v2/userinfo instead.',
};
const NO_REFRESH = { request: { rest: { refreshToken: undefined } } };

const warningsOf = (token: string): TokenWarning[] => explainToken(decodeToken(token), { now: NOW }).warnings;
const sso = async (version: 1 | 2, extraClaims: Record<string, unknown> = {}) =>
  warningsOf(await makeEngagementSsoJwt({ version, extraClaims: { exp: NOW_S + 600, ...extraClaims } }));
const codes = (warnings: TokenWarning[]) => warnings.map((w) => w.code);
const warningsOnly = (warnings: TokenWarning[]) => warnings.filter((w) => w.severity === 'warning');

describe('token warnings', () => {
  it('WARN_DUPLICATE_KEYS names each name given twice in the header and the payload', () => {
    const header = textToBase64Url('{"alg":"HS256","typ":"JWT","typ":"JOSE"}');
    const payload = textToBase64Url(`{"sub":"a","exp":${NOW_S + 600},"sub":"admin"}`);
    expect(warningsOf(`${header}.${payload}.c2ln`)).toContainEqual({
      code: 'WARN_DUPLICATE_KEYS',
      severity: 'warning',
      path: 'sub',
      message:
        'Names given twice in the header (typ), the payload (sub): the last value of each is shown, but another parser may use the first, so systems can read this token differently. Do not accept a token like this.',
    });
    const many = textToBase64Url(`{${Array.from({ length: 7 }, (_, i) => `"c${i}":1,"c${i}":2`).join(',')}}`);
    expect(warningsOf(`${textToBase64Url('{"alg":"HS256"}')}.${many}.c2ln`).find((w) => w.code === 'WARN_DUPLICATE_KEYS')?.message).toMatch(
      /^Names given twice in the payload \(c0, c1, c2, c3, c4 and 2 more\):/,
    );
  });

  it('a fresh version 2 SSO JWT has no warning, only notes: legacy packages only, and the single-use refresh token', async () => {
    const warnings = await sso(2);
    expect(warnings).toEqual([LEGACY, REFRESH('request.rest.refreshToken')]);
    expect(warningsOnly(warnings)).toEqual([]);
  });

  it('no refresh-token note when the package has no API Integration component', async () => {
    expect(await sso(2, NO_REFRESH)).toEqual([LEGACY]);
  });

  it('WARN_EXPIRED with the time and what to do for the kind', async () => {
    const warnings = await sso(2, { exp: NOW_S - 7200 });
    expect(warnings[0]).toEqual({
      code: 'WARN_EXPIRED',
      severity: 'warning',
      path: 'exp',
      message: 'This token expired 2 h ago (2025-01-15T10:00:00Z). Open the app from Marketing Cloud again to get a fresh JWT.',
    });
    expect(warningsOf(makeGenericJwt({ exp: NOW_S }))).toEqual([
      {
        code: 'WARN_EXPIRED',
        severity: 'warning',
        path: 'exp',
        message: 'This token expired 0 s ago (2025-01-15T12:00:00Z). Get a new token from its issuer.',
      },
    ]);
    expect(warningsOf(makeGenericJwt({ exp: NOW_S + 1 }))).toEqual([]);
  });

  it('WARN_NOT_YET_VALID for nbf or iat more than 60 s ahead', () => {
    expect(warningsOf(makeGenericJwt({ exp: NOW_S + 900, nbf: NOW_S + 300 }))).toEqual([
      {
        code: 'WARN_NOT_YET_VALID',
        severity: 'warning',
        path: 'nbf',
        message: "It is not valid yet: nbf is 5 min in the future (2025-01-15T12:05:00Z). Check this computer's clock and the issuer's.",
      },
    ]);
    expect(warningsOf(makeGenericJwt({ exp: NOW_S + 900, iat: NOW_S + 120 }))).toEqual([
      {
        code: 'WARN_NOT_YET_VALID',
        severity: 'warning',
        path: 'iat',
        message: "It claims to be issued 2 min in the future (2025-01-15T12:02:00Z). Check this computer's clock and the issuer's.",
      },
    ]);
    expect(warningsOf(makeGenericJwt({ exp: NOW_S + 900, iat: NOW_S + 60, nbf: NOW_S + 59 }))).toEqual([]);
  });

  it('WARN_ALG_NONE for an unsigned token', () => {
    expect(warningsOf(makeGenericJwt({ exp: NOW_S + 60 }, { alg: 'none' }))).toEqual([
      {
        code: 'WARN_ALG_NONE',
        severity: 'warning',
        path: 'alg',
        message: 'alg is "none": this token is unsigned, so anyone can forge or change it. Never accept it.',
      },
    ]);
    expect(codes(warningsOf(makeGenericJwt({ exp: NOW_S + 60 }, { header: { alg: 'None' }, signature: '' })))).toEqual(['WARN_ALG_NONE']);
  });

  it('a version 1 SSO JWT: WARN_LIVE_TOKENS_IN_CLAIMS as a warning, then the notes, two of them for the refresh tokens', async () => {
    const warnings = await sso(1);
    expect(warnings).toEqual([
      {
        code: 'WARN_LIVE_TOKENS_IN_CLAIMS',
        severity: 'warning',
        path: 'request.user.oauthToken',
        message:
          'This JWT carries live API tokens (request.user.oauthToken, request.user.internalOauthToken, request.user.refreshToken): treat it like a password and never paste it into shared tools, tickets or logs.',
      },
      LEGACY,
      REFRESH('request.rest.refreshToken'),
      REFRESH('request.user.refreshToken'),
    ]);
  });

  it('no live-token warning when the version 1 token fields are empty', async () => {
    const warnings = await sso(1, {
      request: { user: { oauthToken: '', internalOauthToken: ' ', refreshToken: '' }, rest: { refreshToken: undefined } },
    });
    expect(warnings).toEqual([LEGACY]);
  });

  it('WARN_NO_EXPIRY: a warning for SSO JWTs and generic tokens, a note for access tokens, nothing for assertions', async () => {
    expect(await sso(2, { exp: undefined, ...NO_REFRESH })).toEqual([
      {
        code: 'WARN_NO_EXPIRY',
        severity: 'warning',
        path: 'exp',
        message: 'No exp claim, although App Center SSO JWTs carry one: do not accept this JWT for a login.',
      },
      LEGACY,
    ]);
    expect(warningsOf(makeGenericJwt({ sub: 'x' }))).toEqual([
      {
        code: 'WARN_NO_EXPIRY',
        severity: 'warning',
        path: 'exp',
        message: 'No exp claim: this token never expires on its own. Keep it secret and prefer short-lived tokens.',
      },
    ]);
    expect(warningsOf(makeEngagementAccessToken())).toEqual([
      {
        code: 'WARN_NO_EXPIRY',
        severity: 'info',
        message:
          'Engagement access tokens carry no exp: this one lasts expires_in seconds from the token response that issued it (the docs say 20 minutes).',
      },
    ]);
    const assertion = {
      iss: 's',
      sub: 's',
      aud: 'https://idp.intelligence.salesforce.com',
      iat: NOW_S,
      jti: '0123456789abcdef0123456789abcdef',
    };
    expect(warningsOf(makeGenericJwt(assertion, { alg: 'RS256' }))).toEqual([]);
  });

  it('WARN_UNDOCUMENTED_CLAIMS is a note listing paths no catalog knows, for Marketing Cloud kinds only', async () => {
    const one = await sso(2, { extra: 1, ...NO_REFRESH });
    expect(one).toEqual([
      LEGACY,
      {
        code: 'WARN_UNDOCUMENTED_CLAIMS',
        severity: 'info',
        path: 'extra',
        message: '1 claim is not in the public docs for this kind of token: extra. They are shown as found.',
      },
    ]);
    const many = await sso(2, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, ...NO_REFRESH });
    expect(many[1]!.message).toBe(
      '7 claims are not in the public docs for this kind of token: a, b, c, d, e and 2 more. They are shown as found.',
    );
    expect(warningsOf(makeGenericJwt({ exp: NOW_S + 60, custom: 1 }))).toEqual([]);
  });

  it('fields known but undocumented (access token payload "seen in real tokens") are not listed as unknown; a new one is', () => {
    const token = makeEngagementAccessToken();
    expect(codes(warningsOf(token))).toEqual(['WARN_NO_EXPIRY']);
    const explained = explainToken(decodeToken(token), { now: NOW });
    expect(explained.claims.every((c) => !c.documented)).toBe(true);
    const [header, payload, mac, opaque] = token.split('.');
    const fields = { ...(JSON.parse(base64UrlToText(payload!)) as object), pid: 42, extra: 1 };
    const withMore = [header, textToBase64Url(JSON.stringify(fields)), mac, opaque].join('.');
    expect(warningsOf(withMore)[1]).toMatchObject({
      code: 'WARN_UNDOCUMENTED_CLAIMS',
      path: 'extra',
      message: expect.stringMatching(/^1 claim is not in the public docs/),
    });
  });

  it('warnings come before notes whatever order they are found in', async () => {
    const warnings = await sso(2, { exp: NOW_S - 60, extra: 1 });
    expect(warnings.map((w) => w.severity)).toEqual(['warning', 'info', 'info', 'info']);
  });
});
