// The JWS algorithms the workbench checks, and which kind of key each needs.

/** HMAC algorithms: verified with a shared secret. */
export const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;
/** RSA algorithms (PKCS#1 v1.5 and PSS): verified with an RSA public key. */
export const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const;
/** The ECDSA algorithm for each named curve: verified with an EC public key on that curve. */
export const EC_ALGORITHM_BY_CURVE = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' } as const;

/** Ed25519 signatures: `EdDSA` (RFC 8037) and the fully-specified `Ed25519` (RFC 9864) mean the same here, as in jose 6. */
export const EDDSA_ALGORITHMS = ['EdDSA', 'Ed25519'] as const;

/** A named curve the workbench verifies with. */
export type EcCurve = keyof typeof EC_ALGORITHM_BY_CURVE;

/** Every algorithm verifySignature can check. */
export const SUPPORTED_ALGORITHMS: readonly string[] = [
  ...HMAC_ALGORITHMS,
  ...RSA_ALGORITHMS,
  ...Object.values(EC_ALGORITHM_BY_CURVE),
  ...EDDSA_ALGORITHMS,
];

/** True when the algorithm is one verifySignature can check. */
export function isSupportedAlgorithm(alg: string): boolean {
  return SUPPORTED_ALGORITHMS.includes(alg);
}

/** True for HS256/HS384/HS512. */
export function isHmacAlgorithm(alg: string): boolean {
  return (HMAC_ALGORITHMS as readonly string[]).includes(alg);
}
