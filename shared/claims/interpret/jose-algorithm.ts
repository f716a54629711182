// Reads the JOSE `alg` header: what kind of signature it is and whether it fits the token kind.
import type { Interpreter } from '../claim-entry';

function family(alg: string): string | null {
  const bits = alg.slice(2);
  if (bits !== '256' && bits !== '384' && bits !== '512') return null;
  switch (alg.slice(0, 2)) {
    case 'HS':
      return `HMAC with SHA-${bits}: signed and checked with one shared secret`;
    case 'RS':
      return `RSA (PKCS#1 v1.5) with SHA-${bits}: signed with a private key, checked with the public key`;
    case 'PS':
      return `RSA-PSS with SHA-${bits}: signed with a private key, checked with the public key`;
    case 'ES':
      return `ECDSA with SHA-${bits}: signed with a private key, checked with the public key`;
    default:
      return null;
  }
}

/** Interprets `alg`, adding the key to use for the Marketing Cloud kinds. */
export const interpretAlg: Interpreter = (value, context) => {
  if (typeof value !== 'string') return 'Not a string: the algorithm is missing or malformed.';
  if (value.toLowerCase() === 'none') return 'No signature: anyone can create or change this token. Never accept it.';
  const reading =
    value === 'EdDSA' || value === 'Ed25519'
      ? `${value} (Ed25519 signature): signed with a private key, checked with the public key`
      : family(value);
  if (reading === null) return 'Not a JWS algorithm the workbench knows.';
  if (context.kind === 'engagement-sso-v1' || context.kind === 'engagement-sso-v2') {
    return value === 'HS256' ? `${reading} (the package's JWT signing secret)` : `${reading}; App Center SSO JWTs are signed HS256`;
  }
  if (context.kind === 'intelligence-assertion') return `${reading} (the service account's private key)`;
  return reading;
};
