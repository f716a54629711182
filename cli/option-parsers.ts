// Commander argument parsers for the options several commands share (--timeout-ms, --min-valid): one rule each, so a
// command never imports another command's module for them.
import { InvalidArgumentError } from 'commander';
import { TIMEOUT_LIMITS } from '../shared/exchange/timeout-limits';
import type { Region } from '../shared/intelligence/regions';

/** Largest --min-valid accepted: a day (no Marketing Cloud token lives that long). */
export const MAX_MIN_VALID_SECONDS = 86_400;

const wholeNumber = (value: string): number => (/^\d+$/.test(value) ? Number(value) : Number.NaN);

/** --min-valid: a whole number of seconds from 0 to {@link MAX_MIN_VALID_SECONDS}. */
export function parseMinValid(value: string): number {
  const parsed = wholeNumber(value);
  if (!Number.isSafeInteger(parsed) || parsed > MAX_MIN_VALID_SECONDS) {
    throw new InvalidArgumentError(`It must be a whole number of seconds from 0 to ${MAX_MIN_VALID_SECONDS}.`);
  }
  return parsed;
}

/** --timeout-ms: a whole number of milliseconds in the CLI's range of the one timeout limits module. */
export function parseTimeoutMs(value: string): number {
  const { min, max } = TIMEOUT_LIMITS.cli;
  const parsed = wholeNumber(value);
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new InvalidArgumentError(`It must be a whole number of milliseconds from ${min} to ${max}.`);
  }
  return parsed;
}

/** The --timeout-ms help text, with the default from the limits module. */
export const TIMEOUT_HELP = `give up on a network step after this many milliseconds (default ${TIMEOUT_LIMITS.default})`;

/** The Intelligence credential options `mctoken token` and `mctoken profiles save` share, as commander parses them. */
export interface IntelligenceOptions {
  clientId?: string;
  region?: Region;
  discoveryUrl?: string;
  keyFile?: string;
  serviceAccountFile?: string;
  passphraseEnv?: string;
  queryStyle?: boolean;
}
