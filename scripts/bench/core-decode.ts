// Figure: decode + explain of an Engagement v2 SSO JWT beside jose's bare decodeJwt of the same token (goal: at most
// 1.5x). Paired rounds, as for the other ratios: each round times a batch of ours and a batch of jose's back to back (in
// alternating order), and the figure is the median of the rounds' ratios, so a busy moment on the machine, which slows
// both halves of a round alike, drops out.
import { performance } from 'node:perf_hooks';
import { decodeJwt } from 'jose';
import { decodeToken } from '../../shared/decode/decode-token';
import { explainToken } from '../../shared/claims/explain-token';
import { makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { fmt, median, medianPairRatio } from './measure';

/** The goal: decode + explain costs at most this many times a bare decodeJwt. */
export const CORE_DECODE_GOAL = 1.5;

function batchMs(fn: () => unknown, size: number): number {
  const start = performance.now();
  for (let i = 0; i < size; i++) fn();
  return performance.now() - start;
}

/** Median per-call times of ours and of jose's decodeJwt, and the median ratio of `rounds` paired rounds of `batch` calls each. */
export async function measureCoreDecode(rounds = 200, batch = 50): Promise<{ ours: number; bare: number; ratio: number; chars: number }> {
  const token = await makeEngagementSsoJwt({ version: 2 });
  const now = Date.now();
  const ours = () => explainToken(decodeToken(token), { now });
  const bare = () => decodeJwt(token);
  for (let i = 0; i < 20; i++) {
    batchMs(ours, batch);
    batchMs(bare, batch);
  }
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      oursMs.push(batchMs(ours, batch));
      bareMs.push(batchMs(bare, batch));
    } else {
      bareMs.push(batchMs(bare, batch));
      oursMs.push(batchMs(ours, batch));
    }
  }
  return { ours: median(oursMs) / batch, bare: median(bareMs) / batch, ratio: medianPairRatio(oursMs, bareMs), chars: token.length };
}

/** Prints the two per-call medians and the median ratio of the paired rounds. */
export async function benchCoreDecode(rounds = 200, batch = 50): Promise<void> {
  const { ours, bare, ratio, chars } = await measureCoreDecode(rounds, batch);
  console.log(`decode+explain (Engagement v2 JWT, ${chars} chars): ${fmt(ours * 1000, 1)} µs median per call`);
  console.log(`jose decodeJwt alone:                               ${fmt(bare * 1000, 1)} µs median per call`);
  console.log(`  ratio (median of ${rounds} paired rounds of ${batch} calls): ${fmt(ratio, 2)}x (goal ≤ ${CORE_DECODE_GOAL}x)`);
}
