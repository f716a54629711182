// X.509 certificates (RFC 5280): extracts the subject's public key.
import { DER_TAG, derChild, readDer, readDerChildren } from './der';

/** Returns the SubjectPublicKeyInfo DER inside an X.509 certificate; throws DerError when malformed. */
export function certificateSpki(der: Uint8Array): Uint8Array {
  const certificate = readDerChildren(readDer(der, DER_TAG.SEQUENCE).content);
  const tbs = readDerChildren(derChild(certificate, 0, DER_TAG.SEQUENCE).content);
  const fields = tbs[0]?.tag === DER_TAG.CONTEXT_0 ? tbs.slice(1) : tbs;
  // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
  derChild(fields, 0, DER_TAG.INTEGER);
  return derChild(fields, 5, DER_TAG.SEQUENCE).raw;
}
