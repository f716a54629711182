// Figure: start-up time of `mctoken decode` on a small token beside `node -e ''` (goal: ratio under 3x).
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fmt, median } from './measure';

const SMALL_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

function timeCommand(args: string[], runs: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const elapsed = performance.now() - start;
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
    if (i >= 2) samples.push(elapsed);
  }
  return samples;
}

/** Prints the median wall time of `mctoken decode <small token>` and of `node -e ''`, and their ratio. */
export function benchCliStartup(runs = 20): void {
  const cli = median(timeCommand(['dist/cli/mctoken.mjs', 'decode', SMALL_TOKEN], runs));
  const bare = median(timeCommand(['-e', ''], runs));
  console.log(`mctoken decode (small token): ${fmt(cli)} ms median of ${runs}`);
  console.log(`node -e '':                   ${fmt(bare)} ms median of ${runs}`);
  console.log(`  ratio: ${fmt(cli / bare, 2)}x (goal < 3x)`);
}
