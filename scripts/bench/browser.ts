// Figures from the browser: paste-to-rendered-claims latency of a ~4 KB Engagement JWT (goal < 50 ms) and time from
// navigation to an interactive decoder, measured in Debian's Chromium on the built renderer.
import { measureBrowserTimings } from '../../e2e/bench/browser-timings';
import { fmt, median } from './measure';

/** Prints the median and the worst of each browser timing. */
export async function benchBrowser(): Promise<void> {
  const { pasteToClaimsMs, navigationToInteractiveMs } = await measureBrowserTimings();
  const show = (values: number[]) => `median ${fmt(median(values))} ms, max ${fmt(Math.max(...values))} ms over ${values.length} runs`;
  console.log(`paste 4 KB Engagement JWT -> claims rendered: ${show(pasteToClaimsMs)} (goal < 50 ms)`);
  console.log(`navigation -> interactive decoder:            ${show(navigationToInteractiveMs)}`);
}
