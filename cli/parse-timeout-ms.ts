import { InvalidArgumentError } from 'commander';

/** Largest --timeout-ms accepted: ten minutes. */
export const MAX_TIMEOUT_MS = 600_000;

/** Commander argument parser for --timeout-ms: a whole number of milliseconds from 1 to {@link MAX_TIMEOUT_MS}. */
export function parseTimeoutMs(value: string): number {
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < 1 || parsed > MAX_TIMEOUT_MS) {
    throw new InvalidArgumentError(`It must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}.`);
  }
  return parsed;
}
