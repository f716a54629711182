// Picks the key(s) of a JWK set that can verify a token: by `kid`, or by what fits the algorithm when there is no kid.
import type { JsonObject } from '../decode/decoded-token';
import { WorkbenchError } from '../errors/workbench-error';
import { jwkKeyMaterial } from './jwk-key-material';
import { allowedAlgorithms, type KeyMaterial } from './key-material';
import { VERIFY_MESSAGES as M, kidNotFoundError, noFittingKeyError, verifyError } from './verify-errors';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a JWK or JWK set given as JSON text (objects pass through); throws ERR_VERIFY_KEY_INVALID when it is not a JSON object. */
export function parseJsonKey(value: string | object): Record<string, unknown> {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value.trim());
    } catch {
      throw verifyError('ERR_VERIFY_KEY_INVALID', M.jwkJson);
    }
  }
  if (!isRecord(parsed)) throw verifyError('ERR_VERIFY_KEY_INVALID', M.jwkJson);
  return parsed;
}

/** True when a parsed JSON key is a JWK set (has a `keys` member). */
export function isJwkSet(value: Record<string, unknown>): boolean {
  return 'keys' in value;
}

function fits(material: KeyMaterial, alg: string): boolean {
  return allowedAlgorithms(material).includes(alg) && (material.declaredAlg === undefined || material.declaredAlg === alg);
}

/** The candidate keys of a JWK set for a token: the keys with the token's `kid`; without a kid, the only key, or every key whose type (and declared alg) fits the algorithm. Throws ERR_VERIFY_KEY_INVALID for a bad set, ERR_VERIFY_KID_NOT_FOUND when nothing matches. */
export function selectFromJwkSet(set: Record<string, unknown>, header: JsonObject, alg: string): KeyMaterial[] {
  const { keys } = set;
  if (!Array.isArray(keys) || !keys.every(isRecord)) throw verifyError('ERR_VERIFY_KEY_INVALID', M.jwksShape);
  if (keys.length === 0) throw verifyError('ERR_VERIFY_KEY_INVALID', M.jwksEmpty);
  const { kid } = header;
  if (typeof kid === 'string') {
    const matching = keys.filter((jwk) => jwk.kid === kid);
    if (matching.length === 0) throw kidNotFoundError(kid);
    return matching.map(jwkKeyMaterial);
  }
  if (keys.length === 1) return [jwkKeyMaterial(keys[0]!)];
  const materials: KeyMaterial[] = [];
  let firstError: WorkbenchError | null = null;
  for (const jwk of keys) {
    try {
      materials.push(jwkKeyMaterial(jwk));
    } catch (error) {
      if (!(error instanceof WorkbenchError)) throw error;
      firstError ??= error;
    }
  }
  if (materials.length === 0 && firstError !== null) throw firstError;
  const fitting = materials.filter((material) => fits(material, alg));
  if (fitting.length === 0) throw noFittingKeyError(alg);
  return fitting;
}
