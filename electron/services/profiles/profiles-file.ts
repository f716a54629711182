// Reading and writing profiles.json: { "version": 1, "profiles": [...] }. What this version cannot read is kept as it is: an
// entry it cannot check (a newer version's value, a missing field) is carried over verbatim on every write, and so are the
// fields it does not know of readable entries and of the file itself (forward compatibility: nothing saved is ever lost).
import { lstat, readFile, realpath } from 'node:fs/promises';
import type { ForeignProfileEntry } from '../../../shared/ipc/ipc-contract';
import type { Profile } from '../../../shared/profiles/profile';
import { issueFields, profileSchema, profilesFileShellSchema } from './profile-schema';

/** The file name of the saved profiles, in the user-data folder. */
export const PROFILES_FILE_NAME = 'profiles.json';

/** The format version this app reads and writes. */
export const PROFILES_FILE_VERSION = 1;

type JsonObject = Record<string, unknown>;

/** A keychain entry this folder wrote, recorded in the file before writing it: the only entries `profiles prune` may remove. */
export interface RecordedEntry {
  account: string;
  profileId: string;
}

/** The file's top-level field holding the {@link RecordedEntry} list. */
const RECORD_FIELD = 'keychainEntries';

/** One entry of the file as read: a profile this version understands, or one it keeps without reading (`foreign`). */
export type FileEntry =
  { kind: 'profile'; profile: Profile; raw: JsonObject } | { kind: 'foreign'; raw: unknown; info: ForeignProfileEntry };

/** The file as read: its entries in order and the file's own object (its unknown top-level fields are kept too). */
export interface ProfilesDocument {
  shell: JsonObject;
  entries: FileEntry[];
}

/** What reading profiles.json found. */
export type ProfilesFileRead =
  | { kind: 'missing' }
  | { kind: 'unreadable'; code: string }
  | { kind: 'corrupt'; reason: 'not valid JSON' | 'not a profiles file' }
  | { kind: 'newer'; version: number }
  | { kind: 'ok'; document: ProfilesDocument };

/** The errno code of a file-system error (EIO when it has none). */
export function errnoCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EIO';
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** What can be shown of an entry this version cannot read (names of fields, never their values). */
function foreignInfo(raw: unknown, index: number, fields: string[]): ForeignProfileEntry {
  const object = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as JsonObject) : {};
  return { index, id: textOrNull(object.id), name: textOrNull(object.name), product: textOrNull(object.product), fields };
}

/** Checks the parsed JSON of profiles.json: the outer shape, then each entry (invalid and duplicate-id entries are kept as foreign). */
export function parseProfilesJson(json: unknown): ProfilesFileRead {
  const shell = profilesFileShellSchema.safeParse(json);
  if (!shell.success) return { kind: 'corrupt', reason: 'not a profiles file' };
  if (shell.data.version > PROFILES_FILE_VERSION) return { kind: 'newer', version: shell.data.version };
  if (shell.data.version !== PROFILES_FILE_VERSION) return { kind: 'corrupt', reason: 'not a profiles file' };
  const ids = new Set<string>();
  const entries = shell.data.profiles.map((raw, index): FileEntry => {
    const parsed = profileSchema.safeParse(raw);
    if (!parsed.success) return { kind: 'foreign', raw, info: foreignInfo(raw, index, issueFields(parsed.error)) };
    if (ids.has(parsed.data.id)) return { kind: 'foreign', raw, info: foreignInfo(raw, index, ['id (a duplicate)']) };
    ids.add(parsed.data.id);
    return { kind: 'profile', profile: parsed.data, raw: raw as JsonObject };
  });
  return { kind: 'ok', document: { shell: json as JsonObject, entries } };
}

/**
 * Reads and checks profiles.json; never throws (a missing file, an unreadable one and a corrupt one are outcomes). A symlinked
 * profiles.json is followed (a user who keeps it elsewhere, e.g. in a synced folder, keeps it there): `target` says where.
 */
export async function readProfilesFile(path: string): Promise<ProfilesFileRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = errnoCode(error);
    return code === 'ENOENT' && !(await isLink(path)) ? { kind: 'missing' } : { kind: 'unreadable', code };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'corrupt', reason: 'not valid JSON' };
  }
  return parseProfilesJson(json);
}

async function isLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The file to write: profiles.json itself, or the file its symlink points to (so the link is kept, never replaced). */
export async function writeTarget(path: string): Promise<string> {
  return (await isLink(path)) ? realpath(path) : path;
}

/** The keychain entries the document records as written by this folder (a malformed record counts as none: prune finds less). */
export function recordedEntries(document: ProfilesDocument): RecordedEntry[] {
  const record = document.shell[RECORD_FIELD];
  if (!Array.isArray(record)) return [];
  return record.filter(
    (item): item is RecordedEntry =>
      typeof item === 'object' && item !== null && typeof item.account === 'string' && typeof item.profileId === 'string',
  );
}

/**
 * The document holding `profiles` (valid ones) instead of the profiles read: in the order of the entries read (new ones
 * last), each over its own raw entry so fields this version does not know survive; foreign entries verbatim where they
 * were; the file's own other fields kept. It is what reading its text back would give, so a writer keeps it as its reading.
 */
export function nextDocument(
  profiles: readonly Profile[],
  read: ProfilesDocument = { shell: {}, entries: [] },
  record: readonly RecordedEntry[] = recordedEntries(read),
): ProfilesDocument {
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  const entries: FileEntry[] = [];
  for (const entry of read.entries) {
    if (entry.kind === 'foreign') entries.push(entry);
    else {
      const next = byId.get(entry.profile.id);
      byId.delete(entry.profile.id);
      if (next !== undefined) entries.push({ kind: 'profile', profile: next, raw: { ...entry.raw, ...next } });
    }
  }
  for (const profile of byId.values()) entries.push({ kind: 'profile', profile, raw: { ...profile } });
  const shell: JsonObject = { ...read.shell };
  delete shell[RECORD_FIELD];
  if (record.length > 0) shell[RECORD_FIELD] = record;
  return { shell: { ...shell, version: PROFILES_FILE_VERSION, profiles: entries.map((entry) => entry.raw) }, entries };
}

/** The text written to profiles.json for a document made by {@link nextDocument}. */
export const documentText = (document: ProfilesDocument): string => `${JSON.stringify(document.shell, null, 2)}\n`;
