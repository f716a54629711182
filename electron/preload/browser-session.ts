import { createBridge } from '../../shared/ipc/create-bridge';
import { exposeBridge } from '../../shared/ipc/exposed-bridge';
import {
  HELD_SCRIPT_TYPE,
  HTTP_PROTOCOL,
  LAUNCH_TOKEN_PATTERN,
  NO_SESSION_ATTRIBUTE,
  type LaunchSession,
  type NoSessionReason,
} from '../../shared/ipc/http-protocol';
import { createHttpTransport } from '../../shared/ipc/http-transport';
import type { IpcResult } from '../../shared/ipc/result';

// What `mctoken ui`'s page bridge does before the app starts: the address's fragment holds a one-time launch code, which is
// removed from the address bar at once and traded (one POST) for the session token. The session token is kept in this
// tab's sessionStorage, never in an address: a reload of this tab still works, other tabs and sites never see it, it is not
// sent automatically as a cookie would be, and it dies with the tab. Script on this page could read it, but such script
// could call window.workbench anyway, so memory-only storage would cost reloads and buy nothing.

const SESSION_KEY = 'mctw.session';

/** Trades a launch code for the session token, or says why not. */
async function trade(win: Window, code: string): Promise<string | NoSessionReason> {
  if (!LAUNCH_TOKEN_PATTERN.test(code)) return 'refused';
  try {
    const response = await win.fetch(`${win.location.origin}${HTTP_PROTOCOL.sessionPath}`, {
      method: 'POST',
      headers: { [HTTP_PROTOCOL.tokenHeader]: `Bearer ${code}`, 'content-type': 'application/json' },
      body: 'null',
      cache: 'no-store',
    });
    const reply = (await response.json().catch(() => null)) as IpcResult<LaunchSession> | null;
    const token = reply?.ok === true ? reply.value.sessionToken : null;
    return typeof token === 'string' && LAUNCH_TOKEN_PATTERN.test(token) ? token : 'refused';
  } catch {
    return 'unreachable';
  }
}

/** The tab's session token: a fresh code's first, else the one kept for reloads; or why there is none. */
async function takeSession(win: Window): Promise<string | NoSessionReason> {
  const code = /^#token=(.*)$/.exec(win.location.hash)?.[1];
  let reason: NoSessionReason = 'none';
  if (code !== undefined) {
    win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
    const traded = await trade(win, code);
    if (traded === 'refused' || traded === 'unreachable') reason = traded;
    else win.sessionStorage.setItem(SESSION_KEY, traded);
  }
  const kept = win.sessionStorage.getItem(SESSION_KEY);
  return kept !== null && LAUNCH_TOKEN_PATTERN.test(kept) ? kept : reason;
}

/** Starts the app's held scripts, in order, with their own type. */
function releaseAppScripts(document: Document): void {
  for (const held of document.querySelectorAll<HTMLScriptElement>(`script[type="${HELD_SCRIPT_TYPE}"]`)) {
    const script = document.createElement('script');
    for (const { name, value } of held.attributes) if (name !== 'type' && name !== 'data-type') script.setAttribute(name, value);
    if (held.dataset.type !== undefined) script.type = held.dataset.type;
    script.async = false;
    held.replaceWith(script);
  }
}

/** Sets up the tab (window.workbench with a session, or the reason there is none on <html>), then starts the app. */
export async function startBrowserBridge(win: Window): Promise<void> {
  try {
    const session = await takeSession(win);
    if (session === 'none' || session === 'refused' || session === 'unreachable') {
      win.document.documentElement.setAttribute(NO_SESSION_ATTRIBUTE, session);
    } else {
      const transport = createHttpTransport({
        origin: win.location.origin,
        token: session,
        streamId: crypto.randomUUID(),
        newInvocationId: () => crypto.randomUUID(),
        fetch: win.fetch.bind(win),
      });
      win.addEventListener('pagehide', () => transport.close());
      Object.defineProperty(win, 'workbench', {
        value: exposeBridge(createBridge(transport)),
        enumerable: true,
        writable: false,
        configurable: false,
      });
    }
  } finally {
    // A new address pasted into this tab changes only the fragment, which loads nothing: load the page again to trade it.
    win.addEventListener('hashchange', () => {
      if (win.location.hash.startsWith('#token=')) win.location.reload();
    });
    if (win.document.readyState === 'loading')
      await new Promise((resolve) => win.document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    releaseAppScripts(win.document);
  }
}
