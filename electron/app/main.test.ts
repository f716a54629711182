// The Electron main process (electron/app/*) run against a faithful double of the `electron` module, with the real services.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_ABORT_MESSAGE } from '../../shared/ipc/ipc-abort';
import { IPC_CHANNELS } from '../../shared/ipc/ipc-contract';
import type * as CreateServices from '../services/create-services';
import { defaultUserDataDir } from '../services/paths';
import { CONTENT_SECURITY_POLICY } from '../services/security/content-security-policy';
import { DEFAULT_KEYCHAIN_SERVICE } from '../services/secret-store/keychain-service-name';
import type * as Double from './test-support/electron-double';

vi.mock('electron', () => import('./test-support/electron-double'));

// The real services; the router's `profiles:copy-token` is held until its call's signal aborts (the glue under test is
// what aborts it: the preload's abort for that call, a closed window, quitting), and answers ERR_CANCELLED then.
const created = vi.hoisted(() => [] as { options: CreateServices.WorkbenchServicesOptions; held: AbortSignal[] }[]);
vi.mock('../services/create-services', async (importOriginal) => {
  const actual = await importOriginal<typeof CreateServices>();
  return {
    ...actual,
    createWorkbenchServices: (options: CreateServices.WorkbenchServicesOptions) => {
      const services = actual.createWorkbenchServices(options);
      const record = { options, held: [] as AbortSignal[] };
      const real = services.router;
      services.router = {
        handle: (channel, payload, context) => {
          const signal = context.signal;
          if (channel !== 'profiles:copy-token' || signal === undefined) return real.handle(channel, payload, context);
          record.held.push(signal);
          return new Promise((resolve) =>
            signal.addEventListener('abort', () => resolve({ ok: false, error: { code: 'ERR_CANCELLED', message: 'Cancelled.' } })),
          );
        },
      };
      created.push(record);
      return services;
    },
  };
});

const APP_DIR = dirname(fileURLToPath(import.meta.url));
let electron: typeof Double;
let userDataDir = '';
const keychainService = `mctw-glue-test-${process.pid}`;

/** Loads electron/app/main.ts afresh (it runs at import, as in Electron), after `setup` configured the double. */
async function startMain(setup: (e: typeof Double) => void = () => undefined): Promise<void> {
  vi.resetModules();
  electron = (await import('electron')) as unknown as typeof Double;
  electron.resetElectronDouble();
  setup(electron);
  await import('./main');
}

const mainWindow = (): Double.DoubleBrowserWindow => {
  const win = electron.createdWindows.at(-1);
  if (win === undefined) throw new Error('no window');
  return win;
};

/** Calls an ipcMain handler as Electron would for a message from `frame` of `win` (with the preload's invocation id). */
function invoke(
  channel: string,
  payload: unknown,
  frame: Double.DoubleFrame,
  win = mainWindow(),
  invocation: string = crypto.randomUUID(),
): Promise<unknown> {
  const handler = electron.ipcMain.handlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler({ senderFrame: frame, sender: win.webContents }, payload, invocation));
}

/** The preload's one-way abort of an invocation, as Electron delivers it from `frame` of `sender`. */
function sendAbort(invocation: unknown, frame: Double.DoubleFrame, sender: Double.DoubleWebContents = mainWindow().webContents): void {
  electron.ipcMain.receive(IPC_ABORT_MESSAGE, { senderFrame: frame, sender }, invocation);
}

const CANCELLED = { ok: false, error: { code: 'ERR_CANCELLED', message: 'Cancelled.' } };

beforeEach(async () => {
  created.length = 0;
  userDataDir = await mkdtemp(join(tmpdir(), 'mctw-glue-'));
  vi.stubEnv('MCTW_USER_DATA_DIR', userDataDir);
  vi.stubEnv('MCTW_KEYCHAIN_SERVICE', keychainService);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(userDataDir, { recursive: true, force: true });
});

