import { createBridge } from '../../shared/ipc/create-bridge';
import { LAUNCH_TOKEN_PATTERN } from '../../shared/ipc/http-protocol';
import { createHttpTransport } from '../../shared/ipc/http-transport';

// The "preload" of `mctoken ui`: a classic script the server serves before the app's own, giving the page the same
// `window.workbench = createBridge(transport)` as electron/preload/preload.ts, over HTTP instead of Electron's IPC.
//
// The launch token arrives in the address's fragment (never sent to a server), is removed from the address bar at once,
// and is kept in sessionStorage: a reload of this tab still works, other tabs and sites never see it, it is not sent
// automatically with requests as a cookie would be, and it dies with the tab. Script on this page could read it, but such
// script could call window.workbench anyway, so memory-only storage would cost reloads and buy nothing.

const STORAGE_KEY = 'mctw.launchToken';

/** Takes the token from `#token=…` (then clears the fragment) or from this tab's sessionStorage; null when there is none. */
function takeLaunchToken(): string | null {
  const match = /^#token=(.+)$/.exec(window.location.hash);
  if (match?.[1] !== undefined) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    if (LAUNCH_TOKEN_PATTERN.test(match[1])) window.sessionStorage.setItem(STORAGE_KEY, match[1]);
  }
  const stored = window.sessionStorage.getItem(STORAGE_KEY);
  return stored !== null && LAUNCH_TOKEN_PATTERN.test(stored) ? stored : null;
}

const token = takeLaunchToken();
if (token !== null) {
  const transport = createHttpTransport({
    origin: window.location.origin,
    token,
    streamId: crypto.randomUUID(),
    fetch: window.fetch.bind(window),
  });
  window.addEventListener('pagehide', () => transport.close());
  Object.defineProperty(window, 'workbench', { value: createBridge(transport), enumerable: true, writable: false, configurable: false });
}
