import { describe, expect, it } from 'vitest';
import {
  makeEngagementAccessToken,
  makeEngagementSsoJwt,
  makeGenericJwt,
  V1_CLAIM_PATHS,
  V2_CLAIM_PATHS,
} from '../../test/support/engagement-tokens';
import { decodeToken } from '../decode/decode-token';
import { encodeToken } from '../decode/encode-token';
import { explainToken, UNDOCUMENTED_CLAIM, UNDOCUMENTED_HEADER } from './explain-token';
import type { ExplainedClaim, TokenExplanation } from './explained-claim';
import { MAX_EXPLAIN_DEPTH } from './explain-leaves';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const NOW_S = NOW / 1000;

function row(explanation: TokenExplanation, path: string): ExplainedClaim {
  const found = explanation.claims.find((c) => c.path === path);
  if (found === undefined) throw new Error(`no row for ${path}`);
  return found;
}

async function explainSso(version: 1 | 2, extraClaims: Record<string, unknown> = {}): Promise<TokenExplanation> {
  const token = await makeEngagementSsoJwt({ version, extraClaims: { exp: NOW_S + 240, ...extraClaims } });
  return explainToken(decodeToken(token), { now: NOW });
}

describe('explainToken: App Center SSO JWT', () => {
  it.each([
    [2, V2_CLAIM_PATHS],
    [1, V1_CLAIM_PATHS],
  ] as const)('claims version %i: one documented row per documented path, in document order', async (version, paths) => {
    const explanation = await explainSso(version);
    expect(explanation.kind).toBe(`engagement-sso-v${version}`);
    expect(explanation.kindLabel).toBe(
      `Marketing Cloud Engagement App Center SSO JWT (claims version ${version}${version === 1 ? ', legacy' : ''})`,
    );
    expect(explanation.claims.map((c) => c.path)).toEqual(paths);
    for (const claim of explanation.claims) {
      expect(claim.documented, claim.path).toBe(true);
      expect(claim.explanation, claim.path).not.toBe(UNDOCUMENTED_CLAIM);
      expect(claim.explanation.length, claim.path).toBeGreaterThan(15);
    }
  });

  it('keeps the raw values', async () => {
    const explanation = await explainSso(2);
    expect(row(explanation, 'request.user.timezone.offset').value).toBe(-6);
    expect(row(explanation, 'request.application.features').value).toEqual({});
    expect(row(explanation, 'request.application.userPermissions').value).toEqual([]);
  });

  it('interprets the claims', async () => {
    const explanation = await explainSso(2);
    const reading = (path: string) => row(explanation, path).interpretation;
    expect(reading('exp')).toBe('2025-01-15T12:04:00Z (expires in 4 min)');
    expect(reading('jti')).toBe('A UUID: random and unique per token.');
    expect(reading('request.claimsVersion')).toBe('Claims version 2 (current)');
    expect(reading('request.user.culture')).toBe('English (United States)');
    expect(reading('request.user.timezone.offset')).toBe('UTC-06:00; dst false: no daylight saving');
    expect(reading('request.organization.dataContext')).toBe('Enterprise');
    expect(reading('request.organization.stackKey')).toBeNull();
    expect(reading('request.organization.region')).toBe('North America (NA1)');
    expect(reading('request.organization.id')).toBe(
      'Differs from enterpriseId (514001234): a business unit (sub-account) of that enterprise.',
    );
    expect(reading('request.application.customerEnvironment')).toBe("Production (the docs' example value)");
    expect(reading('request.rest.authEndpoint')).toBe('Tenant subdomain mc563885gzs27c5t9-63k636ttgm, auth service');
    expect(reading('request.rest.apiEndpointBase')).toBe('Tenant subdomain mc563885gzs27c5t9-63k636ttgm, rest service');
    expect(reading('request.user.email')).toBeNull();
  });

  it('explains the refresh token and the documented-as-unused claims', async () => {
    const explanation = await explainSso(2);
    expect(row(explanation, 'request.rest.refreshToken').explanation).toMatch(/700 days or until used once.*new one to use next time/);
    for (const path of ['request.application.features', 'request.application.userPermissions']) {
      expect(row(explanation, path)).toMatchObject({ documented: true, unused: true, explanation: 'Documented as not used.' });
    }
    expect(explanation.claims.filter((c) => c.unused).map((c) => c.path)).toEqual([
      'request.application.features',
      'request.application.userPermissions',
    ]);
  });

  it('in version 2 marks the four version 1 user tokens as not used', async () => {
    const explanation = await explainSso(2, {
      request: { user: { oauthToken: 'a', internalOauthToken: 'b', refreshToken: 'c', expiresIn: 1200 } },
    });
    for (const field of ['oauthToken', 'internalOauthToken', 'refreshToken', 'expiresIn']) {
      const claim = row(explanation, `request.user.${field}`);
      expect(claim.documented).toBe(true);
      expect(claim.unused).toBe(true);
      expect(claim.explanation).toMatch(/^In claims version 2 this is not used/);
    }
  });

  it('in version 1 explains the live tokens and reads expiresIn', async () => {
    const explanation = await explainSso(1, { iat: NOW_S - 60 });
    expect(row(explanation, 'request.user.oauthToken')).toMatchObject({
      unused: false,
      explanation: expect.stringMatching(/live REST API access token, valid 1 hour/),
    });
    expect(row(explanation, 'request.user.internalOauthToken').explanation).toMatch(/SOAP API token \(the "legacy token"\)/);
    expect(row(explanation, 'request.user.expiresIn').interpretation).toBe(
      '1200 s (20 min) counted from iat: ends 2025-01-15T12:19:00Z (expires in 19 min)',
    );
    expect(row(explanation, 'iss').interpretation).toBe(
      'The issuer seen in legacy App Center SSO JWTs (Salesforce does not document one).',
    );
    expect(row(explanation, 'iat').interpretation).toBe('2025-01-15T11:59:00Z (issued 1 min ago)');
  });

  it('explains the header parameters', async () => {
    const explanation = await explainSso(2);
    expect(explanation.header.map((h) => [h.path, h.value, h.documented])).toEqual([
      ['alg', 'HS256', true],
      ['typ', 'JWT', true],
    ]);
    expect(explanation.header[0]!.interpretation).toBe(
      "HMAC with SHA-256: signed and checked with one shared secret (the package's JWT signing secret)",
    );
  });

  it('flags undocumented claims in place and never drops them', async () => {
    const explanation = await explainSso(2, { request: { user: { nickname: 'Ada' } }, custom: { a: 1 } });
    const paths = explanation.claims.map((c) => c.path);
    expect(paths.indexOf('request.user.nickname')).toBe(paths.indexOf('request.user.timezone.dst') + 1);
    expect(paths.at(-1)).toBe('custom.a');
    for (const path of ['request.user.nickname', 'custom.a']) {
      expect(row(explanation, path)).toEqual({
        path,
        value: path === 'custom.a' ? 1 : 'Ada',
        explanation: UNDOCUMENTED_CLAIM,
        documented: false,
        interpretation: null,
        unused: false,
      });
    }
  });

  it('explains whatever sits inside the documented-but-unused claims as part of them', async () => {
    const explanation = await explainSso(2, {
      request: { application: { features: { beta: true }, userPermissions: [{ name: 'Admin' }, 'Read'] } },
    });
    for (const path of [
      'request.application.features.beta',
      'request.application.userPermissions.0.name',
      'request.application.userPermissions.1',
    ]) {
      expect(row(explanation, path)).toMatchObject({ documented: true, unused: true, explanation: 'Documented as not used.' });
    }
  });
});

