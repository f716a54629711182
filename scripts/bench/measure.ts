// Small timing helpers for `npm run bench`: figures are printed, never asserted.
import { performance } from 'node:perf_hooks';

/** Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up) and returns operations per second. */
export async function opsPerSecond(fn: () => unknown, ms = 1500): Promise<number> {
  const warmUntil = performance.now() + ms / 5;
  while (performance.now() < warmUntil) await fn();
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 50; i++) await fn();
    count += 50;
    now = performance.now();
  }
  return (count * 1000) / (now - start);
}

/** Times `fn` `runs` times (after `warmup` untimed runs) and returns the durations in milliseconds. */
export async function sampleMs(fn: () => Promise<unknown>, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Times several functions in turn, `runs` rounds (after `warmup` untimed rounds); returns each one's durations in ms. */
export async function sampleInterleaved(fns: Array<() => Promise<unknown>>, runs: number, warmup = 5): Promise<number[][]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const samples: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [index, fn] of fns.entries()) {
      const start = performance.now();
      await fn();
      samples[index]!.push(performance.now() - start);
    }
  }
  return samples;
}

/**
 * The median of the ratios of paired samples (ours[i] / baseline[i], taken back to back): the figure each goal is judged
 * by. A busy moment on the machine slows both sides of a pair alike and drops out of its ratio, where a ratio of two
 * medians can swing either way (on this VM, 0.92x to 1.49x for the same build).
 */
export function medianPairRatio(ours: number[], baseline: number[]): number {
  return median(ours.map((value, i) => value / baseline[i]!));
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Formats a number with a fixed number of decimals and thousands separators. */
export function fmt(value: number, decimals = 1): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
