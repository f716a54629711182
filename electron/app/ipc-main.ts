import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { toErrorPayload } from '../../shared/errors/workbench-error';
import { IPC_ABORT_MESSAGE } from '../../shared/ipc/ipc-abort';
import { IPC_CHANNELS } from '../../shared/ipc/ipc-contract';
import { fail } from '../../shared/ipc/result';
import { createInFlightCalls, type InFlightCall } from '../services/router/in-flight-calls';
import type { Router } from '../services/router/router-types';
import { forbiddenSenderResult, isTrustedIpcSender } from '../services/security/ipc-sender';

/** What the IPC registration needs: the router, the current main window (or null) and our renderer's document URL (app://). */
export interface IpcMainOptions {
  router: Router;
  mainWindow: () => BrowserWindow | null;
  appFileUrl: string;
}

/** The registered handlers: `abortAll()` cancels every call still running (quitting), `dispose()` removes the handlers. */
export interface IpcRegistration {
  abortAll(): number;
  dispose(): void;
}

/**
 * The only place using ipcMain: one `ipcMain.handle` per channel of IPC_CHANNELS, calling router.handle, and one listener
 * for the preload's abort message. Messages not sent by our main window's top-level frame showing our file are refused
 * (an invoke gets ERR_IPC_FORBIDDEN_SENDER, an abort is dropped); router events go back with webContents.send. Calls are
 * keyed by the sender's webContents id and the preload's invocation id, so an abort reaches its sender's call only.
 */
export function registerIpcHandlers(options: IpcMainOptions): IpcRegistration {
  const calls = createInFlightCalls();
  const watched = new WeakSet<object>();
  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    const win = options.mainWindow();
    const mainFrame = win && !win.isDestroyed() ? win.webContents.mainFrame : null;
    const frame = event.senderFrame;
    return isTrustedIpcSender({ frame, frameUrl: frame?.url }, { mainFrame, appFileUrl: options.appFileUrl });
  };

  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown, invocationId?: unknown) => {
      if (!trusted(event)) return forbiddenSenderResult();
      const sender = event.sender;
      const caller = String(sender.id);
      let call: InFlightCall;
      try {
        call = calls.begin(caller, invocationId);
      } catch (error) {
        return fail(toErrorPayload(error));
      }
      // A window that goes away takes its calls with it.
      if (!watched.has(sender)) {
        watched.add(sender);
        sender.once('destroyed', () => calls.abortCaller(caller));
      }
      try {
        return await options.router.handle(channel, payload, {
          emit: (name, data) => {
            if (!sender.isDestroyed()) sender.send(name, data);
          },
          signal: call.signal,
          // A web sign-in stays with the window that began it.
          senderKey: `app:${caller}`,
        });
      } finally {
        call.end();
      }
    });
  }
  const onAbort = (event: IpcMainEvent, invocationId: unknown): void => {
    if (trusted(event)) calls.abort(String(event.sender.id), invocationId);
  };
  ipcMain.on(IPC_ABORT_MESSAGE, onAbort);
  return {
    abortAll: () => calls.abortAll(),
    dispose: () => {
      IPC_CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
      ipcMain.removeListener(IPC_ABORT_MESSAGE, onAbort);
    },
  };
}
