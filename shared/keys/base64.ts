// Standard base64 (RFC 4648 §4) on top of the strict base64url codec: what PEM bodies use.
import { bytesToBase64Url, tryBase64UrlToBytes } from '../encoding/base64url';

/** Decodes standard base64 (`+` `/`, optional `=` padding, no whitespace); null when it is not valid base64. */
export function tryBase64ToBytes(text: string): Uint8Array | null {
  const unpadded = text.replace(/={1,2}$/, '');
  if (/[-_]/.test(unpadded)) return null;
  if (unpadded.length !== text.length && text.length % 4 !== 0) return null;
  return tryBase64UrlToBytes(unpadded.replace(/\+/g, '-').replace(/\//g, '_'));
}

/** Encodes bytes as standard base64 with `=` padding. */
export function bytesToBase64(bytes: Uint8Array): string {
  const url = bytesToBase64Url(bytes).replace(/-/g, '+').replace(/_/g, '/');
  return url + '='.repeat((4 - (url.length % 4)) % 4);
}

/** Encodes bytes as standard base64 without padding (as OpenSSH prints fingerprints). */
export function bytesToUnpaddedBase64(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/=+$/, '');
}
