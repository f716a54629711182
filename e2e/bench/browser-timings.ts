// Browser timing figures for `npm run bench`: measured inside Debian's Chromium on the built renderer.
// Figures are printed by the bench, never asserted.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium';
import { makeLargeV2Jwt, makeManyClaimsJwt } from '../support/large-token';
import { selectors, ui } from '../support/locators';
import { RENDERER_DIST } from '../support/paths';
import { startStaticServer } from '../support/static-server';

/** The figures `measureBrowserTimings` returns, one sample per run, in milliseconds. */
export interface BrowserTimings {
  /** From setting a ~4 KB Engagement v2 JWT into the decoder to the frame after every claim row is in the DOM. */
  pasteToClaimsMs: number[];
  /** From navigation start to the decoder's token input being in the DOM and enabled. */
  navigationToInteractiveMs: number[];
  /**
   * The same for a bare page holding only a labelled textarea, from the same server, each sample taken just before one of
   * the decoder's: what navigation costs in this browser on this machine before any of the app's own work.
   */
  bareNavigationMs: number[];
  /** A 20,000-claim token (about 370 KB): from setting it to the frame after its first claim row is in the DOM. */
  manyClaimsFirstRowsMs: number[];
  /** The longest frame (between two animation frames) from that paste until a second after its first rows. */
  manyClaimsLongestFrameFinishingMs: number[];
  /** The longest frame while the claims table scrolls, a screenful a frame and in jumps, to its end. */
  manyClaimsLongestFrameScrollingMs: number[];
}

/** Options for {@link measureBrowserTimings}. */
export interface BrowserTimingOptions {
  pasteRuns?: number;
  navigationRuns?: number;
  manyClaimsRuns?: number;
  /** The built renderer to measure (default dist/renderer). */
  rendererDir?: string;
}

declare global {
  interface Window {
    __mctwInteractiveAt?: number;
    __mctwBench?: {
      timePaste(args: PasteArgs): Promise<number>;
      timeLargePaste(args: PasteArgs): Promise<{ firstRowsMs: number; longestFrameMs: number }>;
      scrollFrames(selector: string): Promise<number>;
    };
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
  // Watches animation frames until stopped, and returns the longest gap between two of them.
  function frameWatch() {
    let last = performance.now();
    let longest = 0;
    let running = true;
    function tick(now) { longest = Math.max(longest, now - last); last = now; if (running) requestAnimationFrame(tick); }
    requestAnimationFrame(tick);
    return () => { running = false; return Math.max(longest, performance.now() - last); };
  }
  window.__mctwBench = {
    async timeLargePaste(args) {
      const stop = frameWatch();
      const firstRowsMs = await window.__mctwBench.timePaste(args);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { firstRowsMs, longestFrameMs: stop() };
    },
    async scrollFrames(selector) {
      const box = document.querySelector(selector);
      if (!box) throw new Error('nothing matches ' + selector);
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      await frame();
      const stop = frameWatch();
      // Two hundred screenfuls, one a frame, then jumps to a tenth, a half, the end and back to the top.
      for (let i = 0; i < 200; i++) { box.scrollTop += box.clientHeight; await frame(); }
      for (const at of [0.1, 0.5, 1, 0]) { box.scrollTop = (box.scrollHeight - box.clientHeight) * at; await frame(); await frame(); }
      return stop();
    },
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

/** A folder holding the bare page: one textarea with the decoder input's label, nothing else. */
async function bareSite(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mctw-bench-bare-'));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body><textarea aria-label="${selectors.tokenInputLabel}"></textarea></body></html>`;
  await writeFile(join(dir, 'index.html'), html);
  return dir;
}

/**
 * Launches Debian's Chromium on the built renderer (dist/renderer, served from 127.0.0.1) and measures
 * paste-to-rendered-claims latency for a ~4 KB Engagement v2 JWT, navigation-to-interactive time, and for a 20,000-claim
 * token the time to its first rows and the longest frames while it finishes and while its table scrolls.
 * The first sample of each kind is a warm-up and is dropped.
 */
export async function measureBrowserTimings(options: BrowserTimingOptions = {}): Promise<BrowserTimings> {
  const pasteRuns = options.pasteRuns ?? 10;
  const navigationRuns = options.navigationRuns ?? 10;
  const manyRuns = options.manyClaimsRuns ?? 5;
  const { token, extraPaths } = await makeLargeV2Jwt(4096);
  const server = await startStaticServer(options.rendererDir ?? RENDERER_DIST);
  const bareDir = await bareSite();
  const bare = await startStaticServer(bareDir);
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const context = await browser.newContext();
    await context.addInitScript({ content: IN_PAGE_SCRIPT });
    const page = await context.newPage();

    const navigationToInteractiveMs: number[] = [];
    const bareNavigationMs: number[] = [];
    for (let i = 0; i <= navigationRuns; i++) {
      const bareSample = await navigationSample(page, bare.url);
      const sample = await navigationSample(page, server.url);
      if (i > 0) {
        bareNavigationMs.push(bareSample);
        navigationToInteractiveMs.push(sample);
      }
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

    // 20,000 claims: decoded in the Worker, the table virtualized. The first of its rows marks the first rows rendered.
    const many = makeManyClaimsJwt(20_000);
    const manyClaimsFirstRowsMs: number[] = [];
    const manyClaimsLongestFrameFinishingMs: number[] = [];
    const manyClaimsLongestFrameScrollingMs: number[] = [];
    for (let i = 0; manyRuns > 0 && i <= manyRuns; i++) {
      const base = { label: selectors.tokenInputLabel, rowAttribute: selectors.claimPathAttribute };
      const sample = await page.evaluate((a) => window.__mctwBench!.timeLargePaste(a), { ...base, value: many, paths: ['c00000'] });
      const scrolling = await page.evaluate((s) => window.__mctwBench!.scrollFrames(s), selectors.claimsScroll);
      // Cleared with its button, as a user would: a token this large is held out of the textarea, which is already empty.
      await ui.tokenInputHeader(page).getByRole('button', { name: 'Clear' }).click();
      await expect(ui.claimRows(page)).toHaveCount(0);
      if (i > 0) {
        manyClaimsFirstRowsMs.push(sample.firstRowsMs);
        manyClaimsLongestFrameFinishingMs.push(sample.longestFrameMs);
        manyClaimsLongestFrameScrollingMs.push(scrolling);
      }
    }
    await context.close();
    return {
      pasteToClaimsMs,
      navigationToInteractiveMs,
      bareNavigationMs,
      manyClaimsFirstRowsMs,
      manyClaimsLongestFrameFinishingMs,
      manyClaimsLongestFrameScrollingMs,
    };
  } finally {
    await browser.close();
    await server.close();
    await bare.close();
    await rm(bareDir, { recursive: true, force: true });
  }
}
