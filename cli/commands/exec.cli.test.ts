// `mctoken exec --profile NAME -- COMMAND`: the token in COMMAND's environment (never its command line), COMMAND's exit
// status, SIGTERM passed on, 127 for a command that cannot start, 2 without a command, 1 (and COMMAND not run) for an
// unknown profile or a failed exchange. The built CLI as a child process, the real (throwaway) keychain, local servers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { profileTokenAccount } from '../../electron/services/profiles/profile-secret-account';
import { KEYCHAIN_ISOLATED as isolated } from '../../test/support/throwaway-keychain';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt } from '../test-support/run-mctoken';
import { startTokenCacheFixture, type TokenCacheFixture } from '../test-support/token-cache-fixture';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const PRINT_ENV = `process.stdout.write(JSON.stringify({ argv: process.argv.slice(1), env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('MC_'))) }))`;

describe.skipIf(!isolated)('mctoken exec', () => {
  let f: TokenCacheFixture;
  const node = (...args: string[]) => ['--', process.execPath, ...args];

  beforeAll(async () => {
    assertCliBuilt();
    f = await startTokenCacheFixture('exec');
  });
  afterAll(async () => {
    await f?.close();
  });

  it('Engagement: MC_ACCESS_TOKEN, MC_TOKEN_EXPIRES_AT, MC_REST_URL and MC_SOAP_URL, the cached token and never an argument', async () => {
    const token = await f.cli('token', '--profile', f.engagementProfile.name, '--json');
    const issued = JSON.parse(token.stdout) as Record<string, string>;
    const run = await f.cli('exec', '--profile', f.engagementProfile.name, ...node('-e', PRINT_ENV, 'arg'));
    expect([run.code, run.stderr]).toEqual([0, '']);
    const seen = JSON.parse(run.stdout) as { argv: string[]; env: Record<string, string> };
    expect(seen.env).toEqual({
      MC_ACCESS_TOKEN: issued.access_token,
      MC_TOKEN_EXPIRES_AT: issued.expires_at,
      MC_REST_URL: issued.rest_instance_url,
      MC_SOAP_URL: issued.soap_instance_url,
    });
    expect(seen.argv).toEqual(['arg']);
    expect(f.tokenRequests().engagement).toBe(1);
  });

  it('Intelligence: the token and its expiry only; --fresh gets a new one', async () => {
    const run = await f.cli('exec', '--profile', f.intelligence.name, '--fresh', ...node('-e', PRINT_ENV));
    const seen = JSON.parse(run.stdout) as { env: Record<string, string> };
    expect(Object.keys(seen.env).sort()).toEqual(['MC_ACCESS_TOKEN', 'MC_TOKEN_EXPIRES_AT']);
    expect(f.idp.hasIssued(seen.env.MC_ACCESS_TOKEN!)).toBe(true);
    expect(new Date(seen.env.MC_TOKEN_EXPIRES_AT!).toISOString()).toBe(seen.env.MC_TOKEN_EXPIRES_AT);
  });

  it("exits with COMMAND's status; 127 with one line when it cannot start; 2 without a command", async () => {
    expect((await f.cli('exec', '--profile', f.intelligence.name, ...node('-e', 'process.exit(7)'))).code).toBe(7);
    const missing = await f.cli('exec', '--profile', f.intelligence.name, '--', 'no-such-command-mctw');
    expect([missing.code, missing.stderr]).toEqual([127, 'error: cannot start "no-such-command-mctw": not found.\n']);
    const none = await f.cli('exec', '--profile', f.intelligence.name);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('mctoken exec needs a command to run');
  });

  it('passes SIGTERM on to COMMAND and ends with its status', async () => {
    const script = `process.on('SIGTERM', () => { process.stdout.write('got SIGTERM'); process.exit(3); }); process.stdout.write('ready'); setInterval(() => {}, 1000);`;
    const started = f.start(['exec', '--profile', f.intelligence.name, ...node('-e', script)]);
    let out = '';
    started.child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await vi.waitFor(() => expect(out).toContain('ready'), { timeout: 30_000, interval: 50 });
    started.child.kill('SIGTERM');
    const done = await started.done;
    expect([done.code, done.stdout]).toEqual([3, 'readygot SIGTERM']);
  });

  it('an unknown profile or a failed exchange exits 1 and COMMAND does not run', async () => {
    const marker = join(f.userDataDir, 'ran');
    const touch = node('-e', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, '')`);
    const unknown = await f.cli('exec', '--profile', 'nope', ...touch);
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      'error: No profile is named "nope": run "mctoken profiles list" to see the saved ones. (ERR_PROFILE_NOT_FOUND)\n',
    ]);
    await f.services.secrets.delete(profileTokenAccount(f.intelligence.id));
    f.idp.setFault('server-error', { only: 'token' });
    const failed = await f.cli('exec', '--profile', f.intelligence.name, ...touch);
    f.idp.setFault('none');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('error:');
    expect(existsSync(marker)).toBe(false);
  });
});
