/** The text shown for a claim value: strings as they are, everything else as compact JSON. */
export function formatClaimValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  return JSON.stringify(value) ?? String(value);
}

/** A CSS modifier naming the JSON type of a value, for colouring (`string`, `number`, `boolean`, `null`, `object`). */
export function valueType(value: unknown): 'string' | 'number' | 'boolean' | 'null' | 'object' {
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return typeof value as 'string' | 'number' | 'boolean';
  return 'object';
}

/** An interpretation that starts with a UTC time ("2024-05-01T12:00:00Z (expires in 4 min)"), as the core writes NumericDates. */
const LEADING_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)\b/;

// Formatters are built on first use, not at import: this module loads with the decoder, before its first paint.
let localFormat: Intl.DateTimeFormat | undefined;
let countFormat: Intl.NumberFormat | undefined;

/** A count in this computer's locale ("20,000"). */
export function formatCount(count: number): string {
  countFormat ??= new Intl.NumberFormat();
  return countFormat.format(count);
}

const LOCAL_FORMAT: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
};

/** The same moment in this computer's time zone, for a reading that starts with a UTC time; null for any other reading. */
export function localTimeOf(interpretation: string | null): string | null {
  const utc = interpretation === null ? undefined : LEADING_UTC.exec(interpretation)?.[1];
  if (utc === undefined) return null;
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? null : (localFormat ??= new Intl.DateTimeFormat(undefined, LOCAL_FORMAT)).format(date);
}