describe('the main window', () => {
  it('is sandboxed, context-isolated, without Node, with web security, and loads the preload from the folder of the main bundle', async () => {
    await startMain();
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.createdWindows).toHaveLength(0);
    await electron.app.becomeReady();
    expect(electron.createdWindows).toHaveLength(1);
    const prefs = mainWindow().options.webPreferences ?? {};
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    // In the bundle, __dirname is dist/electron: the preload must sit next to main.cjs (test/built-bundles.test.ts checks the built pair).
    expect(prefs.preload).toBe(`${APP_DIR}${sep}preload.cjs`);
    expect(mainWindow().shown).toBe(false);
    mainWindow().emit('ready-to-show');
    expect(mainWindow().shown).toBe(true);
  });

  it('loads the renderer from app:// (registered standard and secure before ready), not file://, whose extra privileges the package turns off', async () => {
    await startMain();
    expect(electron.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    ]);
    expect(electron.protocol.handlers.size).toBe(0);
    await electron.app.becomeReady();
    expect(mainWindow().loadedUrl).toBe('app://workbench/index.html');
    const handler = electron.protocol.handlers.get('app');
    // The source tree has no built renderer next to electron/app: the handler looks in the folder beside the main bundle.
    expect((await handler!(new Request('app://workbench/index.html'))).status).toBe(
      existsSync(join(APP_DIR, '..', 'renderer')) ? 200 : 404,
    );
    expect((await handler!(new Request('app://workbench/..%2f..%2fpackage.json'))).status).toBe(404);
  });

  it('turns developer tools off in the packaged app, and keeps them in development', async () => {
    await startMain();
    await electron.app.becomeReady();
    expect(mainWindow().options.webPreferences?.devTools).toBe(true);
    await startMain((e) => (e.app.isPackaged = true));
    await electron.app.becomeReady();
    expect(mainWindow().options.webPreferences?.devTools).toBe(false);
  });
});

