// One exchange for many callers: 8 `mctoken token --profile` processes at once with nothing cached make exactly one token
// request, and all print the same token, round after round; a lock left by a process killed mid-exchange does not stop
// the next caller. The built CLI as child processes, the real (throwaway) keychain, the local identity provider.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { profileTokenAccount } from '../../electron/services/profiles/profile-secret-account';
import { KEYCHAIN_ISOLATED as isolated } from '../../test/support/throwaway-keychain';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt } from '../test-support/run-mctoken';
import { startTokenCacheFixture, type TokenCacheFixture } from '../test-support/token-cache-fixture';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

describe.skipIf(!isolated)('the token cache under concurrent callers', () => {
  let f: TokenCacheFixture;

  beforeAll(async () => {
    assertCliBuilt();
    f = await startTokenCacheFixture('lock');
  });
  afterAll(async () => {
    await f?.close();
  });

  it.each([1, 2, 3])('round %i: 8 processes at once with nothing cached make one token request and print one token', async () => {
    for (const profile of [f.intelligence, f.engagementProfile]) {
      await f.services.secrets.delete(profileTokenAccount(profile.id));
      const before = f.tokenRequests();
      const runs = await Promise.all(Array.from({ length: 8 }, () => f.cli('token', '--profile', profile.name)));
      expect(runs.map((run) => [run.code, run.stderr])).toEqual(runs.map(() => [0, '']));
      expect(new Set(runs.map((run) => run.stdout)).size).toBe(1);
      const after = f.tokenRequests();
      const product = profile.product === 'intelligence' ? 'intelligence' : 'engagement';
      expect(after[product] - before[product]).toBe(1);
    }
  });

  it('a lock left by a process killed during its exchange does not stop the next caller', async () => {
    await f.services.secrets.delete(profileTokenAccount(f.intelligence.id));
    f.idp.setFault('slow', { delayMs: 60_000, only: 'token' });
    const before = f.tokenRequests().intelligence;
    const holder = f.start(['token', '--profile', f.intelligence.name]);
    // The holder has the lock once its token request reaches the server.
    await vi.waitFor(() => expect(f.tokenRequests().intelligence).toBe(before + 1), { timeout: 30_000, interval: 50 });
    holder.child.kill('SIGKILL');
    expect((await holder.done).code).toBe(null);
    f.idp.setFault('none');
    const next = await f.cli('token', '--profile', f.intelligence.name, '--json');
    expect([next.code, next.stderr]).toEqual([0, '']);
    expect(JSON.parse(next.stdout)).toMatchObject({ cached: false });
    expect(f.idp.hasIssued((JSON.parse(next.stdout) as { access_token: string }).access_token)).toBe(true);
  });
});
