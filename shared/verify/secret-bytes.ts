// Turns a pasted HMAC secret into its key bytes according to its encoding.
import { tryBase64ToBytes } from '../keys/base64';
import type { SecretEncoding } from './verification';
import { VERIFY_MESSAGES as M, verifyError } from './verify-errors';

function decodeBase64Secret(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  if (/[-_]/.test(compact) && /[+/]/.test(compact)) return null;
  return tryBase64ToBytes(compact.replace(/-/g, '+').replace(/_/g, '/'));
}

function decodeHexSecret(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '').replace(/^0x/i, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(compact)) return null;
  return Uint8Array.from(compact.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** The key bytes of an HMAC secret. `text` (default) is UTF-8, as the Engagement JWT signing secret is used; `base64` accepts standard or URL-safe alphabets with or without padding; `hex` accepts an optional 0x. Leading and trailing whitespace (a pasted line break) is ignored. Throws ERR_VERIFY_SECRET_EMPTY or ERR_VERIFY_SECRET_ENCODING. */
export function secretBytes(secret: string, encoding: SecretEncoding = 'text'): Uint8Array {
  const trimmed = secret.trim();
  if (trimmed.length === 0) throw verifyError('ERR_VERIFY_SECRET_EMPTY', M.secretEmpty);
  let bytes: Uint8Array | null;
  if (encoding === 'base64') bytes = decodeBase64Secret(trimmed);
  else if (encoding === 'hex') bytes = decodeHexSecret(trimmed);
  else bytes = new TextEncoder().encode(trimmed);
  if (bytes === null) throw verifyError('ERR_VERIFY_SECRET_ENCODING', encoding === 'hex' ? M.secretHex : M.secretBase64);
  if (bytes.length === 0) throw verifyError('ERR_VERIFY_SECRET_EMPTY', M.secretEmpty);
  return bytes;
}
