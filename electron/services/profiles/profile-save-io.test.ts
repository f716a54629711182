// A save reads profiles.json once under the lock: one read of the file, one look at where a symlink points, and its
// writes build on what it wrote rather than reading or parsing the file again. Counted at the file-system calls.
import { randomBytes } from 'node:crypto';
import type * as fsPromises from 'node:fs/promises';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveProfileRequest } from '../../../shared/ipc/ipc-contract';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../../test/support/throwaway-keychain';
import { nodeKeyDecryptor } from '../node-key-decryptor';
import { createKeytarSecretStore } from '../secret-store/keytar-secret-store';
import { createProfileService, type ProfileService } from './profile-service';
import { createProfileStore } from './profile-store';

/** The calls made on a profiles.json path (the file itself or its symlink's target; not its temporary files or lock). */
const calls: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsPromises>();
  const counted = <F extends (...args: never[]) => unknown>(name: string, f: F): F =>
    ((...args: Parameters<F>) => {
      if (/profiles(-elsewhere)?\.json$/.test(String(args[0]))) calls.push(name);
      return f(...args);
    }) as F;
  const wrapped = {
    ...real,
    readFile: counted('readFile', real.readFile),
    lstat: counted('lstat', real.lstat),
    stat: counted('stat', real.stat),
    realpath: counted('realpath', real.realpath),
    rename: (from: string, to: string) => {
      if (/profiles(-elsewhere)?\.json$/.test(to)) calls.push('write');
      return real.rename(from, to);
    },
  };
  return { ...wrapped, default: wrapped };
});

const SUB = 'mc563885gzs27c5t9-63k636ttgm';
const s2s = (overrides: Partial<SaveProfileRequest> = {}): SaveProfileRequest => ({
  name: 'Engagement prod',
  product: 'engagement',
  clientId: 'pkg-client-1',
  subdomain: SUB,
  clientSecret: 'client-secret-io',
  signingSecret: 'signing-secret-io',
  ...overrides,
});

describe.skipIf(!isolated)(`a save's reads of profiles.json${isolated ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const secrets = createKeytarSecretStore({ service: `mctw-test-${randomBytes(6).toString('hex')}` });
  const dirs: string[] = [];
  let dir: string;
  let service: ProfileService;

  /** Runs `work` and returns the profiles.json calls it made, and how many times it parsed profiles.json text. */
  async function counted(work: () => Promise<unknown>): Promise<{ calls: string[]; parses: number }> {
    calls.length = 0;
    const parses = vi.spyOn(JSON, 'parse');
    try {
      await work();
      const profileTexts = parses.mock.calls.filter(([text]) => String(text).includes('"profiles"'));
      return { calls: [...calls], parses: profileTexts.length };
    } finally {
      parses.mockRestore();
    }
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mctw-profile-io-'));
    dirs.push(dir);
    for (const account of await secrets.list()) await secrets.delete(account);
    service = createProfileService({ store: createProfileStore({ dir }), secrets, decryptor: nodeKeyDecryptor });
  });

  afterAll(async () => {
    for (const account of await secrets.list()) await secrets.delete(account);
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('a first save: one read (none there, and no link in its place), then the record and the profile written', async () => {
    expect(await counted(() => service.save(s2s()))).toEqual({ calls: ['readFile', 'lstat', 'write', 'write'], parses: 0 });
    expect(JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')).profiles).toHaveLength(1);
  });

  it('an update: one read and one parse, one look at where the file is, one write', async () => {
    const saved = await service.save(s2s());
    const update = await counted(() => service.save(s2s({ id: saved.id, name: 'Renamed', clientSecret: 'another' })));
    expect(update).toEqual({ calls: ['readFile', 'lstat', 'write'], parses: 1 });
    const added = await counted(() => service.save(s2s({ name: 'Second' })));
    expect(added).toEqual({ calls: ['readFile', 'lstat', 'write', 'write'], parses: 1 });
    expect(JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')).profiles.map((p: { name: string }) => p.name)).toEqual([
      'Renamed',
      'Second',
    ]);
  });

  it('a symlinked profiles.json: where it points is looked up once for both writes, and the link stays', async () => {
    const target = join(dir, 'profiles-elsewhere.json');
    await writeFile(target, JSON.stringify({ version: 1, profiles: [] }));
    await symlink(target, join(dir, 'profiles.json'));
    const first = await counted(() => service.save(s2s()));
    expect(first).toEqual({ calls: ['readFile', 'lstat', 'realpath', 'write', 'write'], parses: 1 });
    expect(JSON.parse(await readFile(target, 'utf8')).profiles).toHaveLength(1);
  });
});
