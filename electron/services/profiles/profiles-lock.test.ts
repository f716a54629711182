// The cross-process lock: its failures name the lock itself, so the user knows what to delete, and a writer waits for
// another holder up to 20 s (on a test clock here: the pauses are counted, not slept).
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withProfilesLock, type LockClock } from './profiles-lock';

/** A clock whose sleeps pass at once, advancing its time; `onSleep` sees the time after each pause. */
function testClock(onSleep: (now: number) => Promise<void> = async () => undefined): LockClock & { pauses: number[] } {
  let now = 0;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => now,
    async sleep(ms) {
      pauses.push(ms);
      now += ms;
      await onSleep(now);
    },
  };
}

/** Holds the lock on `profiles` as another process would (proper-lockfile itself, refreshed while held). */
const holdLock = (profiles: string) => lock(profiles, { realpath: false, lockfilePath: `${profiles}.lock` });

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

  it('waits while another writer holds the lock, and runs the work once it is released (before the 20 s are up)', async () => {
    const profiles = join(dir, 'profiles.json');
    const release = await holdLock(profiles);
    let released = false;
    const clock = testClock(async (now) => {
      if (now >= 19_000 && !released) {
        released = true;
        await release();
      }
    });
    await expect(withProfilesLock(profiles, async () => 'saved', clock)).resolves.toBe('saved');
    expect(released).toBe(true);
    // 10 ms growing by half to 250 ms apart.
    expect(clock.pauses.slice(0, 9)).toEqual([10, 15, 23, 35, 53, 80, 120, 180, 250]);
  });

  it('gives up with ERR_PROFILES_LOCKED after 20 s of waiting for another writer, running nothing', async () => {
    const profiles = join(dir, 'profiles.json');
    const release = await holdLock(profiles);
    try {
      const clock = testClock();
      let ran = false;
      const work = async () => {
        ran = true;
      };
      await expect(withProfilesLock(profiles, work, clock)).rejects.toMatchObject({
        code: 'ERR_PROFILES_LOCKED',
        message: `The saved profiles are being changed by another window or mctoken process: try again in a moment. If none is running, delete ${profiles}.lock.`,
      });
      expect(ran).toBe(false);
      const waited = clock.now();
      expect(waited).toBeGreaterThanOrEqual(20_000);
      expect(waited - clock.pauses.at(-1)!).toBeLessThan(20_000);
    } finally {
      await release();
    }
  });

  it('takes and releases the lock around the work', async () => {
    const profiles = join(dir, 'profiles.json');
    await expect(withProfilesLock(profiles, async () => 'done')).resolves.toBe('done');
    await expect(withProfilesLock(profiles, async () => 'again')).resolves.toBe('again');
  });
});
