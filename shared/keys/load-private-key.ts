// shared/keys: pasted private keys and public-key material. Start here: loadPrivateKey takes a pasted key through
// normalize-private-key.ts (every accepted shape to canonical PEM, or a precise error) to a CryptoKey and its KeyInfo.
// Loads a pasted RSA private key (any accepted shape, decrypting it when needed) into a CryptoKey for RS256 signing.
import { importPKCS8 } from 'jose';
import { WorkbenchError } from '../errors/workbench-error';
import { integerBitLength } from './der';
import { spkiFingerprint } from './key-fingerprint';
import type { KeyDecryptor, KeyInfo } from './key-info';
import { normalizePrivateKeyPem, type NormalizedPem } from './normalize-private-key';
import { formatPem, pemToDer } from './pem-blocks';
import { PRIVATE_KEY_MESSAGES as M, keyError, keyTooSmallError } from './private-key-errors';
import { readPrivateKeyInfo } from './private-key-info';
import { pkcs1ToPkcs8, readPkcs1PrivateKey, rsaSpki } from './rsa-der';

/** The smallest RSA modulus accepted, in bits. */
export const MIN_RSA_BITS = 2048;

/** Options of {@link loadPrivateKey}: the passphrase of an encrypted key and what can decrypt it (Node provides one). */
export interface LoadPrivateKeyOptions {
  passphrase?: string;
  decryptor?: KeyDecryptor;
}

/** A loaded private key: the RS256 CryptoKey (extractable), its unencrypted canonical PKCS#8 PEM, and what can be shown about it. */
export interface LoadedKey {
  key: CryptoKey;
  pkcs8Pem: string;
  info: KeyInfo;
}

async function decrypt(normalized: NormalizedPem, options: LoadPrivateKeyOptions): Promise<NormalizedPem> {
  if (options.decryptor === undefined) throw keyError('ERR_KEY_ENCRYPTED', M.encryptedNoDecryptor);
  if (options.passphrase === undefined || options.passphrase === '') throw keyError('ERR_KEY_ENCRYPTED', M.encryptedNoPassphrase);
  let decrypted: string;
  try {
    decrypted = await options.decryptor.decrypt(normalized.pem, options.passphrase);
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw keyError('ERR_KEY_PASSPHRASE', M.wrongPassphrase);
  }
  const plain = normalizePrivateKeyPem(decrypted);
  if (plain.encrypted) throw keyError('ERR_KEY_PASSPHRASE', M.wrongPassphrase);
  return plain;
}

/** Loads a pasted RSA private key: normalizes it, decrypts it with `options.passphrase` through `options.decryptor` when it is encrypted, converts PKCS#1 to PKCS#8 and imports it for RS256. Throws the ERR_KEY_* errors of normalizePrivateKeyPem, and ERR_KEY_ENCRYPTED, ERR_KEY_PASSPHRASE, ERR_KEY_TOO_SMALL, ERR_KEY_MALFORMED. */
export async function loadPrivateKey(input: string, options: LoadPrivateKeyOptions = {}): Promise<LoadedKey> {
  const normalized = normalizePrivateKeyPem(input);
  const plain = normalized.encrypted ? await decrypt(normalized, options) : normalized;
  const der = pemToDer(plain.pem);
  if (der === null) throw keyError('ERR_KEY_MALFORMED', M.unreadable);
  const pkcs8 = plain.format === 'pkcs1' ? pkcs1ToPkcs8(der) : der;
  const numbers = readPkcs1PrivateKey(plain.format === 'pkcs1' ? der : readPrivateKeyInfo(der).privateKey);
  const bits = integerBitLength(numbers.modulus.content);
  if (bits < MIN_RSA_BITS) throw keyTooSmallError(bits);
  const pkcs8Pem = formatPem('PRIVATE KEY', pkcs8);
  let key: CryptoKey;
  try {
    key = await importPKCS8(pkcs8Pem, 'RS256', { extractable: true });
  } catch {
    throw keyError('ERR_KEY_MALFORMED', M.unreadable);
  }
  const fingerprint = await spkiFingerprint(rsaSpki(numbers));
  return { key, pkcs8Pem, info: { type: 'RSA', bits, fingerprint, format: normalized.format } };
}