describe('explainToken: corrected explanations (newer docs over the older "Explanation of the Decoded JWT" page)', () => {
  const explanationOf = async (version: 1 | 2, path: string) => row(await explainSso(version), path).explanation;

  it("enterpriseId: an agency sub-account's is the agency client's id, not the top-level parent's", async () => {
    expect(await explanationOf(2, 'request.organization.enterpriseId')).toBe(
      "The enterprise id: the MID of the top-level (parent) account. For an agency sub-account it is the agency client's id, not the top-level parent's.",
    );
  });

  it('stackKey: stacks beyond S50 are ordinary, and URLs come from the tenant-specific endpoints, not the stack', async () => {
    const explanation = await explainSso(2, { request: { organization: { stackKey: 'S11' } } });
    expect(row(explanation, 'request.organization.stackKey')).toMatchObject({
      interpretation: null,
      explanation:
        'The server instance (stack) of the account, e.g. S7 or S11. Do not build URLs from it: use the tenant-specific endpoints (request.rest.apiEndpointBase, then GET platform/v1/endpoints).',
    });
    expect(row(explanation, 'request.organization.stackKey').explanation).not.toMatch(/SOAP|usual/);
  });

  it('timezone.offset and dst: offset looks like the standard offset, dst whether daylight saving applies', async () => {
    const london = await explainSso(2, { request: { user: { timezone: { longName: 'London', shortName: 'GMT', offset: 0, dst: true } } } });
    expect(row(london, 'request.user.timezone.offset')).toMatchObject({
      explanation:
        "The user's time-zone offset from UTC, in hours (e.g. -6.0). It looks like the standard offset, with dst saying whether daylight saving applies: the docs' userinfo example shows London as offset 0, dst true. The docs say no more.",
      interpretation: 'UTC+00:00, apparently the standard offset; dst true: daylight saving applies (then usually UTC+01:00)',
    });
    expect(row(london, 'request.user.timezone.dst').explanation).toMatch(/^Whether daylight saving time applies to the user's time zone/);
  });

  it('v1 expiresIn: the docs are ambiguous; without iat it counts from when the JWT was decoded and says so', async () => {
    const token = await makeEngagementSsoJwt({ version: 1, extraClaims: { exp: NOW_S + 240 } });
    const explanation = explainToken(decodeToken(token), { now: NOW, decodedAt: NOW - 120_000 });
    expect(decodeToken(token).payload.iat).toBeUndefined();
    expect(row(explanation, 'request.user.expiresIn')).toMatchObject({
      explanation:
        'A lifetime in seconds, e.g. 1200. The docs are ambiguous: the older page ties it to internalOauthToken, while the SDKs apply it to oauthToken, counted from when the JWT arrives (these JWTs carry no iat).',
      interpretation:
        '1200 s (20 min) counted from when this JWT was decoded, as it has no iat: ends about 2025-01-15T12:18:00Z (expires in 18 min)',
    });
  });

  it('customerEnvironment: no documented values; application.id is the package id; redirectUrl is where SSO lands', async () => {
    expect(await explanationOf(2, 'request.application.customerEnvironment')).toBe(
      'Tells a production account from a development one, e.g. Prod; the docs publish no list of values.',
    );
    expect(
      row(await explainSso(2, { request: { application: { customerEnvironment: 'Dev' } } }), 'request.application.customerEnvironment')
        .interpretation,
    ).toBeNull();
    expect(await explanationOf(2, 'request.application.id')).toBe('The package id (called "App ID" in the old App Center).');
    expect(await explanationOf(2, 'request.application.redirectUrl')).toBe('Where to send the user after a successful SSO login.');
  });

  it('v1 iss: Salesforce documents no issuer; the usual value is what was seen', async () => {
    const explanation = await explainSso(1);
    expect(row(explanation, 'iss').explanation).toBe(
      'Issuer (RFC 7519 §4.1.1). Salesforce does not document an issuer for SSO JWTs; legacy ones were seen with https://imh.exacttarget.com.',
    );
    expect(row(await explainSso(1, { iss: 'https://example.com' }), 'iss').interpretation).toBe(
      'Not the issuer seen in legacy App Center SSO JWTs (https://imh.exacttarget.com); Salesforce does not document one.',
    );
  });

  it('legacy ExactTarget hosts in authEndpoint and apiEndpointBase are legacy, not invalid', async () => {
    const explanation = await explainSso(2, {
      request: {
        rest: { authEndpoint: 'https://auth.exacttargetapis.com/v1/requestToken', apiEndpointBase: 'https://www.exacttargetapis.com/' },
      },
    });
    for (const path of ['request.rest.authEndpoint', 'request.rest.apiEndpointBase']) {
      expect(row(explanation, path).interpretation, path).toMatch(
        /^A legacy shared ExactTarget host\. Current docs require the tenant-specific/,
      );
      expect(row(explanation, path).explanation, path).toMatch(/legacy shared host/);
    }
  });
});

describe('explainToken: other kinds', () => {
  it('descends arrays by index and ignores the index for the catalog', () => {
    const payload = { aud: ['api', 'web'], roles: [], nested: { list: [{ x: 1 }], empty: {} }, n: null };
    const explanation = explainToken(decodeToken(encodeToken({ alg: 'HS256' }, payload)), { now: NOW });
    expect(explanation.claims.map((c) => c.path)).toEqual(['aud.0', 'aud.1', 'roles', 'nested.list.0.x', 'nested.empty', 'n']);
    expect(row(explanation, 'aud.1')).toMatchObject({ value: 'web', documented: true, explanation: expect.stringMatching(/^Audience/) });
    expect(row(explanation, 'roles')).toMatchObject({ value: [], documented: false });
    expect(row(explanation, 'nested.empty').value).toEqual({});
    expect(explanation.kind).toBe('generic');
    expect(explanation.kindLabel).toBe('JSON Web Token');
  });

  it('explains registered claims of a generic JWT', () => {
    const explanation = explainToken(
      decodeToken(makeGenericJwt({ sub: '1234567890', iat: NOW_S - 180, nbf: NOW_S - 180, exp: NOW_S + 3600 })),
      { now: NOW },
    );
    expect(explanation.claims.map((c) => [c.path, c.documented, c.interpretation])).toEqual([
      ['sub', true, null],
      ['iat', true, '2025-01-15T11:57:00Z (issued 3 min ago)'],
      ['nbf', true, '2025-01-15T11:57:00Z (valid since 3 min ago)'],
      ['exp', true, '2025-01-15T13:00:00Z (expires in 1 h)'],
    ]);
  });

  it('explains an Intelligence client assertion', () => {
    const payload = {
      iss: 'svc-1',
      sub: 'svc-1',
      aud: 'https://idp.intelligence.salesforce.com"',
      iat: NOW_S - 5,
      jti: '7f3f4b0e9c2d4a1b8e6f2d5c9b1a7e40',
    };
    const explanation = explainToken(decodeToken(makeGenericJwt(payload, { alg: 'RS256' })), { now: NOW });
    expect(explanation.kind).toBe('intelligence-assertion');
    expect(explanation.claims.map((c) => c.interpretation)).toEqual([
      'iss equals sub: the service account id, as required.',
      'iss equals sub: the service account id, as required.',
      "Ends with a stray '\"' copied from a typo in the docs' sample: remove it.",
      '2025-01-15T11:59:55Z (issued 5 s ago)',
      '32 lowercase hex digits: a UUID without dashes, as documented.',
    ]);
    expect(explanation.claims.every((c) => c.documented)).toBe(true);
    expect(explanation.header[0]!.interpretation).toMatch(
      /signed by this app with the service account's private key, checked by the identity provider with the matching public key$/,
    );
  });

  it('explains the four-segment access token, its fields and its odd header', () => {
    const explanation = explainToken(decodeToken(makeEngagementAccessToken({ clientType: 'Confidential' })), { now: NOW });
    expect(explanation.kindLabel).toBe('Marketing Cloud Engagement access token (four segments)');
    expect(explanation.claims.map((c) => [c.path, c.documented])).toEqual([
      ['access_token', false],
      ['client_id', false],
      ['eid', false],
      ['stack_key', false],
      ['platform_version', false],
      ['client_type', false],
    ]);
    for (const claim of explanation.claims) expect(claim.explanation, claim.path).toMatch(/^Seen in real tokens, not documented: /);
    expect(row(explanation, 'stack_key').interpretation).toBeNull();
    expect(row(explanation, 'client_type').interpretation).toBe('A web app integration (a confidential client, authorization code grant).');
    const ver = explanation.header.find((h) => h.path === 'ver');
    expect(ver).toMatchObject({
      value: '1',
      documented: false,
      explanation: expect.stringMatching(/^Seen in real tokens, not documented: .*not a registered header parameter\.$/),
    });
    expect(explanation.header.find((h) => h.path === 'kid')).toMatchObject({ value: '4', documented: true });
  });

  it('explains the OpenID Connect ID token and standard claims of a generic JWT instead of calling them undocumented', () => {
    const payload = {
      iss: 'https://id.example.com',
      sub: 'u1',
      aud: 'client-1',
      exp: NOW_S + 300,
      iat: NOW_S - 60,
      auth_time: NOW_S - 120,
      nonce: 'n-0S6_WzA2Mj',
      azp: 'client-1',
      at_hash: 'MTIzNDU2Nzg5MDEyMzQ1Ng',
      c_hash: 'LDktKdoQak3Pk0cnXxCltA',
      acr: 'urn:mace:incommon:iap:silver',
      amr: ['pwd', 'mfa'],
      sid: '08a5019c-17e1-4977-8f42-65a12843ea02',
      name: 'Ada Lovelace',
      given_name: 'Ada',
      family_name: 'Lovelace',
      middle_name: 'King',
      nickname: 'Ada',
      preferred_username: 'ada',
      profile: 'https://example.com/ada',
      picture: 'https://example.com/ada.png',
      website: 'https://example.com',
      email: 'ada@example.com',
      email_verified: true,
      gender: 'female',
      birthdate: '1815-12-10',
      zoneinfo: 'Europe/London',
      locale: 'en-GB',
      phone_number: '+44 20 7946 0000',
      phone_number_verified: false,
      address: {
        formatted: "12 St James's Square, London",
        street_address: "12 St James's Square",
        locality: 'London',
        region: 'Greater London',
        postal_code: 'SW1Y 4LB',
        country: 'UK',
      },
      updated_at: NOW_S - 3 * 86_400,
    };
    const explanation = explainToken(decodeToken(makeGenericJwt(payload)), { now: NOW });
    for (const claim of explanation.claims) {
      expect(claim.documented, claim.path).toBe(true);
      expect(claim.explanation, claim.path).not.toBe(UNDOCUMENTED_CLAIM);
    }
    expect(row(explanation, 'amr.1').explanation).toMatch(/^Authentication methods references/);
    expect(row(explanation, 'address.locality').explanation).toBe('City or locality (OpenID Connect Core §5.1.1).');
    expect(row(explanation, 'email').explanation).toMatch(/OpenID Connect Core §5\.1\)\.$/);
    expect(row(explanation, 'auth_time').interpretation).toBe('2025-01-15T11:58:00Z (authenticated 2 min ago)');
    expect(row(explanation, 'updated_at').interpretation).toBe('2025-01-12T12:00:00Z (updated 3 d ago)');
    // OpenID claims are top-level claims: nested under an SSO JWT's request.user they stay undocumented.
    expect(explainToken(decodeToken(makeGenericJwt({ custom: { email: 'x' } })), { now: NOW }).claims[0]!.documented).toBe(false);
  });

  it('flags unknown header parameters', () => {
    const explanation = explainToken(decodeToken(makeGenericJwt({ sub: 'x' }, { header: { zzz: 1, jwk: { kty: 'RSA', n: 'abc' } } })), {
      now: NOW,
    });
    expect(explanation.header.map((h) => [h.path, h.documented])).toEqual([
      ['alg', true],
      ['typ', true],
      ['zzz', false],
      ['jwk.kty', true],
      ['jwk.n', true],
    ]);
    expect(explanation.header[2]!.explanation).toBe(UNDOCUMENTED_HEADER);
  });

  it('shows absurdly deep nesting as one leaf instead of failing', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 60; i++) deep = { d: deep };
    const explanation = explainToken(decodeToken(encodeToken({ alg: 'HS256' }, { deep })), { now: NOW });
    expect(explanation.claims).toHaveLength(1);
    expect(explanation.claims[0]!.path.split('.')).toHaveLength(MAX_EXPLAIN_DEPTH);
  });

  it('uses the current time when no `now` is given', () => {
    const explanation = explainToken(decodeToken(makeGenericJwt({ exp: Math.floor(Date.now() / 1000) + 10 * 86_400 })));
    expect(explanation.claims[0]!.interpretation).toMatch(/\(expires in 9 d\)$/);
  });
});
