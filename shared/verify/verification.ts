import type { ErrorPayload } from '../errors/workbench-error';

/** Explicit signature states: never implied. `unsupported` is an algorithm the workbench cannot check. */
export type SignatureStatus = 'valid' | 'invalid' | 'unchecked' | 'unsupported';

/** How an HS256 secret can be given: as text (default; the Engagement JWT signing secret), base64 or hex bytes. */
export const SECRET_ENCODINGS = ['text', 'base64', 'hex'] as const;

/** One of {@link SECRET_ENCODINGS}. */
export type SecretEncoding = (typeof SECRET_ENCODINGS)[number];

/** The key a user supplies to verify a signature. The algorithm is taken from the key, never from the token. */
export type VerificationKey =
  | { type: 'secret'; secret: string; encoding?: SecretEncoding }
  | { type: 'pem'; pem: string }
  | { type: 'jwk'; jwk: string | Record<string, unknown> }
  | { type: 'jwks'; jwks: string | { keys: Record<string, unknown>[] } };

/** The outcome of a signature check. */
export interface VerificationResult {
  status: SignatureStatus;
  /** The token's `alg` header, if it had one. */
  alg: string | null;
  /** Why it is invalid or unsupported (e.g. ERR_VERIFY_ALG_NONE), when there is a reason to tell. */
  error?: ErrorPayload;
  /** For a JWS with several signatures (general JSON serialization): each one's result, in order. The fields above are then the best of them. */
  signatures?: SignatureResult[];
  /** For a secret: how its text was read into key bytes (so the user sees which interpretation was checked). */
  secretKey?: SecretKeyReading;
}

/** How a pasted HMAC secret was turned into key bytes. */
export interface SecretKeyReading {
  encoding: SecretEncoding;
  /** The number of key bytes the signature was checked with. */
  bytes: number;
}

/** The outcome for one signature of a JWS with several. */
export interface SignatureResult {
  status: SignatureStatus;
  alg: string | null;
  /** The signature's `kid` (protected or unprotected header), if it has one. */
  kid: string | null;
  error?: ErrorPayload;
}
