// A small relative-time formatter: one unit, rounded down ("4 min", "2 h", "3 d").

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** Formats a span of time in one unit, rounded down: "45 s", "4 min", "2 h" (under 48 h), "3 d" (under two years), "5 y". */
export function formatDuration(ms: number): string {
  const span = Math.abs(ms);
  if (span < MINUTE) return `${Math.floor(span / SECOND)} s`;
  if (span < HOUR) return `${Math.floor(span / MINUTE)} min`;
  if (span < 2 * DAY) return `${Math.floor(span / HOUR)} h`;
  if (span < 2 * YEAR) return `${Math.floor(span / DAY)} d`;
  return `${Math.floor(span / YEAR)} y`;
}

/** How to phrase a moment relative to now, e.g. `{ past: 'expired', future: 'expires in' }` (" ago" is appended to the past). */
export interface RelativePhrase {
  past: string;
  future: string;
}

/** Phrases a moment relative to now: "expires in 4 min" / "expired 2 h ago" (a moment equal to now counts as past). */
export function formatRelative(targetMs: number, nowMs: number, phrase: RelativePhrase): string {
  const delta = targetMs - nowMs;
  return delta > 0 ? `${phrase.future} ${formatDuration(delta)}` : `${phrase.past} ${formatDuration(delta)} ago`;
}

/** Formats whole seconds as "1200 s (20 min)"; spans under a minute as "45 s". */
export function formatSeconds(seconds: number): string {
  return seconds < 60 && seconds > -60 ? `${seconds} s` : `${seconds} s (${formatDuration(seconds * SECOND)})`;
}
