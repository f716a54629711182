// The saved profiles: profiles.json in the user-data folder, checked with zod on read, written atomically, one write at a time.
// Nothing read is ever dropped: a corrupt file stops every write until the user restores, repairs or resets it, and entries
// this version cannot read are written back as they were.
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isWorkbenchError } from '../../../shared/errors/workbench-error';
import type { ForeignProfileEntry, ProfilesListing } from '../../../shared/ipc/ipc-contract';
import type { Profile } from '../../../shared/profiles/profile';
import { writeFileAtomic } from './atomic-write-file';
import { issueFields, profileSchema } from './profile-schema';
import {
  profileShapeError,
  profilesCorruptError,
  profilesMoveError,
  profilesNewerError,
  profilesNotCorruptError,
  profilesReadError,
  profilesWriteError,
} from './profile-store-errors';
import {
  documentText,
  errnoCode,
  nextDocument,
  PROFILES_FILE_NAME,
  readProfilesFile,
  recordedEntries,
  writeTarget,
  type ProfilesDocument,
  type RecordedEntry,
} from './profiles-file';
import { createSerialQueue } from './serial-queue';

/** The file as read once, and the writes based on that reading (the caller holds the profiles lock meanwhile). */
export interface ProfilesSnapshot {
  profiles: Profile[];
  /** The entries kept without being read (saved by a newer version, or invalid): read-only. */
  foreign: ForeignProfileEntry[];
  /** The keychain entries this folder recorded writing. */
  recorded: RecordedEntry[];
  /** Adds the profile, or replaces the one with the same id, keeping every other entry as read. ERR_PROFILE_INVALID, ERR_PROFILES_IO. */
  put(profile: Profile): Promise<Profile>;
  /** Removes the profile with this id (and `forget`'s accounts from the record); false when there was none. ERR_PROFILES_IO. */
  remove(id: string, forget?: readonly string[]): Promise<boolean>;
  /** Records keychain entries about to be written (the file is written only when one is new). ERR_PROFILES_IO. */
  record(entries: readonly RecordedEntry[]): Promise<void>;
  /** Drops accounts from the record. ERR_PROFILES_IO. */
  forget(accounts: readonly string[]): Promise<void>;
}

/** The saved profiles (never key material: secrets live in the OS keychain). */
export interface ProfileStore {
  /** The path of profiles.json. */
  readonly path: string;
  /** Every readable profile, the entries kept unread, and the problem met reading the file (corrupt, unreadable, newer). */
  list(): Promise<Omit<ProfilesListing, 'keychain'>>;
  /** Reads the file once for a change; throws ERR_PROFILES_CORRUPT or ERR_PROFILES_IO when it must not be written. */
  open(): Promise<ProfilesSnapshot>;
  /** The profile with this id, or null. Throws ERR_PROFILES_IO / ERR_PROFILES_CORRUPT when the file cannot be read. */
  get(id: string): Promise<Profile | null>;
  /** {@link ProfilesSnapshot.put} on a fresh read. */
  put(profile: Profile): Promise<Profile>;
  /** {@link ProfilesSnapshot.remove} on a fresh read. */
  remove(id: string): Promise<boolean>;
  /** Moves a corrupt profiles.json aside to `profiles.json.corrupt-<timestamp>` and returns that path; refuses any other file. */
  reset(): Promise<string>;
}

/** Options of {@link createProfileStore}. */
export interface ProfileStoreOptions {
  /** The user-data folder (created on first save). */
  dir: string;
  /** The clock used to name moved-aside files. */
  now?: () => Date;
}

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
 * Creates the profile store on `<dir>/profiles.json`. A corrupt file is reported (ERR_PROFILES_CORRUPT) and left in place, and
 * every write refuses until it is repaired or reset; an entry this version cannot read is listed as foreign and written back
 * verbatim; an unreadable file or one from a newer format is ERR_PROFILES_IO and never overwritten. A symlinked profiles.json
 * is followed: reads and writes go to the file it points to, and the link stays. Operations run in one queue.
 */
