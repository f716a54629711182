// A verification key after parsing: what kind of key it is, which algorithms it allows, and how to import it.
import type { SecretEncoding } from './verification';
import { EC_ALGORITHM_BY_CURVE, EDDSA_ALGORITHMS, HMAC_ALGORITHMS, RSA_ALGORITHMS, type EcCurve } from './jws-algorithms';

/** Fields every key material has: a phrase naming it for messages, and what a JWK declared about itself. */
interface KeyMaterialBase {
  /** E.g. `an RSA public key`, `an EC P-256 public key`, `a secret`. */
  description: string;
  /** The JWK `alg` member, when the key came from a JWK that declares one. */
  declaredAlg?: string;
}

/** A parsed verification key. The algorithms it allows come from its type, never from the token. */
export type KeyMaterial =
  // `encoding` and `looksHex` describe a pasted secret; a JWK's `k` has neither.
  | (KeyMaterialBase & { kind: 'secret'; bytes: Uint8Array; encoding?: SecretEncoding; looksHex?: boolean })
  | (KeyMaterialBase & { kind: 'rsa'; importFor(alg: string): Promise<CryptoKey> })
  | (KeyMaterialBase & { kind: 'ec'; curve: EcCurve; importFor(alg: string): Promise<CryptoKey> })
  | (KeyMaterialBase & { kind: 'ed25519'; importFor(alg: string): Promise<CryptoKey> })
  | (KeyMaterialBase & { kind: 'other' });

/** The algorithms a key may verify: HS256-512 for a secret, RS and PS 256-512 for RSA, the curve's ES algorithm for EC, EdDSA and Ed25519 for an Ed25519 key, none otherwise. */
export function allowedAlgorithms(material: KeyMaterial): readonly string[] {
  switch (material.kind) {
    case 'secret':
      return HMAC_ALGORITHMS;
    case 'rsa':
      return RSA_ALGORITHMS;
    case 'ec':
      return [EC_ALGORITHM_BY_CURVE[material.curve]];
    case 'ed25519':
      return EDDSA_ALGORITHMS;
    case 'other':
      return [];
  }
}
