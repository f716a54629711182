// RSA key structures in DER: reading PKCS#1 keys and re-wrapping them as PKCS#8 / SPKI.
import { DER_TAG, DerError, concatBytes, derChild, encodeDer, encodeOid, readDer, readDerChildren, type DerElement } from './der';
import { OID_RSA_ENCRYPTION } from './key-algorithm-oids';

/** The public numbers of an RSA key, as the DER INTEGER elements they were read from. */
export interface RsaPublicNumbers {
  modulus: DerElement;
  publicExponent: DerElement;
}

const RSA_ALGORITHM_IDENTIFIER = () => encodeDer(DER_TAG.SEQUENCE, encodeOid(OID_RSA_ENCRYPTION), Uint8Array.of(DER_TAG.NULL, 0));

/** Reads a PKCS#1 RSAPrivateKey (RFC 8017 A.1.2), checking all its fields; throws DerError when malformed. */
export function readPkcs1PrivateKey(der: Uint8Array): RsaPublicNumbers {
  const fields = readDerChildren(readDer(der, DER_TAG.SEQUENCE).content);
  if (fields.length < 9) throw new DerError('RSAPrivateKey has too few fields');
  for (let i = 0; i < 9; i++) derChild(fields, i, DER_TAG.INTEGER);
  return { modulus: fields[1]!, publicExponent: fields[2]! };
}

/** Reads a PKCS#1 RSAPublicKey (modulus and exponent); throws DerError when malformed. */
export function readPkcs1PublicKey(der: Uint8Array): RsaPublicNumbers {
  const fields = readDerChildren(readDer(der, DER_TAG.SEQUENCE).content);
  if (fields.length !== 2) throw new DerError('RSAPublicKey must have two fields');
  return { modulus: derChild(fields, 0, DER_TAG.INTEGER), publicExponent: derChild(fields, 1, DER_TAG.INTEGER) };
}

/** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption). */
export function pkcs1ToPkcs8(pkcs1Der: Uint8Array): Uint8Array {
  return encodeDer(
    DER_TAG.SEQUENCE,
    Uint8Array.of(DER_TAG.INTEGER, 1, 0),
    RSA_ALGORITHM_IDENTIFIER(),
    encodeDer(DER_TAG.OCTET_STRING, pkcs1Der),
  );
}

/** Builds the SubjectPublicKeyInfo DER of an RSA public key (what `openssl`/Node export as `spki`). */
export function rsaSpki(numbers: RsaPublicNumbers): Uint8Array {
  const rsaPublicKey = encodeDer(DER_TAG.SEQUENCE, concatBytes(numbers.modulus.raw, numbers.publicExponent.raw));
  return encodeDer(DER_TAG.SEQUENCE, RSA_ALGORITHM_IDENTIFIER(), encodeDer(DER_TAG.BIT_STRING, Uint8Array.of(0), rsaPublicKey));
}
