// Browser timing figures for `npm run bench`: measured inside Debian's Chromium on the built renderer.
// Figures are printed by the bench, never asserted.
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium';
import { makeLargeV2Jwt } from '../support/large-token';
import { selectors } from '../support/locators';
import { RENDERER_DIST } from '../support/paths';
import { startStaticServer } from '../support/static-server';

/** The figures `measureBrowserTimings` returns, one sample per run, in milliseconds. */
export interface BrowserTimings {
  /** From setting a ~4 KB Engagement v2 JWT into the decoder to the frame after every claim row is in the DOM. */
  pasteToClaimsMs: number[];
  /** From navigation start to the decoder's token input being in the DOM and enabled. */
  navigationToInteractiveMs: number[];
}

/** Options for {@link measureBrowserTimings}. */
export interface BrowserTimingOptions {
  pasteRuns?: number;
  navigationRuns?: number;
}

declare global {
  interface Window {
    __mctwInteractiveAt?: number;
    __mctwBench?: { timePaste(args: PasteArgs): Promise<number> };
  }
}

/** What the in-page paste timer needs. */
interface PasteArgs {
  label: string;
  value: string;
  rowAttribute: string;
  /** Claim paths whose rows must be present (none: every row must be gone). */
  paths: string[];
}

/**
 * The in-page half of the bench, as plain JavaScript (page functions compiled by tsx/esbuild would carry helper calls
 * the page does not have). Installed before any page script, it notes `performance.now()` (ms since navigation start)
 * when the labelled token input appears enabled, and offers `timePaste`: sets the input's value the way a paste does
 * and resolves with the time until the wanted rows are rendered (or all are gone) and the next frame is painted.
 */
const IN_PAGE_SCRIPT = `(() => {
  const LABEL = ${JSON.stringify(selectors.tokenInputLabel)};
  function findInput(label) {
    return [...document.querySelectorAll('textarea, input')].find((el) =>
      el.getAttribute('aria-label') === label || [...(el.labels || [])].some((l) => (l.textContent || '').trim() === label));
  }
  function check() {
    const el = findInput(LABEL);
    if (el && !el.disabled && window.__mctwInteractiveAt === undefined) window.__mctwInteractiveAt = performance.now();
    return window.__mctwInteractiveAt !== undefined;
  }
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  window.__mctwBench = {
    timePaste(args) {
      const input = findInput(args.label);
      if (!input) return Promise.reject(new Error('no input labelled ' + args.label));
      const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      const setValue = Object.getOwnPropertyDescriptor(proto, 'value').set;
      function done() {
        if (args.paths.length === 0) return document.querySelectorAll('[' + args.rowAttribute + ']').length === 0;
        return args.paths.every((path) => document.querySelector('[' + args.rowAttribute + '="' + CSS.escape(path) + '"]') !== null);
      }
      return new Promise((resolve) => {
        const start = performance.now();
        function finish() { requestAnimationFrame(() => resolve(performance.now() - start)); }
        const rows = new MutationObserver(() => { if (done()) { rows.disconnect(); finish(); } });
        rows.observe(document.body, { childList: true, subtree: true });
        setValue.call(input, args.value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        if (done()) { rows.disconnect(); finish(); }
      });
    },
  };
})();`;

function timePaste(page: Page, args: PasteArgs): Promise<number> {
  return page.evaluate((a) => {
    if (!window.__mctwBench) throw new Error('bench script missing');
    return window.__mctwBench.timePaste(a);
  }, args);
}

async function navigationSample(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => window.__mctwInteractiveAt, undefined, { timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

/**
 * Launches Debian's Chromium on the built renderer (dist/renderer, served from 127.0.0.1) and measures
 * paste-to-rendered-claims latency for a ~4 KB Engagement v2 JWT and navigation-to-interactive time.
 * The first sample of each kind is a warm-up and is dropped.
 */
export async function measureBrowserTimings(options: BrowserTimingOptions = {}): Promise<BrowserTimings> {
  const pasteRuns = options.pasteRuns ?? 10;
  const navigationRuns = options.navigationRuns ?? 5;
  const { token, extraPaths } = await makeLargeV2Jwt(4096);
  const server = await startStaticServer(RENDERER_DIST);
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const context = await browser.newContext();
    await context.addInitScript({ content: IN_PAGE_SCRIPT });
    const page = await context.newPage();

    const navigationToInteractiveMs: number[] = [];
    for (let i = 0; i <= navigationRuns; i++) {
      const sample = await navigationSample(page, server.url);
      if (i > 0) navigationToInteractiveMs.push(sample);
    }

    // The first and last claims of the token: both rows present means the claims table is rendered.
    const paths = ['exp', ...extraPaths.slice(-1)];
    const pasteToClaimsMs: number[] = [];
    for (let i = 0; i <= pasteRuns; i++) {
      const base = { label: selectors.tokenInputLabel, rowAttribute: selectors.claimPathAttribute };
      const sample = await timePaste(page, { ...base, value: token, paths });
      await timePaste(page, { ...base, value: '', paths: [] });
      if (i > 0) pasteToClaimsMs.push(sample);
    }
    await context.close();
    return { pasteToClaimsMs, navigationToInteractiveMs };
  } finally {
    await browser.close();
    await server.close();
  }
}
