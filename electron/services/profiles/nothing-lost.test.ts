// "Nothing saved is ever lost" on the REAL keychain (gnome-keyring of scripts/with-keyring.sh): two user-data folders on one
// keychain service, a corrupt profiles.json and its repair, an entry saved by a newer version, a missing keychain entry, and
// a stored client secret that only goes where its profile pointed when it was saved.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { SaveProfileRequest } from '../../../shared/ipc/ipc-contract';
import { testKeyPair } from '../../../test/support/test-keys';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../../test/support/throwaway-keychain';
import { createWorkbenchServices, type WorkbenchServices } from '../create-services';
import { PROFILE_MESSAGES } from './profile-service-errors';

const SUB = 'mc563885gzs27c5t9-63k636ttgm';
const keys = testKeyPair('nothing-lost');
const intelligence = (name: string): SaveProfileRequest => ({
  name,
  product: 'intelligence',
  clientId: 'svc-1',
  region: 'us1',
  privateKeyPem: keys.pkcs8Pem,
});
const engagement = (name: string, overrides: Partial<SaveProfileRequest> = {}): SaveProfileRequest => ({
  name,
  product: 'engagement',
  clientId: 'pkg-client-1',
  subdomain: SUB,
  clientSecret: `client-secret-of-${name.replace(/\W/g, '-')}`,
  signingSecret: `signing-secret-of-${name.replace(/\W/g, '-')}`,
  ...overrides,
});
const READ_ONLY = expect.objectContaining({
  code: 'ERR_PROFILE_READ_ONLY',
  message:
    'Profile "from the future" was saved by a newer version of MC Token Workbench (or has fields this version cannot read): it is kept as it is and cannot be used or changed here. Use the newer version to use, edit, rename or delete it, or save a new profile under another name.',
});

