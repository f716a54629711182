// The ERR_PROFILES_IO / ERR_PROFILES_CORRUPT errors of the profile store: one place for their wording.
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

/** ERR_PROFILES_IO: a corrupt profiles.json could not be moved aside, so it is left in place and not overwritten. */
export function profilesMoveError(file: string, code: string): WorkbenchError {
  return new WorkbenchError(
    'ERR_PROFILES_IO',
    `${file} is corrupt and could not be moved aside (${code}): move or delete it yourself, then try again.`,
  );
}

/** ERR_PROFILES_CORRUPT: profiles.json was unreadable and was moved to `movedTo`; the app carries on with no profiles. */
export function profilesCorruptError(reason: string, movedTo: string): WorkbenchError {
  return new WorkbenchError(
    'ERR_PROFILES_CORRUPT',
    `The saved profiles file was ${reason} and was moved to ${movedTo}: starting with no profiles; save them again.`,
  );
}

/** ERR_PROFILES_CORRUPT: one entry of profiles.json was invalid and was skipped (its fields are named, never their values). */
export function profileSkippedError(index: number, fields: readonly string[]): WorkbenchError {
  return new WorkbenchError(
    'ERR_PROFILES_CORRUPT',
    `Saved profile #${index + 1} is invalid (${fields.join(', ')}) and was skipped: save it again. The next save keeps a copy of the old file.`,
  );
}

/** ERR_PROFILE_INVALID: the store was asked to save a profile that does not have the profile shape (a bug in the caller). */
export function profileShapeError(fields: readonly string[]): WorkbenchError {
  return new WorkbenchError(
    'ERR_PROFILE_INVALID',
    `The profile could not be saved: invalid ${fields.join(', ')}. Check the form and try again.`,
  );
}
