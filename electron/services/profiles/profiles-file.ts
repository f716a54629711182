// Reading and writing profiles.json: { "version": 1, "profiles": [...] }.
import { readFile } from 'node:fs/promises';
import type { Profile } from '../../../shared/profiles/profile';
import { issueFields, profileSchema, profilesFileShellSchema } from './profile-schema';

/** The file name of the saved profiles, in the user-data folder. */
export const PROFILES_FILE_NAME = 'profiles.json';

/** The format version this app reads and writes. */
export const PROFILES_FILE_VERSION = 1;

/** An entry of profiles.json that was skipped: its position (0-based) and the fields that were wrong. */
export interface SkippedEntry {
  index: number;
  fields: string[];
}

/** What reading profiles.json found. */
export type ProfilesFileRead =
  | { kind: 'missing' }
  | { kind: 'unreadable'; code: string }
  | { kind: 'corrupt'; reason: 'not valid JSON' | 'not a profiles file' }
  | { kind: 'newer'; version: number }
  | { kind: 'ok'; profiles: Profile[]; skipped: SkippedEntry[] };

/** The errno code of a file-system error (EIO when it has none). */
export function errnoCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EIO';
}

/** Checks the parsed JSON of profiles.json: the outer shape, then each entry (invalid and duplicate-id entries are skipped). */
export function parseProfilesJson(json: unknown): ProfilesFileRead {
  const shell = profilesFileShellSchema.safeParse(json);
  if (!shell.success) return { kind: 'corrupt', reason: 'not a profiles file' };
  if (shell.data.version > PROFILES_FILE_VERSION) return { kind: 'newer', version: shell.data.version };
  if (shell.data.version !== PROFILES_FILE_VERSION) return { kind: 'corrupt', reason: 'not a profiles file' };
  const profiles: Profile[] = [];
  const skipped: SkippedEntry[] = [];
  const ids = new Set<string>();
  shell.data.profiles.forEach((entry, index) => {
    const parsed = profileSchema.safeParse(entry);
    if (!parsed.success) skipped.push({ index, fields: issueFields(parsed.error) });
    else if (ids.has(parsed.data.id)) skipped.push({ index, fields: ['id (a duplicate)'] });
    else {
      ids.add(parsed.data.id);
      profiles.push(parsed.data);
    }
  });
  return { kind: 'ok', profiles, skipped };
}

/** Reads and checks profiles.json; never throws (a missing file, an unreadable one and a corrupt one are outcomes). */
export async function readProfilesFile(path: string): Promise<ProfilesFileRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = errnoCode(error);
    return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', code };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'corrupt', reason: 'not valid JSON' };
  }
  return parseProfilesJson(json);
}

/** The text written to profiles.json. */
export function serializeProfiles(profiles: readonly Profile[]): string {
  return `${JSON.stringify({ version: PROFILES_FILE_VERSION, profiles }, null, 2)}\n`;
}
