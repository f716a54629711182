import { WorkbenchError } from '../shared/errors/workbench-error';
import { UsageError } from './usage-error';

/**
 * Runs a check of a value given on the command line (a URL, a client id); a WorkbenchError it throws becomes a UsageError
 * (exit 2) with the same code, message and hint. Used so bad input is refused before any file is read or connection made.
 */
export function usageCheck<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof WorkbenchError)) throw error;
    throw new UsageError(error.message, error.hint === undefined ? { code: error.code } : { code: error.code, hint: error.hint });
  }
}
