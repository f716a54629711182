import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OTHER_MID, REFRESH_GRACE_MS, SAMPLE_MID, SAMPLE_PACKAGE, startEngagementServer, type EngagementServer } from './index';

let server: EngagementServer;
beforeAll(async () => {
  server = await startEngagementServer({
    packages: [
      SAMPLE_PACKAGE,
      { clientId: 'web-app-client', clientSecret: 'web-secret', scopes: ['email_read'], accounts: ['1'], integration: 'web-app' },
      { clientId: 'no-api-client', clientSecret: 'none-secret', scopes: [], accounts: ['1'], integration: 'none' },
    ],
  });
});
afterAll(() => server.close());
beforeEach(() => server.setFault('none'));

const good = { grant_type: 'client_credentials', client_id: SAMPLE_PACKAGE.clientId, client_secret: SAMPLE_PACKAGE.clientSecret };

async function token(body: unknown, contentType = 'application/json'): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.authBaseUrl}v2/token`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text } };
}

async function get(path: string, accessToken?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = accessToken === undefined ? {} : { Authorization: `Bearer ${accessToken}` };
  const response = await fetch(`${server.authBaseUrl}${path}`, { headers });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('v2/token', () => {
  it('issues a four-segment token with the package scopes, its REST and SOAP URLs, and a lifetime', async () => {
    const { status, json } = await token(good);
    expect(status).toBe(200);
    expect(String(json.access_token).split('.')).toHaveLength(4);
    expect(json).toMatchObject({ token_type: 'Bearer', expires_in: 1079, scope: 'email_read email_write data_extensions_read' });
    expect(json.rest_instance_url).toBe(server.restBaseUrl);
    expect(json.soap_instance_url).toBe(server.soapBaseUrl);
    expect(server.hasIssued(String(json.access_token))).toBe(true);
  });

  it('accepts only a JSON body sent as application/json', async () => {
    const form = new URLSearchParams(good).toString();
    expect(await token(form, 'application/x-www-form-urlencoded')).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
    expect(await token('{"grant_type":', 'application/json')).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
    expect(await token('[1]', 'application/json')).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
  });

  it('requires exactly grant_type client_credentials', async () => {
    expect(await token({ ...good, grant_type: 'Client_Credentials' })).toMatchObject({
      status: 400,
      json: { error: 'unsupported_grant_type' },
    });
    expect(await token({ client_id: good.client_id, client_secret: good.client_secret })).toMatchObject({
      status: 400,
      json: { error: 'invalid_request' },
    });
  });

  it('refuses a wrong secret, an unknown client, a package without API Integration (invalid_client) and a web app (unauthorized_client)', async () => {
    expect(await token({ ...good, client_secret: 'wrong' })).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    expect(await token({ ...good, client_id: 'nobody' })).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    expect(await token({ ...good, client_id: 'no-api-client', client_secret: 'none-secret' })).toMatchObject({
      status: 401,
      json: { error: 'invalid_client' },
    });
    expect(await token({ ...good, client_id: 'web-app-client', client_secret: 'web-secret' })).toMatchObject({
      status: 401,
      json: { error: 'unauthorized_client' },
    });
  });

  it('grants requested ∩ the package scopes, none for an empty scope, and refuses unknown scope names', async () => {
    expect((await token({ ...good, scope: 'email_read journeys_read' })).json.scope).toBe('email_read');
    expect((await token({ ...good, scope: '' })).json.scope).toBe('');
    expect(await token({ ...good, scope: 'email_reed' })).toMatchObject({ status: 400, json: { error: 'invalid_scope' } });
    expect(await token({ ...good, scope: ['email_read'] })).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
  });

  it('checks account_id against the business units the package reaches', async () => {
    const other = await token({ ...good, account_id: OTHER_MID });
    expect(other.status).toBe(200);
    expect((await get('v2/userinfo', String(other.json.access_token))).json).toMatchObject({
      organization: { member_id: Number(OTHER_MID) },
    });
    expect(await token({ ...good, account_id: '999' })).toMatchObject({ status: 403, json: { error: 'access_denied' } });
    expect(await token({ ...good, account_id: 'abc' })).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
  });
});

describe('userinfo and endpoints', () => {
  it('answer only a token the server issued and that has not expired', async () => {
    const accessToken = String((await token(good)).json.access_token);
    expect(await get('v2/userinfo', accessToken)).toMatchObject({
      status: 200,
      json: { organization: { member_id: Number(SAMPLE_MID), stack_key: 'S7' } },
    });
    expect(await get('rest/platform/v1/endpoints/soap', accessToken)).toMatchObject({ status: 200, json: { url: server.soapBaseUrl } });
    expect((await get('v2/userinfo')).status).toBe(401);
    expect((await get('v2/userinfo', `${accessToken}x`)).status).toBe(401);
    expect((await get('rest/platform/v1/endpoints/soap', 'made.up.token.here')).status).toBe(401);
    server.advanceClock(1080_000);
    expect((await get('v2/userinfo', accessToken)).status).toBe(401);
    expect((await get('rest/platform/v1/endpoints/soap', accessToken)).status).toBe(401);
  });
});

describe('v1/requestToken (legacy refresh)', () => {
  const refresh = async (body: Record<string, unknown>) => {
    const response = await fetch(server.refreshUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const creds = { clientId: SAMPLE_PACKAGE.clientId, clientSecret: SAMPLE_PACKAGE.clientSecret, accessType: 'offline' };

  it('answers a new access token and a new refresh token; the spent one works again only within the grace period', async () => {
    const refreshToken = server.issueRefreshToken(SAMPLE_PACKAGE.clientId);
    const first = await refresh({ ...creds, refreshToken });
    expect(first).toMatchObject({ status: 200, json: { expiresIn: 3600 } });
    expect(first.json.refreshToken).not.toBe(refreshToken);
    expect(server.hasIssued(String(first.json.accessToken))).toBe(true);
    server.advanceClock(REFRESH_GRACE_MS - 10_000);
    expect((await refresh({ ...creds, refreshToken })).status).toBe(200);
    server.advanceClock(20_000);
    expect(await refresh({ ...creds, refreshToken })).toMatchObject({ status: 401, json: { message: 'Unauthorized', errorcode: 1 } });
    expect((await refresh({ ...creds, refreshToken: String(first.json.refreshToken) })).status).toBe(200);
  });

  it('refuses a wrong secret, an unknown refresh token, another client’s token, a missing accessType and a form body', async () => {
    const refreshToken = server.issueRefreshToken(SAMPLE_PACKAGE.clientId);
    expect((await refresh({ ...creds, clientSecret: 'wrong', refreshToken })).status).toBe(401);
    expect((await refresh({ ...creds, refreshToken: 'never-issued' })).status).toBe(401);
    const foreign = server.issueRefreshToken('web-app-client');
    expect((await refresh({ ...creds, refreshToken: foreign })).status).toBe(401);
    expect((await refresh({ clientId: creds.clientId, clientSecret: creds.clientSecret, refreshToken })).status).toBe(400);
    const form = await fetch(server.refreshUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'clientId=x',
    });
    expect(form.status).toBe(400);
    // the refusals above did not spend it
    expect((await refresh({ ...creds, refreshToken })).status).toBe(200);
  });
});

describe('fault modes', () => {
  it('answers 500, an HTML page, or resets, limited to one endpoint when asked', async () => {
    server.setFault('server-error', { only: 'token' });
    expect(await token(good)).toEqual({ status: 500, json: { text: 'Internal Server Error' } });
    server.setFault('html', { status: 503 });
    const html = await fetch(`${server.authBaseUrl}v2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(good),
    });
    expect(html.status).toBe(503);
    expect(await html.text()).toContain('<!DOCTYPE html>');
    server.setFault('reset');
    await expect(token(good)).rejects.toThrow();
    server.setFault('server-error', { only: 'userinfo' });
    expect((await token(good)).status).toBe(200);
  });

  it('is slow, and streams a body that never ends until the client gives up', async () => {
    server.setFault('slow', { delayMs: 300 });
    const started = Date.now();
    expect((await token(good)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    server.setFault('endless-body');
    const response = await fetch(`${server.authBaseUrl}v2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(good),
    });
    const reader = response.body!.getReader();
    let bytes = 0;
    while (bytes < 1_000_000) bytes += (await reader.read()).value?.length ?? 0;
    await reader.cancel();
    expect(bytes).toBeGreaterThanOrEqual(1_000_000);
  });
});
