// How much work an encrypted PKCS#8 key asks for before it can be decrypted: its PBKDF2 (or PBES1) iteration count, read
// from the DER, so an absurd count is refused before any decryption starts.
import { WorkbenchError } from '../errors/workbench-error';
import { DER_TAG, DerError, derChild, oidToString, readDer, readDerChildren, type DerElement } from './der';

/** The most iterations accepted: several times the highest count current guidance asks for (OWASP: 1,300,000 for PBKDF2-SHA1). */
export const MAX_KEY_ITERATIONS = 5_000_000;

const OID_PBES2 = '1.2.840.113549.1.5.13';
const OID_PBKDF2 = '1.2.840.113549.1.5.12';
/** PBES1 (PKCS#5 v1.5) and PKCS#12 password-based schemes: their parameters are SEQUENCE { salt, iterations }. */
const PBES1_PREFIXES = ['1.2.840.113549.1.5.', '1.2.840.113549.1.12.1.'];

/** A DER INTEGER as a number; Infinity when it is too large to be a sensible count. */
function integerValue(element: DerElement): number {
  if (element.content.length > 6) return Number.POSITIVE_INFINITY;
  return element.content.reduce((value, byte) => value * 256 + byte, 0);
}

/**
 * The iteration count in an EncryptedPrivateKeyInfo (PBES2 with PBKDF2, or PBES1/PKCS#12), or null for schemes without one
 * (e.g. scrypt) and parameters laid out otherwise (OpenSSL then judges the key, off the main thread).
 */
export function encryptedKeyIterations(der: Uint8Array): number | null {
  try {
    return readIterations(der);
  } catch (error) {
    if (error instanceof DerError) return null;
    throw error;
  }
}

function readIterations(der: Uint8Array): number | null {
  const algorithm = readDerChildren(derChild(readDerChildren(readDer(der, DER_TAG.SEQUENCE).content), 0, DER_TAG.SEQUENCE).content);
  const oid = oidToString(derChild(algorithm, 0, DER_TAG.OID).content);
  const params = () => readDerChildren(derChild(algorithm, 1, DER_TAG.SEQUENCE).content);
  if (oid === OID_PBES2) {
    const kdf = readDerChildren(derChild(params(), 0, DER_TAG.SEQUENCE).content);
    if (oidToString(derChild(kdf, 0, DER_TAG.OID).content) !== OID_PBKDF2) return null;
    return integerValue(derChild(readDerChildren(derChild(kdf, 1, DER_TAG.SEQUENCE).content), 1, DER_TAG.INTEGER));
  }
  if (PBES1_PREFIXES.some((prefix) => oid.startsWith(prefix))) return integerValue(derChild(params(), 1, DER_TAG.INTEGER));
  return null;
}

/** Throws ERR_KEY_ITERATIONS when the key asks for more than MAX_KEY_ITERATIONS iterations (it would hold the app up for minutes). */
export function checkKeyIterations(der: Uint8Array): void {
  const iterations = encryptedKeyIterations(der);
  if (iterations === null || iterations <= MAX_KEY_ITERATIONS) return;
  const shown = Number.isFinite(iterations) ? iterations.toLocaleString('en-US') : 'an enormous number of';
  throw new WorkbenchError(
    'ERR_KEY_ITERATIONS',
    `This key is encrypted with ${shown} key-derivation iterations, far more than any tool uses (at most ${MAX_KEY_ITERATIONS.toLocaleString('en-US')} are accepted): decrypt it with \`openssl pkey -in key.pem -out plain.pem\` and paste plain.pem, or export it again with default settings.`,
  );
}
