// The errors decodeToken reports about one segment or the segment count: short, specific, never quoting the token.
// Segment errors take a label naming the part: `segmentLabel(i)` in the compact form, e.g. "Signature 2's protected header" in JSON.
import { WorkbenchError } from '../errors/workbench-error';
import { MAX_JSON_DEPTH } from '../encoding/json-depth';

const SEGMENT_NAMES = ['header', 'payload', 'signature', 'opaque part'] as const;
const EXPECTED = 'expected 3 (header.payload.signature), or 4 for an Engagement access token';

/** "Segment 2 (payload)": how messages name a segment by its zero-based index. */
export function segmentLabel(index: number): string {
  return `Segment ${index + 1} (${SEGMENT_NAMES[index] ?? 'extra'})`;
}

/** ERR_TOKEN_SEGMENTS for a wrong number of dot-separated segments, saying how many were found and expected. */
export function segmentCountError(found: number): WorkbenchError {
  const counted = `Found ${found} ${found === 1 ? 'segment' : 'segments'}`;
  if (found === 1) return new WorkbenchError('ERR_TOKEN_SEGMENTS', `${counted} (no dots); ${EXPECTED}. Paste the whole token.`);
  if (found === 5) {
    return new WorkbenchError(
      'ERR_TOKEN_SEGMENTS',
      `${counted}; ${EXPECTED}. Five segments is an encrypted JWT (JWE), which cannot be read without the recipient's key.`,
    );
  }
  if (found === 2) return new WorkbenchError('ERR_TOKEN_SEGMENTS', `${counted}; ${EXPECTED}. The token looks cut short: copy it again.`);
  return new WorkbenchError('ERR_TOKEN_SEGMENTS', `${counted}; ${EXPECTED}. Paste exactly one token.`);
}

/** ERR_TOKEN_SEGMENTS for an empty header or payload segment; `label` names it (see segmentLabel). */
export function emptySegmentError(label: string): WorkbenchError {
  return new WorkbenchError('ERR_TOKEN_SEGMENTS', `${label} is empty; a JWT needs a header and a payload. Paste the whole token.`);
}

/** ERR_TOKEN_BASE64 naming the segment and what is wrong with it (padding, standard base64, whitespace, a bad character or length). */
export function base64Error(label: string, segment: string): WorkbenchError {
  return new WorkbenchError(
    'ERR_TOKEN_BASE64',
    `${label} is not valid base64url: ${base64Problem(segment)}. Check that the token was copied whole.`,
  );
}

function base64Problem(segment: string): string {
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '=') return `it has '=' padding at character ${i + 1}, which JWTs do not use`;
    if (c === '+' || c === '/') return `it has '${c}' at character ${i + 1} (standard base64); base64url uses '-' and '_'`;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') return `it has whitespace at character ${i + 1}`;
    if (!/[A-Za-z0-9_-]/.test(c)) return `it has a character outside A-Z, a-z, 0-9, '-' and '_' at character ${i + 1}`;
  }
  return `its length (${segment.length} characters) is impossible for base64url, so a character is missing or extra`;
}

/** ERR_TOKEN_JSON for a segment that is not UTF-8 text. */
export function utf8Error(label: string): WorkbenchError {
  return new WorkbenchError(
    'ERR_TOKEN_JSON',
    `${label} decodes to bytes that are not UTF-8 text, so it is not JSON. Check that the token was copied whole.`,
  );
}

/** ERR_TOKEN_JSON for a segment whose text is not JSON (the parser's message is not repeated: it may quote the token). */
export function jsonError(label: string): WorkbenchError {
  return new WorkbenchError(
    'ERR_TOKEN_JSON',
    `${label} is base64url but not JSON. Check that the token was copied whole and that it is a JWT.`,
  );
}

/** ERR_TOKEN_TOO_DEEP for a segment whose JSON nests deeper than MAX_JSON_DEPTH levels. */
export function tooDeepError(label: string): WorkbenchError {
  return new WorkbenchError(
    'ERR_TOKEN_TOO_DEEP',
    `${label} nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep, which no real token does: check that this is the token you meant to paste.`,
  );
}

/** ERR_TOKEN_NOT_OBJECT for a segment that is JSON but not an object. */
export function notObjectError(label: string, value: unknown): WorkbenchError {
  const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
  return new WorkbenchError('ERR_TOKEN_NOT_OBJECT', `${label} is JSON ${what}, not an object; a JOSE header must be a JSON object.`);
}

/**
 * ERR_TOKEN_CONTROL_CHARACTER for a control character or bidirectional override in the input (no token holds one; it
 * could drive a terminal or make the token read other than it is), named by its code point and position, never shown.
 */
export function controlCharacterError(char: string, index: number): WorkbenchError {
  const codePoint = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return new WorkbenchError(
    'ERR_TOKEN_CONTROL_CHARACTER',
    `The input holds a control character (${codePoint} at character ${index + 1}): a token is plain text (letters, digits, "-", "_" and "."), so this one was damaged or is not a token. Copy the token again from its source.`,
  );
}
