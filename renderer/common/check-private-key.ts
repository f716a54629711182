import { toErrorPayload, type ErrorPayload } from '../../shared/errors/workbench-error';
import type { PrivateKeyFormat } from '../../shared/keys/key-info';
import { normalizePrivateKeyPem, type NormalizedPem } from '../../shared/keys/normalize-private-key';

/** What the key field knows about the pasted text: nothing yet, a usable key, or what is wrong with it. */
export type KeyCheck = { state: 'empty' } | { state: 'ok'; key: NormalizedPem } | { state: 'error'; error: ErrorPayload };

/** Checks pasted private-key text on the fly (no IPC); blank text is `empty`. Never throws. */
export function checkPrivateKey(text: string): KeyCheck {
  if (text.trim().length === 0) return { state: 'empty' };
  try {
    return { state: 'ok', key: normalizePrivateKeyPem(text) };
  } catch (error) {
    return { state: 'error', error: toErrorPayload(error) };
  }
}

/** Human names of the private-key formats. */
export const KEY_FORMAT_LABELS: Readonly<Record<PrivateKeyFormat, string>> = {
  pkcs1: 'PKCS#1 RSA private key',
  pkcs8: 'PKCS#8 private key',
  'pkcs1-encrypted': 'Encrypted PKCS#1 RSA private key',
  'pkcs8-encrypted': 'Encrypted PKCS#8 private key',
};

/** Short names of the private-key formats, for compact lists. */
export const KEY_FORMAT_SHORT: Readonly<Record<PrivateKeyFormat, string>> = {
  pkcs1: 'PKCS#1',
  pkcs8: 'PKCS#8',
  'pkcs1-encrypted': 'PKCS#1, encrypted',
  'pkcs8-encrypted': 'PKCS#8, encrypted',
};
