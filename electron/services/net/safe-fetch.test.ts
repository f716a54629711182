import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetch } from './safe-fetch';

/** What the /echo route saw. */
interface Echo {
  origin: string;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A local server on 127.0.0.1 with a few routes, counting every request it gets. */
async function startServer(routes: Record<string, Route>, tls?: { key: string; cert: string }) {
  const hits: string[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      hits.push(path);
      const route = routes[path];
      if (!route) {
        res.writeHead(404).end('not found');
        return;
      }
      route(req, res, Buffer.concat(chunks).toString('utf8'));
    });
  };
  const server: Server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { origin, hits, close };
}

/** The /echo route: answers with what it received. */
function echo(originOf: () => string): Route {
  return (req, res, body) => {
    const result: Echo = { origin: originOf(), method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  };
}

/** A redirect route. */
function redirect(status: number, location: () => string): Route {
  return (_req, res) => res.writeHead(status, { location: location() }).end('moved');
}

const AUTH = 'Bearer not-a-real-token-0123456789';

let a: Awaited<ReturnType<typeof startServer>>;
let b: Awaited<ReturnType<typeof startServer>>;
let secure: Awaited<ReturnType<typeof startServer>>;
let trustingFetch: typeof fetch;
let certDir: string;

beforeAll(async () => {
  b = await startServer({ '/echo': echo(() => b.origin) });
  a = await startServer({
    '/echo': echo(() => a.origin),
    '/same': redirect(302, () => '/echo'),
    '/cross': redirect(302, () => `${b.origin}/echo`),
    '/cross-307': redirect(307, () => `${b.origin}/echo`),
    '/cross-308': redirect(308, () => `${b.origin}/echo`),
    '/same-307': redirect(307, () => `${a.origin}/echo`),
    '/see-other': redirect(303, () => '/echo'),
    '/chain': redirect(302, () => '/same'),
    '/loop': redirect(302, () => '/loop'),
    '/no-location': (_req, res) => res.writeHead(302).end(),
    '/bad-location': redirect(302, () => 'http://[::1'),
    '/to-public-http': redirect(302, () => 'http://example.com/echo'),
    '/to-file': redirect(302, () => 'file:///etc/passwd'),
    '/hang': () => undefined,
  });

  // A self-signed certificate for 127.0.0.1, trusted only by the fetch used in the https tests.
  certDir = mkdtempSync(join(tmpdir(), 'mctw-safe-fetch-'));
  const keyFile = join(certDir, 'key.pem');
  const certFile = join(certDir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(certFile, 'utf8');
  secure = await startServer(
    {
      '/echo': echo(() => secure.origin),
      '/same': redirect(302, () => '/echo'),
      '/to-http': redirect(302, () => `${a.origin}/echo`),
    },
    { key: readFileSync(keyFile, 'utf8'), cert },
  );
  // Node's fetch is built on its bundled undici; its global dispatcher's class (Agent) accepts a CA for TLS.
  await fetch(`${a.origin}/echo`).then((r) => r.text());
  const globalDispatcher = (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalDispatcher.1')] as object;
  const Agent = globalDispatcher.constructor as new (options: { connect: { ca: string } }) => object;
  const dispatcher = new Agent({ connect: { ca: cert } });
  trustingFetch = (input, init) => fetch(input, { ...init, dispatcher } as RequestInit);
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), secure?.close()]);
  rmSync(certDir, { recursive: true, force: true });
});

const safeFetch = createSafeFetch();

async function echoed(response: Response): Promise<Echo> {
  expect(response.status).toBe(200);
  return (await response.json()) as Echo;
}