describe('IPC', () => {
  it('gives every channel of the contract a handler, answering our main frame with the real router', async () => {
    await startMain();
    await electron.app.becomeReady();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(await invoke('app:info', null, mainWindow().webContents.mainFrame)).toMatchObject({
      ok: true,
      value: { version: '9.8.7', platform: process.platform },
    });
    expect(await invoke('profiles:list', null, mainWindow().webContents.mainFrame)).toEqual({
      ok: true,
      value: { profiles: [], problems: [], keychain: {}, foreign: [] },
    });
  });

  it.each([
    ['a subframe', () => new (class extends Object {})() as Double.DoubleFrame],
    ['our frame after navigating elsewhere', () => Object.assign(mainWindow().webContents.mainFrame, { url: 'https://evil.example/' })],
  ])('refuses %s with ERR_IPC_FORBIDDEN_SENDER and runs nothing', async (_what, frame) => {
    await startMain();
    await electron.app.becomeReady();
    const reply = await invoke('profiles:save', { name: 'x', product: 'engagement', clientId: '', signingSecret: 's' }, frame());
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'ERR_IPC_FORBIDDEN_SENDER',
        message: 'This request came from outside the app window and was refused. Use the app window itself.',
      },
    });
    expect(await readdir(userDataDir)).toEqual([]);
  });

  it('opens a web sign-in page in the system browser from the main process, and keeps the sign-in with that window', async () => {
    await startMain();
    await electron.app.becomeReady();
    const frame = mainWindow().webContents.mainFrame;
    const request = { clientId: 'webapp-client-1', authUrl: 'http://127.0.0.1:9/', scope: 'email_read offline', open: true };
    const reply = (await invoke('webapp:begin', request, frame)) as {
      ok: true;
      value: { signInId: string; authorizeUrl: string; opened: boolean };
    };
    expect(reply).toMatchObject({ ok: true, value: { opened: true } });
    expect(electron.shell.opened).toEqual([reply.value.authorizeUrl]);
    expect(reply.value.authorizeUrl).toMatch(/^http:\/\/127\.0\.0\.1:9\/v2\/authorize\?response_type=code&client_id=webapp-client-1&/);
    // The same window's next request finds it (a paste with another state is read, not refused as unknown).
    const finish = { runId: 'r1', signInId: reply.value.signInId, pasted: 'https://127.0.0.1:80/?code=c&state=other' };
    expect(await invoke('webapp:finish', finish, frame)).toMatchObject({
      ok: true,
      value: { outcome: { ok: false, error: { code: 'ERR_AUTH_STATE_MISMATCH' } } },
    });
  });

  it('an abort from our frame cancels the call it names, and only that call of that sender', async () => {
    await startMain();
    await electron.app.becomeReady();
    const win = mainWindow();
    const frame = win.webContents.mainFrame;
    const id = crypto.randomUUID();
    const running = invoke('profiles:copy-token', { profileId: 'p1' }, frame, win, id);
    const beside = invoke('profiles:copy-token', { profileId: 'p1' }, frame, win);
    const [signal, besideSignal] = created[0]?.held ?? [];
    expect(signal?.aborted).toBe(false);

    // The same id from another web contents (even claiming our frame), from a foreign frame, or a wrong id: nothing.
    sendAbort(id, frame, new electron.BrowserWindow({}).webContents);
    sendAbort(id, new (class extends Object {})() as Double.DoubleFrame, win.webContents);
    sendAbort(crypto.randomUUID(), frame, win.webContents);
    sendAbort({ id }, frame, win.webContents);
    expect(signal?.aborted).toBe(false);

    sendAbort(id, frame, win.webContents);
    expect(signal?.aborted).toBe(true);
    await expect(running).resolves.toEqual(CANCELLED);
    expect(besideSignal?.aborted).toBe(false);
    electron.app.emit('before-quit');
    await expect(beside).resolves.toEqual(CANCELLED);
  });

  it('refuses a malformed invocation id, and an id already in flight for this sender, running nothing', async () => {
    await startMain();
    await electron.app.becomeReady();
    const frame = mainWindow().webContents.mainFrame;
    const refused = { ok: false, error: { code: 'ERR_IPC_INVALID_REQUEST', message: expect.any(String) } };
    await expect(invoke('app:info', null, frame, mainWindow(), 'short')).resolves.toEqual(refused);
    const id = crypto.randomUUID();
    const running = invoke('profiles:copy-token', { profileId: 'p1' }, frame, mainWindow(), id);
    await expect(invoke('profiles:copy-token', { profileId: 'p1' }, frame, mainWindow(), id)).resolves.toEqual(refused);
    expect(created[0]?.held).toHaveLength(1);
    sendAbort(id, frame);
    await running;
  });

  it('a window that closes takes its running calls with it', async () => {
    await startMain();
    await electron.app.becomeReady();
    const running = invoke('profiles:copy-token', { profileId: 'p1' }, mainWindow().webContents.mainFrame);
    mainWindow().close();
    await expect(running).resolves.toEqual(CANCELLED);
  });

  it('refuses every sender once the window is closed', async () => {
    await startMain();
    await electron.app.becomeReady();
    const frame = mainWindow().webContents.mainFrame;
    mainWindow().close();
    expect(await invoke('app:info', null, frame)).toMatchObject({ ok: false, error: { code: 'ERR_IPC_FORBIDDEN_SENDER' } });
  });
});

