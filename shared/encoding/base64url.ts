// shared/encoding: strict base64url and UTF-8 helpers with no Node or DOM dependency. Start here; base64url-text.ts
// and utf8.ts build on it.
// Strict base64url (RFC 7515 §2 / RFC 4648 §5): alphabet [A-Za-z0-9_-], no padding, no whitespace.
// Long texts decode through the platform's atob (much faster than a JS loop there), refusing what it would forgive;
// short ones (headers, signatures) through a table loop, faster than atob's fixed cost.
import { WorkbenchError } from '../errors/workbench-error';
import { binaryToBytes } from './binary-string';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const STRICT_BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes strict base64url to a binary string (one char per byte), or null when the text is not strict base64url (bad
 * character, padding, whitespace, or a length of 4n+1). atob checks the alphabet natively, once the text's own '+' and
 * '/' are refused; what it forgives, whitespace and '=' padding, shortens its output, which for strict base64url is
 * exactly 3 bytes per 4 characters. No pattern runs over the text: this is the decoder's hot path.
 */
export function tryBase64UrlToBinary(text: string): string | null {
  if ((text.length & 3) === 1 || text.includes('+') || text.includes('/')) return null;
  let binary: string;
  try {
    binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return null;
  }
  return binary.length === (text.length * 3) >> 2 ? binary : null;
}

/** Up to this many characters a table loop beats atob, whose call, two replaceAll copies and byte copy cost more than a short text's decoding. */
const SHORT_TEXT = 256;
/** Each base64url character's 6-bit value by char code (below 128), -1 for the others. */
const SEXTETS = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTETS[ALPHABET.charCodeAt(i)] = i;

/**
 * The table decoder for short texts, of `text` from `start` to `end`: as strict as tryBase64UrlToBinary (a bad
 * character or a length of 4n+1 is null). Each char code indexes the table by its low 7 bits, and the codes' OR says
 * afterwards whether any was 128 or above: no branch per character. Read in place, since a segment sliced from a token
 * is a view whose characters cost V8 more to read (the signature decoded 40% slower from its slice).
 */
function tableToBytes(text: string, start: number, end: number): Uint8Array | null {
  const length = end - start;
  if ((length & 3) === 1) return null;
  const bytes = new Uint8Array((length * 3) >> 2);
  const full = end - (length & 3);
  let codes = 0;
  let bad = 0;
  let out = 0;
  let i = start;
  for (; i < full; i += 4) {
    const ca = text.charCodeAt(i);
    const cb = text.charCodeAt(i + 1);
    const cc = text.charCodeAt(i + 2);
    const cd = text.charCodeAt(i + 3);
    codes |= ca | cb | cc | cd;
    const a = SEXTETS[ca & 127]!;
    const b = SEXTETS[cb & 127]!;
    const c = SEXTETS[cc & 127]!;
    const d = SEXTETS[cd & 127]!;
    bad |= a | b | c | d;
    bytes[out++] = (a << 2) | (b >> 4);
    bytes[out++] = ((b & 15) << 4) | (c >> 2);
    bytes[out++] = ((c & 3) << 6) | d;
  }
  if (i < end) {
    // 2 or 3 characters left: 1 or 2 bytes (their unused low bits are ignored, as atob ignores them)
    const ca = text.charCodeAt(i);
    const cb = text.charCodeAt(i + 1);
    const cc = i + 2 < end ? text.charCodeAt(i + 2) : 0x41; // 'A', a zero sextet
    codes |= ca | cb | cc;
    const a = SEXTETS[ca & 127]!;
    const b = SEXTETS[cb & 127]!;
    const c = SEXTETS[cc & 127]!;
    bad |= a | b | c;
    bytes[out++] = (a << 2) | (b >> 4);
    if (i + 2 < end) bytes[out] = ((b & 15) << 4) | (c >> 2);
  }
  return bad < 0 || codes > 127 ? null : bytes;
}

/** Decodes strict base64url to bytes, or returns null when the text is not strict base64url (bad character, padding, or a length of 4n+1). */
export function tryBase64UrlToBytes(text: string): Uint8Array | null {
  return tryBase64UrlToBytesIn(text, 0, text.length);
}

/** {@link tryBase64UrlToBytes} of `text.slice(start, end)`, a short one read in place (see tableToBytes). */
export function tryBase64UrlToBytesIn(text: string, start: number, end: number): Uint8Array | null {
  if (end - start <= SHORT_TEXT) return tableToBytes(text, start, end);
  const binary = tryBase64UrlToBinary(text.slice(start, end));
  return binary === null ? null : binaryToBytes(binary);
}

/**
 * Decodes strict base64url the faster way for its length: bytes for a short text, a binary string (one char per byte)
 * for a long one; null when it is not strict base64url. utf8.ts's tryUtf8FromDecoded reads either as text.
 */
export function tryBase64UrlDecode(text: string): Uint8Array | string | null {
  return tryBase64UrlDecodeIn(text, 0, text.length);
}

/** {@link tryBase64UrlDecode} of `text.slice(start, end)`, a short one read in place (see tableToBytes). */
export function tryBase64UrlDecodeIn(text: string, start: number, end: number): Uint8Array | string | null {
  return end - start <= SHORT_TEXT ? tableToBytes(text, start, end) : tryBase64UrlToBinary(text.slice(start, end));
}

/** Decodes strict base64url to bytes; throws ERR_TOKEN_BASE64 when the text is not strict base64url. */
export function base64UrlToBytes(text: string): Uint8Array {
  const bytes = tryBase64UrlToBytes(text);
  if (bytes === null) {
    throw new WorkbenchError(
      'ERR_TOKEN_BASE64',
      "The text is not valid base64url: use only A-Z, a-z, 0-9, '-' and '_', without '=' padding. Check that it was copied whole.",
    );
  }
  return bytes;
}

/** Encodes bytes as base64url without padding (RFC 7515). */
export function bytesToBase64Url(bytes: Uint8Array): string {
  let out = '';
  const length = bytes.length;
  const full = length - (length % 3);
  for (let i = 0; i < full; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  if (length - full === 1) {
    const n = bytes[full]!;
    out += ALPHABET[n >> 2]! + ALPHABET[(n << 4) & 63]!;
  } else if (length - full === 2) {
    const n = (bytes[full]! << 8) | bytes[full + 1]!;
    out += ALPHABET[n >> 10]! + ALPHABET[(n >> 4) & 63]! + ALPHABET[(n << 2) & 63]!;
  }
  return out;
}

/** True when every character is in the base64url alphabet (an empty string counts). */
export function isBase64UrlAlphabet(text: string): boolean {
  return STRICT_BASE64URL.test(text);
}
