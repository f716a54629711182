// shared/encoding: strict base64url and UTF-8 helpers with no Node or DOM dependency. Start here; base64url-text.ts
// and utf8.ts build on it.
// Strict base64url (RFC 7515 §2 / RFC 4648 §5): alphabet [A-Za-z0-9_-], no padding, no whitespace.
// Decoding uses the platform's atob (much faster than a JS loop) and refuses what it would forgive.
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

/** Decodes strict base64url to bytes, or returns null when the text is not strict base64url (bad character, padding, or a length of 4n+1). */
export function tryBase64UrlToBytes(text: string): Uint8Array | null {
  const binary = tryBase64UrlToBinary(text);
  return binary === null ? null : binaryToBytes(binary);
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
