// Reads a time-zone offset in hours (e.g. -6.0, 5.5) as "UTC-06:00" / "UTC+05:30", with its sibling `dst` flag.
import type { InterpretContext, Interpreter } from '../claim-entry';

/** "00" to "99", looked up rather than padded for every offset read. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** Formats an offset in hours as "UTC±HH:MM", or null when it is not a finite number. */
export function formatUtcOffset(hours: number): string | null {
  if (!Number.isFinite(hours)) return null;
  const totalMinutes = Math.round(Math.abs(hours) * 60);
  const hours60 = Math.floor(totalMinutes / 60);
  const hh = hours60 < 100 ? TWO_DIGITS[hours60]! : String(hours60);
  const mm = TWO_DIGITS[totalMinutes % 60]!;
  return `UTC${hours < 0 && totalMinutes !== 0 ? '-' : '+'}${hh}:${mm}`;
}

function offsetHours(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
}

/** Interprets an offset in hours (number or numeric string). */
export const interpretUtcOffset: Interpreter = (value) => {
  const hours = offsetHours(value);
  const formatted = formatUtcOffset(hours);
  if (formatted === null) return 'Not a number of hours.';
  return hours < -12 || hours > 14 ? `${formatted} (outside the real range UTC-12:00 to UTC+14:00)` : formatted;
};

// The `dst` next to the offset at `path` (e.g. request.user.timezone.dst), or undefined: read from the offset's parent
// when the explainer gives it, else found by walking the dotted path in place.
function siblingDst(context: InterpretContext, path: string | undefined): unknown {
  const parent = context.parent;
  if (typeof parent === 'object' && parent !== null) return (parent as Record<string, unknown>).dst;
  if (path === undefined) return undefined;
  const parentEnd = path.lastIndexOf('.');
  let at: unknown = context.payload;
  for (let start = 0; start <= parentEnd;) {
    const dot = path.indexOf('.', start);
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[path.slice(start, dot)];
    start = dot + 1;
  }
  return typeof at === 'object' && at !== null ? (at as Record<string, unknown>).dst : undefined;
}

/**
 * Interprets a `timezone.offset` with the `dst` beside it. The docs' userinfo example (London: offset 0, dst true)
 * suggests offset is the standard offset and dst whether daylight saving applies; nothing more is documented.
 */
export const interpretTimezoneOffset: Interpreter = (value, context, path) => {
  const reading = interpretUtcOffset(value, context, path);
  const dst = siblingDst(context, path);
  const hours = offsetHours(value);
  if (!Number.isFinite(hours) || typeof dst !== 'boolean') return reading;
  if (!dst) return `${reading}; dst false: no daylight saving`;
  return `${reading}, apparently the standard offset; dst true: daylight saving applies (then usually ${formatUtcOffset(hours + 1) ?? ''})`;
};
