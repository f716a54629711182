// Decodes the JWS JSON serializations of RFC 7515 §7.2: flattened (one signature) and general (a `signatures` array).
import { WorkbenchError } from '../errors/workbench-error';
import { tryBase64UrlToBytes } from '../encoding/base64url';
import { decodeJsonSegment } from './decode-json-segment';
import { decodePayload } from './decode-payload';
import type { DecodedSignature, DecodedToken, JsonObject } from './decoded-token';
import { detectTokenKind } from './detect-token-kind';
import { base64Error } from './segment-errors';

/** The most signatures a general JWS may carry here; each costs a key import when verified. */
export const MAX_JWS_SIGNATURES = 16;

const SERIALIZATION_HELP =
  'see RFC 7515 §7.2: {"payload":"…","protected":"…","signature":"…"} or {"payload":"…","signatures":[{"protected":"…","signature":"…"}]}';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeError(problem: string): WorkbenchError {
  return new WorkbenchError('ERR_TOKEN_JWS_JSON', `This JWS JSON serialization is not valid: ${problem} (${SERIALIZATION_HELP}).`);
}

/** True when parsed JSON is meant as a JWS JSON serialization (it has `signature` or `signatures`), not e.g. a token response. */
export function isJwsJson(value: unknown): value is JsonObject {
  return isObject(value) && ('signatures' in value || 'signature' in value);
}

function decodeSignature(entry: unknown, name: string, duplicates: string[]): DecodedSignature {
  if (!isObject(entry)) throw shapeError(`${name} is not a JSON object`);
  const { protected: protectedSegment = '', header: unprotected, signature: signatureSegment } = entry;
  if (typeof protectedSegment !== 'string') throw shapeError(`"protected" of ${name} is not a string`);
  if (unprotected !== undefined && !isObject(unprotected)) throw shapeError(`"header" of ${name} is not a JSON object`);
  if (typeof signatureSegment !== 'string') throw shapeError(`${name} has no "signature" string`);
  if (protectedSegment === '' && unprotected === undefined) throw shapeError(`${name} has neither "protected" nor "header"`);
  const protectedHeader = protectedSegment === '' ? {} : decodeJsonSegment(protectedSegment, `The protected header of ${name}`, duplicates);
  const shared = unprotected === undefined ? [] : Object.keys(unprotected).filter((key) => Object.hasOwn(protectedHeader, key));
  if (shared.length > 0)
    throw shapeError(`${name} has ${JSON.stringify(shared[0]!.slice(0, 32))} in both its protected and unprotected header`);
  const signature = tryBase64UrlToBytes(signatureSegment);
  if (signature === null) throw base64Error(`The signature of ${name}`, signatureSegment);
  return {
    protectedSegment,
    header: { ...protectedHeader, ...unprotected },
    unprotectedHeader: unprotected ?? null,
    signatureSegment,
    signature,
  };
}

/**
 * Decodes a parsed JWS JSON serialization (see isJwsJson); `duplicates` are the member names its own text held twice.
 * Throws ERR_TOKEN_JWS_JSON for a bad shape, or the segment errors.
 */
export function decodeJwsJson(json: JsonObject, duplicates: string[] = []): DecodedToken {
  const { payload: payloadSegment, signatures: entries } = json;
  if (payloadSegment === undefined) throw shapeError('it has no "payload" (a detached payload cannot be decoded here)');
  if (typeof payloadSegment !== 'string') throw shapeError('"payload" is not a string');
  const general = entries !== undefined;
  if (general && ('signature' in json || 'protected' in json || 'header' in json))
    throw shapeError('it mixes "signatures" with a top-level "signature", "protected" or "header"');
  if (general && (!Array.isArray(entries) || entries.length === 0)) throw shapeError('"signatures" is not a non-empty array');
  const list: unknown[] = general ? (entries as unknown[]) : [json];
  if (list.length > MAX_JWS_SIGNATURES) throw shapeError(`it has ${list.length} signatures; at most ${MAX_JWS_SIGNATURES} are checked`);
  const headerDuplicates: string[] = [];
  const signatures = list.map((entry, i) =>
    decodeSignature(entry, general ? `signature ${i + 1}` : 'the JWS', i === 0 ? headerDuplicates : []),
  );
  const { payload, payloadText, duplicateKeys } = decodePayload(payloadSegment, 'The payload');
  const first = signatures[0]!;
  return {
    kind: detectTokenKind(first.header, payloadText === null ? payload : null),
    serialization: general ? 'general' : 'flattened',
    compact: JSON.stringify(json),
    segments: [],
    header: first.header,
    payload,
    payloadText,
    payloadSegment,
    signature: first.signature,
    signingInput: `${first.protectedSegment}.${payloadSegment}`,
    signatures,
    duplicateKeys: { header: headerDuplicates, payload: duplicateKeys, serialization: duplicates },
    stripped: [],
  };
}