describe('navigation, new windows and permissions', () => {
  it('keeps every web contents on our document: other navigations and redirects are refused, web links go to the system browser', async () => {
    await startMain();
    await electron.app.becomeReady();
    const contents = mainWindow().webContents;
    const own = mainWindow().loadedUrl ?? '';
    expect(contents.attempt('will-navigate', `${own}#/profiles`)).toBe(false);
    expect(contents.attempt('will-navigate', 'app://workbench/other.html')).toBe(true);
    expect(contents.attempt('will-navigate', 'app://elsewhere/index.html')).toBe(true);
    expect(contents.attempt('will-navigate', 'https://help.salesforce.com/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-attach-webview', own)).toBe(true);
    expect(electron.shell.opened).toEqual(['https://help.salesforce.com/']);
  });

  it('denies every window.open, handing web links to the system browser', async () => {
    await startMain();
    await electron.app.becomeReady();
    const open = mainWindow().webContents.windowOpenHandler;
    expect(open?.({ url: 'https://help.salesforce.com/x' })).toEqual({ action: 'deny' });
    expect(open?.({ url: mainWindow().loadedUrl ?? '' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(electron.shell.opened).toEqual(['https://help.salesforce.com/x']);
  });

  it('denies every permission request and check', async () => {
    await startMain();
    await electron.app.becomeReady();
    const { permissionRequestHandler, permissionCheckHandler } = electron.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      permissionRequestHandler?.(mainWindow().webContents, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(permissionCheckHandler?.(mainWindow().webContents, permission, 'file://', {})).toBe(false);
    }
  });

  it('sets the strict CSP header on every response, replacing any the response had', async () => {
    await startMain();
    await electron.app.becomeReady();
    const { headersListener, headersFilter } = electron.session.defaultSession;
    expect(headersFilter).toBeUndefined();
    const callback = vi.fn();
    headersListener?.({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, callback);
    headersListener?.({}, callback);
    expect(callback.mock.calls).toEqual([
      [{ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': CONTENT_SECURITY_POLICY } }],
      [{ responseHeaders: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } }],
    ]);
  });
});

describe('single instance and quitting', () => {
  it('a second instance quits at once: no services, no handlers, no window', async () => {
    await startMain((e) => (e.app.singleInstanceLock = false));
    await electron.app.becomeReady();
    expect(electron.app.quitCalls).toBe(1);
    expect(created).toEqual([]);
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(electron.createdWindows).toHaveLength(0);
  });

  it('the first instance brings its window back when a second starts, and reopens one on activate after it was closed', async () => {
    await startMain();
    await electron.app.becomeReady();
    const first = mainWindow();
    first.minimized = true;
    electron.app.emit('second-instance');
    expect(electron.createdWindows).toHaveLength(1);
    expect(first.minimized).toBe(false);
    expect(first.focused).toBe(1);
    first.close();
    electron.app.emit('activate');
    expect(electron.createdWindows).toHaveLength(2);
  });

  it('quits when the last window closes (except on macOS) and cancels every running call before quitting', async () => {
    await startMain();
    await electron.app.becomeReady();
    const running = invoke('profiles:copy-token', { profileId: 'p1' }, mainWindow().webContents.mainFrame);
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCalls).toBe(process.platform === 'darwin' ? 0 : 1);
    expect(created[0]?.held[0]?.aborted).toBe(false);
    electron.app.emit('before-quit');
    await expect(running).resolves.toEqual(CANCELLED);
  });
});

describe('MCTW_* overrides', () => {
  it('apply in development: the user-data folder and keychain service come from the environment', async () => {
    await startMain();
    expect(electron.app.getPath('userData')).toBe(userDataDir);
    expect(created[0]?.options).toMatchObject({ userDataDir, keychainService });
  });

  it('are ignored by the packaged app', async () => {
    await startMain((e) => (e.app.isPackaged = true));
    const { MCTW_USER_DATA_DIR: _dir, MCTW_KEYCHAIN_SERVICE: _service, ...rest } = process.env;
    expect(electron.app.getPath('userData')).toBe(defaultUserDataDir(rest));
    expect(electron.app.getPath('userData')).not.toBe(userDataDir);
    expect(created[0]?.options).toMatchObject({ userDataDir: defaultUserDataDir(rest), keychainService: DEFAULT_KEYCHAIN_SERVICE });
  });
});

describe('the application menu', () => {
  type Item = { role?: string; label?: string; submenu?: Item[]; click?: () => void };
  const roles = (items: Item[]): string[] => items.flatMap((item) => [item.role ?? item.label ?? '', ...roles(item.submenu ?? [])]);

  it('has developer tools only in development, and its help links open in the system browser', async () => {
    await startMain();
    await electron.app.becomeReady();
    const dev = electron.Menu.applicationMenu?.template as Item[];
    expect(roles(dev)).toEqual(expect.arrayContaining(['editMenu', 'reload', 'toggleDevTools']));
    const help = dev.find((item) => item.role === 'help')?.submenu ?? [];
    help[0]?.click?.();
    expect(electron.shell.opened).toEqual([expect.stringMatching(/^https:\/\/help\.salesforce\.com\//)]);

    await startMain((e) => (e.app.isPackaged = true));
    await electron.app.becomeReady();
    const packaged = roles(electron.Menu.applicationMenu?.template as Item[]);
    expect(packaged).toContain('editMenu');
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(existsSync(userDataDir)).toBe(true);
  });
});
