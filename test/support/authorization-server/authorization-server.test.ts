// Each rule of the strict authorization server rejects what it should: a test server that let anything through would let
// the flow's own tests pass for the wrong reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_APP, SIGN_IN_USER, TSSD_APP, WEB_APP, startAuthorizationServer, tssdFetch, type AuthorizationServer } from './index';

let server: AuthorizationServer;
beforeAll(async () => {
  server = await startAuthorizationServer({ packages: [WEB_APP, PUBLIC_APP, TSSD_APP], users: [SIGN_IN_USER] });
});
afterAll(() => server.close());

const enc = encodeURIComponent;
const authorizeUrl = (clientId: string, redirectUri = 'https://127.0.0.1:80/', extra = '&scope=email_read%20offline&state=s-1') =>
  `${server.authBaseUrl}v2/authorize?response_type=code&client_id=${clientId}&redirect_uri=${enc(redirectUri)}${extra}`;

async function codeFor(clientId: string, url = authorizeUrl(clientId)): Promise<URL> {
  const outcome = await server.signIn(url, SIGN_IN_USER);
  if (!('redirect' in outcome)) throw new Error(`no redirect: ${outcome.status}`);
  return new URL(outcome.redirect);
}

async function token(body: Record<string, unknown>, via: typeof fetch = fetch) {
  const base = body.__host === undefined ? server.authBaseUrl : String(body.__host);
  delete body.__host;
  const response = await via(`${base}v2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const exchange = (code: string, extra: Record<string, unknown> = {}) => ({
  grant_type: 'authorization_code',
  code,
  client_id: WEB_APP.clientId,
  client_secret: WEB_APP.clientSecret,
  redirect_uri: 'https://127.0.0.1:80/',
  ...extra,
});

describe('v2/authorize', () => {
  it('shows the login form, refuses a wrong password, and redirects with a code and the state sent', async () => {
    const wrong = await server.signIn(authorizeUrl(WEB_APP.clientId), { username: SIGN_IN_USER.username, password: 'nope' });
    expect(wrong).toMatchObject({ status: 401 });
    const back = await codeFor(WEB_APP.clientId);
    expect(`${back.origin}${back.pathname}`).toBe('https://127.0.0.1:80/');
    expect(back.searchParams.get('state')).toBe('s-1');
    expect(back.searchParams.get('code')).toMatch(/^[\w-]{40,}$/);
  });

  it('never redirects to an unregistered or unencoded redirect URI, nor for an unknown client', async () => {
    expect(await server.signIn(authorizeUrl(WEB_APP.clientId, 'https://127.0.0.1:80/other'), SIGN_IN_USER)).toMatchObject({ status: 400 });
    expect(await server.signIn(authorizeUrl(WEB_APP.clientId, 'https://127.0.0.1:80'), SIGN_IN_USER)).toMatchObject({ status: 400 });
    const raw = `${server.authBaseUrl}v2/authorize?response_type=code&client_id=${WEB_APP.clientId}&redirect_uri=https://127.0.0.1:80/&state=x`;
    expect(await server.signIn(raw, SIGN_IN_USER)).toMatchObject({ status: 400 });
    expect(await server.signIn(authorizeUrl('nobody'), SIGN_IN_USER)).toMatchObject({ status: 400 });
  });

  it('sends errors back to the redirect URI with the state: access_denied, invalid_scope, a wrong response_type', async () => {
    const denied = await server.signIn(authorizeUrl(WEB_APP.clientId), { ...SIGN_IN_USER, deny: true });
    expect(new URL((denied as { redirect: string }).redirect).searchParams.get('error')).toBe('access_denied');
    const scope = await server.signIn(authorizeUrl(WEB_APP.clientId, undefined, '&scope=emial_read&state=s-2'), SIGN_IN_USER);
    expect(Object.fromEntries(new URL((scope as { redirect: string }).redirect).searchParams)).toMatchObject({
      error: 'invalid_scope',
      state: 's-2',
    });
    const type = await server.signIn(authorizeUrl(WEB_APP.clientId).replace('response_type=code', 'response_type=token'), SIGN_IN_USER);
    expect(new URL((type as { redirect: string }).redirect).searchParams.get('error')).toBe('unsupported_response_type');
  });
});

