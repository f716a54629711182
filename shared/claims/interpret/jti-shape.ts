// Describes the shape of a JWT ID: a UUID, a UUID without dashes (what Intelligence asks for), or opaque.
import type { Interpreter } from '../claim-entry';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX32 = /^[0-9a-f]{32}$/i;

/** Interprets any `jti` by its shape. */
export const interpretJti: Interpreter = (value) => {
  if (typeof value !== 'string') return 'Not a string; a JWT ID should be a unique string.';
  if (UUID.test(value)) return 'A UUID: random and unique per token.';
  if (HEX32.test(value)) return '32 hex digits: a UUID without dashes.';
  return `An opaque string of ${value.length} characters.`;
};

/** Interprets an Intelligence assertion's `jti` against the documented shape (32 lowercase hex digits). */
export const interpretIntelligenceJti: Interpreter = (value) => {
  if (typeof value !== 'string') return 'Not a string; use a random UUID with the dashes removed.';
  if (/^[0-9a-f]{32}$/.test(value)) return '32 lowercase hex digits: a UUID without dashes, as documented.';
  if (HEX32.test(value)) return 'Has uppercase hex digits; the docs use 32 lowercase hex digits.';
  if (UUID.test(value)) return 'A UUID with dashes; the docs remove the dashes (32 lowercase hex digits).';
  return 'Not the documented shape: a random UUID with the dashes removed (32 lowercase hex digits).';
};
