import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/profiles/profile';
import { createProfileStore } from './profile-store';

const NOW = new Date('2025-01-31T09:30:00.000Z');
const STAMP = '2025-01-31T09-30-00-000Z';

function makeProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'p1',
    name: 'US1 service account',
    product: 'intelligence',
    clientId: 'svc-123',
    region: 'us1',
    discoveryUrl: 'https://idp.intelligence.salesforce.com/us1/.well-known/openid-configuration',
    tokenRequestStyle: 'form',
    keyInfo: { type: 'RSA', bits: 2048, fingerprint: 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU', format: 'pkcs1' },
    secretEncoding: null,
    hasSecret: true,
    subdomain: null,
    authUrl: null,
    scope: null,
    accountId: null,
    hasClientSecret: false,
    createdAt: '2025-01-30T10:00:00.000Z',
    updatedAt: '2025-01-30T10:00:00.000Z',
    ...overrides,
  };
}

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
    expect(await storeHere().list()).toEqual({ profiles: [], problems: [], keychain: {}, foreign: [] });
    expect(await storeHere().get('p1')).toBeNull();
    expect(existsSync(file())).toBe(false);
  });

  it('writes { version: 1, profiles } and reads it back, leaving no temporary file', async () => {
    const store = storeHere();
    expect(store.path).toBe(file());
    const profile = makeProfile();
    expect(await store.put(profile)).toEqual(profile);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual({ version: 1, profiles: [profile] });
    expect(await createProfileStore({ dir }).list()).toEqual({ profiles: [profile], problems: [] });
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
      ['p1', 'Renamed'],
      ['p2', 'Second'],
    ]);
    expect((await store.get('p2'))?.name).toBe('Second');
    expect(await store.remove('p1')).toBe(true);
    expect(await store.remove('p1')).toBe(false);
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

  it('drops fields that are not part of a profile (e.g. a pasted key) instead of keeping them', async () => {
    await writeFile(file(), JSON.stringify({ version: 1, profiles: [{ ...makeProfile(), privateKey: 'MIIEvgIBADANBg' }] }));
    const store = storeHere();
    expect((await store.list()).profiles).toEqual([makeProfile()]);
    await store.put(makeProfile({ name: 'Again' }));
    expect(await readFile(file(), 'utf8')).not.toContain('MIIEvgIBADANBg');
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
  it('moves an unparsable file aside, reports where, and carries on empty', async () => {
    await writeFile(file(), '{"version": 1, "profiles": [ {"id": "p1", ');
    const store = storeHere();
    const moved = join(dir, `profiles.json.corrupt-${STAMP}`);
    const problem = {
      code: 'ERR_PROFILES_CORRUPT',
      message: `The saved profiles file was not valid JSON and was moved to ${moved}: starting with no profiles; save them again.`,
    };
    expect(await store.list()).toEqual({ profiles: [], problems: [problem] });
    expect(await readFile(moved, 'utf8')).toBe('{"version": 1, "profiles": [ {"id": "p1", ');
    expect(existsSync(file())).toBe(false);
    // The problem stays reported for this session; saving starts a fresh file.
    await store.put(makeProfile());
    expect(await store.list()).toEqual({ profiles: [makeProfile()], problems: [problem] });
    expect((await readdir(dir)).sort()).toEqual(['profiles.json', `profiles.json.corrupt-${STAMP}`]);
  });

  it.each([
    ['an array', '[]'],
    ['a wrong version', '{"version": 0, "profiles": []}'],
    ['profiles that are not a list', '{"version": 1, "profiles": {}}'],
    ['an empty file', ''],
  ])('moves aside a file holding %s, without overwriting an earlier moved-aside file', async (_what, content) => {
    await writeFile(join(dir, `profiles.json.corrupt-${STAMP}`), 'earlier');
    await writeFile(file(), content);
    const { problems } = await storeHere().list();
    const reason = content === '' ? 'not valid JSON' : 'not a profiles file';
    const moved = join(dir, `profiles.json.corrupt-${STAMP}-1`);
    expect(problems).toEqual([
      {
        code: 'ERR_PROFILES_CORRUPT',
        message: `The saved profiles file was ${reason} and was moved to ${moved}: starting with no profiles; save them again.`,
      },
    ]);
    expect(await readFile(moved, 'utf8')).toBe(content);
    expect(await readFile(join(dir, `profiles.json.corrupt-${STAMP}`), 'utf8')).toBe('earlier');
  });

  it('skips an invalid entry and a duplicate id, keeps the others, and keeps a copy of the file on the next save', async () => {
    const original = JSON.stringify({
      version: 1,
      profiles: [
        makeProfile(),
        { ...makeProfile({ id: 'p2' }), name: '', keyInfo: { ...makeProfile().keyInfo, bits: '2048' } },
        makeProfile({ id: 'p3', name: 'Third' }),
        makeProfile({ name: 'Dup' }),
      ],
    });
    await writeFile(file(), original);
    const store = storeHere();
    expect(await store.list()).toEqual({
      profiles: [makeProfile(), makeProfile({ id: 'p3', name: 'Third' })],
      problems: [
        {
          code: 'ERR_PROFILES_CORRUPT',
          message:
            'Saved profile #2 is invalid (name, keyInfo.bits) and was skipped: save it again. The next save keeps a copy of the old file.',
        },
        {
          code: 'ERR_PROFILES_CORRUPT',
          message:
            'Saved profile #4 is invalid (id (a duplicate)) and was skipped: save it again. The next save keeps a copy of the old file.',
        },
      ],
    });
    expect(await readFile(file(), 'utf8')).toBe(original);
    await store.put(makeProfile({ id: 'p4', name: 'Fourth' }));
    expect(await readFile(join(dir, `profiles.json.corrupt-${STAMP}`), 'utf8')).toBe(original);
    expect(await store.list()).toEqual({
      profiles: [makeProfile(), makeProfile({ id: 'p3', name: 'Third' }), makeProfile({ id: 'p4', name: 'Fourth' })],
      problems: [],
    });
  });

  it('leaves a file from a newer version alone and refuses to overwrite it (ERR_PROFILES_IO)', async () => {
    const newer = JSON.stringify({ version: 2, profiles: [], somethingNew: true });
    await writeFile(file(), newer);
    const store = storeHere();
    const error = {
      code: 'ERR_PROFILES_IO',
      message: `${file()} was written by a newer MC Token Workbench (format 2): update the app to use these profiles; nothing was changed.`,
    };
    expect(await store.list()).toEqual({ profiles: [], problems: [error] });
    await expect(store.put(makeProfile())).rejects.toMatchObject(error);
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
    expect(await store.list()).toEqual({ profiles: [], problems: [error] });
    await expect(store.get('p1')).rejects.toMatchObject(error);
    await expect(store.put(makeProfile())).rejects.toMatchObject(error);
    await expect(store.remove('p1')).rejects.toMatchObject(error);
    expect(await readdir(dir)).toEqual(['profiles.json']);
    expect(await readFile(join(file(), 'inside'), 'utf8')).toBe('keep me');
  });

  it.skipIf(!existsSync('/sys/kernel'))('reports a folder where files cannot be created (sysfs) as ERR_PROFILES_IO on save', async () => {
    const store = createProfileStore({ dir: '/sys' });
    expect(await store.list()).toEqual({ profiles: [], problems: [], keychain: {}, foreign: [] });
    await expect(store.put(makeProfile())).rejects.toMatchObject({
      code: 'ERR_PROFILES_IO',
      message: 'Could not save /sys/profiles.json (EACCES): make sure its folder exists and is writable; the saved profiles are unchanged.',
    });
  });
});
