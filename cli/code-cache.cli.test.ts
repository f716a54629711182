// The CLI's code cache (cli/code-cache.ts, cli/launch.ts): the build leaves one this Node accepts, a run never writes it,
// and a cache from another build or a damaged one changes nothing but speed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeEngagementSsoJwt } from '../test/support/engagement-tokens';
import { codeCacheFile, codeCacheKey, readCodeCache, wrapCommonJs } from './code-cache';
import { CLI_PATH, CLI_TEST_TIMEOUT_MS, assertCliBuilt } from './test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const BUILT = dirname(CLI_PATH);
let dir = '';
let jwt = '';

/** A copy of the built CLI in its own folder, to damage at will. */
function copyOfCli(name: string): string {
  const copy = join(dir, name);
  cpSync(BUILT, copy, { recursive: true, preserveTimestamps: true });
  return copy;
}

function decodeWith(cliDir: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(cliDir, 'mctoken.cjs'), 'decode', jwt, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The cache in a built CLI folder when it has the key line of its main.cjs and this Node's V8 takes it (as the launcher compiles it); else undefined. */
function usableCache(cliDir: string): Buffer | undefined {
  const main = join(cliDir, 'main.cjs');
  const cached = readCodeCache(join(cliDir, 'main.v8-cache'), codeCacheKey(main));
  if (cached === undefined) return undefined;
  const script = new Script(wrapCommonJs(readFileSync(main, 'utf8')), { filename: main, cachedData: cached });
  return script.cachedDataRejected === true ? undefined : cached;
}

/** The decode output without the one line that depends on when it ran (relative times in explanations). */
function stable(stdout: string): unknown {
  const json = JSON.parse(stdout) as { claims: { interpretation: string | null }[] };
  return { ...json, claims: json.claims.map((claim) => ({ ...claim, interpretation: null })) };
}

beforeAll(async () => {
  assertCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'mctoken-code-cache-'));
  jwt = await makeEngagementSsoJwt({ version: 2 });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI code cache', () => {
  it('is left by the build for this bundle, and this Node accepts it', () => {
    expect(usableCache(BUILT)?.byteLength).toBeGreaterThan(10_000);
  });

  it('is never written by a run, only by the build', () => {
    const cache = join(BUILT, 'main.v8-cache');
    const before = readFileSync(cache);
    const { mtimeMs } = statSync(cache);
    expect(decodeWith(BUILT).status).toBe(0);
    expect(spawnSync(process.execPath, [CLI_PATH, '--help']).status).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(mtimeMs);
    expect(readFileSync(cache).equals(before)).toBe(true);
  });

  it('is ignored when made from another build of main.cjs, even one of the same length', () => {
    const copy = copyOfCli('other-build');
    const main = join(copy, 'main.cjs');
    const key = codeCacheKey(main);
    expect(readCodeCache(join(copy, 'main.v8-cache'), key)).toBeDefined();
    // The same length, another build: V8 alone would take the cache, the key line tells them apart.
    utimesSync(main, new Date(), new Date(Date.now() + 5_000));
    expect(readCodeCache(join(copy, 'main.v8-cache'), codeCacheKey(main))).toBeUndefined();
    expect(readCodeCache(join(copy, 'missing.v8-cache'), key)).toBeUndefined();
  });

  it('changes nothing but speed when missing, stale or damaged: the same output every time', () => {
    const expected = decodeWith(BUILT);
    expect(expected.status).toBe(0);

    const missing = copyOfCli('missing');
    rmSync(join(missing, 'main.v8-cache'));
    const damaged = copyOfCli('damaged');
    // The right key line, then bytes V8 must refuse.
    writeFileSync(join(damaged, 'main.v8-cache'), codeCacheFile(codeCacheKey(join(damaged, 'main.cjs')), Buffer.alloc(4096, 0x5a)));
    const stale = copyOfCli('stale');
    utimesSync(join(stale, 'main.cjs'), new Date(), new Date(Date.now() + 5_000));

    for (const copy of [missing, damaged, stale]) expect(usableCache(copy)).toBeUndefined();
    for (const copy of [missing, damaged, stale]) {
      const run = decodeWith(copy);
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(stable(run.stdout)).toEqual(stable(expected.stdout));
    }
  });

  it('a launcher without its bundle says so in one line (exit 1), without a stack', () => {
    const copy = copyOfCli('no-main');
    rmSync(join(copy, 'main.cjs'));
    const run = decodeWith(copy);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 1,
      stdout: '',
      stderr: 'mctoken: main.cjs, beside this launcher, is missing or unreadable: reinstall mctoken, or run npm run build.\n',
    });
  });

  it('is written, with its key line, by a run with MCTOKEN_WRITE_CODE_CACHE=1 (what the build does)', () => {
    const copy = copyOfCli('rewrite');
    const cache = join(copy, 'main.v8-cache');
    rmSync(cache);
    expect(decodeWith(copy, { MCTOKEN_WRITE_CODE_CACHE: '1' }).status).toBe(0);
    expect(existsSync(cache)).toBe(true);
    expect(usableCache(copy)).toBeDefined();
  });
});
