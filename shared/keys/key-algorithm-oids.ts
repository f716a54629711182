// Object identifiers of key algorithms and curves, with the names users know them by.

/** rsaEncryption: the algorithm of plain RSA keys in PKCS#8 and SPKI. */
export const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
/** id-ecPublicKey: elliptic-curve keys (the curve is in the parameters). */
export const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';

/** id-Ed25519 (RFC 8410): an Ed25519 key, used with EdDSA. */
export const OID_ED25519 = '1.3.101.112';

/** The named curves JOSE uses, by OID. */
export const EC_CURVES: Readonly<Record<string, 'P-256' | 'P-384' | 'P-521'>> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

const KEY_ALGORITHM_PHRASES: Readonly<Record<string, string>> = {
  [OID_RSA_ENCRYPTION]: 'an RSA key',
  '1.2.840.113549.1.1.10': 'an RSA-PSS key',
  [OID_EC_PUBLIC_KEY]: 'an EC (elliptic curve) key',
  '1.2.840.10040.4.1': 'a DSA key',
  '1.2.840.113549.1.3.1': 'a Diffie-Hellman key',
  '1.3.101.110': 'an X25519 key',
  '1.3.101.111': 'an X448 key',
  [OID_ED25519]: 'an Ed25519 key',
  '1.3.101.113': 'an Ed448 key',
};

/** What a key with this algorithm OID is, as a phrase with its article, e.g. `an Ed25519 key`. */
export function keyAlgorithmPhrase(oid: string): string {
  return KEY_ALGORITHM_PHRASES[oid] ?? `a key of unknown algorithm ${oid}`;
}
