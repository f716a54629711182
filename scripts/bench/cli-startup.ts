// Figure: start-up time of `mctoken decode` on a small token beside `node -e ''` (goal: at most 1.3x). The two commands
// run in pairs, back to back (cli, bare, cli, bare...); the ratio is the median of the pairs' ratios, so a busy moment on
// the machine, which slows both sides of a pair alike, drops out. The two medians are printed beside it.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fmt, median, medianPairRatio } from './measure';

const SMALL_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

/** The goal: `mctoken decode` starts in at most this many times the time of `node -e ''`. */
export const CLI_STARTUP_GOAL = 1.3;

function timeOnce(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  return elapsed;
}

/** Median wall times of `mctoken decode <small token>` and `node -e ''`, and the median ratio of `runs` pairs (after 2 warm-up pairs). */
export function measureCliStartup(runs = 60): { cli: number; bare: number; ratio: number } {
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const c = timeOnce(['dist/cli/mctoken.cjs', 'decode', SMALL_TOKEN]);
    const b = timeOnce(['-e', '']);
    if (i >= 2) {
      cli.push(c);
      bare.push(b);
    }
  }
  return { cli: median(cli), bare: median(bare), ratio: medianPairRatio(cli, bare) };
}

/** Prints the two medians and the median ratio of the pairs, from one run. */
export function benchCliStartup(runs = 60): void {
  const { cli, bare, ratio } = measureCliStartup(runs);
  console.log(`mctoken decode (small token): ${fmt(cli)} ms median of ${runs}`);
  console.log(`node -e '':                   ${fmt(bare)} ms median of ${runs}`);
  console.log(`  ratio (median of ${runs} back-to-back pairs): ${fmt(ratio, 2)}x (goal at most ${CLI_STARTUP_GOAL}x)`);
}
