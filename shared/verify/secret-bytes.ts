// Turns a pasted HMAC secret into its key bytes according to its encoding.
import { tryBase64ToBytes } from '../keys/base64';
import type { SecretEncoding, SecretKeyReading } from './verification';
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

/** A secret typed as text that reads as hexadecimal (optional 0x, an even number of at least 32 digits): likely a Salt key as Key Management shows it. */
export function looksLikeHexKey(secret: string): boolean {
  return /^(?:0x)?(?:[0-9a-fA-F]{2}){16,}$/.test(secret.trim());
}

/** Which interpretation of the secret was checked, in words the app and the CLI both show. */
export function describeSecretReading(reading: SecretKeyReading): string {
  const bytes = `${reading.bytes} byte${reading.bytes === 1 ? '' : 's'}`;
  switch (reading.encoding) {
    case 'text':
      return `the secret read as text: its ${bytes} of UTF-8, as the package's JWT signing secret is used`;
    case 'hex':
      return `the ${bytes} the hexadecimal decodes to (0x and spaces ignored), as a Salt key from Key Management is used`;
    case 'base64':
      return `the ${bytes} the base64 decodes to`;
  }
}
