import { describe, expect, it } from 'vitest';
import { workbenchThrow } from '../../test/support/rejection';
import type { TimedResponse } from '../exchange/timed-request';
import { buildS2sTokenRequest, readS2sTokenResponse } from './s2s-token';
import { timedResponse } from '../../test/support/timed-response';

const response = (status: number, body: string): TimedResponse => timedResponse(status, body);

describe('v2/token request and answer', () => {
  it('posts JSON with grant_type, client_id, client_secret and only the optional fields given', () => {
    const { url, request } = buildS2sTokenRequest(new URL('https://t.auth.marketingcloudapis.com/'), {
      clientId: 'id',
      clientSecret: 's',
      scope: '',
      accountId: '42',
    });
    expect(url.href).toBe('https://t.auth.marketingcloudapis.com/v2/token');
    expect(request.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(request.body!)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'id',
      client_secret: 's',
      scope: '',
      account_id: '42',
    });
    expect(JSON.parse(buildS2sTokenRequest(url, { clientId: 'id', clientSecret: 's' }).request.body!)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'id',
      client_secret: 's',
    });
  });

  it('reads the answer and assumes the documented 20 minutes only when expires_in is unusable', () => {
    const answer = readS2sTokenResponse(
      response(
        200,
        '{"access_token":"a.b.c.d","token_type":"Bearer","expires_in":1080,"scope":"email_read","rest_instance_url":"https://r/"}',
      ),
    );
    expect(answer).toEqual({
      accessToken: 'a.b.c.d',
      tokenType: 'Bearer',
      expiresIn: 1080,
      scope: 'email_read',
      restInstanceUrl: 'https://r/',
      soapInstanceUrl: null,
      warnings: [],
    });
    expect(readS2sTokenResponse(response(200, '{"access_token":"t","expires_in":"soon"}')).warnings).toEqual([
      {
        code: 'WARN_EXPIRES_IN_UNEXPECTED',
        message: 'The token response has no usable expires_in: assuming 1200 s (20 minutes), as documented.',
      },
    ]);
  });

  it('refuses a 200 without a token or with an oversized one, and codes an OAuth error sent with 200', () => {
    expect(workbenchThrow(() => readS2sTokenResponse(response(200, '{}')))).toMatchObject({
      code: 'ERR_TOKEN_RESPONSE_INVALID',
      message: "The token endpoint answered HTTP 200 without a usable access_token: check that the auth base URL is the tenant's.",
    });
    expect(workbenchThrow(() => readS2sTokenResponse(response(200, JSON.stringify({ access_token: 'x'.repeat(9000) })))).code).toBe(
      'ERR_TOKEN_RESPONSE_INVALID',
    );
    expect(workbenchThrow(() => readS2sTokenResponse(response(200, '{"error":"access_denied"}'))).code).toBe('ERR_OAUTH_ACCESS_DENIED');
    expect(workbenchThrow(() => readS2sTokenResponse(response(200, 'not json'))).code).toBe('ERR_TOKEN_ENDPOINT_NOT_JSON');
  });
});
