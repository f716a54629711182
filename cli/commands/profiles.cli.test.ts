// `mctoken profiles` end to end on the REAL keychain (the throwaway gnome-keyring of scripts/with-keyring.sh): save, list,
// show, delete; the same profiles and keychain entries as the app's router (saved in one, used by the other); and a scan
// that neither the CLI's output nor the user-data folder ever holds a key or a secret.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkbenchServices, type WorkbenchServices } from '../../electron/services/create-services';
import { profileSecretAccount } from '../../electron/services/profiles/profile-secret-account';
import type { TokenFlowReport } from '../../shared/intelligence/flow-types';
import type { Profile } from '../../shared/profiles/profile';
import { startIdpServer, type IdpServer } from '../../test/support/idp-server';
import { pemBody, testKeyPair } from '../../test/support/test-keys';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, cliTranscript, runMctoken } from '../test-support/run-mctoken';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../test/support/throwaway-keychain';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const CLIENT_ID = 'sa-cli-profiles-7d21';
const ENGAGEMENT_SECRET = 'cli-profiles-engagement-secret-4Rk9wQ2z';
const NOOP_CONTEXT = { emit: () => undefined };

describe.skipIf(!isolated)('mctoken profiles on the real keychain, shared with the app', () => {
  const keys = testKeyPair('cli-profiles');
  const keychainService = `mctw-test-cli-${randomUUID()}`;
  let userDataDir = '';
  let dir = '';
  let idp: IdpServer;
  let services: WorkbenchServices;
  let env: Record<string, string>;
  const files: Record<string, string> = {};

  const cli = (...args: string[]) => runMctoken(args, { env });
  const saveArgs = (name: string, keyFile: string, ...more: string[]) => [
    'profiles',
    'save',
    name,
    '--client-id',
    CLIENT_ID,
    '--discovery-url',
    idp.discoveryUrl('us1'),
    '--key-file',
    keyFile,
    ...more,
  ];
  const fingerprint = `SHA256:${createHash('sha256')
    .update(keys.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64')
    .replace(/=+$/, '')}`;

  async function routerProfiles(): Promise<Profile[]> {
    const result = await services.router.handle('profiles:list', null, NOOP_CONTEXT);
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { profiles: Profile[] }).profiles;
  }

  beforeAll(async () => {
    assertCliBuilt();
    userDataDir = mkdtempSync(join(tmpdir(), 'mctw-cli-userdata-'));
    dir = mkdtempSync(join(tmpdir(), 'mctw-cli-profiles-'));
    env = { MCTW_USER_DATA_DIR: userDataDir, MCTW_KEYCHAIN_SERVICE: keychainService };
    idp = await startIdpServer({ clients: { [CLIENT_ID]: keys.publicPem } });
    services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.0.0-test' });
    for (const [name, content] of Object.entries({ escaped: keys.pkcs1Escaped, pkcs8: keys.pkcs8Pem, encrypted: keys.pkcs8EncryptedPem })) {
      files[name] = join(dir, `${name}.pem`);
      writeFileSync(files[name]!, content, { mode: 0o600 });
    }
  });

  afterAll(async () => {
    if (services) for (const account of await services.secrets.list()) await services.secrets.delete(account);
    await idp?.close();
    // Nothing any run printed, and no file of the user-data folder, holds the key, the passphrase or the signing secret.
    const stored = readdirSync(userDataDir).map((name) => readFileSync(join(userDataDir, name), 'utf8'));
    for (const text of [cliTranscript(), ...stored]) {
      for (const pem of [keys.pkcs1Pem, keys.pkcs8Pem, keys.pkcs8EncryptedPem]) {
        expect(text).not.toContain(pemBody(pem));
        for (const line of pemBody(pem).match(/.{64}/g) ?? []) expect(text).not.toContain(line);
      }
      expect(text).not.toContain(keys.passphrase);
      expect(text).not.toContain(ENGAGEMENT_SECRET);
    }
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists no profiles at first', async () => {
    expect(await cli('profiles', 'list')).toEqual({
      code: 0,
      stdout: 'No saved profiles. Save one with: mctoken profiles save NAME --client-id ID --region us1 --key-file key.pem\n',
      stderr: '',
    });
    expect(JSON.parse((await cli('profiles', 'list', '--json')).stdout)).toEqual({ profiles: [], problems: [], keychain: {}, foreign: [] });
  });

  it('saves a profile from a PKCS#1 key with literal \\n escapes: the key goes to the keychain, only its fingerprint to profiles.json', async () => {
    const run = await cli(...saveArgs('prod', files.escaped!));
    expect(run).toEqual({
      code: 0,
      stdout: `Saved profile "prod" (client id ${CLIENT_ID}, ${idp.discoveryUrl('us1')}). Key: RSA 2048 bits, pkcs1, ${fingerprint}, stored in the OS keychain.\n`,
      stderr: '',
    });
    const [profile] = await routerProfiles();
    expect(profile).toMatchObject({
      name: 'prod',
      product: 'intelligence',
      clientId: CLIENT_ID,
      region: null,
      discoveryUrl: idp.discoveryUrl('us1'),
      hasSecret: true,
    });
    expect(await services.secrets.list()).toEqual([profileSecretAccount(profile!.id)]);
    expect(await services.secrets.get(profileSecretAccount(profile!.id))).toContain('-----BEGIN PRIVATE KEY-----');
    expect(readFileSync(join(userDataDir, 'profiles.json'), 'utf8')).toContain(fingerprint);
  });

  it('lists and shows the profile, as text and JSON, without the key', async () => {
    const list = await cli('profiles', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^NAME +PRODUCT +CLIENT ID +REGION \/ DISCOVERY URL \/ SUBDOMAIN +KEY \/ SECRETS$/);
    expect(list.stdout.split('\n')[1]).toMatch(
      new RegExp(
        `^prod +intelligence +${CLIENT_ID} +http://127\\.0\\.0\\.1:\\d+/us1/\\.well-known/openid-configuration +${fingerprint.replace(/[+/]/g, '\\$&')}$`,
      ),
    );
    const listed = JSON.parse((await cli('profiles', 'list', '--json')).stdout);
    expect(listed.problems).toEqual([]);
    expect(listed.profiles).toEqual(await routerProfiles());
    const show = await cli('profiles', 'show', 'prod');
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`Client id:      ${CLIENT_ID}\n`);
    expect(show.stdout).toContain(`Key:            RSA 2048 bits, pkcs1, ${fingerprint}\n`);
    expect(show.stdout).toContain('Secret stored:  yes, in the OS keychain\n');
    expect(JSON.parse((await cli('profiles', 'show', 'PROD', '--json')).stdout)).toEqual({
      ...listed.profiles[0],
      tokenCache: { cached: false },
    });
  });

  it('gets a token with --profile, reading the key from the keychain', async () => {
    const run = await cli('token', '--profile', 'prod');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(idp.hasIssued(run.stdout.trim())).toBe(true);
  });

  it('uses in the CLI a profile saved through the app router, and in the app a profile saved by the CLI', async () => {
    const saved = await services.router.handle(
      'profiles:save',
      {
        name: 'from-app',
        product: 'intelligence',
        clientId: CLIENT_ID,
        discoveryUrl: idp.discoveryUrl('eu1'),
        privateKeyPem: keys.pkcs8Pem,
      },
      NOOP_CONTEXT,
    );
    expect(saved.ok).toBe(true);
    const run = await cli('token', '--profile', 'from-app', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(idp.hasIssued(out.access_token)).toBe(true);
    expect(out.token_endpoint).toBe(idp.tokenUrl('eu1'));

    const prod = (await routerProfiles()).find((p) => p.name === 'prod')!;
    const report = await services.router.handle('intelligence:run', { runId: randomUUID(), profileId: prod.id }, NOOP_CONTEXT);
    expect(report.ok).toBe(true);
    const outcome = (report as { value: TokenFlowReport }).value.outcome;
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(idp.hasIssued(outcome.token.accessToken)).toBe(true);
  });

  it('updates a profile by name, keeping the stored key when --key-file is left out', async () => {
    const run = await cli(
      'profiles',
      'save',
      'prod',
      '--client-id',
      CLIENT_ID,
      '--discovery-url',
      idp.discoveryUrl('us2'),
      '--query-style',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Updated profile "prod" (client id ${CLIENT_ID}, ${idp.discoveryUrl('us2')}). Key: RSA 2048 bits, pkcs1, ${fingerprint}, stored in the OS keychain.\n`,
    );
    expect((await routerProfiles()).filter((p) => p.name === 'prod')).toMatchObject([
      { discoveryUrl: idp.discoveryUrl('us2'), tokenRequestStyle: 'query' },
    ]);
    const token = await cli('token', '--profile', 'prod');
    expect(token.code).toBe(0);
    expect(idp.requests.at(-1)).toMatchObject({ endpoint: 'token', region: 'us2', style: 'query', status: 200 });
  });

  it('saves an encrypted key only with its passphrase, which is not stored', async () => {
    const without = await cli(...saveArgs('encrypted', files.encrypted!));
    expect(without).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: The key in ${files.encrypted} is encrypted and needs its passphrase: put it in an environment variable and pass --passphrase-env VAR. (ERR_KEY_ENCRYPTED)\n`,
    });
    expect((await routerProfiles()).map((p) => p.name)).not.toContain('encrypted');
    const withPass = await runMctoken([...saveArgs('encrypted', files.encrypted!), '--passphrase-env', 'KEY_PASS'], {
      env: { ...env, KEY_PASS: keys.passphrase },
    });
    expect(withPass.code).toBe(0);
    expect(withPass.stdout).toMatch(/^Saved profile "encrypted" .+ Key: RSA 2048 bits, pkcs8-encrypted, /);
    const token = await cli('token', '--profile', 'encrypted');
    expect(token.code).toBe(0);
    expect(idp.hasIssued(token.stdout.trim())).toBe(true);
  });

  it('refuses an Engagement profile for the token flow and its name for an Intelligence profile', async () => {
    const saved = await services.router.handle(
      'profiles:save',
      { name: 'engagement', product: 'engagement', clientId: '', signingSecret: ENGAGEMENT_SECRET, secretEncoding: 'text' },
      NOOP_CONTEXT,
    );
    expect(saved.ok).toBe(true);
    expect((await cli('profiles', 'list')).stdout).toMatch(/^engagement +engagement +- +- +signing secret stored$/m);
    expect(await cli('token', '--profile', 'engagement')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: Profile "engagement" has no client secret and subdomain stored: it can verify SSO JWTs but not get a token. Edit it and add the client id, client secret and subdomain. (ERR_PROFILE_INVALID)\n',
    });
    expect(await cli(...saveArgs('Engagement', files.pkcs8!))).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: An Engagement profile is already named "engagement": pick another name, or delete it first. (ERR_PROFILE_NAME_TAKEN)\n',
    });
    expect((await cli(...saveArgs('intel', files.pkcs8!))).code).toBe(0);
    const engagementNamedIntel = ['profiles', 'save', 'Intel', '--product', 'engagement', '--client-id', 'pkg-client-1'];
    expect(
      await runMctoken([...engagementNamedIntel, '--subdomain', 'mcx', '--client-secret-env', 'MC_SECRET'], {
        env: { ...env, MC_SECRET: 'a-client-secret' },
      }),
    ).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: An Intelligence profile is already named "intel": pick another name, or delete it first. (ERR_PROFILE_NAME_TAKEN)\n',
    });
  });

  it.each([1, 2])(
    'loses no profile and leaves no orphaned keychain entry when 8 mctoken processes save at the same moment (round %i)',
    async (round) => {
      const names = Array.from({ length: 8 }, (_, i) => `concurrent-${round}-${i}`);
      const runs = await Promise.all(names.map((name) => cli(...saveArgs(name, files.pkcs8!))));
      expect(runs.map((run) => [run.code, run.stderr])).toEqual(names.map(() => [0, '']));
      const profiles = await routerProfiles();
      expect(names.filter((name) => !profiles.some((profile) => profile.name === name))).toEqual([]);
      const referenced = profiles.filter((profile) => profile.hasSecret).map((profile) => profileSecretAccount(profile.id));
      // Tokens cached by earlier `token --profile` runs belong to profiles that still exist.
      const stored = (await services.secrets.list()).filter((account) => !account.endsWith(':token'));
      expect(stored.sort()).toEqual(referenced.sort());
      expect(readdirSync(userDataDir).filter((name) => name.endsWith('.lock'))).toEqual([]);
      for (const name of names) expect((await cli('profiles', 'delete', name)).code).toBe(0);
    },
  );

  it('reports unknown profiles (exit 1)', async () => {
    const notFound = 'error: No profile is named "nope": run "mctoken profiles list" to see the saved ones. (ERR_PROFILE_NOT_FOUND)\n';
    expect(await cli('profiles', 'show', 'nope')).toEqual({ code: 1, stdout: '', stderr: notFound });
    expect(await cli('token', '--profile', 'nope')).toEqual({ code: 1, stdout: '', stderr: notFound });
    expect(await cli('profiles', 'delete', 'nope')).toEqual({ code: 1, stdout: '', stderr: notFound });
  });

  it('reports usage errors of profiles save (exit 2)', async () => {
    expect(await cli('profiles', 'save', 'x', '--region', 'us1', '--key-file', files.pkcs8!)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: mctoken profiles save needs --client-id ID (or --service-account-file FILE, for Intelligence). (ERR_USAGE)\n',
    });
    expect(await cli('profiles', 'save', 'x', '--client-id', CLIENT_ID, '--key-file', files.pkcs8!)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: mctoken profiles save needs --region REGION or --discovery-url URL. (ERR_USAGE)\n',
    });
    expect(await cli('profiles', 'save', 'new-one', '--client-id', CLIENT_ID, '--region', 'us1')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: A new profile needs its private key: add --key-file KEY.pem. (ERR_USAGE)\n',
    });
    expect(
      await cli(
        'profiles',
        'save',
        'x',
        '--client-id',
        CLIENT_ID,
        '--discovery-url',
        'http://idp.example.com/us1/.well-known/openid-configuration',
        '--key-file',
        files.pkcs8!,
      ),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: The discovery URL uses http:// on idp.example.com: only https:// is allowed (http only for localhost). Use the https:// address. (ERR_URL_INSECURE)\n',
    });
    expect((await cli('profiles')).code).toBe(2);
  });

  it('deletes a profile and its keychain entry', async () => {
    const prod = (await routerProfiles()).find((p) => p.name === 'prod')!;
    expect(await services.secrets.list()).toContain(profileSecretAccount(prod.id));
    expect(await cli('profiles', 'delete', 'prod')).toEqual({
      code: 0,
      stdout: 'Deleted profile "prod" and its entry in the OS keychain.\n',
      stderr: '',
    });
    expect(await services.secrets.list()).not.toContain(profileSecretAccount(prod.id));
    expect((await routerProfiles()).map((p) => p.name)).not.toContain('prod');
    expect((await cli('profiles', 'show', 'prod')).code).toBe(1);
  });
});

