// Turns a JWK into key material: its type and curve decide the algorithms, its own `alg` is only a further restriction.
import { importJWK, type JWK } from 'jose';
import { tryBase64UrlToBytes } from '../encoding/base64url';
import type { KeyMaterial } from './key-material';
import { EC_ALGORITHM_BY_CURVE, type EcCurve } from './jws-algorithms';
import { VERIFY_MESSAGES as M, quoteForMessage, verifyError } from './verify-errors';

const PUBLIC_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  RSA: ['kty', 'n', 'e'],
  EC: ['kty', 'crv', 'x', 'y'],
  OKP: ['kty', 'crv', 'x'],
};

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function publicPart(jwk: Record<string, unknown>, kty: 'RSA' | 'EC' | 'OKP'): JWK {
  return Object.fromEntries(PUBLIC_MEMBERS[kty]!.map((name) => [name, jwk[name]])) as JWK;
}

async function importPublicJwk(jwk: JWK, alg: string): Promise<CryptoKey> {
  const key = await importJWK(jwk, alg);
  if (key instanceof Uint8Array) throw verifyError('ERR_VERIFY_KEY_INVALID', M.jwkShape);
  return key;
}

/** Key material from one JWK object (private members are ignored: only the public part is used). Throws ERR_VERIFY_KEY_INVALID or ERR_VERIFY_SECRET_EMPTY. */
export function jwkKeyMaterial(jwk: Record<string, unknown>): KeyMaterial {
  if (jwk.use === 'enc') throw verifyError('ERR_VERIFY_KEY_INVALID', M.jwkForEncryption);
  const declaredAlg = typeof jwk.alg === 'string' ? { declaredAlg: jwk.alg } : {};
  const { kty } = jwk;
  if (kty === 'oct') {
    if (typeof jwk.k !== 'string') throw verifyError('ERR_VERIFY_KEY_INVALID', M.jwkShape);
    const bytes = tryBase64UrlToBytes(jwk.k);
    if (bytes === null) throw verifyError('ERR_VERIFY_KEY_INVALID', M.jwkShape);
    if (bytes.length === 0) throw verifyError('ERR_VERIFY_SECRET_EMPTY', M.secretEmpty);
    return { kind: 'secret', bytes, description: 'a secret (oct JWK)', ...declaredAlg };
  }
  if (kty === 'RSA') {
    if (!isNonEmptyString(jwk.n) || !isNonEmptyString(jwk.e)) throw verifyError('ERR_VERIFY_KEY_INVALID', M.jwkShape);
    const jwkPublic = publicPart(jwk, 'RSA');
    return { kind: 'rsa', description: 'an RSA public key', importFor: (alg) => importPublicJwk(jwkPublic, alg), ...declaredAlg };
  }
  if (kty === 'EC') {
    if (!isNonEmptyString(jwk.crv) || !isNonEmptyString(jwk.x) || !isNonEmptyString(jwk.y))
      throw verifyError('ERR_VERIFY_KEY_INVALID', M.jwkShape);
    if (!(jwk.crv in EC_ALGORITHM_BY_CURVE))
      return { kind: 'other', description: `an EC key on curve ${quoteForMessage(jwk.crv)}`, ...declaredAlg };
    const jwkPublic = publicPart(jwk, 'EC');
    const curve = jwk.crv as EcCurve;
    return {
      kind: 'ec',
      curve,
      description: `an EC ${curve} public key`,
      importFor: (alg) => importPublicJwk(jwkPublic, alg),
      ...declaredAlg,
    };
  }
  if (kty === 'OKP' && jwk.crv === 'Ed25519') {
    if (!isNonEmptyString(jwk.x)) throw verifyError('ERR_VERIFY_KEY_INVALID', M.jwkShape);
    const jwkPublic = publicPart(jwk, 'OKP');
    return { kind: 'ed25519', description: 'an Ed25519 public key', importFor: (alg) => importPublicJwk(jwkPublic, alg), ...declaredAlg };
  }
  if (isNonEmptyString(kty)) {
    const curve = isNonEmptyString(jwk.crv) ? ` ${quoteForMessage(jwk.crv)}` : '';
    return { kind: 'other', description: `a ${quoteForMessage(kty)}${curve} key`, ...declaredAlg };
  }
  throw verifyError('ERR_VERIFY_KEY_INVALID', M.jwkShape);
}
