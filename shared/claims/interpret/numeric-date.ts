// Readings of NumericDate claims (exp, iat, nbf) and of the v1 `expiresIn` lifetime: ISO date plus relative time.
import type { InterpretContext, Interpreter } from '../claim-entry';
import { formatRelative, formatSeconds, type RelativePhrase } from './relative-time';

const MAX_DATE_MS = 8.64e15;
/** Seconds values above this (year 5138) are almost surely milliseconds. */
const MILLISECONDS_THRESHOLD = 1e11;

/** Years 0000 to 9999 in milliseconds since 1970: what isoFromMs formats by arithmetic, as toISOString would. */
const MIN_FOUR_DIGIT_YEAR_MS = -62167219200000;
const MAX_FOUR_DIGIT_YEAR_MS = 253402300800000;
const DAY_MS = 86_400_000;

/**
 * isoFromMs's `new Date(ms).toISOString()` (zero milliseconds dropped) for whole milliseconds in years 0000-9999, by the civil-from-days arithmetic (H. Hinnant):
 * building a Date and printing it cost more than all the other readings of a token together.
 */
function fourDigitYearIso(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  // z counts from 0000-03-01, so January and February of year 0 are negative: its era is floored. From there on every
  // value is a non-negative integer well within 32 bits, which `| 0` floors.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = ((dayOfEra - ((dayOfEra / 1460) | 0) + ((dayOfEra / 36524) | 0) - ((dayOfEra / 146096) | 0)) / 365) | 0;
  const dayOfYear = dayOfEra - (365 * yearOfEra + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0));
  const shiftedMonth = ((5 * dayOfYear + 2) / 153) | 0;
  const day = dayOfYear - (((153 * shiftedMonth + 2) / 5) | 0) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = (rest / 3_600_000) | 0;
  rest -= hours * 3_600_000;
  const minutes = (rest / 60_000) | 0;
  rest -= minutes * 60_000;
  const seconds = (rest / 1000) | 0;
  const millis = rest - seconds * 1000;
  // One String.fromCharCode of the digits' char codes (0x30 is '0'), ending in 'Z' or, before the milliseconds, '.':
  // one string made, where a chain of `+` made one per part.
  const text = String.fromCharCode(
    0x30 + ((year / 1000) | 0),
    0x30 + (((year / 100) | 0) % 10),
    0x30 + (((year / 10) | 0) % 10),
    0x30 + (year % 10),
    0x2d,
    0x30 + ((month / 10) | 0),
    0x30 + (month % 10),
    0x2d,
    0x30 + ((day / 10) | 0),
    0x30 + (day % 10),
    0x54,
    0x30 + ((hours / 10) | 0),
    0x30 + (hours % 10),
    0x3a,
    0x30 + ((minutes / 10) | 0),
    0x30 + (minutes % 10),
    0x3a,
    0x30 + ((seconds / 10) | 0),
    0x30 + (seconds % 10),
    millis === 0 ? 0x5a : 0x2e,
  );
  // Whole seconds drop the zero milliseconds here, as isoFromMs does for toISOString's output.
  return millis === 0 ? text : `${text}${String(millis).padStart(3, '0')}Z`;
}

/** ISO 8601 in UTC without zero milliseconds ("2024-05-01T12:00:00Z"), or null outside the Date range. */
export function isoFromMs(ms: number): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return null;
  const fast = Number.isInteger(ms) && ms >= MIN_FOUR_DIGIT_YEAR_MS && ms < MAX_FOUR_DIGIT_YEAR_MS;
  if (fast) return fourDigitYearIso(ms);
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, -5)}Z` : iso;
}

/** Reads a NumericDate (seconds since 1970 UTC) as "ISO (relative)", with the phrase for past and future. */
export function readNumericDate(value: unknown, now: number, phrase: RelativePhrase): string {
  if (typeof value !== 'number') {
    return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
      ? 'A string, not a number: NumericDate claims must be JSON numbers of seconds since 1970-01-01 UTC.'
      : 'Not a NumericDate: expected a number of seconds since 1970-01-01 UTC.';
  }
  const ms = value * 1000;
  const iso = isoFromMs(ms);
  if (iso === null) return 'Out of range for a date: expected seconds since 1970-01-01 UTC.';
  if (value > MILLISECONDS_THRESHOLD) {
    const asMs = isoFromMs(value);
    return `${iso}: this looks like milliseconds, but NumericDate is in seconds${asMs === null ? '' : ` (as milliseconds it would be ${asMs})`}.`;
  }
  return `${iso} (${formatRelative(ms, now, phrase)})`;
}

const EXP: RelativePhrase = { past: 'expired', future: 'expires in' };
const IAT: RelativePhrase = { past: 'issued', future: 'issued in the future, in' };
const NBF: RelativePhrase = { past: 'valid since', future: 'not valid yet; valid in' };

/** Interprets `exp`: "2024-05-01T12:00:00Z (expires in 4 min)". */
export const interpretExp: Interpreter = (value, context) => readNumericDate(value, context.now, EXP);

/** Interprets `iat`: "2024-05-01T12:00:00Z (issued 3 min ago)". */
export const interpretIat: Interpreter = (value, context) => readNumericDate(value, context.now, IAT);

/** Interprets `nbf`: "2024-05-01T12:00:00Z (valid since 3 min ago)". */
export const interpretNbf: Interpreter = (value, context) => readNumericDate(value, context.now, NBF);

/**
 * Interprets v1 `request.user.expiresIn` (seconds): the lifetime and when it ends, counted from `iat` when the JWT has
 * one, else from when it was decoded (v1 JWTs carry no iat, and the SDKs count from arrival), saying which.
 */
export const interpretExpiresIn: Interpreter = (value, context: InterpretContext) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Not a number of seconds.';
  const iat = context.payload.iat;
  if (typeof iat === 'number') return `${formatSeconds(value)} counted from iat: ends ${readNumericDate(iat + value, context.now, EXP)}`;
  const decodedAt = context.decodedAt ?? context.now;
  const ends = isoFromMs(decodedAt + value * 1000);
  if (ends === null) return `${formatSeconds(value)}: too long to be a token lifetime.`;
  return `${formatSeconds(value)} counted from when this JWT was decoded, as it has no iat: ends about ${ends} (${formatRelative(decodedAt + value * 1000, context.now, EXP)})`;
};
