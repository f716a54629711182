// Builds a compact JWS from a header, payload and signature bytes (for round trips and tests; signs nothing).
import { bytesToBase64Url } from '../encoding/base64url';
import { textToBase64Url } from '../encoding/base64url-text';
import type { JsonObject } from './decoded-token';

/** Serializes header and payload as base64url JSON and appends the base64url signature (empty by default). */
export function encodeToken(header: JsonObject, payload: JsonObject, signature: Uint8Array = new Uint8Array(0)): string {
  return `${textToBase64Url(JSON.stringify(header))}.${textToBase64Url(JSON.stringify(payload))}.${bytesToBase64Url(signature)}`;
}
