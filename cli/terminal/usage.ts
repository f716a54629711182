// Wrong use of the command line: the error `mctoken` exits with status 2 for, and the checks of values given as options.
import type { ErrorCode } from '../../shared/errors/error-codes';
import { WorkbenchError } from '../../shared/errors/workbench-error';
import { checkEndpointUrl } from '../../shared/exchange/endpoint-url';

/** A WorkbenchError caused by how the command was called: `mctoken` exits with status 2 for it. */
export class UsageError extends WorkbenchError {
  constructor(message: string, options: { code?: ErrorCode; hint?: string } = {}) {
    super(options.code ?? 'ERR_USAGE', message, options.hint === undefined ? {} : { hint: options.hint });
  }
}

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

/** The --discovery-url value, checked before any connection (https, or http for loopback only); a bad one is a usage error (exit 2). */
export function discoveryUrlOption(url: string): string {
  return usageCheck(() => checkEndpointUrl(url, 'discovery URL').href);
}

/** The value of an environment variable named on the command line; unset or empty is a usage error naming the option. */
export function readEnv(env: NodeJS.ProcessEnv, name: string, option: string): string {
  const value = env[name];
  if (value === undefined) throw new UsageError(`${option} names the environment variable ${name}, which is not set: export it first.`);
  if (value === '') throw new UsageError(`${option} names the environment variable ${name}, which is empty: put the value in it first.`);
  return value;
}
