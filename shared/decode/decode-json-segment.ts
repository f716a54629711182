// Decodes a base64url segment that must hold a JSON object: a JOSE (protected) header.
import { tryBase64UrlDecode } from '../encoding/base64url';
import { tryUtf8FromDecoded } from '../encoding/utf8';
import type { JsonObject } from './decoded-token';
import { duplicateKeyPathsCounted } from './duplicate-keys';
import { keyCountWithin, MAX_JSON_DEPTH } from '../encoding/json-depth';
import { base64Error, emptySegmentError, jsonError, notObjectError, tooDeepError, utf8Error } from './segment-errors';

/**
 * The JSON object in a base64url segment; `label` names it in messages. The paths of member names it holds twice go to
 * `duplicates` (JSON.parse keeps the last); `decoded` is what tryBase64UrlDecode made of it when the caller has decoded it already. Throws ERR_TOKEN_SEGMENTS, ERR_TOKEN_BASE64, ERR_TOKEN_JSON, ERR_TOKEN_NOT_OBJECT or ERR_TOKEN_TOO_DEEP.
 */
export function decodeJsonSegment(segment: string, label: string, duplicates: string[] = [], decoded?: Uint8Array | string): JsonObject {
  if (segment.length === 0) throw emptySegmentError(label);
  const binary = decoded ?? tryBase64UrlDecode(segment);
  if (binary === null) throw base64Error(label, segment);
  const text = tryUtf8FromDecoded(binary);
  if (text === null) throw utf8Error(label);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw jsonError(label);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw notObjectError(label, value);
  const keys = keyCountWithin(value, MAX_JSON_DEPTH);
  if (keys === -1) throw tooDeepError(label);
  const found = duplicateKeyPathsCounted(text, keys);
  if (found.length > 0) duplicates.push(...found);
  return value as JsonObject;
}
