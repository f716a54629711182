// Reads a time-zone offset in hours (e.g. -6.0, 5.5) as "UTC-06:00" / "UTC+05:30".
import type { Interpreter } from '../claim-entry';

/** Formats an offset in hours as "UTC±HH:MM", or null when it is not a finite number. */
export function formatUtcOffset(hours: number): string | null {
  if (!Number.isFinite(hours)) return null;
  const totalMinutes = Math.round(Math.abs(hours) * 60);
  const hh = String(Math.floor(totalMinutes / 60)).padStart(2, '0');
  const mm = String(totalMinutes % 60).padStart(2, '0');
  return `UTC${hours < 0 && totalMinutes !== 0 ? '-' : '+'}${hh}:${mm}`;
}

/** Interprets `request.user.timezone.offset` (hours, number or numeric string). */
export const interpretUtcOffset: Interpreter = (value) => {
  const hours = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  const formatted = formatUtcOffset(hours);
  if (formatted === null) return 'Not a number of hours.';
  return hours < -12 || hours > 14 ? `${formatted} (outside the real range UTC-12:00 to UTC+14:00)` : formatted;
};
