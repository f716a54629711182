// The ERR_PROFILES_IO / ERR_PROFILES_CORRUPT / ERR_PROFILE_READ_ONLY errors of the profile store: one place for their wording.
import { WorkbenchError } from '../../../shared/errors/workbench-error';

/** ERR_PROFILES_IO: profiles.json could not be read; nothing was moved or overwritten. */
export function profilesReadError(file: string, code: string): WorkbenchError {
  return new WorkbenchError('ERR_PROFILES_IO', `Could not read ${file} (${code}): make sure it is a readable file; nothing was changed.`);
}

/** ERR_PROFILES_IO: profiles.json could not be written; the saved profiles are unchanged. */
export function profilesWriteError(file: string, code: string): WorkbenchError {
  return new WorkbenchError(
    'ERR_PROFILES_IO',
    `Could not save ${file} (${code}): make sure its folder exists and is writable; the saved profiles are unchanged.`,
  );
}

/** ERR_PROFILES_IO: profiles.json comes from a newer version of the app; it is left alone. */
export function profilesNewerError(file: string, version: number): WorkbenchError {
  return new WorkbenchError(
    'ERR_PROFILES_IO',
    `${file} was written by a newer MC Token Workbench (format ${version}): update the app to use these profiles; nothing was changed.`,
  );
}

/** What to do about a corrupt profiles.json: restore, repair, or start over keeping a copy (the keychain is never touched). */
const CORRUPT_NEXT_STEP =
  'restore it from a backup, repair it by hand, or start over with "mctoken profiles reset --keep-copy" (which moves it aside); nothing is saved until then, and no secret is removed from the OS keychain';

/** ERR_PROFILES_CORRUPT: profiles.json is not valid JSON or not a profiles file; it is left where it is and nothing is written. */
export function profilesCorruptError(file: string, reason: string): WorkbenchError {
  return new WorkbenchError('ERR_PROFILES_CORRUPT', `The saved profiles file ${file} is ${reason}: ${CORRUPT_NEXT_STEP}.`);
}

/** ERR_PROFILES_IO: `profiles reset` could not move the file aside; it is left in place. */
export function profilesMoveError(file: string, code: string): WorkbenchError {
  return new WorkbenchError('ERR_PROFILES_IO', `Could not move ${file} aside (${code}): move it yourself, then try again.`);
}

/** ERR_PROFILES_IO: `profiles reset` on a file that reads fine: nothing to start over from. */
export function profilesNotCorruptError(file: string): WorkbenchError {
  return new WorkbenchError(
    'ERR_PROFILES_IO',
    `${file} is not corrupt: nothing was reset. Delete profiles one by one with "mctoken profiles delete NAME".`,
  );
}

/** ERR_PROFILE_READ_ONLY: the entry was saved by a newer version (or this version cannot read it): it is kept, never changed. */
export function profileReadOnlyError(name: string | null): WorkbenchError {
  const which = name === null ? 'This profile' : `Profile "${name}"`;
  return new WorkbenchError(
    'ERR_PROFILE_READ_ONLY',
    `${which} was saved by a newer version of MC Token Workbench (or has fields this version cannot read): it is kept as it is and cannot be used or changed here. Use the newer version to use, edit, rename or delete it, or save a new profile under another name.`,
  );
}

/** ERR_PROFILE_INVALID: the store was asked to save a profile that does not have the profile shape (a bug in the caller). */
export function profileShapeError(fields: readonly string[]): WorkbenchError {
  return new WorkbenchError(
    'ERR_PROFILE_INVALID',
    `The profile could not be saved: invalid ${fields.join(', ')}. Check the form and try again.`,
  );
}
