import { BrowserWindow } from 'electron';
import { APP_DOCUMENT_URL, preloadPath } from './app-files';

/**
 * Creates the main window (sandboxed, context-isolated, no Node; spelled out here so the Electronegativity audit sees each
 * flag) and loads the renderer from app://. Developer tools only when asked (`devTools`: never in the packaged app).
 */
export function createMainWindow(options: { devTools: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 820,
    minHeight: 560,
    show: false,
    title: 'MC Token Workbench',
    webPreferences: {
      preload: preloadPath(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_DOCUMENT_URL);
  return win;
}
