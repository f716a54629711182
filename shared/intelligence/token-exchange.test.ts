import { importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdpServer, type IdpServer } from '../../test/support/idp-server';
import { testKeyPair } from '../../test/support/test-keys';
import { ASSERTION_HEADER, buildAssertionClaims } from './assertion-claims';
import { signAssertion } from './sign-assertion';
import type { TimedResponse } from '../exchange/timed-request';
import { CLIENT_ASSERTION_TYPE, buildTokenRequest, exchangeToken, readTokenResponse, tokenRequestParams } from './token-exchange';
import { timedResponse } from '../../test/support/timed-response';

const endpoint = new URL('https://idp.intelligence.salesforce.com/us1/token');
const params = tokenRequestParams('sa-1', 'aaa.bbb.ccc');
const response = (status: number, body: string, contentType?: string): TimedResponse =>
  timedResponse(status, body, contentType, endpoint.href);

describe('token request', () => {
  it('carries the four RFC 7523 parameters', () => {
    expect(CLIENT_ASSERTION_TYPE).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(params).toEqual([
      ['grant_type', 'client_credentials'],
      ['client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'],
      ['client_id', 'sa-1'],
      ['client_assertion', 'aaa.bbb.ccc'],
    ]);
  });

  it('form style: a form-encoded POST body on the plain endpoint', () => {
    const { url, request } = buildTokenRequest(endpoint, params, 'form');
    expect(url.href).toBe(endpoint.href);
    expect(request).toEqual({
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_id=sa-1&client_assertion=aaa.bbb.ccc',
    });
  });

  it('query style: the same parameters in the query string of a POST without a body, keeping an existing query', () => {
    const { url, request } = buildTokenRequest(new URL('https://idp.example.com/token?tenant=a'), params, 'query');
    expect(url.searchParams.get('tenant')).toBe('a');
    expect([...url.searchParams].slice(1)).toEqual(params);
    expect(request).toEqual({ method: 'POST', headers: { Accept: 'application/json' } });
  });
});

describe('readTokenResponse', () => {
  it('returns the token and 300 s without warnings', () => {
    expect(readTokenResponse(response(200, '{"access_token":"opaque","token_type":"Bearer","expires_in":300}'))).toEqual({
      accessToken: 'opaque',
      expiresIn: 300,
      warnings: [],
    });
  });

  it('assumes 300 s and warns when expires_in is missing', () => {
    expect(readTokenResponse(response(200, '{"access_token":"opaque"}'))).toEqual({
      accessToken: 'opaque',
      expiresIn: 300,
      warnings: [
        { code: 'WARN_EXPIRES_IN_UNEXPECTED', message: 'The token response has no expires_in: assuming 300 s (5 minutes), as documented.' },
      ],
    });
  });

  it('uses another expires_in but warns', () => {
    expect(readTokenResponse(response(200, '{"access_token":"opaque","expires_in":3600}'))).toEqual({
      accessToken: 'opaque',
      expiresIn: 3600,
      warnings: [
        {
          code: 'WARN_EXPIRES_IN_UNEXPECTED',
          message: 'The token response says expires_in 3600 s where the docs say 300 s (5 minutes): using 3600 s.',
        },
      ],
    });
  });

  it.each(['"300"', '-5', '0', 'null'])('assumes 300 s and warns when expires_in is %s', (value) => {
    const answer = readTokenResponse(response(200, `{"access_token":"opaque","expires_in":${value}}`));
    expect(answer.expiresIn).toBe(300);
    expect(answer.warnings).toEqual([
      {
        code: 'WARN_EXPIRES_IN_UNEXPECTED',
        message: 'The token response has an expires_in that is not a positive number: assuming 300 s (5 minutes), as documented.',
      },
    ]);
  });

  it.each(['{"token_type":"Bearer"}', '{"access_token":""}', '{"access_token":7}', '', '[]'])(
    'rejects a 200 without access_token: %j',
    (body) => {
      expect(() => readTokenResponse(response(200, body))).toThrow(
        expect.objectContaining({
          code: 'ERR_TOKEN_RESPONSE_INVALID',
          message: 'The token endpoint answered HTTP 200 without an access_token: check that the token endpoint is the one from discovery.',
        }),
      );
    },
  );

  it('reads an OAuth error even on a 200', () => {
    expect(() => readTokenResponse(response(200, '{"error":"invalid_grant","error_description":"nope"}'))).toThrow(
      expect.objectContaining({ code: 'ERR_OAUTH_INVALID_GRANT', message: 'invalid_grant: nope' }),
    );
  });

  it('reports an HTML 200 as ERR_TOKEN_ENDPOINT_NOT_JSON and errors by their OAuth code', () => {
    expect(() => readTokenResponse(response(200, '<html><body>login</body></html>', 'text/html'))).toThrow(
      expect.objectContaining({ code: 'ERR_TOKEN_ENDPOINT_NOT_JSON' }),
    );
    expect(() => readTokenResponse(response(401, '{"error":"invalid_client","error_description":"unknown client_id"}'))).toThrow(
      expect.objectContaining({ code: 'ERR_OAUTH_INVALID_CLIENT', message: 'invalid_client: unknown client_id' }),
    );
  });
});

describe('exchangeToken against the local identity provider', () => {
  let server: IdpServer;
  let key: CryptoKey;
  beforeAll(async () => {
    server = await startIdpServer({ clients: { 'sa-1': testKeyPair().publicPem } });
    key = await importPKCS8(testKeyPair().pkcs8Pem, 'RS256');
  });
  afterAll(() => server.close());

  it.each(['form', 'query'] as const)('gets a token with the %s style', async (style) => {
    const assertion = await signAssertion(
      { ...ASSERTION_HEADER },
      buildAssertionClaims('sa-1', Date.now(), () => crypto.randomUUID()),
      key,
    );
    const answer = await exchangeToken(new URL(server.tokenUrl('eu1')), tokenRequestParams('sa-1', assertion), style, { fetch });
    expect(server.hasIssued(answer.accessToken)).toBe(true);
    expect(answer.expiresIn).toBe(300);
    expect(answer.warnings).toEqual([]);
    expect(server.requests.at(-1)).toMatchObject({ endpoint: 'token', style, status: 200 });
  });

  it('surfaces the OAuth error of a rejected request', async () => {
    const assertion = await signAssertion(
      { ...ASSERTION_HEADER },
      buildAssertionClaims('sa-unknown', Date.now(), () => crypto.randomUUID()),
      key,
    );
    await expect(
      exchangeToken(new URL(server.tokenUrl('eu1')), tokenRequestParams('sa-unknown', assertion), 'form', { fetch }),
    ).rejects.toMatchObject({
      code: 'ERR_OAUTH_INVALID_CLIENT',
      message: 'invalid_client: unknown client_id',
    });
  });
});
