// Cleans up a pasted private key and re-wraps it as canonical PEM, or says exactly what is wrong with it.
import { WorkbenchError } from '../errors/workbench-error';
import { REQUEST_LIMITS } from '../limits/request-limits';
import { tryBase64ToBytes } from './base64';
import { DerError } from './der';
import { OID_RSA_ENCRYPTION, keyAlgorithmPhrase } from './key-algorithm-oids';
import type { PrivateKeyFormat } from './key-info';
import { checkKeyIterations } from './key-iterations';
import { stripQuoteCharacters, unescapePastedText } from './pasted-text';
import { findPemBlocks, formatPem, type PemBlock } from './pem-blocks';
import { CONTAINER_FORMAT_MESSAGES, PRIVATE_KEY_MESSAGES as M, keyError, notAKeyError, notRsaKeyError } from './private-key-errors';
import { checkEncryptedPrivateKeyInfo, readPrivateKeyInfo } from './private-key-info';
import { readPkcs1PrivateKey } from './rsa-der';

/** A private key as canonical PEM (64-column lines, LF, trailing newline), with its format. */
export interface NormalizedPem {
  pem: string;
  format: PrivateKeyFormat;
  encrypted: boolean;
}

const NOT_RSA_LABELS: Readonly<Record<string, string>> = {
  'EC PRIVATE KEY': 'an EC (elliptic curve) key',
  'DSA PRIVATE KEY': 'a DSA key',
  'PGP PRIVATE KEY BLOCK': 'a PGP key',
  'SSH2 ENCRYPTED PRIVATE KEY': 'an SSH2 (SSH.com) key',
};

function withDerErrors<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DerError) throw keyError('ERR_KEY_MALFORMED', M.badDer);
    throw error;
  }
}

function bodyBytes(block: PemBlock): Uint8Array {
  if (block.body.length === 0) throw keyError('ERR_KEY_MALFORMED', M.badDer);
  const bytes = tryBase64ToBytes(block.body);
  if (bytes === null) throw keyError('ERR_KEY_MALFORMED', M.badBase64);
  return bytes;
}

function checkPkcs8Rsa(der: Uint8Array): void {
  const info = withDerErrors(() => readPrivateKeyInfo(der));
  if (info.algorithmOid !== OID_RSA_ENCRYPTION) throw notRsaKeyError(keyAlgorithmPhrase(info.algorithmOid));
  withDerErrors(() => readPkcs1PrivateKey(info.privateKey));
}

function normalizeBlock(block: PemBlock): NormalizedPem {
  if (block.problem === 'no-end') throw keyError('ERR_KEY_MALFORMED', M.noEnd);
  if (block.problem === 'end-mismatch') throw keyError('ERR_KEY_MALFORMED', M.endMismatch);
  const { label } = block;
  if (label === 'RSA PRIVATE KEY') {
    const encrypted = block.headers.some((h) => h.name === 'Proc-Type' && h.value.endsWith(',ENCRYPTED'));
    const der = bodyBytes(block);
    if (!encrypted) {
      withDerErrors(() => readPkcs1PrivateKey(der));
      return { pem: formatPem(label, der), format: 'pkcs1', encrypted: false };
    }
    if (!block.headers.some((h) => h.name === 'DEK-Info')) throw keyError('ERR_KEY_MALFORMED', M.missingDekInfo);
    return { pem: formatPem(label, der, block.headers), format: 'pkcs1-encrypted', encrypted: true };
  }
  if (label === 'PRIVATE KEY') {
    const der = bodyBytes(block);
    checkPkcs8Rsa(der);
    return { pem: formatPem(label, der), format: 'pkcs8', encrypted: false };
  }
  if (label === 'ENCRYPTED PRIVATE KEY') {
    const der = bodyBytes(block);
    withDerErrors(() => checkEncryptedPrivateKeyInfo(der));
    checkKeyIterations(der);
    return { pem: formatPem(label, der), format: 'pkcs8-encrypted', encrypted: true };
  }
  if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY' || label === 'SSH2 PUBLIC KEY') throw keyError('ERR_KEY_PUBLIC', M.publicKey);
  if (label.includes('CERTIFICATE')) throw keyError('ERR_KEY_CERTIFICATE', M.certificate);
  if (label === 'OPENSSH PRIVATE KEY') throw new WorkbenchError('ERR_KEY_NOT_RSA', CONTAINER_FORMAT_MESSAGES.openssh);
  const notRsa = NOT_RSA_LABELS[label];
  if (notRsa !== undefined) throw notRsaKeyError(notRsa);
  if (label.includes('PRIVATE KEY')) throw notRsaKeyError(`a "${label}" key`);
  throw notAKeyError(label);
}

function normalizeUnarmored(text: string): NormalizedPem {
  if (/PuTTY-User-Key-File-\d+:/.test(text)) throw new WorkbenchError('ERR_KEY_NOT_RSA', CONTAINER_FORMAT_MESSAGES.putty);
  if (/(^|\s)(ssh-(rsa|dss|ed25519)|ecdsa-sha2-\S+|sk-\S+)\s+AAAA/.test(text)) throw keyError('ERR_KEY_PUBLIC', M.sshPublicKey);
  const compact = text.replace(/\s+/g, '');
  const der = /^[A-Za-z0-9+/]{40,}={0,2}$/.test(compact) ? tryBase64ToBytes(compact) : null;
  if (der !== null && der[0] === 0x30) {
    try {
      readPkcs1PrivateKey(der);
      return { pem: formatPem('RSA PRIVATE KEY', der), format: 'pkcs1', encrypted: false };
    } catch (error) {
      if (!(error instanceof DerError)) throw error;
    }
    try {
      readPrivateKeyInfo(der);
    } catch (error) {
      if (error instanceof DerError) throw keyError('ERR_KEY_MALFORMED', M.notFound);
      throw error;
    }
    checkPkcs8Rsa(der);
    return { pem: formatPem('PRIVATE KEY', der), format: 'pkcs8', encrypted: false };
  }
  throw keyError('ERR_KEY_MALFORMED', M.notFound);
}

/** Accepts a private key however it was pasted (PKCS#1 or PKCS#8 PEM; literal or doubled `\n` escapes, quotes, JSON or Python strings, CRLF, indentation, no line breaks at all, or just the base64 body) and returns canonical PEM. Throws ERR_KEY_TOO_LARGE (over REQUEST_LIMITS.pem, the one cap the router, the key field and the CLI share), ERR_KEY_EMPTY, ERR_KEY_PUBLIC, ERR_KEY_CERTIFICATE, ERR_KEY_NOT_RSA or ERR_KEY_MALFORMED. Encrypted keys are returned with `encrypted: true`. */
export function normalizePrivateKeyPem(input: string): NormalizedPem {
  if (input.length > REQUEST_LIMITS.pem) throw new WorkbenchError('ERR_KEY_TOO_LARGE', M.tooLarge);
  const text = unescapePastedText(input);
  if (stripQuoteCharacters(text).replace(/[\s,;]+/g, '').length === 0) throw keyError('ERR_KEY_EMPTY', M.empty);
  const blocks = findPemBlocks(text);
  const chosen = blocks.find((block) => block.label.includes('PRIVATE KEY')) ?? blocks[0];
  return chosen === undefined ? normalizeUnarmored(stripQuoteCharacters(text)) : normalizeBlock(chosen);
}
