import type { SecretEncoding, VerificationKey } from '../../shared/verify/verification';

/** Where the decoder takes the verification key from. */
export type KeySource = 'secret' | 'pem' | 'jwk' | 'profile';

/** What the user has entered in the signature panel. */
export interface KeyEntry {
  source: KeySource;
  secret: string;
  encoding: SecretEncoding;
  pem: string;
  jwk: string;
  /** The saved Engagement profile whose signing secret to use. */
  profileId: string;
}

/** The key source that fits a token's `alg`: a secret for HS*, a public key for anything asymmetric. */
export function defaultKeySource(alg: unknown): KeySource {
  return typeof alg === 'string' && /^(RS|PS|ES|Ed)/.test(alg) ? 'pem' : 'secret';
}

/** True when a JSON text is a JWK Set (an object with a `keys` array) rather than a single JWK. */
function isJwksText(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { keys?: unknown }).keys);
  } catch {
    return false;
  }
}

/** The VerificationKey for a local check, or null when nothing usable has been entered yet (profile checks go over IPC). */
export function verificationKeyOf(entry: KeyEntry): VerificationKey | null {
  switch (entry.source) {
    case 'secret':
      return entry.secret.length === 0 ? null : { type: 'secret', secret: entry.secret, encoding: entry.encoding };
    case 'pem':
      return entry.pem.trim().length === 0 ? null : { type: 'pem', pem: entry.pem };
    case 'jwk':
      if (entry.jwk.trim().length === 0) return null;
      return isJwksText(entry.jwk) ? { type: 'jwks', jwks: entry.jwk } : { type: 'jwk', jwk: entry.jwk };
    case 'profile':
      return null;
  }
}
