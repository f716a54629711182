// The algorithms Compose signs with, and what kind of key each needs. `none` is not among them, on purpose: an unsigned
// token proves nothing, and a tool that makes one makes it easy to test an endpoint that accepts one by accident.
import { EC_ALGORITHM_BY_CURVE, HMAC_ALGORITHMS, RSA_ALGORITHMS } from '../verify/jws-algorithms';

/** Every algorithm Compose signs with: HS*, RS*, PS*, ES* and EdDSA. */
export const COMPOSE_ALGORITHMS = [...HMAC_ALGORITHMS, ...RSA_ALGORITHMS, ...Object.values(EC_ALGORITHM_BY_CURVE), 'EdDSA'] as const;

/** One algorithm Compose signs with. */
export type ComposeAlgorithm = (typeof COMPOSE_ALGORITHMS)[number];

/** What signs a token: a shared secret (HS*), or an RSA, EC or Ed25519 private key. */
export type SigningKeyKind = 'secret' | 'rsa' | 'ec' | 'ed25519';

/** True when Compose signs with this algorithm. */
export function isComposeAlgorithm(alg: unknown): alg is ComposeAlgorithm {
  return typeof alg === 'string' && (COMPOSE_ALGORITHMS as readonly string[]).includes(alg);
}

/** The kind of key an algorithm signs with. */
export function keyKindOf(alg: ComposeAlgorithm): SigningKeyKind {
  if (alg.startsWith('HS')) return 'secret';
  if (alg.startsWith('RS') || alg.startsWith('PS')) return 'rsa';
  if (alg.startsWith('ES')) return 'ec';
  return 'ed25519';
}

/** The ES algorithm for each JOSE curve name (P-256 signs ES256 only, and so on). */
export const EC_ALGORITHM_FOR_CURVE: Readonly<Record<string, ComposeAlgorithm>> = EC_ALGORITHM_BY_CURVE;
