// Decodes a JWS payload: a JSON object is a JWT claims set; anything else is shown as text (or hex when not text).
import { tryBase64UrlToBinary } from '../encoding/base64url';
import { binaryToBytes } from '../encoding/binary-string';
import { tryUtf8FromBinary } from '../encoding/utf8';
import type { JsonObject, PayloadText } from './decoded-token';
import { duplicateKeyPathsCounted } from './duplicate-keys';
import { keyCountWithin, MAX_JSON_DEPTH } from '../encoding/json-depth';
import { base64Error, emptySegmentError, tooDeepError } from './segment-errors';

/** A decoded payload: the claims set, or the text when the payload is not a JSON object. */
export interface DecodedPayload {
  payload: JsonObject;
  payloadText: PayloadText | null;
  /** The paths of claim names the claims set holds twice (JSON.parse keeps the last). */
  duplicateKeys: string[];
}

/** True for C0 controls other than tab, line feed and carriage return, and DEL: characters that mean binary, not text. */
function hasBinaryControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

function toHex(binary: string): string {
  let hex = '';
  for (const byte of binaryToBytes(binary)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function claimsSet(text: string): JsonObject | null {
  // A claims set opens with its brace, usually as the first character: trimStart (a runtime call) only for the rest.
  if (text.charCodeAt(0) !== 0x7b && !text.trimStart().startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

/** Decodes a base64url payload (`decoded`: its binary, when the caller has it); `label` names it in messages. Throws ERR_TOKEN_SEGMENTS when empty, ERR_TOKEN_BASE64 when not base64url, ERR_TOKEN_TOO_DEEP for claims nested too deep. */
export function decodePayload(segment: string, label: string, decoded?: string): DecodedPayload {
  if (segment.length === 0) throw emptySegmentError(label);
  const binary = decoded ?? tryBase64UrlToBinary(segment);
  if (binary === null) throw base64Error(label, segment);
  const text = tryUtf8FromBinary(binary);
  const claims = text === null ? null : claimsSet(text);
  if (claims !== null && text !== null) {
    const keys = keyCountWithin(claims, MAX_JSON_DEPTH);
    if (keys === -1) throw tooDeepError(label);
    return { payload: claims, payloadText: null, duplicateKeys: duplicateKeyPathsCounted(text, keys) };
  }
  // The UTF-8 decoder drops a leading byte order mark: hex shows such a payload exactly as it is.
  if (text === null || hasBinaryControl(text) || binary.startsWith('\xef\xbb\xbf'))
    return { payload: {}, payloadText: { encoding: 'hex', text: toHex(binary) }, duplicateKeys: [] };
  return { payload: {}, payloadText: { encoding: 'utf8', text }, duplicateKeys: [] };
}
