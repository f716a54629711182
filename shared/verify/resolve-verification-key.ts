// Turns what the user supplied (secret, PEM, JWK, JWK set) into the candidate key material for one token.
import type { JsonObject } from '../decode/decoded-token';
import { isJwkSet, parseJsonKey, selectFromJwkSet } from './jwks-selection';
import { jwkKeyMaterial } from './jwk-key-material';
import type { KeyMaterial } from './key-material';
import { pemKeyMaterial } from './pem-key-material';
import { looksLikeHexKey, secretBytes } from './secret-bytes';
import type { VerificationKey } from './verification';
import { algorithmConfusionError } from './verify-errors';

function jsonKeyMaterial(value: string | object, header: JsonObject, alg: string): KeyMaterial[] {
  const parsed = parseJsonKey(value);
  return isJwkSet(parsed) ? selectFromJwkSet(parsed, header, alg) : [jwkKeyMaterial(parsed)];
}

/** The candidate keys for verifying a token with algorithm `alg`. A secret that is really a PEM public key or certificate is refused with ERR_VERIFY_ALG_MISMATCH (algorithm confusion). Throws ERR_VERIFY_SECRET_*, ERR_VERIFY_KEY_INVALID or ERR_VERIFY_KID_NOT_FOUND. */
export function resolveVerificationKey(key: VerificationKey, header: JsonObject, alg: string): KeyMaterial[] {
  switch (key.type) {
    case 'secret':
      if (/-----\s*BEGIN [A-Z0-9 ]*(PUBLIC KEY|CERTIFICATE)/.test(key.secret))
        throw algorithmConfusionError(alg, 'a PEM public key pasted as a secret');
      return [
        {
          kind: 'secret',
          bytes: secretBytes(key.secret, key.encoding),
          encoding: key.encoding ?? 'text',
          looksHex: looksLikeHexKey(key.secret),
          description: 'a secret',
        },
      ];
    case 'pem':
      return key.pem.trim().startsWith('{') ? jsonKeyMaterial(key.pem, header, alg) : [pemKeyMaterial(key.pem)];
    case 'jwk':
      return jsonKeyMaterial(key.jwk, header, alg);
    case 'jwks':
      return jsonKeyMaterial(key.jwks, header, alg);
  }
}
