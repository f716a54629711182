// The errors and messages of signature verification: one place for their codes and wording.
import { WorkbenchError } from '../errors/workbench-error';
import type { ErrorCode } from '../errors/error-codes';
import { SUPPORTED_ALGORITHMS } from './jws-algorithms';

/** The fixed messages of verification errors (tests and UIs compare against these). */
export const VERIFY_MESSAGES = {
  algNone: 'This token is unsecured (alg: none): it has no signature, so nothing proves who made it. Never accept it.',
  algMissing: 'The token header has no "alg": its signature cannot be checked.',
  badSignatureSecret:
    'The signature does not match: the secret is wrong (check its encoding: text, base64 or hex) or the token was altered.',
  secretLooksHex:
    'The signature does not match the secret read as text. It looks like hexadecimal, as Key Management shows a Salt key: a Salt key signs with its bytes, so choose the hex encoding (the signature may still not match: then the key is wrong or the token was altered).',
  badSignatureKey: 'The signature does not match: this is not the key the token was signed with, or the token was altered.',
  malformedJws: 'The token cannot be checked as a JWS (for example an unknown "crit" header): treat it as not verified.',
  secretEmpty: "The signing secret is empty: paste the secret (for Engagement SSO, the package's JWT signing secret).",
  secretBase64: 'The secret is not valid base64: check it, or choose the text encoding.',
  secretHex: 'The secret is not valid hex (0-9, a-f, an even number of digits): check it, or choose the text encoding.',
  noKeyFound: 'No key found: paste a PEM public key (-----BEGIN PUBLIC KEY-----), a certificate or a JWK.',
  keyDamaged: 'The key is truncated or corrupted: copy it again in full, from its -----BEGIN line to its -----END line.',
  encryptedPrivateKey: 'This private key is encrypted: paste the public key or the certificate instead.',
  ed25519PrivateKey: 'This is an Ed25519 private key: paste its public key instead (`openssl pkey -in key.pem -pubout`).',
  ecPrivateKeyWithoutPublic: 'This EC private key does not include its public key: paste the public key instead.',
  sshPublicKey: 'OpenSSH public keys cannot be used directly: convert it with `ssh-keygen -e -m PKCS8 -f key.pub` and paste the result.',
  jwkJson: 'The JWK is not valid JSON: paste the key object, e.g. {"kty":"RSA","n":"…","e":"AQAB"}.',
  jwkShape: 'The JWK is not valid: it needs "kty" and that type\'s fields (RSA: n and e; EC: crv, x and y; OKP: crv and x; oct: k).',
  jwkForEncryption: 'This JWK is marked for encryption ("use": "enc"), not signatures: use the signing key.',
  jwksShape: 'The JWK set is not valid: it needs a "keys" array of JWK objects.',
  jwksEmpty: 'The JWK set has no keys: paste a set that contains the signing key.',
  importFailed: "The key could not be imported: check that it is complete and is the public key for this token's algorithm.",
  rsaTooSmall: 'This RSA key has fewer than 2048 bits, which is too weak to trust: use a 2048-bit or larger key.',
} as const;

/** Error codes of verification problems. */
export type VerifyErrorCode = Extract<ErrorCode, `ERR_VERIFY_${string}`>;

/** A verification error with a code and message. */
export function verifyError(code: VerifyErrorCode, message: string): WorkbenchError {
  return new WorkbenchError(code, message);
}

/** Keeps a token-supplied string short and printable before it is put in a message. */
export function quoteForMessage(value: string): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(clean.length > 32 ? `${clean.slice(0, 32)}…` : clean);
}

/** ERR_VERIFY_ALG_UNSUPPORTED naming the algorithm and what is supported. */
export function unsupportedAlgorithmError(alg: string): WorkbenchError {
  return verifyError(
    'ERR_VERIFY_ALG_UNSUPPORTED',
    `The algorithm ${quoteForMessage(alg)} is not supported: the workbench checks ${SUPPORTED_ALGORITHMS.join(', ')}.`,
  );
}

/** ERR_VERIFY_ALG_MISMATCH for an HMAC token checked with a public key: the algorithm-confusion attack. */
export function algorithmConfusionError(alg: string, keyDescription: string): WorkbenchError {
  return verifyError(
    'ERR_VERIFY_ALG_MISMATCH',
    `The token says ${alg} (HMAC) but the key is ${keyDescription}: rejected, because a public key used as an HMAC secret is the classic algorithm-confusion attack. Verify with the signing secret instead.`,
  );
}

/** ERR_VERIFY_ALG_MISMATCH for a public-key token checked with a secret. */
export function secretForAsymmetricError(alg: string): WorkbenchError {
  return verifyError(
    'ERR_VERIFY_ALG_MISMATCH',
    `The token says ${alg}, which is signed with a private key, so a secret cannot verify it: use the matching public key (PEM, certificate or JWK).`,
  );
}

/** ERR_VERIFY_ALG_MISMATCH when the key's type or curve does not fit the token's algorithm. */
export function keyTypeMismatchError(alg: string, keyDescription: string, allowed: readonly string[]): WorkbenchError {
  const fits = allowed.length === 0 ? 'which verifies none of the supported algorithms' : `which only verifies ${allowed.join(', ')}`;
  return verifyError(
    'ERR_VERIFY_ALG_MISMATCH',
    `The token says ${alg} but the key is ${keyDescription}, ${fits}: use the key the token was signed with.`,
  );
}

/** ERR_VERIFY_ALG_MISMATCH when a JWK declares another algorithm than the token's. */
export function declaredAlgorithmMismatchError(alg: string, declared: string): WorkbenchError {
  return verifyError(
    'ERR_VERIFY_ALG_MISMATCH',
    `The token says ${alg} but the JWK is declared for ${quoteForMessage(declared)}: use the key the token was signed with.`,
  );
}

/** ERR_VERIFY_KID_NOT_FOUND for a kid no key in the set has. */
export function kidNotFoundError(kid: string): WorkbenchError {
  return verifyError(
    'ERR_VERIFY_KID_NOT_FOUND',
    `No key in the JWK set has kid ${quoteForMessage(kid)}: use the set that contains the token's signing key.`,
  );
}

/** ERR_VERIFY_KID_NOT_FOUND when the token has no kid and no key in the set fits its algorithm. */
export function noFittingKeyError(alg: string): WorkbenchError {
  return verifyError(
    'ERR_VERIFY_KID_NOT_FOUND',
    `The token has no kid and no key in the JWK set fits ${alg}: use the set that contains the token's signing key.`,
  );
}

/** ERR_VERIFY_KEY_INVALID for a PEM block that cannot verify anything, naming its label. */
export function unusablePemError(label: string): WorkbenchError {
  return verifyError(
    'ERR_VERIFY_KEY_INVALID',
    `A PEM "${label.slice(0, 40)}" block cannot verify signatures: paste a public key, a certificate or a JWK.`,
  );
}
