import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../errors/workbench-error';
import { createBridge } from './create-bridge';
import { IPC_CHANNELS, type IpcChannel, type IpcEvent, type IpcTransport } from './ipc-contract';

/** A recording transport: the unit under test is the bridge, so the transport is a fake here. */
function fakeTransport(reply: (channel: IpcChannel, request: unknown) => Promise<unknown>) {
  const calls: Array<{ channel: IpcChannel; request: unknown }> = [];
  const signals: Array<AbortSignal | undefined> = [];
  const listeners = new Map<IpcEvent, Set<(payload: unknown) => void>>();
  const transport: IpcTransport = {
    invoke: (channel, request, signal) => {
      calls.push({ channel, request });
      signals.push(signal);
      return reply(channel, request);
    },
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  const emit = (event: IpcEvent, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { transport, calls, signals, listeners, emit };
}

const INTERNAL = /^The app sent back a reply it could not read\. Restart the app; if it persists, report it\.$/;

describe('createBridge', () => {
  it('exposes exactly one method per channel plus on, and nothing generic', () => {
    const bridge = createBridge(fakeTransport(async () => ({ ok: true, value: null })).transport);
    expect(Object.keys(bridge).sort()).toEqual([...IPC_CHANNELS, 'on'].sort());
    expect('invoke' in bridge).toBe(false);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(() => Object.assign(bridge, { invoke: () => null })).toThrow(TypeError);
  });

  it('sends each channel its own name and request, and returns the reply as is', async () => {
    const fake = fakeTransport(async (channel) => ({ ok: true, value: { echoed: channel } }));
    const bridge = createBridge(fake.transport);
    for (const channel of IPC_CHANNELS) {
      const method = bridge[channel] as (request: unknown) => Promise<unknown>;
      await expect(method({ probe: channel })).resolves.toEqual({ ok: true, value: { echoed: channel } });
    }
    expect(fake.calls).toEqual(IPC_CHANNELS.map((channel) => ({ channel, request: { probe: channel } })));
  });

  it('hands a call’s signal to the transport (that call’s only), and none when the call has none', async () => {
    const fake = fakeTransport(async () => ({ ok: true, value: null }));
    const bridge = createBridge(fake.transport);
    const controller = new AbortController();
    await bridge['compose:send']({ url: 'https://x.example/', token: 't', style: 'activity' } as never, { signal: controller.signal });
    await bridge['app:info'](null);
    await bridge['app:info'](null, {});
    expect(fake.signals).toEqual([controller.signal, undefined, undefined]);
  });

  it('refuses a signal that is not an AbortSignal, calling nothing', async () => {
    const fake = fakeTransport(async () => ({ ok: true, value: null }));
    const bridge = createBridge(fake.transport);
    const call = bridge['app:info'] as (request: null, options: unknown) => Promise<unknown>;
    await expect(call(null, { signal: { aborted: true } })).resolves.toEqual({
      ok: false,
      error: { code: 'ERR_IPC_INVALID_REQUEST', message: 'A call’s signal must be an AbortSignal.' },
    });
    expect(fake.calls).toEqual([]);
  });

  it('passes failed results through unchanged', async () => {
    const error = { code: 'ERR_PROFILE_NOT_FOUND', message: 'No profile with this id: reload the list.' };
    const bridge = createBridge(fakeTransport(async () => ({ ok: false, error })).transport);
    await expect(bridge['profiles:delete']({ id: 'x' })).resolves.toEqual({ ok: false, error });
  });

  it('turns a WorkbenchError thrown by the transport into a failed result', async () => {
    const bridge = createBridge(
      fakeTransport(async () => {
        throw new WorkbenchError('ERR_IPC_FORBIDDEN_SENDER', 'Blocked.');
      }).transport,
    );
    await expect(bridge['app:info'](null)).resolves.toEqual({
      ok: false,
      error: { code: 'ERR_IPC_FORBIDDEN_SENDER', message: 'Blocked.' },
    });
  });

  it('hides the text of any other transport failure behind ERR_INTERNAL', async () => {
    const bridge = createBridge(
      fakeTransport(async () => {
        throw new Error('Error invoking remote method: secret-ish detail');
      }).transport,
    );
    const result = await bridge['app:info'](null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ERR_INTERNAL');
    expect(result.error.message).toMatch(/^Something unexpected went wrong\./);
    expect(JSON.stringify(result)).not.toContain('secret-ish');
  });

  it.each([[undefined], [null], ['text'], [{ ok: true }], [{ ok: false, error: { code: 'NOPE', message: 'x' } }], [{ value: 1 }]])(
    'refuses a malformed reply %j with ERR_INTERNAL',
    async (reply) => {
      const bridge = createBridge(fakeTransport(async () => reply).transport);
      const result = await bridge['profiles:list'](null);
      expect(result).toEqual({ ok: false, error: { code: 'ERR_INTERNAL', message: expect.stringMatching(INTERNAL) } });
    },
  );

  it('subscribes to known events and unsubscribes once', () => {
    const fake = fakeTransport(async () => null);
    const bridge = createBridge(fake.transport);
    const seen: unknown[] = [];
    const off = bridge.on('intelligence:progress', (payload) => seen.push(payload));
    fake.emit('intelligence:progress', { runId: 'r1' });
    off();
    off();
    fake.emit('intelligence:progress', { runId: 'r2' });
    expect(seen).toEqual([{ runId: 'r1' }]);
    expect(fake.listeners.get('intelligence:progress')?.size).toBe(0);
  });

  it('refuses unknown events and non-function listeners', () => {
    const bridge = createBridge(fakeTransport(async () => null).transport);
    const on = bridge.on as (event: string, listener: unknown) => () => void;
    expect(() => on('profiles:list', () => undefined)).toThrow(
      expect.objectContaining({
        code: 'ERR_IPC_UNKNOWN_CHANNEL',
        message: 'This app event does not exist: subscribe to one of the documented events.',
      }),
    );
    expect(() => on('intelligence:progress', 'nope')).toThrow(
      expect.objectContaining({ code: 'ERR_IPC_INVALID_REQUEST', message: 'An event listener must be a function.' }),
    );
  });
});
