// A hand-written double of the `electron` module: the API the glue (electron/app, electron/preload) calls, behaving as
// Electron documents it where the glue depends on it: a BrowserWindow creates a web contents and the app emits
// 'web-contents-created' for it; ipcMain.handle refuses a second handler for a channel; contextBridge refuses to expose the
// same key twice; session handlers are stored for the test to call as Chromium would. `resetElectronDouble()` between tests.
// Used with `vi.mock('electron', () => import('./test-support/electron-double'))`, or installed into require's cache for
// the built CommonJS bundles.
import { EventEmitter } from 'node:events';

/** An Electron-style event with preventDefault. */
export class DoubleEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** A frame: the object identity is what the sender check compares. */
export class DoubleFrame {
  constructor(public url: string) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

let nextWebContentsId = 1;

/** A web contents: an id of its own, events, sends, and the window-open handler. */
export class DoubleWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame = new DoubleFrame('');
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;
  windowOpenHandler: WindowOpenHandler | null = null;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a navigation-style event as Chromium would; returns whether the glue prevented it. */
  attempt(name: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    const event = new DoubleEvent(url);
    this.emit(name, event, url);
    return event.defaultPrevented;
  }
}

class DoubleApp extends EventEmitter {
  isPackaged = false;
  sandboxEnabled = false;
  quitCalls = 0;
  singleInstanceLock = true;
  readyEmitted = false;
  readonly paths = new Map<string, string>();
  private readyResolve: () => void = () => undefined;
  private ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }
  getVersion(): string {
    return '9.8.7';
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** Test control: back to not ready. */
  resetReady(): void {
    this.ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
  }
  /** Test control: the app becomes ready (runs the whenReady continuations). */
  becomeReady(): Promise<void> {
    this.readyEmitted = true;
    this.readyResolve();
    return new Promise((resolve) => setImmediate(resolve));
  }
}

export const app = new DoubleApp();

/** Every BrowserWindow created since the last reset, oldest first. */
export const createdWindows: DoubleBrowserWindow[] = [];

export class DoubleBrowserWindow extends EventEmitter {
  readonly webContents = new DoubleWebContents();
  loadedUrl: string | null = null;
  shown = false;
  focused = 0;
  minimized = false;
  destroyed = false;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    createdWindows.push(this);
    app.emit('web-contents-created', new DoubleEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused += 1;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Test control: the user closes the window (its web contents is destroyed, as Electron emits it). */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.webContents.emit('destroyed');
    this.emit('closed');
  }
}
export { DoubleBrowserWindow as BrowserWindow };

type InvokeHandler = (event: unknown, payload: unknown, ...rest: unknown[]) => unknown;
type MessageListener = (event: unknown, ...args: unknown[]) => void;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  /** ipcMain.on listeners of one-way messages, by channel. */
  listeners: new Map<string, Set<MessageListener>>(),
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  on(channel: string, listener: MessageListener): void {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
  },
  removeListener(channel: string, listener: MessageListener): void {
    this.listeners.get(channel)?.delete(listener);
  },
  /** Test control: a one-way message arrives from a renderer (ipcRenderer.send). */
  receive(channel: string, event: unknown, ...args: unknown[]): void {
    for (const listener of this.listeners.get(channel) ?? []) listener(event, ...args);
  },
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[] | string> },
  callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void,
) => void;

export const session = {
  defaultSession: {
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as ((...args: unknown[]) => boolean) | null,
    headersListener: null as HeadersListener | null,
    /** The URL filter the listener was registered with (undefined: every response). */
    headersFilter: undefined as unknown,
    setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void {
      this.permissionCheckHandler = handler;
    },
    webRequest: {
      onHeadersReceived(filterOrListener: unknown, listener?: HeadersListener): void {
        const hasFilter = listener !== undefined;
        session.defaultSession.headersFilter = hasFilter ? filterOrListener : undefined;
        session.defaultSession.headersListener = hasFilter ? listener : (filterOrListener as HeadersListener);
      },
    },
  },
};

type ProtocolHandler = (request: Request) => Promise<Response> | Response;

/** The protocol module: the privileged schemes (Electron allows one call, before ready) and a handler per scheme. */
export const protocol = {
  privileged: null as { scheme: string; privileges: Record<string, boolean> }[] | null,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    if (app.readyEmitted) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    // As Electron: V8's code cache is for standard schemes only.
    for (const { scheme, privileges } of schemes)
      if (privileges.codeCache === true && privileges.standard !== true)
        throw new Error(`Code cache can only be enabled when the custom scheme is registered as standard scheme: ${scheme}`);
    this.privileged = schemes;
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    this.handlers.set(scheme, handler);
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  },
};

export const Menu = {
  applicationMenu: null as { template: unknown[] } | null,
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    this.applicationMenu = menu;
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    this.exposed.set(key, api);
  },
};

type RendererListener = (event: unknown, payload: unknown) => void;

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invocations: [] as { channel: string; request: unknown; invocation?: unknown }[],
  /** One-way messages (ipcRenderer.send), in order. */
  messages: [] as { channel: string; args: unknown[] }[],
  replies: new Map<string, unknown>(),
  /** Test control: when set, invoke answers only when the test calls the resolver it was handed. */
  holdReplies: false,
  held: [] as ((reply: unknown) => void)[],
  invoke(channel: string, request: unknown, ...rest: unknown[]): Promise<unknown> {
    ipcRenderer.invocations.push({ channel, request, ...(rest.length > 0 ? { invocation: rest[0] } : {}) });
    if (ipcRenderer.holdReplies) return new Promise((resolve) => ipcRenderer.held.push(resolve));
    return Promise.resolve(ipcRenderer.replies.get(channel));
  },
  send(channel: string, ...args: unknown[]): void {
    ipcRenderer.messages.push({ channel, args });
  },
  /** Test control: main sends an event to this renderer (listeners get Electron's event object first). */
  deliver(channel: string, payload: unknown): void {
    ipcRenderer.emit(channel, { sender: 'ipc-renderer-event' }, payload);
  },
}) as EventEmitter & {
  invocations: { channel: string; request: unknown; invocation?: unknown }[];
  messages: { channel: string; args: unknown[] }[];
  replies: Map<string, unknown>;
  holdReplies: boolean;
  held: ((reply: unknown) => void)[];
  invoke(channel: string, request: unknown, ...rest: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  deliver(channel: string, payload: unknown): void;
  on(channel: string, listener: RendererListener): unknown;
};

/** Puts every part of the double back to its starting state. */
export function resetElectronDouble(): void {
  app.removeAllListeners();
  Object.assign(app, { isPackaged: false, sandboxEnabled: false, quitCalls: 0, singleInstanceLock: true, readyEmitted: false });
  protocol.privileged = null;
  protocol.handlers.clear();
  app.paths.clear();
  app.resetReady();
  createdWindows.length = 0;
  ipcMain.handlers.clear();
  ipcMain.listeners.clear();
  Object.assign(session.defaultSession, {
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    headersListener: null,
    headersFilter: undefined,
  });
  shell.opened.length = 0;
  Menu.applicationMenu = null;
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  ipcRenderer.messages.length = 0;
  ipcRenderer.holdReplies = false;
  ipcRenderer.held.length = 0;
  ipcRenderer.replies.clear();
}

/** The double as one object, for installing into require's cache (the built CommonJS bundles). */
export const electronDouble = {
  app,
  BrowserWindow: DoubleBrowserWindow,
  ipcMain,
  protocol,
  session,
  shell,
  Menu,
  contextBridge,
  ipcRenderer,
};
