import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/profiles/profile';
import { makeProfile } from '../../../test/support/profiles';
import { createProfileStore } from './profile-store';

const NOW = new Date('2025-01-31T09:30:00.000Z');
const STAMP = '2025-01-31T09-30-00-000Z';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mctw-profiles-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = () => join(dir, 'profiles.json');
const storeHere = () => createProfileStore({ dir, now: () => NOW });

describe('profile store: reading and writing', () => {
  it('treats a missing file as no profiles and no problem, without creating it', async () => {
    expect(await storeHere().list()).toEqual({ profiles: [], problems: [], foreign: [] });
    expect(await storeHere().get('p-intel')).toBeNull();
    expect(existsSync(file())).toBe(false);
  });

  it('writes { version: 1, profiles } and reads it back, leaving no temporary file', async () => {
    const store = storeHere();
    expect(store.path).toBe(file());
    const profile = makeProfile();
    expect(await store.put(profile)).toEqual(profile);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual({ version: 1, profiles: [profile] });
    expect(await createProfileStore({ dir }).list()).toEqual({ profiles: [profile], problems: [], foreign: [] });
    expect(await readdir(dir)).toEqual(['profiles.json']);
    if (process.platform !== 'win32') expect((await stat(file())).mode & 0o777).toBe(0o600);
  });

  it('creates the user-data folder on the first save', async () => {
    const nested = join(dir, 'a', 'b');
    await createProfileStore({ dir: nested }).put(makeProfile());
    expect(await readdir(nested)).toEqual(['profiles.json']);
  });

  it('replaces a profile with the same id, gets by id, and removes', async () => {
    const store = storeHere();
    await store.put(makeProfile());
    await store.put(makeProfile({ id: 'p2', name: 'Second' }));
    await store.put(makeProfile({ name: 'Renamed' }));
    expect((await store.list()).profiles.map((p) => [p.id, p.name])).toEqual([
      ['p-intel', 'Renamed'],
      ['p2', 'Second'],
    ]);
    expect((await store.get('p2'))?.name).toBe('Second');
    expect(await store.remove('p-intel')).toBe(true);
    expect(await store.remove('p-intel')).toBe(false);
    expect((await store.list()).profiles.map((p) => p.id)).toEqual(['p2']);
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('lands every one of many concurrent saves (writes are queued)', async () => {
    const store = storeHere();
    const ids = Array.from({ length: 40 }, (_, i) => `id-${i}`);
    await Promise.all(ids.map((id) => store.put(makeProfile({ id, name: `Profile ${id}` }))));
    await Promise.all([
      store.remove('id-0'),
      store.put(makeProfile({ id: 'id-1', name: 'Changed' })),
      store.put(makeProfile({ id: 'late', name: 'Late' })),
    ]);
    const saved = (await createProfileStore({ dir }).list()).profiles;
    expect(saved.map((p) => p.id).sort()).toEqual([...ids.slice(1), 'late'].sort());
    expect(saved.find((p) => p.id === 'id-1')?.name).toBe('Changed');
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('refuses to save something that is not a profile (ERR_PROFILE_INVALID), writing nothing', async () => {
    const broken = { ...makeProfile(), name: '', keyInfo: { type: 'RSA', bits: 'big' } } as unknown as Profile;
    await expect(storeHere().put(broken)).rejects.toMatchObject({
      code: 'ERR_PROFILE_INVALID',
      message:
        'The profile could not be saved: invalid name, keyInfo.bits, keyInfo.fingerprint, keyInfo.format. Check the form and try again.',
    });
    expect(existsSync(file())).toBe(false);
  });

  it('never writes fields a caller adds to a profile (e.g. a pasted key), but keeps the unknown fields already in the file', async () => {
    const store = storeHere();
    await store.put({ ...makeProfile(), privateKey: 'MIIEvgIBADANBg' } as Profile);
    expect(await readFile(file(), 'utf8')).not.toContain('MIIEvgIBADANBg');
    // A newer version's own field of a readable entry survives every save of it (forward compatibility).
    await writeFile(file(), JSON.stringify({ version: 1, profiles: [{ ...makeProfile(), tokenCache: { kept: true } }], extra: 'top' }));
    expect((await store.list()).profiles).toEqual([makeProfile()]);
    await store.put(makeProfile({ name: 'Again' }));
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual({
      version: 1,
      profiles: [{ ...makeProfile({ name: 'Again' }), tokenCache: { kept: true } }],
      extra: 'top',
    });
  });

  it('loads profiles saved before the Engagement server-to-server fields existed, with those fields empty', async () => {
    const older: Record<string, unknown> = { ...makeProfile({ product: 'engagement', secretEncoding: 'text' }) };
    for (const field of ['subdomain', 'authUrl', 'scope', 'accountId', 'hasClientSecret']) delete older[field];
    await writeFile(file(), JSON.stringify({ version: 1, profiles: [older] }));
    const { profiles, problems } = await storeHere().list();
    expect(problems).toEqual([]);
    expect(profiles).toEqual([makeProfile({ product: 'engagement', secretEncoding: 'text' })]);
    expect(profiles[0]).toMatchObject({ subdomain: null, authUrl: null, scope: null, accountId: null, hasClientSecret: false });
  });
});

describe('profile store: damaged files', () => {
  const corrupt = (reason: string) => ({
    code: 'ERR_PROFILES_CORRUPT',
    message: `The saved profiles file ${file()} is ${reason}: restore it from a backup, repair it by hand, or start over with "mctoken profiles reset --keep-copy" (which moves it aside); nothing is saved until then, and no secret is removed from the OS keychain.`,
  });

  it('reports an unparsable file where it is, refuses every write, and reads it again once repaired', async () => {
    const broken = '{"version": 1, "profiles": [ {"id": "p1", ';
    await writeFile(file(), broken);
    const store = storeHere();
    expect(await store.list()).toEqual({ profiles: [], problems: [corrupt('not valid JSON')], foreign: [] });
    await expect(store.put(makeProfile())).rejects.toMatchObject(corrupt('not valid JSON'));
    await expect(store.remove('p-intel')).rejects.toMatchObject(corrupt('not valid JSON'));
    await expect(store.get('p-intel')).rejects.toMatchObject(corrupt('not valid JSON'));
    expect(await readFile(file(), 'utf8')).toBe(broken);
    expect(await readdir(dir)).toEqual(['profiles.json']);
    await writeFile(file(), JSON.stringify({ version: 1, profiles: [makeProfile()] }));
    expect(await store.list()).toEqual({ profiles: [makeProfile()], problems: [], foreign: [] });
  });

  it.each([
    ['an array', '[]'],
    ['a wrong version', '{"version": 0, "profiles": []}'],
    ['profiles that are not a list', '{"version": 1, "profiles": {}}'],
    ['an empty file', ''],
  ])('reports a file holding %s as corrupt; reset moves it to a named copy, never over an earlier one', async (_what, content) => {
    await writeFile(join(dir, `profiles.json.corrupt-${STAMP}`), 'earlier');
    await writeFile(file(), content);
    const store = storeHere();
    const reason = content === '' ? 'not valid JSON' : 'not a profiles file';
    expect((await store.list()).problems).toEqual([corrupt(reason)]);
    const moved = join(dir, `profiles.json.corrupt-${STAMP}-1`);
    expect(await store.reset()).toBe(moved);
    expect(await readFile(moved, 'utf8')).toBe(content);
    expect(await readFile(join(dir, `profiles.json.corrupt-${STAMP}`), 'utf8')).toBe('earlier');
    expect(await store.list()).toEqual({ profiles: [], problems: [], foreign: [] });
    await store.put(makeProfile());
    expect((await store.list()).profiles).toEqual([makeProfile()]);
  });

  it('resets only a corrupt file', async () => {
    const store = storeHere();
    const notCorrupt = {
      code: 'ERR_PROFILES_IO',
      message: `${file()} is not corrupt: nothing was reset. Delete profiles one by one with "mctoken profiles delete NAME".`,
    };
    await expect(store.reset()).rejects.toMatchObject(notCorrupt);
    await store.put(makeProfile());
    await expect(store.reset()).rejects.toMatchObject(notCorrupt);
    expect((await store.list()).profiles).toEqual([makeProfile()]);
  });

  it('keeps entries it cannot read (a newer value, a missing field, a duplicate id) verbatim in place across every write', async () => {
    const newer = { ...makeProfile({ id: 'p2', name: 'Newer' }), tokenRequestStyle: 'something-new', extra: { a: 1 } };
    const missing: Record<string, unknown> = { ...makeProfile({ id: 'p3', name: 'No dates' }) };
    delete missing.createdAt;
    const duplicate = makeProfile({ name: 'Dup' });
    await writeFile(file(), JSON.stringify({ version: 1, profiles: [makeProfile(), newer, missing, duplicate] }));
    const store = storeHere();
    const foreign = [
      { index: 1, id: 'p2', name: 'Newer', product: 'intelligence', fields: ['tokenRequestStyle'] },
      { index: 2, id: 'p3', name: 'No dates', product: 'intelligence', fields: ['createdAt'] },
      { index: 3, id: 'p-intel', name: 'Dup', product: 'intelligence', fields: ['id (a duplicate)'] },
    ];
    expect(await store.list()).toEqual({ profiles: [makeProfile()], problems: [], foreign });
    for (let n = 0; n < 3; n += 1) await store.put(makeProfile({ id: `new-${n}`, name: `New ${n}` }));
    await store.put(makeProfile({ name: 'Renamed' }));
    await store.remove('new-1');
    expect(JSON.parse(await readFile(file(), 'utf8')).profiles).toEqual([
      makeProfile({ name: 'Renamed' }),
      newer,
      missing,
      duplicate,
      makeProfile({ id: 'new-0', name: 'New 0' }),
      makeProfile({ id: 'new-2', name: 'New 2' }),
    ]);
    expect((await store.list()).foreign).toEqual(foreign);
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('leaves a file from a newer version alone and refuses to overwrite it (ERR_PROFILES_IO)', async () => {
    const newer = JSON.stringify({ version: 2, profiles: [], somethingNew: true });
    await writeFile(file(), newer);
    const store = storeHere();
    const error = {
      code: 'ERR_PROFILES_IO',
      message: `${file()} was written by a newer MC Token Workbench (format 2): update the app to use these profiles; nothing was changed.`,
    };
    expect(await store.list()).toEqual({ profiles: [], problems: [error], foreign: [] });
    await expect(store.put(makeProfile())).rejects.toMatchObject(error);
    await expect(store.reset()).rejects.toMatchObject({ code: 'ERR_PROFILES_IO' });
    expect(await readFile(file(), 'utf8')).toBe(newer);
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('reports an unreadable profiles.json (a folder in its place) as ERR_PROFILES_IO, moving and overwriting nothing', async () => {
    await mkdir(file());
    await writeFile(join(file(), 'inside'), 'keep me');
    const store = storeHere();
    const error = {
      code: 'ERR_PROFILES_IO',
      message: `Could not read ${file()} (EISDIR): make sure it is a readable file; nothing was changed.`,
    };
    expect(await store.list()).toEqual({ profiles: [], problems: [error], foreign: [] });
    await expect(store.get('p-intel')).rejects.toMatchObject(error);
    await expect(store.put(makeProfile())).rejects.toMatchObject(error);
    await expect(store.remove('p-intel')).rejects.toMatchObject(error);
    await expect(store.reset()).rejects.toMatchObject(error);
    expect(await readdir(dir)).toEqual(['profiles.json']);
    expect(await readFile(join(file(), 'inside'), 'utf8')).toBe('keep me');
  });

  it.skipIf(process.platform === 'win32')(
    'follows a symlinked profiles.json: writes go to its target and the link stays a link',
    async () => {
      const elsewhere = join(dir, 'synced');
      await mkdir(elsewhere);
      const target = join(elsewhere, 'my-profiles.json');
      await writeFile(target, JSON.stringify({ version: 1, profiles: [makeProfile()] }));
      await symlink(target, file());
      const store = storeHere();
      expect((await store.list()).profiles).toEqual([makeProfile()]);
      await store.put(makeProfile({ id: 'p2', name: 'Second' }));
      expect((await lstat(file())).isSymbolicLink()).toBe(true);
      expect(JSON.parse(await readFile(target, 'utf8')).profiles).toEqual([makeProfile(), makeProfile({ id: 'p2', name: 'Second' })]);
      expect((await readdir(dir)).sort()).toEqual(['profiles.json', 'synced']);
    },
  );

  it.skipIf(process.platform === 'win32')('refuses a dangling symlinked profiles.json instead of replacing it by a file', async () => {
    await symlink(join(dir, 'gone.json'), file());
    const store = storeHere();
    const error = {
      code: 'ERR_PROFILES_IO',
      message: `Could not read ${file()} (ENOENT): make sure it is a readable file; nothing was changed.`,
    };
    expect((await store.list()).problems).toEqual([error]);
    await expect(store.put(makeProfile())).rejects.toMatchObject(error);
    expect((await lstat(file())).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, 'gone.json'))).toBe(false);
  });

  it.skipIf(!existsSync('/sys/kernel'))('reports a folder where files cannot be created (sysfs) as ERR_PROFILES_IO on save', async () => {
    const store = createProfileStore({ dir: '/sys' });
    expect(await store.list()).toEqual({ profiles: [], problems: [], foreign: [] });
    await expect(store.put(makeProfile())).rejects.toMatchObject({
      code: 'ERR_PROFILES_IO',
      message: 'Could not save /sys/profiles.json (EACCES): make sure its folder exists and is writable; the saved profiles are unchanged.',
    });
  });
});