describe.skipIf(!isolated)('mctoken profiles never loses what is saved (real keychain)', () => {
  const keychainService = `mctw-test-cli-safe-${randomUUID()}`;
  let userDataDir = '';
  let services: WorkbenchServices;
  let env: Record<string, string>;
  const cli = (...args: string[]) => runMctoken(args, { env });
  const file = () => join(userDataDir, 'profiles.json');
  const engagementSave = (name: string) => [
    'profiles',
    'save',
    name,
    '--product',
    'engagement',
    '--client-id',
    'pkg-client-1',
    '--subdomain',
    'mc563885gzs27c5t9-63k636ttgm',
    '--client-secret-env',
    'MC_SECRET',
  ];

  beforeAll(() => {
    assertCliBuilt();
    userDataDir = mkdtempSync(join(tmpdir(), 'mctw-cli-safe-'));
    env = { MCTW_USER_DATA_DIR: userDataDir, MCTW_KEYCHAIN_SERVICE: keychainService, MC_SECRET: ENGAGEMENT_SECRET };
    services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.0.0-test' });
  });

  afterAll(async () => {
    if (services) for (const account of await services.secrets.list()) await services.secrets.delete(account);
    rmSync(userDataDir, { recursive: true, force: true });
  });

  it('list and show say when a keychain entry is missing, and what to do', async () => {
    expect((await cli(...engagementSave('mc'))).code).toBe(0);
    expect((await cli('profiles', 'list')).stdout).toMatch(
      /^mc +engagement +pkg-client-1 +mc563885gzs27c5t9-63k636ttgm +client secret stored$/m,
    );
    const [profile] = (await services.profiles.list()).profiles;
    await services.secrets.delete(`profile:${profile!.id}:client-secret`);
    const missing =
      'warning: The client secret of profile "mc" is not in the OS keychain (deleted there, or another keychain): save the profile again with its client secret (mctoken profiles save "mc" … or Edit in the app). (ERR_KEYCHAIN_NOT_FOUND)\n';
    const list = await cli('profiles', 'list');
    expect([list.code, list.stderr]).toEqual([0, missing]);
    expect(list.stdout).toMatch(/^mc +engagement +.+ +client secret MISSING from the OS keychain$/m);
    expect(JSON.parse((await cli('profiles', 'list', '--json')).stdout).keychain).toEqual({ [profile!.id]: { clientSecret: 'missing' } });
    const show = await cli('profiles', 'show', 'mc');
    expect([show.code, show.stderr]).toEqual([0, missing]);
    expect(show.stdout).toContain('Client secret:  MISSING: the profile says it is stored, the OS keychain has none\n');
    expect((await cli(...engagementSave('mc'))).code).toBe(0);
    expect(await cli('profiles', 'show', 'mc')).toMatchObject({ code: 0, stderr: '' });
  });

  it('a corrupt file: list exits 1 saying what to do, saves are refused, reset --keep-copy moves it aside; the keychain is untouched', async () => {
    const good = readFileSync(file(), 'utf8');
    writeFileSync(file(), good.slice(0, -3));
    const accounts = await services.secrets.list();
    const corrupt = `error: The saved profiles file ${file()} is not valid JSON: restore it from a backup, repair it by hand, or start over with "mctoken profiles reset --keep-copy" (which moves it aside); nothing is saved until then, and no secret is removed from the OS keychain. (ERR_PROFILES_CORRUPT)\n`;
    expect(await cli('profiles', 'list')).toEqual({ code: 1, stdout: '', stderr: corrupt });
    expect(await cli(...engagementSave('other'))).toEqual({ code: 1, stdout: '', stderr: corrupt });
    expect(await cli('profiles', 'delete', 'mc')).toEqual({ code: 1, stdout: '', stderr: corrupt });
    expect((await cli('profiles', 'reset')).code).toBe(2);
    const reset = await cli('profiles', 'reset', '--keep-copy');
    expect(reset.code).toBe(0);
    const copy = /to (\S+profiles\.json\.corrupt-\S+):/.exec(reset.stdout)?.[1] ?? '';
    expect(readFileSync(copy, 'utf8')).toBe(good.slice(0, -3));
    expect(await cli('profiles', 'list')).toMatchObject({ code: 0, stderr: '' });
    expect(await services.secrets.list()).toEqual(accounts);
    writeFileSync(file(), good);
    expect((await cli('profiles', 'show', 'mc')).stdout).toContain('Client secret:  yes, in the OS keychain\n');
  });

  it('an unreadable profiles file exits 1 with its coded message, not "No saved profiles"', async () => {
    const good = readFileSync(file(), 'utf8');
    rmSync(file());
    mkdirSync(file());
    try {
      const unreadable = `error: Could not read ${file()} (EISDIR): make sure it is a readable file; nothing was changed. (ERR_PROFILES_IO)\n`;
      expect(await cli('profiles', 'list')).toEqual({ code: 1, stdout: '', stderr: unreadable });
      expect(await cli('profiles', 'show', 'mc')).toEqual({ code: 1, stdout: '', stderr: unreadable });
    } finally {
      rmSync(file(), { recursive: true });
      writeFileSync(file(), good);
    }
  });

  it('prune shows the entries this folder wrote that no profile stores, and removes them only with --yes', async () => {
    expect((await cli(...engagementSave('lost'))).code).toBe(0);
    const text = JSON.parse(readFileSync(file(), 'utf8')) as { profiles: Array<{ id: string; name: string }> };
    const lost = text.profiles.find((profile) => profile.name === 'lost')!;
    writeFileSync(file(), JSON.stringify({ ...text, profiles: text.profiles.filter((profile) => profile !== lost) }));
    const entry = `  profile:${lost.id}:client-secret: written by this folder for a profile (id ${lost.id}) that is no longer in profiles.json`;
    const before = await services.secrets.list();
    for (const args of [[], ['--dry-run']])
      expect(await cli('profiles', 'prune', ...args)).toEqual({
        code: 0,
        stdout: `Would remove 1 keychain entry:\n${entry}\nRun "mctoken profiles prune --yes" to remove them.\n`,
        stderr: '',
      });
    expect((await cli('profiles', 'prune', '--dry-run', '--yes')).code).toBe(2);
    expect(await services.secrets.list()).toEqual(before);
    expect(await cli('profiles', 'prune', '--yes')).toEqual({ code: 0, stdout: `Removed 1 keychain entry:\n${entry}\n`, stderr: '' });
    expect(await services.secrets.list()).toEqual(before.filter((account) => account !== `profile:${lost.id}:client-secret`));
    expect((await cli('profiles', 'prune')).stdout).toBe(
      'Nothing to prune: every keychain entry this folder wrote belongs to a saved profile.\n',
    );
    expect((await cli('profiles', 'show', 'mc')).stdout).toContain('Client secret:  yes, in the OS keychain\n');
  });

  it('an entry saved by a newer version is listed read-only, kept by every save, and cannot be deleted here', async () => {
    const text = JSON.parse(readFileSync(file(), 'utf8')) as { version: number; profiles: Array<Record<string, unknown>> };
    const newer = { ...text.profiles[0]!, id: 'from-a-newer-version', name: 'future', tokenRequestStyle: 'something-new' };
    writeFileSync(file(), JSON.stringify({ ...text, profiles: [...text.profiles, newer] }));
    const list = await cli('profiles', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(
      '\nSaved by a newer version (kept as they are, read-only here; use the newer version to change them):\n  #2 "future" (engagement): tokenRequestStyle\n',
    );
    expect(await cli('profiles', 'delete', 'future')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: Profile "future" was saved by a newer version of MC Token Workbench (tokenRequestStyle): it is kept as it is and cannot be used or changed here. Use the newer version, or save a new profile under another name. (ERR_PROFILE_READ_ONLY)\n',
    });
    expect((await cli(...engagementSave('mc'))).code).toBe(0);
    expect((await cli(...engagementSave('another'))).code).toBe(0);
    expect((await cli('profiles', 'delete', 'another')).code).toBe(0);
    expect((JSON.parse(readFileSync(file(), 'utf8')) as { profiles: unknown[] }).profiles[1]).toEqual(newer);
  });
});

