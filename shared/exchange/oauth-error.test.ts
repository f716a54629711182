import { describe, expect, it } from 'vitest';
import { oauthError, parseOAuthErrorBody, tokenEndpointFailure } from './oauth-error';
import type { TimedResponse } from './timed-request';
import { timedResponse } from '../../test/support/timed-response';

const response = (status: number, body: string, contentType?: string): TimedResponse =>
  timedResponse(status, body, contentType, 'https://idp.example.com/us1/token');

describe('OAuth error responses', () => {
  it.each([
    ['invalid_client', 'ERR_OAUTH_INVALID_CLIENT'],
    ['invalid_grant', 'ERR_OAUTH_INVALID_GRANT'],
    ['invalid_request', 'ERR_OAUTH_INVALID_REQUEST'],
    ['unauthorized_client', 'ERR_OAUTH_UNAUTHORIZED_CLIENT'],
    ['unsupported_grant_type', 'ERR_OAUTH_UNSUPPORTED_GRANT_TYPE'],
    ['invalid_scope', 'ERR_OAUTH_INVALID_SCOPE'],
    ['temporarily_unavailable', 'ERR_OAUTH_OTHER'],
  ])('%s becomes %s with "<error>: <description>" and a hint', (error, code) => {
    const result = parseOAuthErrorBody(JSON.stringify({ error, error_description: 'something was off' }));
    expect(result?.code).toBe(code);
    expect(result?.message).toBe(`${error}: something was off`);
    expect(result?.hint).toMatch(/\S/);
  });

  it('gives invalid_client the key/region hint', () => {
    expect(oauthError('invalid_client', 'bad signature').toPayload()).toEqual({
      code: 'ERR_OAUTH_INVALID_CLIENT',
      message: 'invalid_client: bad signature',
      hint: 'The key does not match this client id, or the client id belongs to another region. Check the region/discovery URL and that you pasted the key generated with this service account.',
    });
  });

  it('gives invalid_grant the clock/aud/jti hint', () => {
    expect(oauthError('invalid_grant').hint).toBe(
      "The signed assertion was rejected: check that this computer's clock is right (iat), that aud is exactly https://idp.intelligence.salesforce.com, and that the jti was not used before (run again for a fresh one).",
    );
  });

  it('says when the server gave no description', () => {
    expect(parseOAuthErrorBody('{"error":"invalid_grant"}')?.message).toBe('invalid_grant (the server gave no description)');
    expect(parseOAuthErrorBody('{"error":"invalid_grant","error_description":42}')?.message).toBe(
      'invalid_grant (the server gave no description)',
    );
  });

  it('sanitizes and truncates what the server says, and never echoes a token', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJzYS0xIn0.c2lnbmF0dXJlLWJ5dGVz';
    const error = parseOAuthErrorBody(
      JSON.stringify({ error: 'invalid<b>_client', error_description: `assertion ${jwt} rejected\r\n${'x'.repeat(300)}` }),
    );
    expect(error?.code).toBe('ERR_OAUTH_OTHER');
    expect(error?.message).toBe(
      `invalidb_client: assertion [token removed] rejected ${'x'.repeat(200 - 'assertion [token removed] rejected '.length)}…`,
    );
    expect(error?.message).not.toContain(jwt);
  });

  it('is null for bodies that are not RFC 6749 errors', () => {
    for (const body of ['', '<html></html>', '{"error":""}', '{"error":{"code":1}}', '{"message":"nope"}', '["invalid_client"]']) {
      expect(parseOAuthErrorBody(body)).toBeNull();
    }
  });
});

describe('tokenEndpointFailure', () => {
  it('prefers an OAuth body whatever the status', () => {
    expect(
      tokenEndpointFailure(response(401, '{"error":"invalid_client","error_description":"unknown client_id"}')).toPayload(),
    ).toMatchObject({
      code: 'ERR_OAUTH_INVALID_CLIENT',
      message: 'invalid_client: unknown client_id',
    });
    expect(tokenEndpointFailure(response(500, '{"error":"server_error"}')).code).toBe('ERR_OAUTH_OTHER');
  });

  it.each([
    [502, '<html><body>Bad Gateway</body></html>', 'text/html'],
    [200, '<!doctype html><title>Sign in</title>', 'text/plain'],
    [403, 'whatever', 'text/html; charset=utf-8'],
  ])('calls an HTML page (HTTP %d) ERR_TOKEN_ENDPOINT_NOT_JSON, maybe a proxy or wrong URL', (status, body, type) => {
    expect(tokenEndpointFailure(response(status, body, type)).toPayload()).toEqual({
      code: 'ERR_TOKEN_ENDPOINT_NOT_JSON',
      message: `The token endpoint answered HTTP ${status} with what looks like an HTML page, not JSON: a proxy may be in the way, or the URL is wrong. Check the discovery URL.`,
    });
  });

  it('calls a 5xx without an OAuth body ERR_TOKEN_ENDPOINT_HTTP', () => {
    for (const body of ['Internal Server Error', '', '{"message":"boom"}']) {
      expect(tokenEndpointFailure(response(503, body, 'text/plain')).toPayload()).toEqual({
        code: 'ERR_TOKEN_ENDPOINT_HTTP',
        message: 'The token endpoint answered HTTP 503 without an OAuth error: the service may be down. Try again later.',
      });
    }
  });

  it('calls a 4xx non-JSON body ERR_TOKEN_ENDPOINT_NOT_JSON and a bare 4xx ERR_TOKEN_ENDPOINT_HTTP', () => {
    expect(tokenEndpointFailure(response(400, 'Bad Request', 'text/plain')).toPayload()).toEqual({
      code: 'ERR_TOKEN_ENDPOINT_NOT_JSON',
      message: 'The token endpoint answered HTTP 400 with a body that is not JSON: check the discovery URL.',
    });
    expect(tokenEndpointFailure(response(404, '', 'text/plain')).toPayload()).toEqual({
      code: 'ERR_TOKEN_ENDPOINT_HTTP',
      message: 'The token endpoint answered HTTP 404 without an OAuth error: check the discovery URL and try again.',
    });
  });
});