describe('safe-fetch redirects', () => {
  it('keeps Authorization and cookies on a same-origin redirect', async () => {
    const seen = await echoed(await safeFetch(`${a.origin}/same`, { headers: { Authorization: AUTH, Cookie: 'sid=1' } }));
    expect(seen.origin).toBe(a.origin);
    expect(seen.headers.authorization).toBe(AUTH);
    expect(seen.headers.cookie).toBe('sid=1');
  });

  it('drops Authorization, Proxy-Authorization and cookies when a redirect goes to another origin (another port)', async () => {
    const response = await safeFetch(`${a.origin}/cross`, {
      headers: { Authorization: AUTH, Cookie: 'sid=1', 'Proxy-Authorization': 'Basic eA==', 'X-Kept': 'yes' },
    });
    const seen = await echoed(response);
    expect(seen.origin).toBe(b.origin);
    expect(response.url).toBe(`${b.origin}/echo`);
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers['proxy-authorization']).toBeUndefined();
    expect(seen.headers['x-kept']).toBe('yes');
  });

  it.each([307, 308])(
    'refuses to resend a body to another origin on %i (ERR_REDIRECT_CROSS_ORIGIN), and the other origin gets nothing',
    async (status) => {
      const before = b.hits.length;
      await expect(
        safeFetch(`${a.origin}/cross-${status}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'client_assertion=eyJ.secret.sig',
        }),
      ).rejects.toMatchObject({
        code: 'ERR_REDIRECT_CROSS_ORIGIN',
        message: `127.0.0.1:${new URL(a.origin).port} redirected the request and its body to another site (127.0.0.1:${new URL(b.origin).port}), which was refused so no credential is resent: check the URL.`,
      });
      expect(b.hits.length).toBe(before);
    },
  );

  it('resends the body on a same-origin 307', async () => {
    const seen = await echoed(
      await safeFetch(`${a.origin}/same-307`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      }),
    );
    expect(seen).toMatchObject({ origin: a.origin, method: 'POST', body: 'grant_type=client_credentials' });
  });

  it.each([
    ['303', '/see-other'],
    ['302', '/same'],
    ['302 across origins', '/cross'],
  ])('refuses a %s answer to a POST instead of following it as a GET', async (_name, path) => {
    const before = [a.hits.length, b.hits.length];
    await expect(safeFetch(`${a.origin}${path}`, { method: 'POST', body: new URLSearchParams({ a: '1' }) })).rejects.toMatchObject({
      code: 'ERR_REDIRECT_POST',
      message: expect.stringContaining('a token request is never turned into a GET'),
    });
    expect([a.hits.length, b.hits.length]).toEqual([before[0]! + 1, before[1]]);
  });

  it('turns a PUT into a body-less GET on 303', async () => {
    const seen = await echoed(
      await safeFetch(`${a.origin}/see-other`, { method: 'PUT', body: 'a=1', headers: { 'content-type': 'text/plain' } }),
    );
    expect(seen).toMatchObject({ method: 'GET', body: '' });
    expect(seen.headers['content-type']).toBeUndefined();
  });

  it('follows a chain of redirects', async () => {
    const seen = await echoed(await safeFetch(`${a.origin}/chain`, { headers: { Authorization: AUTH } }));
    expect(seen.headers.authorization).toBe(AUTH);
  });

  it('gives up after 5 redirects', async () => {
    const before = a.hits.filter((p) => p === '/loop').length;
    await expect(safeFetch(`${a.origin}/loop`)).rejects.toMatchObject({
      code: 'ERR_NETWORK',
      message: `127.0.0.1:${new URL(a.origin).port} redirected more than 5 times: check the URL.`,
    });
    expect(a.hits.filter((p) => p === '/loop').length - before).toBe(6);
  });

  it('returns a redirect without Location as it is', async () => {
    const response = await safeFetch(`${a.origin}/no-location`);
    expect(response.status).toBe(302);
  });

  it('leaves redirects to the caller with redirect: manual, and refuses them with redirect: error', async () => {
    expect((await safeFetch(`${a.origin}/same`, { redirect: 'manual' })).status).toBe(302);
    await expect(safeFetch(`${a.origin}/same`, { redirect: 'error' })).rejects.toMatchObject({
      code: 'ERR_NETWORK',
      message: expect.stringMatching(/^127\.0\.0\.1:\d+ answered with a redirect, which this request does not follow: check the URL\.$/),
    });
  });

  it('refuses a redirect to an invalid URL', async () => {
    await expect(safeFetch(`${a.origin}/bad-location`)).rejects.toMatchObject({
      code: 'ERR_URL_INVALID',
      message: expect.stringMatching(/^127\.0\.0\.1:\d+ redirected to an address that is not a valid URL: check the URL you entered\.$/),
    });
  });

  it('refuses a redirect to plain http on a public host, without connecting to it', async () => {
    await expect(safeFetch(`${a.origin}/to-public-http`)).rejects.toMatchObject({
      code: 'ERR_URL_INSECURE',
      message:
        'The redirect target uses http:// on example.com: only https:// is allowed (http only for localhost). Use the https:// address.',
    });
  });

  it('refuses a redirect to a file: URL', async () => {
    await expect(safeFetch(`${a.origin}/to-file`)).rejects.toMatchObject({
      code: 'ERR_URL_INVALID',
      message: 'The redirect target must start with https:// (it uses file:).',
    });
  });
});

describe('safe-fetch over https', () => {
  const secureFetch = () => createSafeFetch({ fetch: trustingFetch });

  it('follows a same-origin https redirect and keeps Authorization', async () => {
    const seen = await echoed(await secureFetch()(`${secure.origin}/same`, { headers: { Authorization: AUTH } }));
    expect(seen.origin).toBe(secure.origin);
    expect(seen.headers.authorization).toBe(AUTH);
  });

  it('refuses a redirect from https to http, even on loopback, and never sends the request', async () => {
    const before = a.hits.length;
    await expect(secureFetch()(`${secure.origin}/to-http`, { headers: { Authorization: AUTH } })).rejects.toMatchObject({
      code: 'ERR_URL_INSECURE',
      message: expect.stringMatching(
        /^127\.0\.0\.1:\d+ redirected from https to an insecure address, which was refused: use the https URL the service documents\.$/,
      ),
    });
    expect(a.hits.length).toBe(before);
  });
});

describe('safe-fetch URL rules and time limits', () => {
  it('refuses plain http to a non-loopback host before connecting', async () => {
    let called = false;
    const guarded = createSafeFetch({
      fetch: async () => {
        called = true;
        return new Response('');
      },
    });
    await expect(guarded('http://example.com/.well-known/openid-configuration')).rejects.toMatchObject({
      code: 'ERR_URL_INSECURE',
      message: 'The request URL uses http:// on example.com: only https:// is allowed (http only for localhost). Use the https:// address.',
    });
    expect(called).toBe(false);
  });

  it('passes the caller’s own abort through as an AbortError', async () => {
    const controller = new AbortController();
    const pending = safeFetch(`${a.origin}/hang`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
