import type * as NodeCrypto from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../../shared/ipc/create-bridge';
import { HELD_SCRIPT_TYPE, HTTP_PROTOCOL } from '../../../shared/ipc/http-protocol';
import { createHttpTransport } from '../../../shared/ipc/http-transport';
import type { WorkbenchError } from '../../../shared/errors/workbench-error';
import type { IpcChannel } from '../../../shared/ipc/ipc-contract';
import { REQUEST_LIMITS } from '../../../shared/limits/request-limits';
import { validateRequest } from '../../../shared/ipc/request-schemas';
import { fail } from '../../../shared/ipc/result';
import { BROWSER_MODE_CSP } from './app-page';
import { startHttpShell } from './http-shell';
import { MAX_REQUEST_BODY_BYTES } from './read-capped-body';
import {
  APP_ICON,
  BRIDGE_SCRIPT,
  apiHeaders,
  rawRequest,
  recordingRouter,
  startHarness,
  type Harness,
  type RecordingRouter,
} from './test-support/http-shell-harness';

// Spies on the real timingSafeEqual, so a test fails if the token comparison stops using it.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});
const { timingSafeEqual } = await import('node:crypto');

const INVOKE = `${HTTP_PROTOCOL.invokePath}app%3Ainfo`;
let harness: Harness;
afterEach(async () => harness?.close());

