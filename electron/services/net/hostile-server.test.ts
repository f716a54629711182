import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { forceGc } from '../../../test/support/force-gc';
import { startScriptedHttpServer, type ScriptedHttpServer } from '../../../test/support/idp-server';
import { timedRequest } from '../../../shared/exchange/timed-request';
import { createSafeFetch } from './safe-fetch';

/** The fetch the app and the CLI use. */
const fetch = createSafeFetch();

let server: ScriptedHttpServer | undefined;
let stopStreams: Array<() => void> = [];
afterEach(async () => {
  stopStreams.forEach((stop) => stop());
  stopStreams = [];
  await server?.close();
  server = undefined;
});

const get = { method: 'GET', headers: { Accept: 'application/json' } } as const;

/** Headers at once, then `chunk` every `everyMs` forever (until the test ends). */
function streamForever(res: ServerResponse, chunk: string, everyMs: number): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{"token_endpoint":"');
  const timer = setInterval(() => res.write(chunk), everyMs);
  stopStreams.push(() => clearInterval(timer));
  res.on('close', () => clearInterval(timer));
}

/**
 * Settles with what the promise gives, or with 'still running' once `ms` have passed: a hang must fail the test, not time it
 * out. The bound, not a measured time, is what the tests check: on a starved machine every timer fires late, and the
 * request's own deadline (set first, due first) still fires before this one.
 */
async function within<T>(ms: number, promise: Promise<T>): Promise<T | 'still running'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Collects garbage every 20 ms while the promise runs, as a busy process would. */
async function withGarbageCollection<T>(promise: Promise<T>): Promise<T> {
  const timer = setInterval(forceGc, 20);
  try {
    return await promise;
  } finally {
    clearInterval(timer);
  }
}

describe('timedRequest through safe-fetch against a hostile server', () => {
  it('keeps its deadline through garbage collection while an endless body streams', async () => {
    server = await startScriptedHttpServer((_req, res) => streamForever(res, 'x'.repeat(1024), 5));
    const outcome = await within(
      4000,
      withGarbageCollection(
        timedRequest(new URL(server.url), get, 'discovery endpoint', { fetch, timeoutMs: 1000, maxBodyBytes: 64 * 1024 * 1024 }),
      ).catch((error: unknown) => error),
    );
    expect(outcome).toMatchObject({
      code: 'ERR_TIMEOUT',
      message: `The discovery endpoint (${new URL(server.url).host}) did not answer within 1 s: check the network/VPN or try again.`,
    });
  });

  it('stops an endless body at the byte cap with ERR_RESPONSE_TOO_LARGE', async () => {
    server = await startScriptedHttpServer((_req, res) => streamForever(res, 'x'.repeat(16 * 1024), 1));
    const outcome = await within(
      5000,
      timedRequest(new URL(server.url), get, 'discovery endpoint', { fetch, timeoutMs: 10_000 }).catch((error: unknown) => error),
    );
    expect(outcome).toMatchObject({
      code: 'ERR_RESPONSE_TOO_LARGE',
      message: `The discovery endpoint (${new URL(server.url).host}) sent more than 1 MiB, which no answer of this kind needs: check the URL.`,
    });
  });

  it('refuses a Content-Length past the cap before reading the body', async () => {
    server = await startScriptedHttpServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(2 * 1024 * 1024) });
      res.write('{');
    });
    const outcome = await within(
      3000,
      timedRequest(new URL(server.url), get, 'token endpoint', { fetch, timeoutMs: 10_000 }).catch((error: unknown) => error),
    );
    expect(outcome).toMatchObject({ code: 'ERR_RESPONSE_TOO_LARGE' });
  });

  it('times out a body that trickles one byte every 200 ms, under garbage collection', async () => {
    // A byte every 200 ms would keep an idle timeout from ever firing: only a deadline for the whole request ends it.
    server = await startScriptedHttpServer((_req, res) => streamForever(res, 'x', 200));
    const outcome = await within(
      4000,
      withGarbageCollection(timedRequest(new URL(server.url), get, 'token endpoint', { fetch, timeoutMs: 1000 })).catch(
        (error: unknown) => error,
      ),
    );
    expect(outcome).toMatchObject({ code: 'ERR_TIMEOUT' });
  });

  it('cancels mid-body when the caller aborts, under garbage collection', async () => {
    const controller = new AbortController();
    server = await startScriptedHttpServer((_req, res) => {
      streamForever(res, 'x', 200);
      setTimeout(() => controller.abort(), 600);
    });
    const outcome = await within(
      4000,
      withGarbageCollection(
        timedRequest(new URL(server.url), get, 'token endpoint', { fetch, timeoutMs: 60_000, signal: controller.signal }),
      ).catch((error: unknown) => error),
    );
    expect(outcome).toMatchObject({
      code: 'ERR_CANCELLED',
      message: 'Cancelled: the request to the token endpoint was stopped before it finished.',
    });
  });
});
