// The cross-process lock's failures name the lock itself, so the user knows what to delete.
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withProfilesLock } from './profiles-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mctw-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('profiles lock', () => {
  it('names a plain file left where the lock folder goes, fresh or old, and runs nothing', async () => {
    const profiles = join(dir, 'profiles.json');
    const lock = `${profiles}.lock`;
    await writeFile(lock, 'left behind');
    const error = {
      code: 'ERR_PROFILES_LOCKED',
      message: `${lock} is a file, not the lock folder MC Token Workbench makes, so the saved profiles cannot be changed safely: delete ${lock} and try again.`,
    };
    let ran = false;
    const work = async () => {
      ran = true;
    };
    await expect(withProfilesLock(profiles, work)).rejects.toMatchObject(error);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lock, longAgo, longAgo);
    await expect(withProfilesLock(profiles, work)).rejects.toMatchObject(error);
    expect(ran).toBe(false);
  });

  it('takes and releases the lock around the work', async () => {
    const profiles = join(dir, 'profiles.json');
    await expect(withProfilesLock(profiles, async () => 'done')).resolves.toBe('done');
    await expect(withProfilesLock(profiles, async () => 'again')).resolves.toBe('again');
  });
});
