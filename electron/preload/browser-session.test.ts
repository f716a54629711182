// mctoken ui's page bridge in a fresh jsdom window per test: the launch code is traded once and leaves the address, the
// session token is kept in the tab and never put in an address, and a tab without a session says why; the app starts either way.
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { HELD_SCRIPT_TYPE, HTTP_PROTOCOL, NO_SESSION_ATTRIBUTE } from '../../shared/ipc/http-protocol';
import { startBrowserBridge } from './browser-session';

// jsdom ships no types of its own (and @types/jsdom is not installed): the one constructor used here, typed by hand.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string, options: { url: string }) => { window: unknown } };

const ORIGIN = 'http://127.0.0.1:41234';
const CODE = 'C'.repeat(43);
const SESSION = 'S'.repeat(43);
const PAGE = `<!doctype html><html><head><script src="./workbench-bridge.js"></script>
<script type="${HELD_SCRIPT_TYPE}" defer src="./assets/app.js"></script></head><body><div id="root"></div></body></html>`;

/** A tab at `url` whose fetch answers the session trade with `trade` and holds every other request open. */
function tab(url: string, trade: () => Promise<Response>, kept: string | null = null) {
  const dom = new JSDOM(PAGE, { url });
  const win = dom.window as unknown as Window;
  if (kept !== null) win.sessionStorage.setItem('mctw.session', kept);
  const fetch = vi.fn((input: string, _init?: RequestInit) =>
    input.endsWith(HTTP_PROTOCOL.sessionPath) ? trade() : new Promise<Response>(() => undefined),
  );
  Object.assign(win, { fetch });
  const urls = (): string[] => [win.location.href, ...fetch.mock.calls.map(([input]) => input)];
  return { win, fetch, urls };
}

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });
const traded = answer(200, { ok: true, value: { sessionToken: SESSION } });

/** The app's script as the bridge left it: started (its held type gone), or still held. */
const appScript = (win: Window) => win.document.querySelector('script[src="./assets/app.js"]')?.getAttribute('type');

describe('mctoken ui page bridge', () => {
  it('trades the code once, clears it from the address, keeps the session in the tab and never in an address', async () => {
    const { win, fetch, urls } = tab(`${ORIGIN}/#token=${CODE}`, traded);
    await startBrowserBridge(win);
    expect(win.location.href).toBe(`${ORIGIN}/`);
    expect(fetch.mock.calls.filter(([input]) => input.endsWith(HTTP_PROTOCOL.sessionPath))).toHaveLength(1);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', headers: { authorization: `Bearer ${CODE}` } });
    expect(Object.values(win.sessionStorage)).toEqual([SESSION]);
    expect('workbench' in win).toBe(true);
    expect(urls().filter((url) => url.includes(SESSION))).toEqual([]);
    expect(appScript(win)).toBeNull();
  });

  it('after a reload, uses the session kept in the tab without a trade', async () => {
    const { win, fetch } = tab(`${ORIGIN}/`, traded, SESSION);
    await startBrowserBridge(win);
    expect('workbench' in win).toBe(true);
    expect(fetch.mock.calls.map(([input]) => input)).toEqual([`${ORIGIN}${HTTP_PROTOCOL.eventsPath}`]);
    expect(fetch.mock.calls[0]?.[1]?.headers).toMatchObject({ authorization: `Bearer ${SESSION}` });
  });

  it.each([
    ['a bookmark or a new tab (no code, no session)', `${ORIGIN}/`, traded, 'none'],
    [
      'a spent or expired code',
      `${ORIGIN}/#token=${CODE}`,
      answer(401, { ok: false, error: { code: 'ERR_IPC_FORBIDDEN_SENDER' } }),
      'refused',
    ],
    ['a code that is not one', `${ORIGIN}/#token=short`, traded, 'refused'],
    ['no server', `${ORIGIN}/#token=${CODE}`, () => Promise.reject(new TypeError('Failed to fetch')), 'unreachable'],
  ] as const)('%s: no bridge, the reason on <html>, and the app still starts', async (_what, url, trade, reason) => {
    const { win } = tab(url, trade);
    await startBrowserBridge(win);
    expect('workbench' in win).toBe(false);
    expect(win.document.documentElement.getAttribute(NO_SESSION_ATTRIBUTE)).toBe(reason);
    expect(win.location.hash).toBe('');
    expect(Object.values(win.sessionStorage)).toEqual([]);
    expect(appScript(win)).toBeNull();
  });

  it('keeps the tab’s session when a spent address is opened in it again', async () => {
    const { win } = tab(`${ORIGIN}/#token=${CODE}`, answer(401, { ok: false }), SESSION);
    await startBrowserBridge(win);
    expect('workbench' in win).toBe(true);
    expect(win.document.documentElement.hasAttribute(NO_SESSION_ATTRIBUTE)).toBe(false);
  });

  it('starts the held app scripts in order with their own type', async () => {
    const { win } = tab(`${ORIGIN}/`, traded);
    win.document.head.insertAdjacentHTML('beforeend', `<script type="${HELD_SCRIPT_TYPE}" data-type="module" src="/main.tsx"></script>`);
    await startBrowserBridge(win);
    const scripts = [...win.document.querySelectorAll('script')].map((s) => [s.getAttribute('src'), s.getAttribute('type')]);
    expect(scripts).toEqual([
      ['./workbench-bridge.js', null],
      ['./assets/app.js', null],
      ['/main.tsx', 'module'],
    ]);
    expect(win.document.querySelector('script[src="./assets/app.js"]')?.hasAttribute('defer')).toBe(true);
  });
});