// Only where the throwaway keychain is missing: a visible skip saying why the keychain tests did not run.
if (!isolated) {
  describe('mctoken profiles without the throwaway keychain', () => {
    it.skip(`skipped: ${SKIP_REASON}`, () => undefined);
  });
}

describe.runIf(process.platform === 'linux')('mctoken profiles with no Secret Service at all', () => {
  it('says the keychain is unavailable when saving (exit 1), while listing and decoding still work without loading keytar', async () => {
    assertCliBuilt();
    const userDataDir = mkdtempSync(join(tmpdir(), 'mctw-cli-nokeyring-'));
    const keyFile = join(userDataDir, 'key.pem');
    writeFileSync(keyFile, testKeyPair('cli-profiles').pkcs8Pem, { mode: 0o600 });
    // A D-Bus address where nothing listens: no keyring can answer, so the real keychain is never touched.
    const env = {
      MCTW_USER_DATA_DIR: userDataDir,
      MCTW_KEYCHAIN_SERVICE: `mctw-test-cli-${randomUUID()}`,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/mctw-bus',
      NODE_DEBUG: 'module',
    };
    try {
      const save = await runMctoken(['profiles', 'save', 'p', '--client-id', CLIENT_ID, '--region', 'us1', '--key-file', keyFile], { env });
      expect(save.code).toBe(1);
      expect(save.stdout).toBe('');
      expect(save.stderr).toContain('load "'); // NODE_DEBUG=module reports what Node loads: keytar, here.
      expect(save.stderr).toMatch(/node_modules\/keytar\//);
      expect(save.stderr).toContain(
        'error: The OS keychain is not available: install and start gnome-keyring or KWallet (a Secret Service) and unlock it, then try again. Decoding and verifying tokens work without it. (ERR_KEYCHAIN_UNAVAILABLE)\n',
      );
      expect(readdirSync(userDataDir)).toEqual(['key.pem']);
      const list = await runMctoken(['profiles', 'list', '--json'], { env });
      expect([list.code, JSON.parse(list.stdout)]).toEqual([0, { profiles: [], problems: [], keychain: {}, foreign: [] }]);
      const decode = await runMctoken(['decode', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', '--json'], { env });
      expect(decode.code).toBe(0);
      expect(decode.stderr).not.toMatch(/keytar/);
    } finally {
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});
