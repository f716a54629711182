// A minimal self-signed X.509 v3 certificate for a key pair (RSA, EC or Ed25519), built with the DER writer and signed by node:crypto.
import { X509Certificate, sign as nodeSign, type KeyObject } from 'node:crypto';
import { DER_TAG, encodeDer, encodeOid } from '../../shared/keys/der';
import { formatPem } from '../../shared/keys/pem-blocks';

function signatureAlgorithm(publicKey: KeyObject): Uint8Array {
  if (publicKey.asymmetricKeyType === 'ed25519') return encodeDer(DER_TAG.SEQUENCE, encodeOid('1.3.101.112'));
  if (publicKey.asymmetricKeyType === 'ec') return encodeDer(DER_TAG.SEQUENCE, encodeOid('1.2.840.10045.4.3.2'));
  return encodeDer(DER_TAG.SEQUENCE, encodeOid('1.2.840.113549.1.1.11'), Uint8Array.of(DER_TAG.NULL, 0));
}

/** The PEM certificate of a key pair, checked with node:crypto to carry exactly that public key. */
export function selfSignedCertificate(privateKey: KeyObject, publicKey: KeyObject): string {
  const algorithm = signatureAlgorithm(publicKey);
  const name = encodeDer(
    DER_TAG.SEQUENCE,
    encodeDer(0x31, encodeDer(DER_TAG.SEQUENCE, encodeOid('2.5.4.3'), encodeDer(0x0c, new TextEncoder().encode('workbench test')))),
  );
  const time = (value: string) => encodeDer(0x17, new TextEncoder().encode(value));
  const tbs = encodeDer(
    DER_TAG.SEQUENCE,
    encodeDer(DER_TAG.CONTEXT_0, encodeDer(DER_TAG.INTEGER, Uint8Array.of(2))),
    encodeDer(DER_TAG.INTEGER, Uint8Array.of(0x01, 0x23)),
    algorithm,
    name,
    encodeDer(DER_TAG.SEQUENCE, time('250101000000Z'), time('450101000000Z')),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = nodeSign(publicKey.asymmetricKeyType === 'ed25519' ? null : 'sha256', tbs, privateKey);
  const der = encodeDer(DER_TAG.SEQUENCE, tbs, algorithm, encodeDer(DER_TAG.BIT_STRING, Uint8Array.of(0), signature));
  if (!new X509Certificate(der).publicKey.equals(publicKey)) throw new Error('the test certificate does not carry the public key');
  return formatPem('CERTIFICATE', der);
}
