import type { z } from 'zod';

const SAFE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** Names a field by its path (e.g. `"pem"`, `"request"`); never includes a value. */
export function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the request';
  return `"${path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.')}"`;
}

/** A type name with its article: "an object", "a string". */
function withArticle(typeName: string): string {
  if (typeName === 'int') return 'a whole number';
  return `${/^[aeiou]/.test(typeName) ? 'an' : 'a'} ${typeName}`;
}

/** Says what is wrong with one field, from the zod issue's code and bounds only (the input is only tested for presence): the offending value is never echoed. */
export function issuePhrase(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is missing' : `must be ${issue.expected === 'null' ? 'null' : withArticle(issue.expected)}`;
    case 'too_big':
      return issue.origin === 'string' ? `is too long (at most ${String(issue.maximum)} characters)` : `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string' ? (issue.minimum === 1 ? 'must not be empty' : `must have at least ${String(issue.minimum)} characters`) : `must be at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys': {
      const safe = issue.keys.filter((key) => SAFE_KEY.test(key));
      return safe.length === issue.keys.length ? `has unknown field${safe.length > 1 ? 's' : ''} ${safe.map((k) => `"${k}"`).join(', ')}` : 'has an unknown field';
    }
    case 'invalid_union':
      return 'has the wrong shape';
    default:
      return 'is invalid';
  }
}
