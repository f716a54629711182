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
export const LOCK_WAIT_MS = 20_000;

/** The lock: a folder beside profiles.json. */
export const lockPath = (profilesPath: string): string => `${profilesPath}.lock`;

/** Why the lock could not be taken, naming it: a plain file in its place (left by hand or another tool) says so. */
async function lockFailure(profilesPath: string, error: unknown): Promise<WorkbenchError> {
  const path = lockPath(profilesPath);
  const found = await stat(path).catch(() => null);
  if (found !== null && !found.isDirectory())
    return new WorkbenchError(
      'ERR_PROFILES_LOCKED',
      `${path} is a file, not the lock folder MC Token Workbench makes, so the saved profiles cannot be changed safely: delete ${path} and try again.`,
    );
  return new WorkbenchError(
    'ERR_PROFILES_IO',
    `Could not take the lock ${path} (${errnoCode(error)}): make sure its folder exists and is writable; the saved profiles are unchanged.`,
  );
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the lock, waiting (10 ms growing to 250 ms apart) only while another process holds it; other failures are IO errors at once. */
async function acquire(profilesPath: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_WAIT_MS;
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
      if (Date.now() >= deadline) {
        throw new WorkbenchError(
          'ERR_PROFILES_LOCKED',
          `The saved profiles are being changed by another window or mctoken process: try again in a moment. If none is running, delete ${lockPath(profilesPath)}.`,
        );
      }
      await sleep(pause);
    }
  }
}

/** Runs `work` while holding the lock on the profiles file at `profilesPath` (`<profilesPath>.lock`). */
export async function withProfilesLock<T>(profilesPath: string, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(profilesPath), { recursive: true });
  const release = await acquire(profilesPath);
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
