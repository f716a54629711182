// The preload run against the double of `electron`: what it exposes, and that it passes calls and events through untouched.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type WorkbenchBridge } from '../../shared/ipc/ipc-contract';
import type * as Double from '../app/test-support/electron-double';

vi.mock('electron', () => import('../app/test-support/electron-double'));

let electron: typeof Double;
let bridge: WorkbenchBridge;

beforeEach(async () => {
  vi.resetModules();
  electron = (await import('electron')) as unknown as typeof Double;
  electron.resetElectronDouble();
  await import('./preload');
  bridge = electron.contextBridge.exposed.get('workbench') as WorkbenchBridge;
});

describe('the preload', () => {
  it('exposes only `workbench`: one method per channel of the contract and `on`, frozen, never ipcRenderer', () => {
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['workbench']);
    expect(Object.keys(bridge).sort()).toEqual([...IPC_CHANNELS, 'on'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('sends each call on its own channel with the request as given, and returns the main process’s result', async () => {
    electron.ipcRenderer.replies.set('profiles:list', { ok: true, value: { profiles: [], problems: [] } });
    expect(await bridge['profiles:list'](null)).toEqual({ ok: true, value: { profiles: [], problems: [] } });
    await bridge['token:cancel']({ runId: 'r1' });
    expect(electron.ipcRenderer.invocations).toEqual([
      { channel: 'profiles:list', request: null },
      { channel: 'token:cancel', request: { runId: 'r1' } },
    ]);
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
