// The errors a pasted private key can raise: one place for their codes and wording.
import { WorkbenchError } from '../errors/workbench-error';

/** The exact messages of the private-key errors (tests and UIs compare against these). */
export const PRIVATE_KEY_MESSAGES = {
  tooLarge:
    'The pasted key is longer than 16 KB, far more than any RSA private key: paste only the key, from its -----BEGIN line to its -----END line.',
  empty: 'No private key was given: paste the whole key, from its -----BEGIN line to its -----END line.',
  publicKey:
    'This is the public half of the key pair: paste the private key (-----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----).',
  sshPublicKey: 'This is an OpenSSH public key (the public half): paste the private key instead.',
  certificate: 'This is a certificate, not a private key: paste the private key that was issued with it.',
  notFound: 'No private key found: paste the whole key, from its -----BEGIN line to its -----END line.',
  noEnd: 'The key has a -----BEGIN line but no matching -----END line: copy the whole key again.',
  endMismatch: "The key's -----BEGIN and -----END lines do not match: copy the whole key again, unedited.",
  badBase64: "The key's body is not valid base64 (stray characters or a cut-off line): copy the key again, unedited.",
  badDer: 'The key is truncated or corrupted: copy it again in full, from its -----BEGIN line to its -----END line.',
  missingDekInfo: 'This encrypted key lacks its DEK-Info line: copy the key again with all its header lines.',
  encryptedNoPassphrase: 'This key is encrypted: enter its passphrase.',
  encryptedNoDecryptor:
    'This key is encrypted and cannot be decrypted here: decrypt it with `openssl pkey -in key.pem -out plain.pem` and paste plain.pem.',
  wrongPassphrase: 'The passphrase is wrong: check it and try again.',
  unsupportedCipher:
    'This key is encrypted with a cipher that is no longer supported: decrypt it with `openssl pkey -in key.pem -out plain.pem` and paste plain.pem.',
  unreadable: 'The key could not be read as an RSA private key: copy it again in full, or export it again as PKCS#8.',
} as const;

/** A private-key error with one of the messages above. */
export function keyError(
  code: 'ERR_KEY_EMPTY' | 'ERR_KEY_PUBLIC' | 'ERR_KEY_CERTIFICATE' | 'ERR_KEY_MALFORMED' | 'ERR_KEY_ENCRYPTED' | 'ERR_KEY_PASSPHRASE',
  message: string,
): WorkbenchError {
  return new WorkbenchError(code, message);
}

/** ERR_KEY_NOT_RSA naming what the key is instead (e.g. `an EC (elliptic curve) key`). */
export function notRsaKeyError(what: string): WorkbenchError {
  return new WorkbenchError('ERR_KEY_NOT_RSA', `This is ${what}, not an RSA key: Marketing Cloud Intelligence needs an RSA private key.`);
}

/** ERR_KEY_NOT_RSA for key files in a non-PEM container format, saying how to convert them. */
export const CONTAINER_FORMAT_MESSAGES = {
  openssh:
    'This is an OpenSSH-format private key, which cannot be used as is: if it is an RSA key, convert it with `ssh-keygen -p -m PEM -f <file>` and paste the result.',
  putty:
    'This is a PuTTY (.ppk) key, which cannot be used as is: in PuTTYgen choose Conversions > Export OpenSSH key and paste the exported file.',
} as const;

/** ERR_KEY_MALFORMED for a PEM block that is not a key at all, naming its label. */
export function notAKeyError(label: string): WorkbenchError {
  return new WorkbenchError('ERR_KEY_MALFORMED', `This is a PEM "${label}" block, not a private key: paste the private key.`);
}

/** ERR_KEY_TOO_SMALL for an RSA key with fewer than 2048 bits. */
export function keyTooSmallError(bits: number): WorkbenchError {
  return new WorkbenchError('ERR_KEY_TOO_SMALL', `This RSA key has ${bits} bits; at least 2048 are needed: use a 2048-bit or larger key.`);
}