describe.skipIf(!isolated)(`nothing saved is ever lost, on the real keyring${isolated ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const keychainService = `mctw-test-lost-${randomUUID()}`;
  const dirs: string[] = [];
  let dir: string;
  let app: WorkbenchServices;

  const open = (userDataDir: string) => createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.1.0-test' });
  const newDir = async () => {
    const made = await mkdtemp(join(tmpdir(), 'mctw-nothing-lost-'));
    dirs.push(made);
    return made;
  };
  const file = () => join(dir, 'profiles.json');
  const accounts = () => app.secrets.list();

  beforeEach(async () => {
    dir = await newDir();
    app = open(dir);
    for (const account of await app.secrets.list()) await app.secrets.delete(account);
  });

  afterAll(async () => {
    for (const account of await app.secrets.list()) await app.secrets.delete(account);
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('a save and a delete in another user-data folder on the same keychain service leave this folder’s secrets alone', async () => {
    const real = await app.profiles.save(engagement('real'));
    const key = await app.profiles.save(intelligence('key'));
    const other = open(await newDir());
    const scratch = await other.profiles.save(engagement('scratch'));
    await other.profiles.save(intelligence('scratch key'));
    await other.profiles.delete(scratch.id);
    expect(await app.profiles.runnable(real.id, 'engagement')).toMatchObject({ clientSecret: 'client-secret-of-real' });
    expect(await app.profiles.getSigningSecret(real.id)).toEqual({ secret: 'signing-secret-of-real', encoding: 'text' });
    expect(await app.profiles.runnable(key.id, 'intelligence')).toMatchObject({ product: 'intelligence' });
    expect(await accounts()).not.toContain(`profile:${scratch.id}:client-secret`);
  });

  it('a corrupt profiles.json refuses every change, keeps every secret, and both profiles work once it is repaired', async () => {
    const a = await app.profiles.save(engagement('a'));
    const b = await app.profiles.save(intelligence('b'));
    const good = await readFile(file(), 'utf8');
    const before = await accounts();
    const broken = good.replace('"version": 1,', '"version": 1');
    await writeFile(file(), broken);
    const corrupt = expect.objectContaining({
      code: 'ERR_PROFILES_CORRUPT',
      message: expect.stringContaining(`${file()} is not valid JSON: restore it from a backup, repair it by hand, or start over`),
    });
    expect((await app.profiles.list()).problems).toEqual([corrupt]);
    await expect(app.profiles.save(engagement('c'))).rejects.toEqual(corrupt);
    await expect(app.profiles.save({ ...engagement('a'), id: a.id })).rejects.toEqual(corrupt);
    await expect(app.profiles.rename(a.id, 'renamed')).rejects.toEqual(corrupt);
    await expect(app.profiles.delete(b.id)).rejects.toEqual(corrupt);
    await expect(app.profiles.runnable(a.id)).rejects.toEqual(corrupt);
    expect(await readFile(file(), 'utf8')).toBe(broken);
    expect(await accounts()).toEqual(before);
    await writeFile(file(), good);
    expect(await app.profiles.runnable(a.id, 'engagement')).toMatchObject({ clientSecret: 'client-secret-of-a' });
    expect(await app.profiles.runnable(b.id, 'intelligence')).toMatchObject({ product: 'intelligence' });
  });

  it('reset moves a corrupt file to a named copy and starts empty; putting the copy back restores both profiles', async () => {
    const a = await app.profiles.save(engagement('a'));
    const b = await app.profiles.save(intelligence('b'));
    const good = await readFile(file(), 'utf8');
    await writeFile(file(), `${good}}`);
    const before = await accounts();
    const copy = await app.profiles.reset();
    expect(copy).toMatch(/profiles\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(await readFile(copy, 'utf8')).toBe(`${good}}`);
    expect(await app.profiles.list()).toEqual({ profiles: [], problems: [], keychain: {}, foreign: [] });
    await app.profiles.save(intelligence('fresh'));
    expect(await accounts()).toEqual(expect.arrayContaining(before));
    await writeFile(file(), good);
    expect(await app.profiles.runnable(a.id, 'engagement')).toMatchObject({ clientSecret: 'client-secret-of-a' });
    expect(await app.profiles.runnable(b.id, 'intelligence')).toMatchObject({ product: 'intelligence' });
  });

  it('an entry saved by a newer version survives every save, rename and delete with its secret, read-only here', async () => {
    const kept = await app.profiles.save(engagement('from the future'));
    const text = JSON.parse(await readFile(file(), 'utf8')) as { profiles: Array<Record<string, unknown>> };
    const newer = { ...text.profiles[0], tokenRequestStyle: 'something-new', cachedToken: { account: 'x' } };
    await writeFile(file(), JSON.stringify({ version: 1, profiles: [newer] }));
    const listing = await app.profiles.list();
    expect(listing.profiles).toEqual([]);
    expect(listing.foreign).toEqual([
      { index: 0, id: kept.id, name: 'from the future', product: 'engagement', fields: ['tokenRequestStyle'] },
    ]);
    for (let n = 0; n < 4; n += 1) {
      const other = await app.profiles.save(intelligence(`other ${n}`));
      await app.profiles.rename(other.id, `renamed ${n}`);
      if (n % 2 === 0) await app.profiles.delete(other.id);
    }
    await expect(app.profiles.save(engagement('from the future', { id: kept.id }))).rejects.toEqual(READ_ONLY);
    await expect(app.profiles.save(engagement('FROM THE FUTURE'))).rejects.toMatchObject({ code: 'ERR_PROFILE_NAME_TAKEN' });
    await expect(app.profiles.rename(kept.id, 'x')).rejects.toEqual(READ_ONLY);
    await expect(app.profiles.delete(kept.id)).rejects.toEqual(READ_ONLY);
    await expect(app.profiles.runnable(kept.id)).rejects.toEqual(READ_ONLY);
    await expect(app.profiles.runnable({ name: 'From the future' })).rejects.toEqual(READ_ONLY);
    const after = JSON.parse(await readFile(file(), 'utf8')) as { profiles: unknown[] };
    expect(after.profiles[0]).toEqual(newer);
    expect(after.profiles).toHaveLength(3);
    // Going back to a version that reads it (here: the value it knows), the profile works with its secrets.
    await writeFile(file(), JSON.stringify({ ...after, profiles: [{ ...newer, tokenRequestStyle: 'form' }, ...after.profiles.slice(1)] }));
    expect(await app.profiles.runnable(kept.id, 'engagement')).toMatchObject({ clientSecret: 'client-secret-of-from-the-future' });
    expect(await app.profiles.getSigningSecret(kept.id)).toMatchObject({ secret: 'signing-secret-of-from-the-future' });
  });

  it('the listing checks each entry a profile says it has: present, missing, or unknown when the keychain does not answer', async () => {
    const both = await app.profiles.save(engagement('both'));
    const key = await app.profiles.save(intelligence('key'));
    const verifyOnly = await app.profiles.save({ name: 'verify only', product: 'engagement', clientId: '', signingSecret: 's' });
    await app.secrets.delete(`profile:${both.id}:client-secret`);
    const listing = await app.profiles.list();
    expect(listing.keychain).toEqual({
      [both.id]: { secret: 'present', clientSecret: 'missing' },
      [key.id]: { secret: 'present' },
      [verifyOnly.id]: { secret: 'present' },
    });
    expect(JSON.stringify(listing)).not.toContain('signing-secret-of-both');
    const noKeychain = open(dir);
    noKeychain.secrets.has = () => Promise.reject(new Error('no keychain'));
    expect((await noKeychain.profiles.list()).keychain[key.id]).toEqual({ secret: 'unknown' });
  });

  it('profiles:save over the router asks for the client secret again when the client id or the auth host changes', async () => {
    const saved = await app.profiles.save(engagement('s2s', { signingSecret: undefined }));
    const call = (request: SaveProfileRequest) => app.router.handle('profiles:save', request, { emit: () => undefined });
    const repointed = { ...engagement('s2s'), id: saved.id, subdomain: null, authUrl: 'https://127.0.0.1:9/', clientSecret: undefined };
    expect(await call(repointed)).toEqual({
      ok: false,
      error: { code: 'ERR_PROFILE_KEY_REQUIRED', message: PROFILE_MESSAGES.clientSecretForAuthHost },
    });
    expect(await call({ ...engagement('s2s'), id: saved.id, clientId: 'someone-else', clientSecret: undefined })).toEqual({
      ok: false,
      error: { code: 'ERR_PROFILE_KEY_REQUIRED', message: PROFILE_MESSAGES.clientSecretForClientId },
    });
    expect(await app.profiles.get(saved.id)).toMatchObject({ subdomain: SUB, authUrl: null, clientId: 'pkg-client-1' });
  });
  it('prune lists only the entries this folder recorded writing that no profile stores, removes them only when applied', async () => {
    const kept = await app.profiles.save(engagement('kept'));
    const lost = await app.profiles.save(engagement('lost'));
    const other = open(await newDir());
    const elsewhere = await other.profiles.save(engagement('elsewhere'));
    // A profile lost from the file (a crash, a hand edit) leaves its recorded entries behind.
    const text = JSON.parse(await readFile(file(), 'utf8')) as { profiles: Array<{ id: string }> };
    await writeFile(file(), JSON.stringify({ ...text, profiles: text.profiles.filter((p) => p.id !== lost.id) }));
    const reason = `written by this folder for a profile (id ${lost.id}) that is no longer in profiles.json`;
    const expected = [
      { account: `profile:${lost.id}`, reason },
      { account: `profile:${lost.id}:client-secret`, reason },
    ];
    expect(await app.profiles.prune(false)).toEqual({ entries: expected, removed: false });
    expect(await accounts()).toEqual(expect.arrayContaining(expected.map(({ account }) => account)));
    expect(await app.profiles.prune(true)).toEqual({ entries: expected, removed: true });
    expect(await app.profiles.prune(true)).toEqual({ entries: [], removed: true });
    expect(await accounts()).not.toContain(`profile:${lost.id}`);
    expect(await app.profiles.runnable(kept.id, 'engagement')).toMatchObject({ clientSecret: 'client-secret-of-kept' });
    expect(await other.profiles.runnable(elsewhere.id, 'engagement')).toMatchObject({ clientSecret: 'client-secret-of-elsewhere' });
    expect(await other.profiles.prune(true)).toEqual({ entries: [], removed: true });
  });

  it('prune refuses while the file is corrupt or holds entries this version cannot read', async () => {
    await app.profiles.save(engagement('a'));
    const good = await readFile(file(), 'utf8');
    await writeFile(file(), good.slice(1));
    await expect(app.profiles.prune(true)).rejects.toMatchObject({ code: 'ERR_PROFILES_CORRUPT' });
    const text = JSON.parse(good) as { profiles: Array<Record<string, unknown>> };
    await writeFile(file(), JSON.stringify({ ...text, profiles: [{ ...text.profiles[0], product: 'something-new' }] }));
    await expect(app.profiles.prune(true)).rejects.toMatchObject({
      code: 'ERR_PROFILE_READ_ONLY',
      message:
        'profiles.json holds 1 entry saved by a newer version, whose keychain entries this version cannot tell apart: nothing was pruned. Prune with the newer version.',
    });
    expect(await accounts()).toHaveLength(2);
  });
});
