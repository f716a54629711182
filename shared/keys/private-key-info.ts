// PKCS#8 structures (RFC 5958): the plain PrivateKeyInfo and the EncryptedPrivateKeyInfo shell.
import { DER_TAG, DerError, derChild, oidToString, readDer, readDerChildren } from './der';

/** What a PKCS#8 PrivateKeyInfo holds: the key algorithm, an optional curve/parameter OID and the inner key bytes. */
export interface PrivateKeyInfoParts {
  algorithmOid: string;
  parameterOid: string | null;
  privateKey: Uint8Array;
}

/** Reads a PKCS#8 PrivateKeyInfo; throws DerError when malformed. */
export function readPrivateKeyInfo(der: Uint8Array): PrivateKeyInfoParts {
  const fields = readDerChildren(readDer(der, DER_TAG.SEQUENCE).content);
  derChild(fields, 0, DER_TAG.INTEGER);
  const algorithm = readDerChildren(derChild(fields, 1, DER_TAG.SEQUENCE).content);
  const algorithmOid = oidToString(derChild(algorithm, 0, DER_TAG.OID).content);
  const parameters = algorithm[1];
  const parameterOid = parameters?.tag === DER_TAG.OID ? oidToString(parameters.content) : null;
  return { algorithmOid, parameterOid, privateKey: derChild(fields, 2, DER_TAG.OCTET_STRING).content };
}

/** Checks the outer shape of a PKCS#8 EncryptedPrivateKeyInfo (algorithm + ciphertext); throws DerError when malformed. */
export function checkEncryptedPrivateKeyInfo(der: Uint8Array): void {
  const fields = readDerChildren(readDer(der, DER_TAG.SEQUENCE).content);
  readDerChildren(derChild(fields, 0, DER_TAG.SEQUENCE).content);
  if (derChild(fields, 1, DER_TAG.OCTET_STRING).content.length === 0) throw new DerError('empty ciphertext');
}
