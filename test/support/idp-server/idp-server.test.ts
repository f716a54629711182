import { createSecretKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, base64url } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REGIONS } from '../../../shared/intelligence/regions';
import { testKeyPair } from '../test-keys';
import { FAULT_HTML_PAGE, JWT_BEARER, startIdpServer, type IdpServer } from './index';

const CLIENT = 'sa-strict';
const AUD = 'https://idp.intelligence.salesforce.com';
const nowSeconds = () => Math.floor(Date.now() / 1000);
const jti = () => randomUUID().replace(/-/g, '');

let server: IdpServer;
beforeAll(async () => {
  server = await startIdpServer({ clients: { [CLIENT]: testKeyPair().publicPem } });
});
afterAll(() => server.close());
beforeEach(() => {
  server.setFault('none');
  server.setDiscoveryOverride(null);
});

interface AssertionOptions {
  claims?: Record<string, unknown>;
  key?: KeyObject;
  header?: Record<string, unknown>;
}

function assertion(options: AssertionOptions = {}): Promise<string> {
  const claims = { iss: CLIENT, sub: CLIENT, aud: AUD, iat: nowSeconds(), jti: jti(), ...options.claims };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete (claims as Record<string, unknown>)[name];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...options.header } as { alg: string })
    .sign(options.key ?? testKeyPair().privateKey);
}

