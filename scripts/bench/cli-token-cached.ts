// Figure: `mctoken token --profile` with a cached token beside `node -e ''` (goal: at most 1.5x). The cached path reads
// profiles.json and one keychain entry: no exchange, no zod, no router, no key import. Paired rounds, as for decode; the
// profile lives in a throwaway user-data folder under a keychain service name of its own, both removed afterwards.
import { execFile, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { createWorkbenchServices } from '../../electron/services/create-services';
import { SAMPLE_PACKAGE, startEngagementServer } from '../../test/support/engagement-server';
import { startIdpServer } from '../../test/support/idp-server';
import { testKeyPair } from '../../test/support/test-keys';
import { fmt, median, medianPairRatio } from './measure';

/** The goal: a cached `mctoken token --profile` starts in at most this many times the time of `node -e ''`. */
export const CACHED_TOKEN_GOAL = 1.5;

function timeOnce(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  return elapsed;
}

/** Prints the medians and the median pair ratio of a cached `mctoken token --profile` (each product) against `node -e ''`. */
export async function benchCliTokenCached(runs = 40): Promise<void> {
  const keys = testKeyPair('bench-token-cache');
  const userDataDir = mkdtempSync(join(tmpdir(), 'mctw-bench-cache-'));
  const keychainService = `mctw-bench-${randomUUID()}`;
  const env = { ...process.env, MCTW_USER_DATA_DIR: userDataDir, MCTW_KEYCHAIN_SERVICE: keychainService };
  const idp = await startIdpServer({ clients: { 'sa-bench-cache': keys.publicPem } });
  const engagement = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
  const services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.0.0-bench' });
  try {
    await services.profiles.save({
      name: 'bench-intelligence',
      product: 'intelligence',
      clientId: 'sa-bench-cache',
      discoveryUrl: idp.discoveryUrl('us1'),
      privateKeyPem: keys.pkcs8Pem,
    });
    await services.profiles.save({
      name: 'bench-engagement',
      product: 'engagement',
      clientId: SAMPLE_PACKAGE.clientId,
      clientSecret: SAMPLE_PACKAGE.clientSecret,
      authUrl: engagement.authBaseUrl,
    });
    for (const [name, label] of [
      ['bench-intelligence', 'Intelligence, one keychain read'],
      ['bench-engagement', 'Engagement, token + client secret'],
    ] as const) {
      const args = ['dist/cli/mctoken.cjs', 'token', '--profile', name];
      // Gets and caches the token (asynchronously: the local servers answer in this process); every timed run reuses it.
      await promisify(execFile)(process.execPath, args, { env });
      const cli: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        const c = timeOnce(args, env);
        const b = timeOnce(['-e', ''], env);
        if (i >= 2) cli.push(c);
        if (i >= 2) bare.push(b);
      }
      console.log(`mctoken token --profile, cached (${label}): ${fmt(median(cli))} ms median of ${runs}`);
      console.log(`node -e '':                   ${fmt(median(bare))} ms median of ${runs}`);
      console.log(
        `  ratio (median of ${runs} back-to-back pairs): ${fmt(medianPairRatio(cli, bare), 2)}x (goal at most ${CACHED_TOKEN_GOAL}x)`,
      );
    }
  } finally {
    for (const account of await services.secrets.list().catch(() => [])) await services.secrets.delete(account).catch(() => false);
    await idp.close();
    await engagement.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
