// The whole of explainToken's output for fixed tokens, held in a file: the decoder and explainer are tuned for speed,
// and a restructuring that changes any row, reading, warning or their order fails here. To regenerate on purpose, run
// this file with `-u` and review the diff.
import { describe, expect, it } from 'vitest';
import { RECORDED_EXECUTE_PAYLOAD } from '../../test/support/custom-activity-calls';
import { decodeToken } from '../decode/decode-token';
import { encodeToken } from '../decode/encode-token';
import { textToBase64Url } from '../encoding/base64url-text';
import { explainToken } from './explain-token';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const NOW_S = NOW / 1000;
const SIGNATURE = new Uint8Array(32).map((_, i) => i * 7);
const HS256 = { alg: 'HS256', typ: 'JWT' };
const AUTH = 'https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/v1/requestToken';
const REST = 'https://mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com/';

/** The benchmark's token: an App Center SSO JWT, claims version 2, as the samples build it. */
const V2_CLAIMS = {
  exp: NOW_S + 240,
  jti: 'f936853b-49a7-4ed4-85ce-2e6fd5fd2aa1',
  request: {
    claimsVersion: 2,
    user: {
      id: 7012345,
      email: 'ada.lovelace@example.com',
      culture: 'en-US',
      timezone: { longName: '(GMT-06:00) Central Time (No Daylight Saving)', shortName: 'CST', offset: -6, dst: false },
    },
    organization: { id: 514009876, enterpriseId: 514001234, dataContext: 'tiered', stackKey: 'S7', region: 'NA1' },
    application: {
      id: '2a7d4f0c-5b1e-4c3a-9d8f-6e1b0a2c3d4e',
      package: 'com.example.mctokenworkbench',
      customerEnvironment: 'Prod',
      redirectUrl: 'https://workbench.example.com/sso/login',
      features: {},
      userPermissions: [],
    },
    rest: { authEndpoint: AUTH, apiEndpointBase: REST, refreshToken: 'RtaDDsAfKlavXS8PU8v-tMzytL' },
  },
};

/** A legacy (version 1) JWT: live tokens, expiresIn without iat, a legacy host, daylight saving, expired. */
const V1_CLAIMS = {
  exp: NOW_S - 7200,
  jti: '0123456789abcdef0123456789ABCDEF',
  iss: 'https://imh.exacttarget.com',
  request: {
    claimsVersion: 1,
    user: {
      id: 1,
      culture: 'fr-CA',
      timezone: { offset: '0', dst: true },
      oauthToken: 'live-rest-token',
      internalOauthToken: 'live-soap-token',
      refreshToken: 'live-refresh-token',
      expiresIn: 3479,
    },
    organization: { id: 7, enterpriseId: 7, dataContext: 'enterprise', stackKey: 'S51', region: 'EU1' },
    rest: { authEndpoint: 'https://auth.exacttargetapis.com/v1/requestToken', apiEndpointBase: 'http://www.exacttargetapis.com/' },
    extra: { unknown: [1, { deep: null }] },
  },
};

/** Generic claims: registered and OpenID ones, arrays, empties, a date in milliseconds, nbf in the future, odd header parameters. */
const GENERIC_CLAIMS = {
  iss: 'https://issuer.example',
  sub: 'user-1',
  aud: ['a', 'b'],
  iat: NOW_S - 60,
  nbf: NOW_S + 3600,
  exp: (NOW_S + 86_400) * 1000,
  jti: 'opaque',
  email: 'someone@example.com',
  email_verified: true,
  roles: [],
  nested: { list: [{ x: 1 }, 'two', [3]], empty: {}, text: 'é€😀' },
  '1': 'an integer-like name',
};

function b64(text: string): string {
  return textToBase64Url(text);
}

const CASES: Record<string, string> = {
  'engagement-sso-v2': encodeToken(HS256, V2_CLAIMS, SIGNATURE),
  'engagement-sso-v1': encodeToken(HS256, V1_CLAIMS, SIGNATURE),
  'engagement-sso-v2 without exp, pasted as a Bearer header': `Authorization: Bearer ${encodeToken(HS256, { ...V2_CLAIMS, exp: undefined }, SIGNATURE)}`,
  generic: encodeToken({ ...HS256, kid: 'k1', x5t: 'abc', custom: { a: 1 } }, GENERIC_CLAIMS, SIGNATURE),
  'alg none, no exp': encodeToken({ alg: 'none' }, { sub: 'x' }),
  'duplicate names': `${b64('{"alg":"HS256","alg":"none"}')}.${b64('{"sub":"a","request":{"user":{"id":1,"id":2}},"sub":"b"}')}.`,
  'engagement access token': `${encodeToken({ alg: 'HS256', kid: '4', ver: '1', typ: 'JWT' }, { access_token: 'abc', client_id: 'q8w1', eid: 514001234, stack_key: 'S7', platform_version: 2, client_type: 'ServerToServer' }, SIGNATURE)}.opaque`,
  'custom activity': encodeToken(HS256, { ...RECORDED_EXECUTE_PAYLOAD, exp: NOW_S + 60 }, SIGNATURE),
  'intelligence assertion': encodeToken(
    { alg: 'RS256', typ: 'JWT' },
    { iss: 'client', sub: 'client', aud: 'https://idp.intelligence.salesforce.com"', jti: 'abc', exp: NOW_S + 300 },
    SIGNATURE,
  ),
  'plain JWS text payload': `${b64('{"alg":"HS256"}')}.${b64('{"not json')}.`,
  'binary payload': `${b64('{"alg":"HS256"}')}.AAEC_w.`,
};

describe('explainToken: whole outputs for fixed tokens', () => {
  it('gives exactly the recorded explanations', async () => {
    const outputs = Object.fromEntries(
      Object.entries(CASES).map(([name, token]) => [name, explainToken(decodeToken(token), { now: NOW, decodedAt: NOW - 1000 })]),
    );
    await expect(`${JSON.stringify(outputs, null, 2)}\n`).toMatchFileSnapshot('./explain-token.golden.json');
  });
});