describe('v2/token', () => {
  it('exchanges a code once, with the exact redirect URI and the right secret; never twice', async () => {
    const code = (await codeFor(WEB_APP.clientId)).searchParams.get('code')!;
    expect(await token(exchange(code, { redirect_uri: 'https://127.0.0.1:80/callback' }))).toMatchObject({
      status: 400,
      json: { error: 'invalid_grant' },
    });
    expect(await token(exchange(code, { client_secret: 'wrong' }))).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    expect(await token(exchange(code, { grant_type: 'client_credentials' }))).toMatchObject({
      status: 400,
      json: { error: 'unsupported_grant_type' },
    });
    const first = await token(exchange(code));
    expect(first).toMatchObject({ status: 200, json: { token_type: 'Bearer', scope: 'email_read offline' } });
    expect(typeof first.json.refresh_token).toBe('string');
    expect(await token(exchange(code))).toMatchObject({
      status: 400,
      json: { error: 'invalid_grant', error_description: expect.stringContaining('already used') },
    });
  });

  it('refuses a code after five minutes, and a code of another client', async () => {
    const code = (await codeFor(WEB_APP.clientId)).searchParams.get('code')!;
    server.advanceClock(5 * 60_000 + 1_000);
    expect(await token(exchange(code))).toMatchObject({ status: 400, json: { error_description: expect.stringContaining('expired') } });
    const other = (await codeFor(PUBLIC_APP.clientId)).searchParams.get('code')!;
    expect(await token(exchange(other))).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('a public app sends no secret; no offline scope, no refresh token', async () => {
    const code = (await codeFor(PUBLIC_APP.clientId)).searchParams.get('code')!;
    const body = { grant_type: 'authorization_code', code, client_id: PUBLIC_APP.clientId, redirect_uri: 'https://127.0.0.1:80/' };
    expect(await token({ ...body, client_secret: 'anything' })).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    expect((await token(body)).status).toBe(200);
    const noOffline = await codeFor(PUBLIC_APP.clientId, authorizeUrl(PUBLIC_APP.clientId, undefined, '&scope=email_read&state=s'));
    const answer = await token({ ...body, code: noOffline.searchParams.get('code') });
    expect(answer.status).toBe(200);
    expect(answer.json.refresh_token).toBeUndefined();
  });

  it('rotates refresh tokens: each works once and gives the next', async () => {
    const code = (await codeFor(WEB_APP.clientId)).searchParams.get('code')!;
    const first = String((await token(exchange(code))).json.refresh_token);
    const refresh = (refreshToken: string) =>
      token({ grant_type: 'refresh_token', client_id: WEB_APP.clientId, client_secret: WEB_APP.clientSecret, refresh_token: refreshToken });
    const second = await refresh(first);
    expect(second.status).toBe(200);
    expect(second.json.refresh_token).not.toBe(first);
    expect(await refresh(first)).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    expect((await refresh(String(second.json.refresh_token))).status).toBe(200);
    expect(await refresh('never-issued')).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('a code and refresh token of a tssd redirect work only on the tssd host', async () => {
    const back = await codeFor(TSSD_APP.clientId);
    expect(back.searchParams.get('tssd')).toBe(TSSD_APP.tssd);
    const body = {
      grant_type: 'authorization_code',
      code: back.searchParams.get('code'),
      client_id: TSSD_APP.clientId,
      client_secret: TSSD_APP.clientSecret,
      redirect_uri: 'https://127.0.0.1:80/',
    };
    expect(await token({ ...body })).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    const tssdHost = `https://${TSSD_APP.tssd}.auth.marketingcloudapis.com/`;
    const answer = await token({ ...body, __host: tssdHost }, tssdFetch(server.authBaseUrl));
    expect(answer.status).toBe(200);
    const refresh = {
      grant_type: 'refresh_token',
      client_id: TSSD_APP.clientId,
      client_secret: TSSD_APP.clientSecret,
      refresh_token: answer.json.refresh_token,
    };
    expect((await token({ ...refresh })).status).toBe(400);
    expect((await token({ ...refresh, __host: tssdHost }, tssdFetch(server.authBaseUrl))).status).toBe(200);
  });
});

describe('v2/userinfo', () => {
  it('answers only its own tokens, with the package scopes and redirect URLs as the docs example has them', async () => {
    const code = (await codeFor(WEB_APP.clientId)).searchParams.get('code')!;
    const accessToken = String((await token(exchange(code))).json.access_token);
    const info = await fetch(`${server.authBaseUrl}v2/userinfo`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(await info.json()).toMatchObject({ application: { redirectUrl: WEB_APP.redirectUris, appScopes: WEB_APP.scopes } });
    expect((await fetch(`${server.authBaseUrl}v2/userinfo`, { headers: { Authorization: 'Bearer made-up' } })).status).toBe(401);
  });
});
