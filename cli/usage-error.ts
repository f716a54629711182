import { WorkbenchError } from '../shared/errors/workbench-error';
import type { ErrorCode } from '../shared/errors/error-codes';

/** A WorkbenchError caused by how the command was called: `mctoken` exits with status 2 for it. */
export class UsageError extends WorkbenchError {
  constructor(message: string, options: { code?: ErrorCode; hint?: string } = {}) {
    super(options.code ?? 'ERR_USAGE', message, options.hint === undefined ? {} : { hint: options.hint });
  }
}
