// The bridge across worlds: window.workbench carries a call's cancellation as a function (what Electron's contextBridge can
// carry), and the page's bridge over it takes `{ signal }` again. A copied object stands in for what crossing does to a signal.
import { describe, expect, it } from 'vitest';
import { createBridge } from './create-bridge';
import { exposeBridge, pageBridge, type ExposedBridge } from './exposed-bridge';
import { IPC_CHANNELS, type IpcTransport } from './ipc-contract';

/** A transport whose calls wait until the test answers them, keeping each call's signal. */
function pendingTransport() {
  const calls: { channel: string; signal: AbortSignal | undefined; answer: (reply: unknown) => void }[] = [];
  const transport: IpcTransport = {
    invoke: (channel, _request, signal) => new Promise((resolve) => calls.push({ channel, signal, answer: resolve })),
    on: () => () => undefined,
  };
  return { transport, calls };
}

/** What crossing contextBridge does: plain data copied, functions kept as callable stand-ins. */
function crossed(exposed: ExposedBridge): ExposedBridge {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(exposed))
    copy[key] = (...args: unknown[]) =>
      (value as (...a: unknown[]) => unknown)(...args.map((a) => (typeof a === 'function' ? a : structuredClone(a))));
  return copy as ExposedBridge;
}

describe('exposeBridge and pageBridge', () => {
  it('expose one method per channel and `on`, frozen, on both sides', () => {
    const exposed = exposeBridge(createBridge(pendingTransport().transport));
    const page = pageBridge(exposed);
    for (const bridge of [exposed, page]) {
      expect(Object.keys(bridge).sort()).toEqual([...IPC_CHANNELS, 'on'].sort());
      expect(Object.isFrozen(bridge)).toBe(true);
    }
  });

  it('a page signal aborted mid-call aborts that call’s transport signal, and the call answers what the other side answered', async () => {
    const { transport, calls } = pendingTransport();
    const page = pageBridge(crossed(exposeBridge(createBridge(transport))));
    const controller = new AbortController();
    const running = page['intelligence:run']({ runId: 'r1', profileId: 'p1' }, { signal: controller.signal });
    const other = page['app:info'](null);
    await Promise.resolve();
    expect(calls.map((c) => [c.channel, c.signal?.aborted])).toEqual([
      ['intelligence:run', false],
      ['app:info', undefined],
    ]);
    controller.abort();
    expect(calls[0]?.signal?.aborted).toBe(true);
    const cancelled = { ok: false, error: { code: 'ERR_CANCELLED', message: 'Cancelled: no token was requested.' } };
    calls[0]?.answer(cancelled);
    calls[1]?.answer({ ok: true, value: { version: '1' } });
    await expect(running).resolves.toEqual(cancelled);
    await expect(other).resolves.toEqual({ ok: true, value: { version: '1' } });
  });

  it('a signal aborted before the call starts the call aborted; a finished call lets go of the page signal', async () => {
    const { transport, calls } = pendingTransport();
    const page = pageBridge(exposeBridge(createBridge(transport)));
    const running = page['profiles:copy-token']({ profileId: 'p1' }, { signal: AbortSignal.abort() });
    await Promise.resolve();
    expect(calls[0]?.signal?.aborted).toBe(true);
    calls[0]?.answer({ ok: true, value: null });
    await running;

    const controller = new AbortController();
    const second = page['profiles:copy-token']({ profileId: 'p1' }, { signal: controller.signal });
    await Promise.resolve();
    calls[1]?.answer({ ok: true, value: null });
    await second;
    controller.abort();
    expect(calls[1]?.signal?.aborted).toBe(false);
  });
});
