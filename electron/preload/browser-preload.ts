import { startBrowserBridge } from './browser-session';

// The "preload" of `mctoken ui`: a classic script the server serves before the app's own (held) scripts, giving the page
// the same `window.workbench = exposeBridge(createBridge(transport))` as electron/preload/preload.ts, over HTTP instead of Electron's
// IPC, once the address's launch code is traded for a session (browser-session.ts).
void startBrowserBridge(window);
