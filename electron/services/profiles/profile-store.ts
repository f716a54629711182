// The saved profiles: profiles.json in the user-data folder, checked with zod on read, written atomically, one write at a time.
import { copyFile, constants as fsConstants, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ErrorPayload, WorkbenchError } from '../../../shared/errors/workbench-error';
import type { ProfilesListing } from '../../../shared/ipc/ipc-contract';
import type { Profile } from '../../../shared/profiles/profile';
import { writeFileAtomic } from './atomic-write-file';
import { issueFields, profileSchema } from './profile-schema';
import {
  profileShapeError,
  profileSkippedError,
  profilesCorruptError,
  profilesMoveError,
  profilesNewerError,
  profilesReadError,
  profilesWriteError,
} from './profile-store-errors';
import { errnoCode, PROFILES_FILE_NAME, readProfilesFile, serializeProfiles } from './profiles-file';
import { createSerialQueue } from './serial-queue';

/** The saved profiles (never key material: secrets live in the OS keychain). */
export interface ProfileStore {
  /** The path of profiles.json. */
  readonly path: string;
  /** Every valid profile, plus the problems met reading them (a corrupt file moved aside, an invalid entry skipped, an IO error). */
  list(): Promise<ProfilesListing>;
  /** The profile with this id, or null. Throws ERR_PROFILES_IO when the file cannot be read. */
  get(id: string): Promise<Profile | null>;
  /** Adds the profile, or replaces the one with the same id. Throws ERR_PROFILE_INVALID, ERR_PROFILES_IO. */
  put(profile: Profile): Promise<Profile>;
  /** Removes the profile with this id; false when there was none. Throws ERR_PROFILES_IO. */
  remove(id: string): Promise<boolean>;
}

/** Options of {@link createProfileStore}. */
export interface ProfileStoreOptions {
  /** The user-data folder (created on first save). */
  dir: string;
  /** The clock used to name moved-aside files. */
  now?: () => Date;
}

type Loaded = { ok: true; profiles: Profile[]; problems: ErrorPayload[]; skippedSome: boolean } | { ok: false; error: WorkbenchError };

/** A file-name-safe timestamp, e.g. 2025-01-31T09-30-00-000Z. */
function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates the profile store on `<dir>/profiles.json`. A corrupt file is moved aside to `profiles.json.corrupt-<timestamp>` and
 * reported (ERR_PROFILES_CORRUPT) while the store carries on empty; an invalid entry is skipped and reported, the others kept
 * (the next save keeps a copy of the old file); an unreadable file is ERR_PROFILES_IO and is never moved or overwritten.
 * Every operation runs in one queue, so concurrent saves never lose one another.
 */
export function createProfileStore(options: ProfileStoreOptions): ProfileStore {
  const path = join(options.dir, PROFILES_FILE_NAME);
  const now = options.now ?? (() => new Date());
  const queue = createSerialQueue();
  /** Problems that outlive the read that met them (a corrupt file moved aside): reported by every later listing. */
  const lasting: ErrorPayload[] = [];

  async function asidePath(): Promise<string> {
    const base = `${path}.corrupt-${fileTimestamp(now())}`;
    let candidate = base;
    for (let n = 1; await exists(candidate); n += 1) candidate = `${base}-${n}`;
    return candidate;
  }

  async function load(): Promise<Loaded> {
    const read = await readProfilesFile(path);
    switch (read.kind) {
      case 'missing':
        return { ok: true, profiles: [], problems: [], skippedSome: false };
      case 'unreadable':
        return { ok: false, error: profilesReadError(path, read.code) };
      case 'newer':
        return { ok: false, error: profilesNewerError(path, read.version) };
      case 'corrupt': {
        const target = await asidePath();
        try {
          await rename(path, target);
        } catch (error) {
          return { ok: false, error: profilesMoveError(path, errnoCode(error)) };
        }
        lasting.push(profilesCorruptError(read.reason, target).toPayload());
        return { ok: true, profiles: [], problems: [], skippedSome: false };
      }
      case 'ok':
        return {
          ok: true,
          profiles: read.profiles,
          problems: read.skipped.map((entry) => profileSkippedError(entry.index, entry.fields).toPayload()),
          skippedSome: read.skipped.length > 0,
        };
    }
  }

  async function loadOrThrow(): Promise<Extract<Loaded, { ok: true }>> {
    const loaded = await load();
    if (!loaded.ok) throw loaded.error;
    return loaded;
  }

  async function write(profiles: Profile[], keepCopy: boolean): Promise<void> {
    try {
      if (keepCopy) await copyFile(path, await asidePath(), fsConstants.COPYFILE_EXCL);
      await writeFileAtomic(path, serializeProfiles(profiles));
    } catch (error) {
      throw profilesWriteError(path, errnoCode(error));
    }
  }

  return {
    path,

    list: () =>
      queue.run(async () => {
        const loaded = await load();
        if (!loaded.ok) return { profiles: [], problems: [...lasting, loaded.error.toPayload()], keychain: {}, foreign: [] };
        return { profiles: loaded.profiles, problems: [...lasting, ...loaded.problems], keychain: {}, foreign: [] };
      }),

    get: (id: string) =>
      queue.run(async () => {
        const { profiles } = await loadOrThrow();
        return profiles.find((profile) => profile.id === id) ?? null;
      }),

    put(profile: Profile): Promise<Profile> {
      const checked = profileSchema.safeParse(profile);
      if (!checked.success) return Promise.reject(profileShapeError(issueFields(checked.error)));
      const valid = checked.data;
      return queue.run(async () => {
        const { profiles, skippedSome } = await loadOrThrow();
        const index = profiles.findIndex((existing) => existing.id === valid.id);
        const next = index === -1 ? [...profiles, valid] : profiles.map((existing, i) => (i === index ? valid : existing));
        await write(next, skippedSome);
        return valid;
      });
    },

    remove: (id: string) =>
      queue.run(async () => {
        const { profiles, skippedSome } = await loadOrThrow();
        const next = profiles.filter((profile) => profile.id !== id);
        if (next.length === profiles.length) return false;
        await write(next, skippedSome);
        return true;
      }),
  };
}
