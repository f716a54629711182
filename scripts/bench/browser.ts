// Figures from the browser, measured in Debian's Chromium on the built renderer, each with its goal (issue 19): a 4 KB
// paste answers within one frame at 60 Hz; a 20,000-claim token shows its first rows within half a second and never
// freezes the page (no frame over 100 ms) while it finishes or while its table scrolls; the decoder is interactive within
// 100 ms of navigation.
import { measureBrowserTimings } from '../../e2e/bench/browser-timings';
import { fmt, median, medianPairRatio } from './measure';

/** The goals, in milliseconds. */
export const BROWSER_GOALS = { pasteToClaims: 16, manyClaimsFirstRows: 500, longestFrame: 100, navigationToInteractive: 100 } as const;

/** Prints the median and the worst of each browser timing, beside its goal. */
export async function benchBrowser(): Promise<void> {
  const timings = await measureBrowserTimings();
  const show = (values: number[]) => `median ${fmt(median(values))} ms, max ${fmt(Math.max(...values))} ms over ${values.length} runs`;
  const g = BROWSER_GOALS;
  console.log(`paste 4 KB Engagement JWT -> claims rendered:      ${show(timings.pasteToClaimsMs)} (goal: median ≤ ${g.pasteToClaims} ms)`);
  console.log(
    `paste 20,000 claims (370 KB) -> first rows:         ${show(timings.manyClaimsFirstRowsMs)} (goal: median ≤ ${g.manyClaimsFirstRows} ms)`,
  );
  console.log(
    `  longest frame while it finishes (to 1 s after):   ${show(timings.manyClaimsLongestFrameFinishingMs)} (goal: none > ${g.longestFrame} ms)`,
  );
  console.log(
    `  longest frame while its table scrolls:            ${show(timings.manyClaimsLongestFrameScrollingMs)} (goal: none > ${g.longestFrame} ms)`,
  );
  console.log(
    `navigation -> interactive decoder:                  ${show(timings.navigationToInteractiveMs)} (goal: median ≤ ${g.navigationToInteractive} ms)`,
  );
  const ratio = medianPairRatio(timings.navigationToInteractiveMs, timings.bareNavigationMs);
  console.log(
    `  a bare page with one textarea, same server:       ${show(timings.bareNavigationMs)} (the decoder: ${fmt(ratio, 2)}x, paired)`,
  );
}