function params(compact: string, overrides: Record<string, string | undefined> = {}): URLSearchParams {
  const all: Record<string, string | undefined> = {
    grant_type: 'client_credentials',
    client_assertion_type: JWT_BEARER,
    client_id: CLIENT,
    client_assertion: compact,
    ...overrides,
  };
  return new URLSearchParams(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

async function post(
  body: URLSearchParams | string,
  init: { contentType?: string; url?: string } = {},
): Promise<{ status: number; json: Record<string, unknown>; response: Response }> {
  const response = await fetch(init.url ?? server.tokenUrl('us1'), {
    method: 'POST',
    headers: { 'Content-Type': init.contentType ?? 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown>, response };
}

async function expectRejected(
  body: URLSearchParams | string,
  status: number,
  error: string,
  description: string,
  contentType?: string,
): Promise<void> {
  const answer = await post(body, contentType === undefined ? {} : { contentType });
  expect({ status: answer.status, json: answer.json }).toEqual({ status, json: { error, error_description: description } });
}

describe('local identity provider: discovery', () => {
  it.each(REGIONS)('serves the discovery document of %s', async (region) => {
    const response = await fetch(server.discoveryUrl(region));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = (await response.json()) as Record<string, unknown>;
    expect(document).toMatchObject({ issuer: `${server.baseUrl}/${region}`, token_endpoint: `${server.baseUrl}/${region}/token` });
    expect(server.tokenUrl(region)).toBe(document.token_endpoint);
    expect(server.discoveryUrl(region)).toBe(`${server.baseUrl}/${region}/.well-known/openid-configuration`);
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers 404 for unknown regions and paths, 405 for a POST to discovery', async () => {
    expect((await fetch(`${server.baseUrl}/us9/.well-known/openid-configuration`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/us1/authorize`)).status).toBe(404);
    expect((await fetch(server.discoveryUrl('us1'), { method: 'POST' })).status).toBe(405);
  });

  it('can serve a replaced document', async () => {
    server.setDiscoveryOverride((document) => ({ ...document, token_endpoint: 'https://elsewhere.example/token' }));
    expect(await (await fetch(server.discoveryUrl('eu1'))).json()).toMatchObject({ token_endpoint: 'https://elsewhere.example/token' });
  });
});

describe('local identity provider: token endpoint accepts', () => {
  it('a correct form POST, with an opaque Bearer token for 300 s, a Date header and no-store', async () => {
    const before = Date.now();
    const { status, json, response } = await post(params(await assertion()));
    expect(status).toBe(200);
    expect(json).toEqual({ access_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), token_type: 'Bearer', expires_in: 300 });
    expect(server.hasIssued(json.access_token as string)).toBe(true);
    expect(server.hasIssued('something-else')).toBe(false);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Math.abs(Date.parse(response.headers.get('date') ?? '') - before)).toBeLessThan(5_000);
  });

  it('the query-string variant on an empty POST', async () => {
    const response = await fetch(`${server.tokenUrl('eu2')}?${params(await assertion()).toString()}`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(server.requests.at(-1)).toMatchObject({ endpoint: 'token', region: 'eu2', style: 'query', status: 200 });
  });

  it('a client registered later with a PKCS#1 public key; iat just inside the 5-minute window either way', async () => {
    const pair = testKeyPair('late');
    server.registerClient('sa-late', pair.pkcs1PublicPem);
    for (const iat of [nowSeconds() - 290, nowSeconds() + 290]) {
      const compact = await assertion({ key: pair.privateKey, claims: { iss: 'sa-late', sub: 'sa-late', iat } });
      expect((await post(params(compact, { client_id: 'sa-late' }))).status).toBe(200);
    }
  });

  it('refuses to register a key that is not RSA', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => server.registerClient('sa-ec', publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(
      /RSA public keys only/,
    );
  });
});

describe('local identity provider: token endpoint rejects', () => {
  it('a GET', async () => {
    const response = await fetch(server.tokenUrl('us1'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: 'the token endpoint accepts POST only' });
  });

  it('a body that is not form-encoded', async () => {
    await expectRejected(
      JSON.stringify({ grant_type: 'client_credentials' }),
      400,
      'invalid_request',
      'Content-Type must be application/x-www-form-urlencoded',
      'application/json',
    );
  });

  it('a repeated parameter', async () => {
    const body = params(await assertion());
    body.append('client_id', CLIENT);
    await expectRejected(body, 400, 'invalid_request', 'parameter client_id appears more than once');
  });

  it('a missing or wrong grant_type', async () => {
    const compact = await assertion();
    await expectRejected(params(compact, { grant_type: undefined }), 400, 'invalid_request', 'grant_type is missing');
    await expectRejected(
      params(compact, { grant_type: 'Client_Credentials' }),
      400,
      'unsupported_grant_type',
      'grant_type must be client_credentials',
    );
    await expectRejected(
      params(compact, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer' }),
      400,
      'unsupported_grant_type',
      'grant_type must be client_credentials',
    );
  });

  it('a missing or wrong client_assertion_type', async () => {
    const compact = await assertion();
    await expectRejected(params(compact, { client_assertion_type: undefined }), 400, 'invalid_request', 'client_assertion_type is missing');
    await expectRejected(
      params(compact, { client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer ' }),
      400,
      'invalid_request',
      `client_assertion_type must be ${JWT_BEARER}`,
    );
  });

  it('a missing client_assertion or client_id, and an unknown client_id (401)', async () => {
    const compact = await assertion();
    await expectRejected(params(compact, { client_assertion: undefined }), 400, 'invalid_request', 'client_assertion is missing');
    await expectRejected(params(compact, { client_id: undefined }), 400, 'invalid_request', 'client_id is missing');
    await expectRejected(params(compact, { client_id: 'sa-nobody' }), 401, 'invalid_client', 'unknown client_id');
  });

  it.each(['not-a-jwt', 'a.b', 'a.b.c.d', '!!!.@@@.###'])('an assertion that is not a compact JWS: %s', async (compact) => {
    await expectRejected(params(compact), 401, 'invalid_client', 'client_assertion is not a compact JWS');
  });

  it('an assertion not signed RS256 (HS256, PS256, none)', async () => {
    const claims = { iss: CLIENT, sub: CLIENT, aud: AUD, iat: nowSeconds(), jti: jti() };
    const hs256 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(createSecretKey(Buffer.alloc(32, 7)));
    const ps256 = await new SignJWT(claims).setProtectedHeader({ alg: 'PS256' }).sign(testKeyPair().privateKey);
    const none = `${base64url.encode('{"alg":"none"}')}.${base64url.encode(JSON.stringify(claims))}.`;
    for (const compact of [hs256, ps256, none])
      await expectRejected(params(compact), 401, 'invalid_client', 'client_assertion must be signed RS256');
  });

  it('an assertion signed with another key, or altered after signing', async () => {
    await expectRejected(
      params(await assertion({ key: testKeyPair('intruder').privateKey })),
      401,
      'invalid_client',
      'client_assertion signature is invalid for this client',
    );
    const [h, , s] = (await assertion()).split('.');
    const forged = base64url.encode(JSON.stringify({ iss: CLIENT, sub: CLIENT, aud: AUD, iat: nowSeconds(), jti: jti(), admin: true }));
    await expectRejected(params(`${h}.${forged}.${s}`), 401, 'invalid_client', 'client_assertion signature is invalid for this client');
  });

  it.each([
    [{ iss: 'sa-other' }, 'iss must equal client_id'],
    [{ iss: undefined }, 'iss must equal client_id'],
    [{ sub: 'sa-other' }, 'sub must equal client_id'],
    [{ aud: `${AUD}"` }, `aud must be ${AUD}`],
    [{ aud: `${AUD}/` }, `aud must be ${AUD}`],
    [{ aud: 'http://idp.intelligence.salesforce.com' }, `aud must be ${AUD}`],
    [{ aud: [AUD] }, `aud must be ${AUD}`],
    [{ aud: `${AUD}/us1/token` }, `aud must be ${AUD}`],
    [{ iat: undefined }, 'iat must be an integer number of seconds'],
    [{ iat: nowSeconds() + 0.5 }, 'iat must be an integer number of seconds'],
    [{ iat: String(nowSeconds()) }, 'iat must be an integer number of seconds'],
    [{ iat: Date.now() }, 'iat is too far from the server time'],
    [{ iat: nowSeconds() - 310 }, 'iat is too far from the server time'],
    [{ iat: nowSeconds() + 310 }, 'iat is too far from the server time'],
    [{ exp: nowSeconds() - 1 }, 'the assertion has expired'],
    [{ jti: undefined }, 'jti must be 32 lowercase hex characters'],
    [{ jti: randomUUID() }, 'jti must be 32 lowercase hex characters'],
    [{ jti: jti().toUpperCase() }, 'jti must be 32 lowercase hex characters'],
  ])('claims %j: invalid_grant "%s"', async (claims, description) => {
    await expectRejected(params(await assertion({ claims })), 400, 'invalid_grant', description);
  });

  it('a replayed jti, while a rejected request does not use its jti up', async () => {
    const used = jti();
    await expectRejected(params(await assertion({ claims: { jti: used, aud: `${AUD}/` } })), 400, 'invalid_grant', `aud must be ${AUD}`);
    const compact = await assertion({ claims: { jti: used } });
    expect((await post(params(compact))).status).toBe(200);
    await expectRejected(params(compact), 400, 'invalid_grant', 'jti has already been used');
    await expectRejected(params(await assertion({ claims: { jti: used } })), 400, 'invalid_grant', 'jti has already been used');
  });

  it('records parameter names and outcomes, never values', async () => {
    const compact = await assertion({ claims: { sub: 'sa-other' } });
    await post(params(compact));
    const record = server.requests.at(-1);
    expect(record).toMatchObject({
      method: 'POST',
      path: '/us1/token',
      endpoint: 'token',
      region: 'us1',
      bodyNames: ['grant_type', 'client_assertion_type', 'client_id', 'client_assertion'],
      queryNames: [],
      style: 'form',
      status: 400,
      error: 'invalid_grant',
      errorDescription: 'sub must equal client_id',
    });
    expect(JSON.stringify(server.requests)).not.toContain(compact.split('.')[2]!);
  });
});

describe('local identity provider: fault modes', () => {
  it('slow: answers normally after the delay', async () => {
    server.setFault('slow', { delayMs: 150 });
    const response = await fetch(server.discoveryUrl('us1'));
    expect(response.status).toBe(200);
    expect(server.requests.at(-1)).toMatchObject({ fault: 'slow', status: 200 });
  });

  it('server-error: a plain 500 without an OAuth body', async () => {
    server.setFault('server-error');
    const response = await fetch(server.discoveryUrl('us1'));
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('Internal Server Error');
  });

  it('html: a 502 HTML page by default, or another status', async () => {
    server.setFault('html');
    const page = await fetch(server.tokenUrl('us1'), { method: 'POST' });
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([502, 'text/html; charset=utf-8', FAULT_HTML_PAGE]);
    server.setFault('html', { status: 200 });
    expect((await fetch(server.discoveryUrl('us1'))).status).toBe(200);
  });

  it('reset: the connection is destroyed without an answer', async () => {
    server.setFault('reset');
    const error = (await fetch(server.discoveryUrl('us1')).catch((e: unknown) => e)) as Error & { cause?: { code?: string } };
    expect(error).toBeInstanceOf(TypeError);
    expect(error.cause?.code).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
    expect(server.requests.at(-1)).toMatchObject({ fault: 'reset', status: 0 });
  });

  it('clock-skew: the Date header and the iat check follow the skewed clock', async () => {
    server.setFault('clock-skew', { skewSeconds: 3_600 });
    const response = await fetch(server.discoveryUrl('us1'));
    const skew = Date.parse(response.headers.get('date') ?? '') - Date.now();
    expect(Math.abs(skew - 3_600_000)).toBeLessThan(5_000);
    await expectRejected(params(await assertion()), 400, 'invalid_grant', 'iat is too far from the server time');
    expect((await post(params(await assertion({ claims: { iat: nowSeconds() + 3_600 } })))).status).toBe(200);
  });

  it('only: limits a fault to one endpoint; none restores normal answers', async () => {
    server.setFault('server-error', { only: 'token' });
    expect((await fetch(server.discoveryUrl('us1'))).status).toBe(200);
    expect((await fetch(server.tokenUrl('us1'), { method: 'POST' })).status).toBe(500);
    server.setFault('none');
    expect((await post(params(await assertion()))).status).toBe(200);
  });

  it('close() returns while a slow answer is pending, and the client sees the connection end', async () => {
    const own = await startIdpServer();
    own.setFault('slow', { delayMs: 60_000 });
    const pending = fetch(own.discoveryUrl('us1')).catch((e: unknown) => e);
    while (own.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await own.close();
    expect(await pending).toBeInstanceOf(TypeError);
  });
});
