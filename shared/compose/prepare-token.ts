// What gets signed: the header and payload a user wrote, checked, with the chosen algorithm in the header and iat/exp set
// from the lifetime. The same function runs live in the Compose screen (to say what is wrong as you type) and in the main
// process before signing (which never trusts what the renderer checked).
import type { JsonObject } from '../decode/decoded-token';
import { isComposeAlgorithm, type ComposeAlgorithm } from './compose-algorithms';
import { COMPOSE_MESSAGES, composeError } from './compose-errors';
import { parseComposeJson } from './compose-json';
import { parseDuration } from './parse-duration';

/** What a user composed: header and payload as JSON text, the algorithm, and a lifetime ("" or null: leave iat/exp as written). */
export interface ComposeInput {
  header: string;
  payload: string;
  alg: string;
  expiresIn?: string | null;
}

/** A header and payload ready to sign, and the names each gives twice (signed as JSON.parse read them: the last one). */
export interface PreparedToken {
  alg: ComposeAlgorithm;
  header: JsonObject;
  payload: JsonObject;
  duplicates: { header: string[]; payload: string[] };
}

/** Header parameters Compose does not write: `crit` asks verifiers to understand extensions, `b64: false` is another format. */
const REFUSED_HEADER_PARAMETERS = ['crit', 'b64'] as const;

/** The algorithm to sign with; `none` is refused whatever its spelling, anything else unknown too. */
export function composeAlgorithm(alg: string): ComposeAlgorithm {
  if (alg.trim().toLowerCase() === 'none') throw composeError('ERR_COMPOSE_ALG_NONE', COMPOSE_MESSAGES.algNone);
  if (!isComposeAlgorithm(alg)) {
    throw composeError(
      'ERR_COMPOSE_ALG_UNSUPPORTED',
      `Compose does not sign with "${alg.slice(0, 20)}": use HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512 or EdDSA.`,
    );
  }
  return alg;
}

/** Checks the header's own alg against the chosen one and puts the chosen one in; throws ERR_COMPOSE_ALG_NONE / _MISMATCH. */
function headerFor(header: JsonObject, alg: ComposeAlgorithm): JsonObject {
  const written = header.alg;
  if (typeof written === 'string' && written.trim().toLowerCase() === 'none')
    throw composeError('ERR_COMPOSE_ALG_NONE', COMPOSE_MESSAGES.algNone);
  if (written !== undefined && written !== alg) {
    throw composeError(
      'ERR_COMPOSE_ALG_MISMATCH',
      `The header says "alg": ${JSON.stringify(written).slice(0, 24)} but the token is signed ${alg}: change one so they agree.`,
    );
  }
  for (const name of REFUSED_HEADER_PARAMETERS) {
    if (Object.hasOwn(header, name))
      throw composeError('ERR_COMPOSE_JSON', `The header has "${name}", which Compose does not write: remove it.`);
  }
  return { ...header, alg };
}

/** The payload with iat = now and exp = now + lifetime; without a lifetime, as written. */
function withLifetime(payload: JsonObject, expiresIn: string | null | undefined, nowSeconds: number): JsonObject {
  if (expiresIn === undefined || expiresIn === null || expiresIn.trim() === '') return payload;
  const lifetime = parseDuration(expiresIn);
  return { ...payload, iat: nowSeconds, exp: nowSeconds + lifetime };
}

/** Checks everything a user composed and returns what will be signed. Throws ERR_COMPOSE_* with what to fix. */
export function prepareToken(input: ComposeInput, nowSeconds: number): PreparedToken {
  const alg = composeAlgorithm(input.alg);
  const header = parseComposeJson(input.header, 'header');
  const payload = parseComposeJson(input.payload, 'payload');
  return {
    alg,
    header: headerFor(header.value, alg),
    payload: withLifetime(payload.value, input.expiresIn, nowSeconds),
    duplicates: { header: header.duplicates, payload: payload.duplicates },
  };
}
