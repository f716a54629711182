// SubjectPublicKeyInfo (RFC 5280 §4.1): reading the algorithm of a public key and building EC ones.
import { DER_TAG, derChild, encodeDer, encodeOid, oidToString, readDer, readDerChildren } from './der';
import { OID_EC_PUBLIC_KEY } from './key-algorithm-oids';

/** The algorithm OID of a public key and its parameter OID (the curve, for EC keys). */
export interface SpkiAlgorithm {
  algorithmOid: string;
  parameterOid: string | null;
}

/** Reads the algorithm of a SubjectPublicKeyInfo and checks its shape; throws DerError when malformed. */
export function readSpkiAlgorithm(der: Uint8Array): SpkiAlgorithm {
  const fields = readDerChildren(readDer(der, DER_TAG.SEQUENCE).content);
  const algorithm = readDerChildren(derChild(fields, 0, DER_TAG.SEQUENCE).content);
  derChild(fields, 1, DER_TAG.BIT_STRING);
  const parameters = algorithm[1];
  return {
    algorithmOid: oidToString(derChild(algorithm, 0, DER_TAG.OID).content),
    parameterOid: parameters?.tag === DER_TAG.OID ? oidToString(parameters.content) : null,
  };
}

/** Builds the SubjectPublicKeyInfo of an EC public key from its curve OID and its public-key BIT STRING element. */
export function ecSpki(curveOid: string, publicKeyBitString: Uint8Array): Uint8Array {
  return encodeDer(DER_TAG.SEQUENCE, encodeDer(DER_TAG.SEQUENCE, encodeOid(OID_EC_PUBLIC_KEY), encodeOid(curveOid)), publicKeyBitString);
}
