// One writer at a time across processes: the app and any number of `mctoken profiles save` share profiles.json and the
// keychain, so every read-modify-write of them holds an OS-level lock (proper-lockfile: an atomic mkdir, kept fresh while
// held, taken over when its holder died and it went stale).
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { lock } from 'proper-lockfile';
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { errnoCode } from './profiles-file';

/** A lock not refreshed for this long belongs to a process that died: it is taken over. */
export const LOCK_STALE_MS = 10_000;

/** How long to wait for another writer before giving up with ERR_PROFILES_LOCKED. */
const LOCK_WAIT_MS = 20_000;

/** The lock: a folder beside profiles.json. */
export const lockPath = (profilesPath: string): string => `${profilesPath}.lock`;

/** The clock the wait for the lock runs on: real time, or a test's (so the 20 s wait is tested without waiting 20 s). */
export interface LockClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: LockClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A plain file where the lock folder goes (left by hand or another tool): named, since no wait would ever take it. */
async function plainFileInPlace(profilesPath: string): Promise<WorkbenchError | null> {
  const path = lockPath(profilesPath);
  const found = await stat(path).catch(() => null);
  if (found === null || found.isDirectory()) return null;
  return new WorkbenchError(
    'ERR_PROFILES_LOCKED',
    `${path} is a file, not the lock folder MC Token Workbench makes, so the saved profiles cannot be changed safely: delete ${path} and try again.`,
  );
}

/** Why the lock could not be taken, naming it. */
async function lockFailure(profilesPath: string, error: unknown): Promise<WorkbenchError> {
  return (
    (await plainFileInPlace(profilesPath)) ??
    new WorkbenchError(
      'ERR_PROFILES_IO',
      `Could not take the lock ${lockPath(profilesPath)} (${errnoCode(error)}): make sure its folder exists and is writable; the saved profiles are unchanged.`,
    )
  );
}

/** Takes the lock, waiting (10 ms growing to 250 ms apart) only while another process holds it; other failures are IO errors at once. */
async function acquire(profilesPath: string, clock: LockClock): Promise<() => Promise<void>> {
  const deadline = clock.now() + LOCK_WAIT_MS;
  for (let pause = 10; ; pause = Math.min(250, Math.round(pause * 1.5))) {
    try {
      return await lock(profilesPath, {
        realpath: false,
        lockfilePath: lockPath(profilesPath),
        stale: LOCK_STALE_MS,
        // A lock refreshed late is not worth crashing over: the work under it is short and re-reads the file.
        onCompromised: () => undefined,
      });
    } catch (error) {
      if (errnoCode(error) !== 'ELOCKED') throw await lockFailure(profilesPath, error);
      // A fresh plain file reads as held until it goes stale (10 s): it is named at once instead.
      const plainFile = await plainFileInPlace(profilesPath);
      if (plainFile !== null) throw plainFile;
      if (clock.now() >= deadline) {
        throw new WorkbenchError(
          'ERR_PROFILES_LOCKED',
          `The saved profiles are being changed by another window or mctoken process: try again in a moment. If none is running, delete ${lockPath(profilesPath)}.`,
        );
      }
      await clock.sleep(pause);
    }
  }
}

/** Runs `work` while holding the lock on the profiles file at `profilesPath` (`<profilesPath>.lock`). */
export async function withProfilesLock<T>(profilesPath: string, work: () => Promise<T>, clock: LockClock = realClock): Promise<T> {
  await mkdir(dirname(profilesPath), { recursive: true });
  const release = await acquire(profilesPath, clock);
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
