import { app, protocol, session, type BrowserWindow } from 'electron';
import { appEnvironment } from '../services/app-environment';
import { createWorkbenchServices } from '../services/create-services';
import { defaultUserDataDir } from '../services/paths';
import { keychainServiceName } from '../services/secret-store/keychain-service-name';
import { APP_DOCUMENT_URL, APP_SCHEME, appFileHandler, rendererDir } from './app-files';
import { registerIpcHandlers } from './ipc-main';
import { installAppMenu } from './menu';
import { installSessionPolicy, installWebContentsPolicy, openSignInPage } from './security';
import { createMainWindow } from './window';

// The Electron main process: thin glue. All logic lives in electron/services/ (plain Node, unit-tested).
app.enableSandbox();
// MCTW_* overrides (user-data folder, keychain service) apply in development only, never to the packaged app.
const env = appEnvironment(process.env, app.isPackaged);
app.setPath('userData', defaultUserDataDir(env));
// The renderer's scheme, before the app is ready (Electron's rule): standard (an origin, relative URLs) and secure, as the
// file:// pages it replaces were; fetch and CORS for its own module scripts; V8's code cache, so a launch after the first
// runs the scripts compiled last time rather than parsing React again (the files' names carry their hash). Its CSP still
// allows no connection.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const appFileUrl = APP_DOCUMENT_URL;
  const services = createWorkbenchServices({
    userDataDir: app.getPath('userData'),
    keychainService: keychainServiceName(env),
    appVersion: app.getVersion(),
    openSignInPage,
    onInternalError: (channel, error) =>
      console.error(`Unexpected failure handling ${channel} (${error instanceof Error ? error.name : typeof error}).`),
  });

  const showMainWindow = (): void => {
    if (mainWindow === null || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow({ devTools: !app.isPackaged });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  installWebContentsPolicy(appFileUrl);
  const ipc = registerIpcHandlers({ router: services.router, mainWindow: () => mainWindow, appFileUrl });

  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => ipc.abortAll());

  void app.whenReady().then(() => {
    installSessionPolicy(session.defaultSession);
    protocol.handle(APP_SCHEME, appFileHandler(rendererDir()));
    installAppMenu();
    showMainWindow();
  });
}
