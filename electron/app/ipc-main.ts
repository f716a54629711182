import { randomUUID } from 'node:crypto';
import { ipcMain, type BrowserWindow } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/ipc-contract';
import type { Router } from '../services/router/router-types';
import { forbiddenSenderResult, isTrustedIpcSender } from '../services/security/ipc-sender';

/** What the IPC registration needs: the router, the current main window (or null) and our renderer's document URL (app://). */
export interface IpcMainOptions {
  router: Router;
  mainWindow: () => BrowserWindow | null;
  appFileUrl: string;
}

/**
 * The only place using ipcMain: one `ipcMain.handle` per channel of IPC_CHANNELS, calling router.handle. Requests not sent by our
 * main window's top-level frame showing our file get ERR_IPC_FORBIDDEN_SENDER; router events go back with webContents.send.
 * Returns a function that removes the handlers.
 */
export function registerIpcHandlers(options: IpcMainOptions): () => void {
  // One random key per web contents, so a web sign-in stays with the window that began it.
  const senderKeys = new WeakMap<object, string>();
  const keyOf = (sender: object): string => {
    const key = senderKeys.get(sender) ?? `app:${randomUUID()}`;
    senderKeys.set(sender, key);
    return key;
  };
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const win = options.mainWindow();
      const mainFrame = win && !win.isDestroyed() ? win.webContents.mainFrame : null;
      const frame = event.senderFrame;
      if (!isTrustedIpcSender({ frame, frameUrl: frame?.url }, { mainFrame, appFileUrl: options.appFileUrl }))
        return forbiddenSenderResult();
      const sender = event.sender;
      return options.router.handle(channel, payload, {
        emit: (name, data) => {
          if (!sender.isDestroyed()) sender.send(name, data);
        },
        senderKey: keyOf(sender),
      });
    });
  }
  return () => IPC_CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}
