// Key fingerprints as OpenSSH and the workbench show them.
import { bytesToUnpaddedBase64 } from './base64';

/** `SHA256:` + unpadded standard base64 of the SHA-256 of a public key's SPKI DER. */
export async function spkiFingerprint(spkiDer: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(spkiDer));
  return `SHA256:${bytesToUnpaddedBase64(new Uint8Array(digest))}`;
}
