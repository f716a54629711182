// Decodes a pasted token into header, payload and signature without verifying anything.
import { WorkbenchError } from '../errors/workbench-error';
import { tryBase64UrlToBinary, tryBase64UrlToBytes } from '../encoding/base64url';
import { tryUtf8FromBinary } from '../encoding/utf8';
import { cleanTokenInput } from './clean-token-input';
import type { DecodedToken, JsonObject } from './decoded-token';
import { detectTokenKind } from './detect-token-kind';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import { base64Error, emptySegmentError, jsonError, notObjectError, segmentCountError, tooDeepError, utf8Error } from './segment-errors';

/** The largest input decodeToken accepts, in characters (64 KiB). */
export const MAX_TOKEN_CHARS = 64 * 1024;

function decodeJsonSegment(segment: string, index: number): JsonObject {
  if (segment.length === 0) throw emptySegmentError(index);
  const binary = tryBase64UrlToBinary(segment);
  if (binary === null) throw base64Error(index, segment);
  const text = tryUtf8FromBinary(binary);
  if (text === null) throw utf8Error(index);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw jsonError(index);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw notObjectError(index, value);
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) throw tooDeepError(index);
  return value as JsonObject;
}

/** Decodes a pasted JWT (3 segments) or Engagement access token (4 segments); throws a WorkbenchError with an ERR_TOKEN_* code. */
export function decodeToken(input: string): DecodedToken {
  if (input.length > MAX_TOKEN_CHARS) {
    throw new WorkbenchError(
      'ERR_TOKEN_TOO_LARGE',
      `The input is ${input.length} characters; tokens over ${MAX_TOKEN_CHARS} characters are not decoded. Paste only the token.`,
    );
  }
  const compact = cleanTokenInput(input);
  if (compact.length === 0) {
    throw new WorkbenchError(
      'ERR_TOKEN_EMPTY',
      input.trim().length === 0
        ? 'The input is empty. Paste a token to decode.'
        : "No token is left after removing quotes, 'Bearer ' and 'jwt='. Paste the token itself.",
    );
  }
  const segments = compact.split('.');
  if (segments.length !== 3 && segments.length !== 4) throw segmentCountError(segments.length);
  const headerSegment = segments[0]!;
  const payloadSegment = segments[1]!;
  const signatureSegment = segments[2]!;
  const header = decodeJsonSegment(headerSegment, 0);
  const payload = decodeJsonSegment(payloadSegment, 1);
  const signature = tryBase64UrlToBytes(signatureSegment);
  if (signature === null) throw base64Error(2, signatureSegment);
  return {
    kind: detectTokenKind(header, payload, segments.length),
    compact,
    segments,
    header,
    payload,
    signature,
    signingInput: `${headerSegment}.${payloadSegment}`,
  };
}
