// Encrypted PKCS#8 keys with any PBKDF2 iteration count (Node's export always uses 2048): a real one, encrypted here, and a
// counterfeit whose count is rewritten in the DER (it cannot be decrypted, which is the point: it must be refused unread).
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { DER_TAG, derChild, encodeDer, encodeOid, readDer, readDerChildren } from '../../shared/keys/der';
import { findPemBlocks, formatPem } from '../../shared/keys/pem-blocks';
import { tryBase64ToBytes } from '../../shared/keys/base64';

const base64ToBytes = (text: string): Uint8Array => tryBase64ToBytes(text)!;

const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
};

/** A DER INTEGER holding a non-negative count. */
function derInteger(value: number): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  do {
    bytes.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  } while (rest > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return encodeDer(DER_TAG.INTEGER, Uint8Array.from(bytes));
}

/** Encrypts a plain PKCS#8 PEM with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) and `iterations`, as `openssl pkcs8 -topk8 -iter` does. */
export function encryptPkcs8(pkcs8Pem: string, passphrase: string, iterations: number): string {
  const der = base64ToBytes(findPemBlocks(pkcs8Pem)[0]!.body);
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = pbkdf2Sync(passphrase, salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(der), cipher.final()]);
  const kdf = encodeDer(
    DER_TAG.SEQUENCE,
    encodeOid(OID.pbkdf2),
    encodeDer(
      DER_TAG.SEQUENCE,
      encodeDer(DER_TAG.OCTET_STRING, salt),
      derInteger(iterations),
      encodeDer(DER_TAG.SEQUENCE, encodeOid(OID.hmacSha256), encodeDer(DER_TAG.NULL)),
    ),
  );
  const scheme = encodeDer(DER_TAG.SEQUENCE, encodeOid(OID.aes256Cbc), encodeDer(DER_TAG.OCTET_STRING, iv));
  const algorithm = encodeDer(DER_TAG.SEQUENCE, encodeOid(OID.pbes2), encodeDer(DER_TAG.SEQUENCE, kdf, scheme));
  return formatPem('ENCRYPTED PRIVATE KEY', encodeDer(DER_TAG.SEQUENCE, algorithm, encodeDer(DER_TAG.OCTET_STRING, encrypted)));
}

/** The same encrypted PKCS#8 PEM (PBES2/PBKDF2) with its iteration count rewritten to `iterations`. */
export function withIterationCount(encryptedPem: string, iterations: number): string {
  const fields = readDerChildren(readDer(base64ToBytes(findPemBlocks(encryptedPem)[0]!.body), DER_TAG.SEQUENCE).content);
  const algorithm = readDerChildren(derChild(fields, 0, DER_TAG.SEQUENCE).content);
  const pbes2 = readDerChildren(derChild(algorithm, 1, DER_TAG.SEQUENCE).content);
  const kdf = readDerChildren(derChild(pbes2, 0, DER_TAG.SEQUENCE).content);
  const params = readDerChildren(derChild(kdf, 1, DER_TAG.SEQUENCE).content);
  const newParams = encodeDer(DER_TAG.SEQUENCE, params[0]!.raw, derInteger(iterations), ...params.slice(2).map((p) => p.raw));
  const newKdf = encodeDer(DER_TAG.SEQUENCE, kdf[0]!.raw, newParams);
  const newAlgorithm = encodeDer(
    DER_TAG.SEQUENCE,
    algorithm[0]!.raw,
    encodeDer(DER_TAG.SEQUENCE, newKdf, ...pbes2.slice(1).map((p) => p.raw)),
  );
  return formatPem('ENCRYPTED PRIVATE KEY', encodeDer(DER_TAG.SEQUENCE, newAlgorithm, ...fields.slice(1).map((f) => f.raw)));
}
