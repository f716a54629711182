// Decodes a pasted token into header, payload and signature(s) without verifying anything.
import { WorkbenchError } from '../errors/workbench-error';
import { tryBase64UrlToBytes } from '../encoding/base64url';
import { cleanTokenInput } from './clean-token-input';
import { decodeJsonSegment } from './decode-json-segment';
import { decodeJwsJson, isJwsJson } from './decode-jws-json';
import { decodePayload } from './decode-payload';
import type { DecodedToken } from './decoded-token';
import { detectTokenKind } from './detect-token-kind';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import { base64Error, segmentCountError, segmentLabel, tooDeepError } from './segment-errors';

/** The largest input decodeToken accepts, in characters (1 MiB): room for tokens stuffed with claims, still a bounded parse. */
export const MAX_TOKEN_CHARS = 1024 * 1024;

function parseJwsJson(text: string): DecodedToken | null {
  if (!text.startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isJwsJson(value)) return null;
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) throw tooDeepError('The JWS JSON serialization');
  return decodeJwsJson(value);
}

function decodeCompact(compact: string): DecodedToken {
  const segments = compact.split('.');
  if (segments.length !== 3 && segments.length !== 4) throw segmentCountError(segments.length);
  const [protectedSegment, payloadSegment, signatureSegment] = segments as [string, string, string];
  const header = decodeJsonSegment(protectedSegment, segmentLabel(0));
  const { payload, payloadText } = decodePayload(payloadSegment, segmentLabel(1));
  const signature = tryBase64UrlToBytes(signatureSegment);
  if (signature === null) throw base64Error(segmentLabel(2), signatureSegment);
  return {
    kind: detectTokenKind(header, payloadText === null ? payload : null, segments.length),
    serialization: 'compact',
    compact,
    segments,
    header,
    payload,
    payloadText,
    payloadSegment,
    signature,
    signingInput: `${protectedSegment}.${payloadSegment}`,
    signatures: [{ protectedSegment, header, unprotectedHeader: null, signatureSegment, signature }],
  };
}

/** Decodes a pasted JWT or JWS (3 segments, or the JSON serializations), or an Engagement access token (4 segments); throws a WorkbenchError with an ERR_TOKEN_* code. */
export function decodeToken(input: string): DecodedToken {
  if (input.length > MAX_TOKEN_CHARS) {
    throw new WorkbenchError(
      'ERR_TOKEN_TOO_LARGE',
      `The input is ${input.length} characters; tokens over ${MAX_TOKEN_CHARS} characters are not decoded. Paste only the token.`,
    );
  }
  const json = parseJwsJson(input.trim());
  if (json !== null) return json;
  const compact = cleanTokenInput(input);
  if (compact.length === 0) {
    throw new WorkbenchError(
      'ERR_TOKEN_EMPTY',
      input.trim().length === 0
        ? 'The input is empty. Paste a token to decode.'
        : "No token is left after removing quotes, 'Bearer ' and 'jwt='. Paste the token itself.",
    );
  }
  return decodeCompact(compact);
}
