// Reads the JOSE `alg` header: what kind of signature it is and whether it fits the token kind.
import type { Interpreter } from '../claim-entry';

const SHARED_SECRET = 'signed and checked with one shared secret';
const KEY_PAIR = 'signed with a private key, checked with the public key';

/** The algorithm's name and whether it signs with a key pair (RS, PS, ES, EdDSA) or one shared secret (HS). */
function family(alg: string): { name: string; keyPair: boolean } | null {
  if (alg === 'EdDSA' || alg === 'Ed25519') return { name: `${alg} (Ed25519 signature)`, keyPair: true };
  const bits = alg.slice(2);
  if (bits !== '256' && bits !== '384' && bits !== '512') return null;
  switch (alg.slice(0, 2)) {
    case 'HS':
      return { name: `HMAC with SHA-${bits}`, keyPair: false };
    case 'RS':
      return { name: `RSA (PKCS#1 v1.5) with SHA-${bits}`, keyPair: true };
    case 'PS':
      return { name: `RSA-PSS with SHA-${bits}`, keyPair: true };
    case 'ES':
      return { name: `ECDSA with SHA-${bits}`, keyPair: true };
    default:
      return null;
  }
}

/** Interprets `alg`, adding the key to use for the Marketing Cloud kinds. */
export const interpretAlg: Interpreter = (value, context) => {
  if (typeof value !== 'string') return 'Not a string: the algorithm is missing or malformed.';
  // Only a 4-character value can lowercase to 'none' (as tokenWarnings checks it): no lowercased copy of every other alg.
  if (value.length === 4 && value.toLowerCase() === 'none') return 'No signature: anyone can create or change this token. Never accept it.';
  const known = family(value);
  if (known === null) return 'Not a JWS algorithm the workbench knows.';
  const reading = `${known.name}: ${known.keyPair ? KEY_PAIR : SHARED_SECRET}`;
  if (context.kind === 'engagement-sso-v1' || context.kind === 'engagement-sso-v2') {
    return value === 'HS256' ? `${reading} (the package's JWT signing secret)` : `${reading}; App Center SSO JWTs are signed HS256`;
  }
  if (context.kind === 'intelligence-assertion') {
    // Who holds which key: the app signs with the service account's private key, the identity provider checks with the public one.
    return known.keyPair
      ? `${known.name}: signed by this app with the service account's private key, checked by the identity provider with the matching public key`
      : `${reading}; client assertions are signed RS256 with the service account's private key`;
  }
  return reading;
};
