// SEC 1 ECPrivateKey (RFC 5915): enough to find the public key inside an EC private key.
import { DER_TAG, DerError, derChild, oidToString, readDer, readDerChildren } from './der';

/** What an ECPrivateKey says about its public half: the curve OID (if stated) and the public key BIT STRING element (if included). */
export interface EcPrivateKeyPublicPart {
  curveOid: string | null;
  publicKey: Uint8Array | null;
}

/** Reads an ECPrivateKey's curve and embedded public key; throws DerError when malformed. */
export function readEcPrivateKey(der: Uint8Array): EcPrivateKeyPublicPart {
  const fields = readDerChildren(readDer(der, DER_TAG.SEQUENCE).content);
  derChild(fields, 0, DER_TAG.INTEGER);
  derChild(fields, 1, DER_TAG.OCTET_STRING);
  let curveOid: string | null = null;
  let publicKey: Uint8Array | null = null;
  for (const field of fields.slice(2)) {
    if (field.tag === DER_TAG.CONTEXT_0) curveOid = oidToString(readDer(field.content, DER_TAG.OID).content);
    else if (field.tag === DER_TAG.CONTEXT_1) publicKey = readDer(field.content, DER_TAG.BIT_STRING).raw;
    else throw new DerError('unexpected ECPrivateKey field');
  }
  return { curveOid, publicKey };
}
