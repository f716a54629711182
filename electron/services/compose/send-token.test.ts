import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { composeTemplate } from '../../../shared/compose/compose-templates';
import { secretMask } from '../../../shared/exchange/mask-secrets';
import { startActivityServer, type ActivityServer, type ActivityServerOptions } from '../../../test/support/activity-server';
import { startScriptedHttpServer, type ScriptedHttpServer } from '../../../test/support/idp-server';
import { workbenchRejection } from '../../../test/support/rejection';
import { createSafeFetch } from '../net/safe-fetch';
import { MAX_SEND_RESPONSE_BYTES, sendToken } from './send-token';

const SECRET = new TextEncoder().encode('package-jwt-signing-secret-0123456789');
const safeFetch = createSafeFetch();
const servers: Array<ActivityServer | ScriptedHttpServer> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function activity(options: Partial<ActivityServerOptions> = {}): Promise<ActivityServer> {
  const server = await startActivityServer({ secret: SECRET, ...options });
  servers.push(server);
  return server;
}

const signed = (payload: Record<string, unknown>, key = SECRET) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);

describe('sendToken', () => {
  it('POSTs an activity call as application/jwt; the activity verifies it and answers', async () => {
    const server = await activity();
    const token = await signed(composeTemplate('activity-execute').payload);
    const report = await sendToken({ url: `${server.url}/execute`, token, style: 'activity' }, { fetch: safeFetch });
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/execute',
        contentType: 'application/jwt',
        verified: true,
        authorization: null,
        cookie: null,
      }),
    ]);
    expect(report).toMatchObject({
      url: `${server.url}/execute`,
      method: 'POST',
      contentType: 'application/jwt',
      sentBytes: token.length,
      redirectedTo: null,
      bodyTooLarge: false,
      response: { status: 200, body: '{"success":true,"keyValue":"testemail123@gmail.com"}' },
    });
    expect(report.response.headers).toContainEqual({ name: 'content-type', value: 'application/json', sensitive: false });
    expect(report.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('POSTs an SSO JWT as the form field jwt', async () => {
    const server = await activity();
    const token = await signed(composeTemplate('sso-v2').payload);
    const report = await sendToken({ url: `${server.url}/login`, token, style: 'sso-form' }, { fetch: safeFetch });
    expect(server.requests[0]).toMatchObject({ path: '/login', contentType: 'application/x-www-form-urlencoded', verified: true });
    expect(report.response.status).toBe(200);
  });

  it('a token signed with another secret is refused by the activity, and the 401 is shown', async () => {
    const server = await activity();
    const token = await signed({ keyValue: 'k' }, new TextEncoder().encode('wrong-secret'));
    const report = await sendToken({ url: `${server.url}/execute`, token, style: 'activity' }, { fetch: safeFetch });
    expect(server.requests[0]?.verified).toBe(false);
    expect(report.response.status).toBe(401);
  });

  it('the wrong content type does not verify (the activity reads the raw body only as application/jwt)', async () => {
    const server = await activity();
    const token = await signed({ keyValue: 'k' });
    const report = await sendToken({ url: `${server.url}/execute`, token, style: 'sso-form' }, { fetch: safeFetch });
    expect(report.response.status).toBe(401);
  });

  it('a redirect to another origin is shown, not followed: the other server gets nothing', async () => {
    const hits: string[] = [];
    const foreign = await startScriptedHttpServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('{}');
    });
    servers.push(foreign);
    const server = await activity({ fault: 'redirect-foreign', redirectTo: `${foreign.url.replace('127.0.0.1', 'localhost')}/steal` });
    const token = await signed({ keyValue: 'k' });
    const report = await sendToken({ url: `${server.url}/execute`, token, style: 'activity' }, { fetch: safeFetch });
    expect(report.response.status).toBe(307);
    expect(report.redirectedTo).toBe(`${foreign.url.replace('127.0.0.1', 'localhost')}/steal`);
    expect(hits).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('a huge body is not read past the cap; status and headers are still shown', async () => {
    const server = await activity({ fault: 'huge-body' });
    const report = await sendToken({ url: `${server.url}/execute`, token: await signed({}), style: 'activity' }, { fetch: safeFetch });
    expect(report).toMatchObject({ bodyTooLarge: true, response: { status: 200, body: '' } });
    expect(server.hugeBytesWritten()).toBeLessThan(MAX_SEND_RESPONSE_BYTES * 16);
  });

  it('an answer that never comes stops at the deadline', async () => {
    const server = await activity({ fault: 'stall' });
    const error = await workbenchRejection(
      sendToken({ url: `${server.url}/execute`, token: await signed({}), style: 'activity', timeoutMs: 1000 }, { fetch: safeFetch }),
    );
    expect(error.code).toBe('ERR_TIMEOUT');
    expect(error.message).toMatch(/^The endpoint \(127\.0\.0\.1:\d+\) did not answer within 1 s/);
  });

  it('the token an endpoint echoes is masked with its length', async () => {
    const server = await activity({ fault: 'echo' });
    const token = await signed({ keyValue: 'k' });
    const report = await sendToken({ url: `${server.url}/execute`, token, style: 'activity' }, { fetch: safeFetch });
    expect(report.response.body).toContain(secretMask(token.length));
    expect(report.response.body).not.toContain(token);
  });

  it.each([
    ['http://example.com/execute', 'ERR_URL_INSECURE'],
    ['ftp://127.0.0.1/execute', 'ERR_URL_INVALID'],
    ['https://user:pw@example.com/', 'ERR_URL_INVALID'],
  ])('%s is refused before any connection', async (url, code) => {
    const error = await workbenchRejection(
      sendToken({ url, token: 'a.b.c', style: 'activity' }, { fetch: () => Promise.reject(new Error('no connection expected')) }),
    );
    expect(error.code).toBe(code);
  });
});