export function createProfileStore(options: ProfileStoreOptions): ProfileStore {
  const path = join(options.dir, PROFILES_FILE_NAME);
  const now = options.now ?? (() => new Date());
  const queue = createSerialQueue();

  /** The document as read, or the error that forbids writing it. */
  async function load(): Promise<ProfilesDocument | null> {
    const read = await readProfilesFile(path);
    switch (read.kind) {
      case 'missing':
        return null;
      case 'unreadable':
        throw profilesReadError(path, read.code);
      case 'newer':
        throw profilesNewerError(path, read.version);
      case 'corrupt':
        throw profilesCorruptError(path, read.reason);
      case 'ok':
        return read.document;
    }
  }

  /** A snapshot of the document read (null: there was no file, nor a link in its place). */
  function snapshotOf(read: ProfilesDocument | null): ProfilesSnapshot {
    const initial = read ?? { shell: {}, entries: [] };
    let document = initial;
    // Where a symlinked profiles.json points is looked up once, at the first write (under the lock, it cannot change).
    let target: Promise<string> | undefined = read === null ? Promise.resolve(path) : undefined;
    const profiles = () => document.entries.flatMap((entry) => (entry.kind === 'profile' ? [entry.profile] : []));
    async function write(next: Profile[], record = recordedEntries(document)): Promise<void> {
      const written = nextDocument(next, document, record);
      try {
        target ??= writeTarget(path);
        await writeFileAtomic(await target, documentText(written));
      } catch (error) {
        target = undefined;
        throw profilesWriteError(path, errnoCode(error));
      }
      // What was just written is the new reading: later writes of this snapshot build on it, never reading or parsing the file.
      document = written;
    }
    return {
      get profiles() {
        return profiles();
      },
      foreign: initial.entries.flatMap((entry) => (entry.kind === 'foreign' ? [entry.info] : [])),
      async put(profile: Profile): Promise<Profile> {
        const checked = profileSchema.safeParse(profile);
        if (!checked.success) throw profileShapeError(issueFields(checked.error));
        const valid = checked.data;
        const current = profiles();
        const index = current.findIndex((existing) => existing.id === valid.id);
        await write(index === -1 ? [...current, valid] : current.map((existing, i) => (i === index ? valid : existing)));
        return valid;
      },
      get recorded() {
        return recordedEntries(document);
      },
      async remove(id: string, forget: readonly string[] = []): Promise<boolean> {
        const current = profiles();
        const next = current.filter((profile) => profile.id !== id);
        if (next.length === current.length) return false;
        await write(
          next,
          recordedEntries(document).filter((entry) => !forget.includes(entry.account)),
        );
        return true;
      },
      async record(entries: readonly RecordedEntry[]): Promise<void> {
        const known = recordedEntries(document);
        const fresh = entries.filter((entry) => !known.some((item) => item.account === entry.account));
        if (fresh.length > 0) await write(profiles(), [...known, ...fresh]);
      },
      async forget(accounts: readonly string[]): Promise<void> {
        const known = recordedEntries(document);
        const kept = known.filter((entry) => !accounts.includes(entry.account));
        if (kept.length === known.length) return;
        // A file this snapshot created only to record an entry that was then never written goes again: the folder is as it was.
        if (read === null && kept.length === 0 && document.entries.length === 0) await rm(path, { force: true });
        else await write(profiles(), kept);
      },
    };
  }

  async function asidePath(): Promise<string> {
    const base = `${path}.corrupt-${fileTimestamp(now())}`;
    let candidate = base;
    for (let n = 1; await exists(candidate); n += 1) candidate = `${base}-${n}`;
    return candidate;
  }

  const open = async () => snapshotOf(await load());

  return {
    path,

    list: () =>
      queue.run(async () => {
        try {
          const snapshot = await open();
          return { profiles: snapshot.profiles, problems: [], foreign: snapshot.foreign };
        } catch (error) {
          if (!isWorkbenchError(error)) throw error;
          return { profiles: [], problems: [error.toPayload()], foreign: [] };
        }
      }),

    open: () => queue.run(open),

    get: (id: string) => queue.run(async () => (await open()).profiles.find((profile) => profile.id === id) ?? null),

    put: (profile: Profile) => queue.run(async () => (await open()).put(profile)),

    remove: (id: string) => queue.run(async () => (await open()).remove(id)),

    reset: () =>
      queue.run(async () => {
        const read = await readProfilesFile(path);
        if (read.kind !== 'corrupt') {
          if (read.kind === 'unreadable') throw profilesReadError(path, read.code);
          throw profilesNotCorruptError(path);
        }
        const target = await asidePath();
        try {
          await rename(path, target);
        } catch (error) {
          throw profilesMoveError(path, errnoCode(error));
        }
        return target;
      }),
  };
}
