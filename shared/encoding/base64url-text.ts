// Text <-> base64url in one step: the shape of a JWT's header and payload segments.
import { base64UrlToBytes, bytesToBase64Url } from './base64url';
import { utf8Decode, utf8Encode } from './utf8';

/** Encodes text as UTF-8 and then as base64url without padding. */
export function textToBase64Url(text: string): string {
  return bytesToBase64Url(utf8Encode(text));
}

/** Decodes strict base64url and then strict UTF-8; throws ERR_TOKEN_BASE64 or ERR_TOKEN_JSON. */
export function base64UrlToText(segment: string): string {
  return utf8Decode(base64UrlToBytes(segment));
}
