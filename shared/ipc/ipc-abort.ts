// The one-way message of Electron's transport that cancels one call: the preload sends it with the invocation id it gave
// that call (never an id the page chose), and the main process aborts that call of that sender only.

/** The ipcRenderer.send channel of an abort; its one argument is the invocation id. */
export const IPC_ABORT_MESSAGE = 'workbench:abort';

/** An invocation id as the preload makes it (crypto.randomUUID()): 16–64 URL-safe characters. */
export const IPC_INVOCATION_ID = /^[A-Za-z0-9_-]{16,64}$/;
