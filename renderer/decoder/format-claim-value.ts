/** The text shown for a claim value: strings as they are, everything else as compact JSON. */
export function formatClaimValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  return JSON.stringify(value) ?? String(value);
}

/** A CSS modifier naming the JSON type of a value, for colouring (`string`, `number`, `boolean`, `null`, `object`). */
export function valueType(value: unknown): 'string' | 'number' | 'boolean' | 'null' | 'object' {
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return typeof value as 'string' | 'number' | 'boolean';
  return 'object';
}
