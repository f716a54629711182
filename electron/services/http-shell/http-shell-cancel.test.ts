// Cancelling a call of mctoken ui: the page's abort (through the transport) and a request that goes away both abort the
// handler's signal; an abort from another tab's stream, or after the call, does nothing; stopping the server stops its calls.
import { afterEach, describe, expect, it } from 'vitest';
import { createBridge } from '../../../shared/ipc/create-bridge';
import { HTTP_PROTOCOL } from '../../../shared/ipc/http-protocol';
import { createHttpTransport } from '../../../shared/ipc/http-transport';
import type { IpcResult } from '../../../shared/ipc/result';
import type { Router } from '../router/router-types';
import { apiHeaders, rawRequest, startHarness, type Harness } from './test-support/http-shell-harness';

const CANCELLED: IpcResult<never> = { ok: false, error: { code: 'ERR_CANCELLED', message: 'Cancelled: no token was requested.' } };

/** A router whose every call waits until its signal aborts, then answers CANCELLED; `nextCall()` resolves as one arrives. */
function holdingRouter() {
  const held: { channel: string; signal: AbortSignal }[] = [];
  let waiters: (() => void)[] = [];
  const router: Router = {
    handle: (channel, _payload, context) =>
      new Promise((resolve) => {
        const signal = context.signal ?? new AbortController().signal;
        held.push({ channel, signal });
        signal.addEventListener('abort', () => resolve(CANCELLED), { once: true });
        const woken = waiters;
        waiters = [];
        for (const wake of woken) wake();
      }),
  };
  const untilHeld = (count: number): Promise<void> =>
    held.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push(() => void untilHeld(count).then(resolve)));
  return { router, held, untilHeld };
}

let harness: Harness;
afterEach(async () => harness?.close());

const transportOf = (h: Harness) =>
  createHttpTransport({
    origin: h.shell.origin,
    token: h.shell.sessionToken,
    streamId: crypto.randomUUID(),
    newInvocationId: () => crypto.randomUUID(),
    fetch,
  });

describe('mctoken ui server: cancelling a call', () => {
  it('the page’s abort aborts its call’s handler signal only, and the call answers what the handler answered', async () => {
    const { router, held, untilHeld } = holdingRouter();
    harness = await startHarness(router);
    const transport = transportOf(harness);
    const bridge = createBridge(transport);
    const controller = new AbortController();
    const running = bridge['intelligence:run']({ runId: 'r1', profileId: 'p1' }, { signal: controller.signal });
    const beside = bridge['engagement:token']({ runId: 'r1', profileId: 'p1' }, { signal: new AbortController().signal });
    await untilHeld(2);
    controller.abort();
    await expect(running).resolves.toEqual(CANCELLED);
    expect(held.map((h) => [h.channel, h.signal.aborted])).toEqual([
      ['intelligence:run', true],
      ['engagement:token', false],
    ]);
    await harness.shell.close();
    await expect(beside).resolves.toMatchObject({ ok: false });
    transport.close();
  });

  it('an abort names the call’s stream and invocation id: another stream’s abort of the same id does nothing', async () => {
    const { held, router, untilHeld } = holdingRouter();
    harness = await startHarness(router);
    const { port } = harness.shell;
    const [mine, theirs, invocation] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const abort = (stream: string) =>
      rawRequest(port, {
        method: 'POST',
        path: `${HTTP_PROTOCOL.abortPath}${invocation}`,
        headers: apiHeaders(harness.shell, { [HTTP_PROTOCOL.streamHeader]: stream }),
        body: 'null',
      });
    const running = rawRequest(port, {
      method: 'POST',
      path: `${HTTP_PROTOCOL.invokePath}app%3Ainfo`,
      headers: apiHeaders(harness.shell, { [HTTP_PROTOCOL.streamHeader]: mine, [HTTP_PROTOCOL.invocationHeader]: invocation }),
      body: 'null',
    });
    await untilHeld(1);
    expect(JSON.parse((await abort(theirs)).body)).toEqual({ ok: true, value: { aborted: false } });
    expect(held[0]?.signal.aborted).toBe(false);
    const noToken = await rawRequest(port, { method: 'POST', path: `${HTTP_PROTOCOL.abortPath}${invocation}`, body: 'null' });
    expect(noToken.status).toBe(401);
    expect(held[0]?.signal.aborted).toBe(false);
    expect(JSON.parse((await abort(mine)).body)).toEqual({ ok: true, value: { aborted: true } });
    expect(JSON.parse((await running).body)).toEqual(CANCELLED);
  });

  it('a request that goes away before its reply (the client aborted it, the tab closed) aborts the handler’s signal', async () => {
    const { held, router, untilHeld } = holdingRouter();
    harness = await startHarness(router);
    const controller = new AbortController();
    const request = fetch(`${harness.shell.origin}${HTTP_PROTOCOL.invokePath}profiles%3Acopy-token`, {
      method: 'POST',
      headers: apiHeaders(harness.shell, { [HTTP_PROTOCOL.invocationHeader]: crypto.randomUUID() }),
      body: JSON.stringify({ profileId: 'p1' }),
      signal: controller.signal,
    });
    await untilHeld(1);
    const closed = new Promise((resolve) => held[0]?.signal.addEventListener('abort', resolve));
    controller.abort();
    await expect(request).rejects.toThrow();
    await closed;
    expect(held[0]?.signal.aborted).toBe(true);
  });

  it('refuses a malformed invocation id, calling nothing; stopping the server aborts the calls still running', async () => {
    const { held, router, untilHeld } = holdingRouter();
    harness = await startHarness(router);
    const refused = await rawRequest(harness.shell.port, {
      method: 'POST',
      path: `${HTTP_PROTOCOL.invokePath}app%3Ainfo`,
      headers: apiHeaders(harness.shell, { [HTTP_PROTOCOL.invocationHeader]: 'not an id' }),
      body: 'null',
    });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'ERR_IPC_INVALID_REQUEST' } });
    expect(held).toEqual([]);
    const running = rawRequest(harness.shell.port, {
      method: 'POST',
      path: `${HTTP_PROTOCOL.invokePath}app%3Ainfo`,
      headers: apiHeaders(harness.shell),
      body: 'null',
    });
    await untilHeld(1);
    await harness.shell.close();
    expect(held[0]?.signal.aborted).toBe(true);
    await running;
  });
});
