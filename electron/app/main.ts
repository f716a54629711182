import { app, session, type BrowserWindow } from 'electron';
import { createWorkbenchServices } from '../services/create-services';
import { defaultUserDataDir } from '../services/paths';
import { rendererFileUrl } from './app-files';
import { registerIpcHandlers } from './ipc-main';
import { installAppMenu } from './menu';
import { installSessionPolicy, installWebContentsPolicy } from './security';
import { createMainWindow } from './window';

// The Electron main process: thin glue. All logic lives in electron/services/ (plain Node, unit-tested).
app.enableSandbox();
app.setPath('userData', defaultUserDataDir());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const appFileUrl = rendererFileUrl();
  const services = createWorkbenchServices({
    userDataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    onInternalError: (channel, error) => console.error(`Unexpected failure handling ${channel} (${error instanceof Error ? error.name : typeof error}).`),
  });

  const showMainWindow = (): void => {
    if (mainWindow === null || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow();
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  installWebContentsPolicy(appFileUrl);
  registerIpcHandlers({ router: services.router, mainWindow: () => mainWindow, appFileUrl });

  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => services.tokens.cancelAll());

  void app.whenReady().then(() => {
    installSessionPolicy(session.defaultSession);
    installAppMenu();
    showMainWindow();
  });
}
