// The keytar SecretStore against the REAL gnome-keyring of scripts/with-keyring.sh (never a user's own keychain).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testKeyPair } from '../../../test/support/test-keys';
import { KEYCHAIN_MESSAGES } from './keychain-errors';
import { createKeytarSecretStore, PROBE_ACCOUNT } from './keytar-secret-store';
import { readSecretServiceLockState } from './secret-service-lock-state';
import type { Settled } from './test-support/settle';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../../test/support/throwaway-keychain';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const scenario = (name: string) => fileURLToPath(new URL(`./test-support/${name}`, import.meta.url));

function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  command = process.execPath,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: repoRoot, env, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

function expectFailure(outcome: Settled<unknown>, code: string, message: string): void {
  expect(outcome).toEqual({ ok: false, error: expect.objectContaining({ code, message }) });
}

describe.skipIf(!isolated)(`keytar secret store on the real keyring${isolated ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const service = `mctw-test-${randomBytes(6).toString('hex')}`;
  const store = createKeytarSecretStore({ service });

  afterAll(async () => {
    for (const account of await store.list()) await store.delete(account);
  });

  it('probes the keychain as available and unlocked', async () => {
    expect(await store.probe()).toEqual({ available: true });
    expect(await readSecretServiceLockState()).toBe('unlocked');
  });

  it('stores, reads, lists and deletes a secret', async () => {
    await store.set('profile:one', 'first-secret');
    expect(await store.get('profile:one')).toBe('first-secret');
    expect(await store.list()).toContain('profile:one');
    expect(await store.has('profile:one')).toBe(true);
    expect(await store.delete('profile:one')).toBe(true);
    expect(await store.has('profile:one')).toBe(false);
    expect(await store.list()).not.toContain('profile:one');
    await expect(store.get('profile:one')).rejects.toMatchObject({
      code: 'ERR_KEYCHAIN_NOT_FOUND',
      message: 'Nothing is stored in the OS keychain under "profile:one": save the key or secret again.',
    });
  });

  it('reports a missing entry as ERR_KEYCHAIN_NOT_FOUND and deleting it as false', async () => {
    await expect(store.get('profile:never-stored')).rejects.toMatchObject({
      code: 'ERR_KEYCHAIN_NOT_FOUND',
      message: 'Nothing is stored in the OS keychain under "profile:never-stored": save the key or secret again.',
    });
    expect(await store.delete('profile:never-stored')).toBe(false);
  });

  it('overwrites a secret stored under the same account, keeping one entry', async () => {
    await store.set('profile:over', 'old value');
    await store.set('profile:over', 'new value');
    expect(await store.get('profile:over')).toBe('new value');
    expect((await store.list()).filter((account) => account === 'profile:over')).toHaveLength(1);
  });

  it('keeps unicode secrets and a PEM bundle over 4 KB byte for byte', { timeout: 60_000 }, async () => {
    const unicode = 'pässwörd 🔑 秘密 \u00a0tab\tnewline\n';
    const pair = testKeyPair('secret-store-4096', 4096);
    const bundle = pair.pkcs8Pem + pair.publicPem + pair.pkcs1PublicPem;
    expect(bundle.length).toBeGreaterThan(4096);
    await store.set('profile:unicode', unicode);
    await store.set('profile:bundle', bundle);
    expect(await store.get('profile:unicode')).toBe(unicode);
    expect(await store.get('profile:bundle')).toBe(bundle);
  });

  it('lists only its own service, sorted, and never writes the probe account', async () => {
    const other = createKeytarSecretStore({ service: `${service}-other` });
    await other.set('profile:elsewhere', 'x');
    try {
      await store.set('profile:b', 'b');
      await store.set('profile:a', 'a');
      await store.probe();
      const accounts = await store.list();
      expect(accounts).toEqual([...accounts].sort());
      expect(accounts).toEqual(expect.arrayContaining(['profile:a', 'profile:b']));
      expect(accounts).not.toContain('profile:elsewhere');
      expect(accounts).not.toContain(PROBE_ACCOUNT);
    } finally {
      await other.delete('profile:elsewhere');
    }
  });

  it(
    'tells a locked keyring (ERR_KEYCHAIN_LOCKED) from a missing entry, without crashing, in a private locked keyring',
    { timeout: 120_000 },
    async () => {
      // A fresh D-Bus session and keyring of its own (MCTW_KEYRING unset so with-keyring.sh starts one): locking the shared
      // test keyring would break the tests running beside this one.
      const env = { ...process.env };
      delete env.MCTW_KEYRING;
      const run = await runNode(
        [join(repoRoot, 'scripts', 'with-keyring.sh'), process.execPath, '--import', 'tsx', scenario('locked-keyring-scenario.ts')],
        env,
        'bash',
      );
      expect(run.code, run.stderr).toBe(0);
      const outcome = JSON.parse(run.stdout) as Record<string, Settled<unknown>> & {
        before: { lockState: string; probe: unknown };
        lockState: string;
        probe: unknown;
        profilesFileWritten: boolean;
      };
      const locked = { code: 'ERR_KEYCHAIN_LOCKED', message: KEYCHAIN_MESSAGES.locked };
      expect(outcome.before).toEqual({ lockState: 'unlocked', probe: { available: true } });
      expect(outcome.lockState).toBe('locked');
      expect(outcome.probe).toEqual({ available: false, error: locked });
      for (const name of ['getStored', 'getMissing', 'deleteStored', 'list'] as const)
        expectFailure(outcome[name] as Settled<unknown>, locked.code, locked.message);
      expect(outcome.set).toEqual({
        ok: false,
        error: { ...locked, hint: 'The system said: Cannot create an item in a locked collection' },
      });
      expectFailure(outcome.save as Settled<unknown>, locked.code, locked.message);
      expect(outcome.profilesFileWritten).toBe(false);
      expect(run.stdout).not.toContain('stored-secret-value');
      expect(run.stdout).not.toContain('new-secret-value');
    },
  );
});

describe.skipIf(process.platform !== 'linux')('keytar secret store without a keyring (child process, no D-Bus)', () => {
  it('answers every call with ERR_KEYCHAIN_UNAVAILABLE and its message, never crashing', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: `unix:path=/nonexistent/mctw-${randomBytes(4).toString('hex')}/bus`,
    };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const run = await runNode(['--import', 'tsx', scenario('no-bus-scenario.ts'), `mctw-test-${randomBytes(6).toString('hex')}`], env);
    expect(run.code, run.stderr).toBe(0);
    const outcome = JSON.parse(run.stdout) as { probe: unknown } & Record<'set' | 'get' | 'delete' | 'list', Settled<unknown>>;
    const unavailable = {
      code: 'ERR_KEYCHAIN_UNAVAILABLE',
      message: KEYCHAIN_MESSAGES.unavailable,
      hint: `The system said: Could not connect: No such file or directory ${KEYCHAIN_MESSAGES.headless}`,
    };
    expect(outcome.probe).toEqual({ available: false, error: unavailable });
    for (const name of ['set', 'get', 'delete', 'list'] as const) expect(outcome[name]).toEqual({ ok: false, error: unavailable });
    expect(run.stdout).not.toContain('not-a-real-secret');
  });
});

describe('keytar secret store when the native module cannot be loaded', () => {
  const broken = createKeytarSecretStore({
    service: 'mctw-test-broken',
    importKeytar: () => import('./test-support/no-such-module' as string),
  });

  it('turns the failed import into ERR_KEYCHAIN_UNAVAILABLE for every call, and the probe into available: false', async () => {
    const expected = { code: 'ERR_KEYCHAIN_UNAVAILABLE', message: KEYCHAIN_MESSAGES.moduleFailed };
    await expect(broken.set('profile:x', 'secret')).rejects.toMatchObject(expected);
    await expect(broken.get('profile:x')).rejects.toMatchObject(expected);
    await expect(broken.delete('profile:x')).rejects.toMatchObject(expected);
    await expect(broken.list()).rejects.toMatchObject(expected);
    const probe = await broken.probe();
    expect(probe).toMatchObject({ available: false, error: expected });
    expect(probe.available === false && probe.error.hint).toMatch(/^The system said: .*no-such-module/);
  });

  it('rejects a module without the keytar functions the same way', async () => {
    const wrongShape = createKeytarSecretStore({
      service: 'mctw-test-broken',
      importKeytar: async () => ({ default: { getPassword: 1 } }),
    });
    await expect(wrongShape.get('profile:x')).rejects.toMatchObject({
      code: 'ERR_KEYCHAIN_UNAVAILABLE',
      message: KEYCHAIN_MESSAGES.moduleFailed,
      hint: 'The keychain module does not have the expected functions.',
    });
  });
});
