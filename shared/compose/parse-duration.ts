// Reads a lifetime such as "1h", "30m", "90s", "1h30m" or "2d" (a bare number is seconds), for exp = iat + lifetime.
import { composeError } from './compose-errors';

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** The longest lifetime accepted: a year (a test token living longer is a mistake waiting to be copied). */
export const MAX_LIFETIME_SECONDS = 366 * 86_400;

/** The lifetime in seconds; throws ERR_COMPOSE_DURATION for anything else than whole numbers with s, m, h or d, zero, or over a year. */
export function parseDuration(text: string): number {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '');
  const bad = () =>
    composeError('ERR_COMPOSE_DURATION', `"${compact.slice(0, 20)}" is not a lifetime: write it like 90s, 15m, 1h, 1h30m or 2d.`);
  if (compact === '' || compact.length > 20) throw bad();
  if (/^\d+$/.test(compact)) return checked(Number(compact));
  if (!/^(\d+[smhd])+$/.test(compact)) throw bad();
  let seconds = 0;
  for (const [, amount, unit] of compact.matchAll(/(\d+)([smhd])/g)) seconds += Number(amount) * (UNIT_SECONDS[unit ?? 's'] ?? 1);
  return checked(seconds);
}

function checked(seconds: number): number {
  if (seconds <= 0) throw composeError('ERR_COMPOSE_DURATION', 'The lifetime must be longer than zero: e.g. 15m or 1h.');
  if (seconds > MAX_LIFETIME_SECONDS)
    throw composeError('ERR_COMPOSE_DURATION', 'The lifetime is longer than a year: a test token needs far less.');
  return seconds;
}