describe('mctoken ui server: address and bind', () => {
  it('listens on 127.0.0.1 at a real port with a new 256-bit session token each start', async () => {
    harness = await startHarness();
    const { shell } = harness;
    expect(shell.port).toBeGreaterThan(0);
    expect(shell.origin).toBe(`http://127.0.0.1:${shell.port}`);
    expect(shell.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = await startHarness();
    expect(second.shell.sessionToken).not.toBe(shell.sessionToken);
    expect(second.shell.port).not.toBe(shell.port);
    await second.close();
  });

  it.each(['0.0.0.0', '::', 'localhost', '192.168.1.10'])('refuses to bind to %s', async (host) => {
    await expect(
      startHttpShell({ router: recordingRouter(), rendererDir: '/nonexistent', bridgeScriptFile: '/nonexistent', host }),
    ).rejects.toMatchObject({
      code: 'ERR_USAGE',
      message: `mctoken ui listens on 127.0.0.1 only (this machine); it refuses to bind to ${host}.`,
    });
  });

  it('says what to do when the port is taken', async () => {
    harness = await startHarness();
    await expect(startHarness(recordingRouter(), harness.shell.port)).rejects.toMatchObject({
      code: 'ERR_USAGE',
      message: `Port ${harness.shell.port} is already in use: choose another with --port, or --port 0 for a free one.`,
    });
  });
});

describe('mctoken ui server: the session token', () => {
  it('answers a call with the token in the Authorization header', async () => {
    harness = await startHarness();
    const reply = await rawRequest(harness.shell.port, { method: 'POST', path: INVOKE, headers: apiHeaders(harness.shell), body: 'null' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { echo: null } });
    expect(harness.router.calls).toEqual([{ channel: 'app:info', payload: null }]);
  });

  it.each([
    ['no token', {}],
    ['a wrong token of the same length', { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['another scheme', { authorization: 'Basic AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
  ])('refuses %s with 401 and does nothing', async (_what, headers: Record<string, string>) => {
    harness = await startHarness();
    for (const path of [INVOKE, HTTP_PROTOCOL.eventsPath]) {
      const reply = await rawRequest(harness.shell.port, {
        method: path === INVOKE ? 'POST' : 'GET',
        path,
        headers: { 'content-type': 'application/json', ...headers },
        body: 'null',
      });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toEqual({
        ok: false,
        error: {
          code: 'ERR_IPC_FORBIDDEN_SENDER',
          message:
            'This request did not carry the session of this mctoken ui server and was refused. Open the address mctoken ui printed (press Enter in its terminal for a new one).',
        },
      });
    }
    expect(harness.router.calls).toEqual([]);
  });

  it('never takes the token from a cookie or the query string', async () => {
    harness = await startHarness();
    const { shell } = harness;
    const inQuery = await rawRequest(shell.port, {
      method: 'POST',
      path: `${INVOKE}?token=${shell.sessionToken}`,
      headers: { 'content-type': 'application/json' },
      body: 'null',
    });
    const inCookie = await rawRequest(shell.port, {
      method: 'POST',
      path: INVOKE,
      headers: { 'content-type': 'application/json', cookie: `token=${shell.sessionToken}` },
      body: 'null',
    });
    expect([inQuery.status, inCookie.status]).toEqual([401, 401]);
    expect(harness.router.calls).toEqual([]);
    const page = await rawRequest(shell.port, { path: '/' });
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('compares the token in constant time (crypto.timingSafeEqual)', async () => {
    harness = await startHarness();
    vi.mocked(timingSafeEqual).mockClear();
    await rawRequest(harness.shell.port, {
      method: 'POST',
      path: INVOKE,
      headers: apiHeaders(harness.shell, { authorization: `Bearer ${'B'.repeat(43)}` }),
      body: 'null',
    });
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
  });
});

describe('mctoken ui server: Host and Origin', () => {
  it.each(['localhost', 'evil.example', 'rebind.evil.example:PORT', 'localhost:PORT', '127.0.0.1:1', '127.0.0.1', '[::1]:PORT'])(
    'refuses Host %s with 403, for the page and for calls with the right token',
    async (host) => {
      harness = await startHarness();
      const { shell } = harness;
      const hostHeader = host.replace('PORT', String(shell.port));
      const page = await rawRequest(shell.port, { path: '/', headers: { host: hostHeader } });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain('<script');
      const call = await rawRequest(shell.port, {
        method: 'POST',
        path: INVOKE,
        headers: apiHeaders(shell, { host: hostHeader }),
        body: 'null',
      });
      expect(call.status).toBe(403);
      expect(JSON.parse(call.body).error.code).toBe('ERR_IPC_FORBIDDEN_SENDER');
      expect(harness.router.calls).toEqual([]);
    },
  );

  it.each(['http://evil.example', 'http://127.0.0.1:1', 'null', 'http://localhost:PORT'])(
    'refuses Origin %s with 403 even with the token',
    async (origin) => {
      harness = await startHarness();
      const { shell } = harness;
      const call = await rawRequest(shell.port, {
        method: 'POST',
        path: INVOKE,
        headers: apiHeaders(shell, { origin: origin.replace('PORT', String(shell.port)) }),
        body: 'null',
      });
      expect(call.status).toBe(403);
      expect(JSON.parse(call.body)).toEqual({
        ok: false,
        error: {
          code: 'ERR_IPC_FORBIDDEN_SENDER',
          message: 'This request did not come from the workbench page and was refused. Open the address mctoken ui printed.',
        },
      });
      expect(harness.router.calls).toEqual([]);
    },
  );

  it('accepts its own origin', async () => {
    harness = await startHarness();
    const call = await rawRequest(harness.shell.port, {
      method: 'POST',
      path: INVOKE,
      headers: apiHeaders(harness.shell, { origin: harness.shell.origin }),
      body: 'null',
    });
    expect(call.status).toBe(200);
  });
});

describe('mctoken ui server: request bodies', () => {
  /** A router that validates each request as the app's router does, and answers what it validated. */
  function validatingRouter(): RecordingRouter {
    const router = recordingRouter();
    router.handle = async (channel, payload) => {
      router.calls.push({ channel, payload: null });
      try {
        validateRequest(channel as IpcChannel, payload);
        return { ok: true, value: { validated: channel } };
      } catch (error) {
        return fail((error as WorkbenchError).toPayload());
      }
    };
    return router;
  }

  it('carries the largest requests the router accepts, through the HTTP transport, past validation', async () => {
    harness = await startHarness(validatingRouter());
    const transport = createHttpTransport({
      origin: harness.shell.origin,
      token: harness.shell.sessionToken,
      streamId: crypto.randomUUID(),
      newInvocationId: () => crypto.randomUUID(),
      fetch,
    });
    const bridge = createBridge(transport);
    // A token of the router's largest size in ASCII, and one whose every character JSON writes in 6 bytes (\u0001).
    const verify = await bridge['verify:with-profile']({ profileId: 'p1', token: 'x'.repeat(REQUEST_LIMITS.token) });
    const refresh = await bridge['engagement:refresh']({
      runId: 'r'.repeat(REQUEST_LIMITS.id),
      token: '\u0001'.repeat(REQUEST_LIMITS.token),
      clientId: '\u0001'.repeat(REQUEST_LIMITS.clientId),
      clientSecret: '\u0001'.repeat(REQUEST_LIMITS.clientSecret),
    });
    const send = await bridge['compose:send']({
      url: `https://example.com/${'\u0001'.repeat(REQUEST_LIMITS.url - 20)}`,
      token: '\u0001'.repeat(REQUEST_LIMITS.token),
      style: 'activity',
    });
    expect([verify, refresh, send]).toEqual([
      { ok: true, value: { validated: 'verify:with-profile' } },
      { ok: true, value: { validated: 'engagement:refresh' } },
      { ok: true, value: { validated: 'compose:send' } },
    ]);
    // One character over the router's bound is the router's refusal, not the body cap's.
    const over = await bridge['verify:with-profile']({ profileId: 'p1', token: 'x'.repeat(REQUEST_LIMITS.token + 1) });
    expect(over).toMatchObject({
      ok: false,
      error: { code: 'ERR_IPC_INVALID_REQUEST', message: expect.stringContaining('"token" is too long') },
    });
    transport.close();
  });

  it('refuses a body over the cap with 413 before anything runs, declared or streamed', async () => {
    harness = await startHarness();
    const big = JSON.stringify({ token: 'x'.repeat(MAX_REQUEST_BODY_BYTES) });
    const declared = await rawRequest(harness.shell.port, {
      method: 'POST',
      path: INVOKE,
      headers: apiHeaders(harness.shell, { 'content-length': String(big.length) }),
      body: big,
    });
    expect(declared.status).toBe(413);
    const streamed = await rawRequest(harness.shell.port, {
      method: 'POST',
      path: INVOKE,
      headers: apiHeaders(harness.shell, { 'transfer-encoding': 'chunked' }),
      body: big,
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error).toEqual({
      code: 'ERR_IPC_INVALID_REQUEST',
      message: 'The request is larger than the app accepts (6.0 MiB) and was refused.',
    });
    expect(harness.router.calls).toEqual([]);
  });

  it('accepts a body at the cap, and refuses bodies that are not JSON', async () => {
    harness = await startHarness();
    const atCap = JSON.stringify({ token: 'x'.repeat(MAX_REQUEST_BODY_BYTES - 12) });
    expect(atCap.length).toBe(MAX_REQUEST_BODY_BYTES);
    expect(
      (await rawRequest(harness.shell.port, { method: 'POST', path: INVOKE, headers: apiHeaders(harness.shell), body: atCap })).status,
    ).toBe(200);
    expect(
      (await rawRequest(harness.shell.port, { method: 'POST', path: INVOKE, headers: apiHeaders(harness.shell), body: '{oops' })).status,
    ).toBe(400);
    expect(
      (
        await rawRequest(harness.shell.port, {
          method: 'POST',
          path: INVOKE,
          headers: apiHeaders(harness.shell, { 'content-type': 'text/plain' }),
          body: 'null',
        })
      ).status,
    ).toBe(415);
    expect(harness.router.calls).toHaveLength(1);
  });
});

describe('mctoken ui server: the page', () => {
  it('serves the renderer with the bridge script first, the app held, and connect-src self in both the header and the meta policy', async () => {
    harness = await startHarness();
    const page = await rawRequest(harness.shell.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(BROWSER_MODE_CSP);
    expect(BROWSER_MODE_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; worker-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.body).toContain("connect-src 'self'; base-uri 'none'");
    expect(page.body).not.toContain("connect-src 'none'");
    // The app's script is held (its own type kept aside) until the bridge before it has settled the tab's session.
    expect(page.body.indexOf('<script src="./workbench-bridge.js"></script>')).toBeLessThan(
      page.body.indexOf(`<script type="${HELD_SCRIPT_TYPE}" data-type="module"`),
    );
    expect(page.body).not.toContain('<script type="module"');
    const bridge = await rawRequest(harness.shell.port, { path: HTTP_PROTOCOL.bridgeScriptPath });
    expect(bridge.body).toBe(BRIDGE_SCRIPT);
  });

  it('serves the app icon as /favicon.ico, so the browser logs no 404', async () => {
    harness = await startHarness();
    const icon = await rawRequest(harness.shell.port, { path: '/favicon.ico' });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/png');
    expect(Number(icon.headers['content-length'])).toBe((await readFile(APP_ICON)).length);
  });

  it('sets the policy and nosniff on every response, refusals included, and serves nothing outside the renderer folder', async () => {
    harness = await startHarness();
    const { port } = harness.shell;
    const replies = await Promise.all([
      rawRequest(port, { path: '/app.js' }),
      rawRequest(port, { path: '/missing.js' }),
      rawRequest(port, { path: '/..%2f..%2fetc%2fpasswd' }),
      rawRequest(port, { path: '/', headers: { host: 'evil.example' } }),
      rawRequest(port, { method: 'POST', path: INVOKE }),
      rawRequest(port, { method: 'DELETE', path: '/' }),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 404, 404, 403, 401, 405]);
    for (const reply of replies) {
      expect(reply.headers['content-security-policy']).toBe(BROWSER_MODE_CSP);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('mctoken ui server: the bridge over HTTP', () => {
  it('carries calls and delivers the events of a call before its reply, to the calling page only', async () => {
    harness = await startHarness();
    const step = { id: 'discovery', status: 'running' };
    harness.router.emitBeforeReply = [
      { event: 'intelligence:progress', payload: { runId: 'r1', step } },
      { event: 'intelligence:progress', payload: { runId: 'r1', step: { ...step, status: 'ok' } } },
    ];
    const transport = createHttpTransport({
      origin: harness.shell.origin,
      token: harness.shell.sessionToken,
      streamId: crypto.randomUUID(),
      newInvocationId: () => crypto.randomUUID(),
      fetch,
    });
    const bystander = createHttpTransport({
      origin: harness.shell.origin,
      token: harness.shell.sessionToken,
      streamId: crypto.randomUUID(),
      newInvocationId: () => crypto.randomUUID(),
      fetch,
    });
    const seen: string[] = [];
    const bridge = createBridge(transport);
    bridge.on('intelligence:progress', (event) => seen.push(`${event.runId}:${event.step.status}`));
    createBridge(bystander).on('intelligence:progress', () => seen.push('bystander'));
    const reply = await bridge['intelligence:run']({ runId: 'r1', profileId: 'p1' });
    seen.push('reply');
    expect(reply).toEqual({ ok: true, value: { echo: { runId: 'r1', profileId: 'p1' } } });
    expect(seen).toEqual(['r1:running', 'r1:ok', 'reply']);
    expect(harness.sent.filter((s) => s.kind === 'event').map((s) => s.label)).toEqual(['intelligence:progress', 'intelligence:progress']);
    expect(harness.sent.filter((s) => s.kind === 'reply').map((s) => s.label)).toEqual(['intelligence:run']);
    transport.close();
    bystander.close();
  });

  it('gives the page a clear failed result when the token is wrong', async () => {
    harness = await startHarness();
    const transport = createHttpTransport({
      origin: harness.shell.origin,
      token: 'C'.repeat(43),
      streamId: crypto.randomUUID(),
      newInvocationId: () => crypto.randomUUID(),
      fetch,
    });
    const reply = await createBridge(transport)['app:info'](null);
    expect(reply).toMatchObject({ ok: false, error: { code: 'ERR_IPC_FORBIDDEN_SENDER' } });
    expect(harness.router.calls).toEqual([]);
    transport.close();
  });

  it('tells the page to restart mctoken ui once the server is gone', async () => {
    harness = await startHarness();
    const transport = createHttpTransport({
      origin: harness.shell.origin,
      token: harness.shell.sessionToken,
      streamId: crypto.randomUUID(),
      newInvocationId: () => crypto.randomUUID(),
      fetch,
      retryMs: 50,
    });
    const bridge = createBridge(transport);
    expect(await bridge['app:info'](null)).toMatchObject({ ok: true });
    await harness.shell.close();
    expect(await bridge['app:info'](null)).toEqual({
      ok: false,
      error: {
        code: 'ERR_NETWORK',
        message: 'The workbench server is not answering: start `mctoken ui` again and open the address it prints.',
      },
    });
    transport.close();
  });

  it('logs nothing, whatever it is sent', async () => {
    const writes = [
      vi.spyOn(process.stdout, 'write'),
      vi.spyOn(process.stderr, 'write'),
      ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m)),
    ];
    harness = await startHarness();
    await rawRequest(harness.shell.port, {
      method: 'POST',
      path: INVOKE,
      headers: apiHeaders(harness.shell),
      body: JSON.stringify({ signingSecret: 'top-secret' }),
    });
    await rawRequest(harness.shell.port, { method: 'POST', path: INVOKE, headers: { authorization: 'Bearer nope' }, body: 'x' });
    for (const spy of writes) expect(spy).not.toHaveBeenCalled();
    writes.forEach((spy) => spy.mockRestore());
  });
});
