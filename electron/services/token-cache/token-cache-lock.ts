// One exchange for many callers: while a process gets a profile a new token, it holds an OS-level lock of its own for that
// profile (proper-lockfile, as profiles.json does: an atomic mkdir, refreshed while held), so the others wait and then
// find the token it cached. A process killed while holding it leaves a lock that goes stale within seconds.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { WorkbenchError } from '../../../shared/errors/workbench-error';

/** A lock not refreshed for this long belongs to a process that died (proper-lockfile refreshes it every second). */
export const TOKEN_LOCK_STALE_MS = 3_000;

// The errno code of a file-system error (profiles-file.ts has the same, but importing it would load the zod schema).
const errnoCode = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EIO';
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The lock of a profile, in the user-data folder beside profiles.json.lock: named by a hash of its id, so no id from
 * profiles.json can name a path. Like every proper-lockfile lock it exists only while held.
 */
export function tokenLockPath(userDataDir: string, profileId: string): string {
  const name = createHash('sha256').update(profileId, 'utf8').digest('hex').slice(0, 32);
  return join(userDataDir, `token-${name}.lock`);
}

function lockedError(): WorkbenchError {
  return new WorkbenchError(
    'ERR_TOKEN_CACHE_LOCKED',
    'Another mctoken process has been getting this profile a token for too long: try again in a moment, or use --no-cache.',
  );
}

/**
 * Runs `work` holding the profile's token lock, waiting (10 ms growing to 200 ms apart) up to `waitMs` while another process
 * holds it: ERR_TOKEN_CACHE_LOCKED after that, ERR_CANCELLED once `signal` aborts (Ctrl-C while waiting); ERR_PROFILES_IO
 * when the lock cannot be written at all.
 */
export async function withTokenLock<T>(
  userDataDir: string,
  profileId: string,
  { waitMs, signal }: { waitMs: number; signal?: AbortSignal | undefined },
  work: () => Promise<T>,
): Promise<T> {
  const path = tokenLockPath(userDataDir, profileId);
  const ioError = (error: unknown): WorkbenchError =>
    new WorkbenchError(
      'ERR_PROFILES_IO',
      `Cannot write the token lock in ${userDataDir} (${errnoCode(error)}): check that the folder is writable, or use --no-cache.`,
    );
  await mkdir(userDataDir, { recursive: true }).catch((error: unknown) => {
    throw ioError(error);
  });
  const deadline = Date.now() + waitMs;
  let release: (() => Promise<void>) | undefined;
  for (let pause = 10; release === undefined; pause = Math.min(200, Math.round(pause * 1.5))) {
    try {
      release = await lock(path, {
        realpath: false,
        lockfilePath: path,
        stale: TOKEN_LOCK_STALE_MS,
        update: 1_000,
        // A late refresh is no reason to crash: the work under the lock re-reads the cache, and a second exchange is harmless.
        onCompromised: () => undefined,
      });
    } catch (error) {
      if (errnoCode(error) !== 'ELOCKED') throw ioError(error);
      if (signal?.aborted === true)
        throw new WorkbenchError('ERR_CANCELLED', 'Cancelled while another process was getting this profile a token.');
      if (Date.now() >= deadline) throw lockedError();
      await sleep(pause);
    }
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
