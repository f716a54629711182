// The preload run against the double of `electron`: what it exposes, and that it passes calls and events through untouched.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pageBridge, type ExposedBridge } from '../../shared/ipc/exposed-bridge';
import { IPC_ABORT_MESSAGE } from '../../shared/ipc/ipc-abort';
import { IPC_CHANNELS, type WorkbenchBridge } from '../../shared/ipc/ipc-contract';
import type * as Double from '../app/test-support/electron-double';

vi.mock('electron', () => import('../app/test-support/electron-double'));

let electron: typeof Double;
let exposed: ExposedBridge;
let bridge: WorkbenchBridge;

beforeEach(async () => {
  vi.resetModules();
  electron = (await import('electron')) as unknown as typeof Double;
  electron.resetElectronDouble();
  await import('./preload');
  exposed = electron.contextBridge.exposed.get('workbench') as ExposedBridge;
  bridge = pageBridge(exposed);
});

describe('the preload', () => {
  it('exposes only `workbench`: one method per channel of the contract and `on`, frozen, never ipcRenderer', () => {
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['workbench']);
    expect(Object.keys(exposed).sort()).toEqual([...IPC_CHANNELS, 'on'].sort());
    expect(Object.isFrozen(exposed)).toBe(true);
    expect(Object.values(exposed).every((value) => typeof value === 'function')).toBe(true);
  });

  it('sends each call on its own channel with the request as given and an invocation id of its own, and returns the main process’s result', async () => {
    electron.ipcRenderer.replies.set('profiles:list', { ok: true, value: { profiles: [], problems: [] } });
    expect(await bridge['profiles:list'](null)).toEqual({ ok: true, value: { profiles: [], problems: [] } });
    await bridge['profiles:delete']({ id: 'p1' });
    const [first, second] = electron.ipcRenderer.invocations;
    expect(electron.ipcRenderer.invocations).toEqual([
      { channel: 'profiles:list', request: null, invocation: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      { channel: 'profiles:delete', request: { id: 'p1' }, invocation: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    ]);
    expect(first?.invocation).not.toBe(second?.invocation);
    expect(electron.ipcRenderer.messages).toEqual([]);
  });

  it('an aborted signal sends one abort naming that call’s invocation id (never an id from the page), and the call answers main’s reply', async () => {
    electron.ipcRenderer.holdReplies = true;
    const controller = new AbortController();
    const running = bridge['intelligence:run']({ runId: 'page-chosen-id', profileId: 'p1' }, { signal: controller.signal });
    const other = bridge['app:info'](null);
    await vi.waitFor(() => expect(electron.ipcRenderer.invocations).toHaveLength(2));
    controller.abort();
    controller.abort();
    const [run] = electron.ipcRenderer.invocations;
    expect(electron.ipcRenderer.messages).toEqual([{ channel: IPC_ABORT_MESSAGE, args: [run?.invocation] }]);
    expect(run?.invocation).not.toBe('page-chosen-id');
    const cancelled = { ok: false, error: { code: 'ERR_CANCELLED', message: 'Cancelled: no token was requested.' } };
    electron.ipcRenderer.held[0]?.(cancelled);
    electron.ipcRenderer.held[1]?.({ ok: true, value: null });
    await expect(running).resolves.toEqual(cancelled);
    await other;
    expect(electron.ipcRenderer.messages).toHaveLength(1);
  });

  it('a signal aborted before the call sends the abort right after the call; a finished call sends none later', async () => {
    await bridge['app:info'](null, { signal: AbortSignal.abort() });
    const [call] = electron.ipcRenderer.invocations;
    expect(electron.ipcRenderer.messages).toEqual([{ channel: IPC_ABORT_MESSAGE, args: [call?.invocation] }]);
    const controller = new AbortController();
    await bridge['app:info'](null, { signal: controller.signal });
    controller.abort();
    expect(electron.ipcRenderer.messages).toHaveLength(1);
  });

  it('turns a reply that is not a result into ERR_INTERNAL instead of passing it on', async () => {
    electron.ipcRenderer.replies.set('app:info', { stolen: 'ipcRenderer' });
    expect(await bridge['app:info'](null)).toMatchObject({ ok: false, error: { code: 'ERR_INTERNAL' } });
  });

  it('gives listeners the payload only (never Electron’s event object), and unsubscribing removes the IPC listener', () => {
    const seen: unknown[] = [];
    const off = bridge.on('intelligence:progress', (payload) => seen.push(payload));
    const payload = { runId: 'r1', step: { id: 'discovery', status: 'running' } };
    electron.ipcRenderer.deliver('intelligence:progress', payload);
    expect(seen).toEqual([payload]);
    expect(electron.ipcRenderer.listenerCount('intelligence:progress')).toBe(1);
    off();
    expect(electron.ipcRenderer.listenerCount('intelligence:progress')).toBe(0);
    electron.ipcRenderer.deliver('intelligence:progress', payload);
    expect(seen).toHaveLength(1);
  });

  it('refuses to subscribe to anything but the contract’s events', () => {
    expect(() => (bridge.on as (event: string, listener: () => void) => void)('app:info', () => undefined)).toThrow(
      'This app event does not exist: subscribe to one of the documented events.',
    );
    expect(electron.ipcRenderer.eventNames()).toEqual([]);
  });
});
