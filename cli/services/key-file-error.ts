import { WorkbenchError } from '../../shared/errors/workbench-error';
import type { ErrorPayload } from '../../shared/errors/workbench-error';

/**
 * Restates a key error (ERR_KEY_*) so it names the key file; an encrypted key read without a passphrase gets the CLI's own advice.
 * Other errors are returned as they are. Never includes the key.
 */
export function keyFileError(error: ErrorPayload, path: string, passphraseGiven: boolean): WorkbenchError {
  if (error.code === 'ERR_KEY_ENCRYPTED' && !passphraseGiven) {
    return new WorkbenchError('ERR_KEY_ENCRYPTED', `The key in ${path} is encrypted and needs its passphrase: put it in an environment variable and pass --passphrase-env VAR.`);
  }
  const message = error.code.startsWith('ERR_KEY_') ? `key file ${path}: ${error.message}` : error.message;
  return new WorkbenchError(error.code, message, error.hint === undefined ? {} : { hint: error.hint });
}
