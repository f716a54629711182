// Figure: decode + explain of an Engagement v2 SSO JWT, beside jose's decodeJwt alone on the same token.
import { decodeJwt } from 'jose';
import { decodeToken } from '../../shared/decode/decode-token';
import { explainToken } from '../../shared/claims/explain-token';
import { makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { fmt, opsPerSecond } from './measure';

/** Prints ops/s of our decode+explain and of jose's bare decode, and their ratio (goal ≤ 3x). */
export async function benchCoreDecode(): Promise<void> {
  const token = await makeEngagementSsoJwt({ version: 2 });
  const now = Date.now();
  const ours = await opsPerSecond(() => explainToken(decodeToken(token), { now }));
  const bare = await opsPerSecond(() => decodeJwt(token));
  console.log(`decode+explain (Engagement v2 JWT, ${token.length} chars): ${fmt(ours, 0)} ops/s`);
  console.log(`jose decodeJwt alone:                               ${fmt(bare, 0)} ops/s`);
  console.log(`  ratio: explain costs ${fmt(bare / ours, 2)}x a bare decode (goal ≤ 3x)`);
}
