// shared/decode: pasted text to a decoded token, nothing verified. Start here: decodeToken cleans the input
// (clean-token-input.ts), decodes the segments (decode-json-segment.ts, decode-payload.ts; JSON serializations in
// decode-jws-json.ts) and names the kind (detect-token-kind.ts, token-kind.ts).
// Decodes a pasted token into header, payload and signature(s) without verifying anything.
import { WorkbenchError } from '../errors/workbench-error';
import {
  isBase64UrlAlphabet,
  tryBase64UrlDecodeIn,
  tryBase64UrlToBinary,
  tryBase64UrlToBytes,
  tryBase64UrlToBytesIn,
} from '../encoding/base64url';
import { unwrapTokenInput } from './clean-token-input';
import { decodeJsonSegment } from './decode-json-segment';
import { decodeJwsJson, isJwsJson } from './decode-jws-json';
import { decodePayload } from './decode-payload';
import type { DecodedToken } from './decoded-token';
import { detectTokenKind } from './detect-token-kind';
import { duplicateKeyPaths } from './duplicate-keys';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../encoding/json-depth';
import { base64Error, controlCharacterError, segmentCountError, segmentLabel, tooDeepError } from './segment-errors';

/** The largest input decodeToken accepts, in characters (1 MiB): room for tokens stuffed with claims, still a bounded parse. */
export const MAX_TOKEN_CHARS = 1024 * 1024;

/**
 * What no token holds: C0 controls (tab and line breaks aside: pasting adds them and the cleaner drops them), DEL, C1
 * controls and bidirectional marks and overrides. One character class, so the test is a single linear scan.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

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
  return decodeJwsJson(value, duplicateKeyPaths(text, value));
}

/** How messages name the header, payload and signature segments. */
const LABELS = [segmentLabel(0), segmentLabel(1), segmentLabel(2)] as const;

/** The segments as decodeBareCompact decoded them already: header (see tryBase64UrlDecode), payload binary, signature bytes. */
type Binaries = readonly [Uint8Array | string, string, Uint8Array];

function decodeCompact(compact: string, segments: string[], stripped: string[], binaries?: Binaries): DecodedToken {
  if (segments.length !== 3 && segments.length !== 4) throw segmentCountError(segments.length);
  const [protectedSegment, payloadSegment, signatureSegment] = segments as [string, string, string];
  const headerDuplicates: string[] = [];
  const header = decodeJsonSegment(protectedSegment, LABELS[0], headerDuplicates, binaries?.[0]);
  const { payload, payloadText, duplicateKeys } = decodePayload(payloadSegment, LABELS[1], binaries?.[1]);
  const signature = binaries?.[2] ?? tryBase64UrlToBytes(signatureSegment);
  if (signature === null) throw base64Error(LABELS[2], signatureSegment);
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
    duplicateKeys: { header: headerDuplicates, payload: duplicateKeys, serialization: [] },
    stripped,
  };
}

/** The input split at its dots when it has two or three of them, else null (found with indexOf: split with a limit is slow). */
function threeOrFourSegments(input: string): string[] | null {
  const first = input.indexOf('.');
  const second = first === -1 ? -1 : input.indexOf('.', first + 1);
  if (second === -1) return null;
  const third = input.indexOf('.', second + 1);
  if (third === -1) return [input.slice(0, first), input.slice(first + 1, second), input.slice(second + 1)];
  if (input.includes('.', third + 1)) return null;
  return [input.slice(0, first), input.slice(first + 1, second), input.slice(second + 1, third), input.slice(third + 1)];
}

/**
 * The usual paste, a bare compact token, decoded without the cleaning steps; null for anything else, which takes the
 * full path. When every segment is strict base64url, the input holds only that alphabet and its dots: no control
 * character, nothing to strip, not a JSON serialization, so the full path would decode these very segments.
 */
function decodeBareCompact(input: string): DecodedToken | null {
  const segments = threeOrFourSegments(input);
  if (segments === null || (segments.length === 4 && !isBase64UrlAlphabet(segments[3]!))) return null;
  // Header and signature read from the input itself, where their slices would cost more to read (see tableToBytes).
  const headerEnd = segments[0]!.length;
  const signatureStart = headerEnd + segments[1]!.length + 2;
  const header = tryBase64UrlDecodeIn(input, 0, headerEnd);
  const payload = header === null ? null : tryBase64UrlToBinary(segments[1]!);
  const signature = payload === null ? null : tryBase64UrlToBytesIn(input, signatureStart, signatureStart + segments[2]!.length);
  if (header === null || payload === null || signature === null) return null;
  return decodeCompact(input, segments, [], [header, payload, signature]);
}

/**
 * Decodes a pasted JWT or JWS (3 segments, or the JSON serializations), or an Engagement access token (4 segments); throws
 * a WorkbenchError with an ERR_TOKEN_* code (ERR_TOKEN_CONTROL_CHARACTER for an input holding a control character).
 */
export function decodeToken(input: string): DecodedToken {
  if (input.length > MAX_TOKEN_CHARS) {
    throw new WorkbenchError(
      'ERR_TOKEN_TOO_LARGE',
      `The input is ${input.length} characters; tokens over ${MAX_TOKEN_CHARS} characters are not decoded. Paste only the token.`,
    );
  }
  const bare = decodeBareCompact(input);
  if (bare !== null) return bare;
  const control = CONTROL_CHARACTER.exec(input);
  if (control !== null) throw controlCharacterError(control[0], control.index);
  const json = parseJwsJson(input.trim());
  if (json !== null) return json;
  const { token: compact, stripped } = unwrapTokenInput(input);
  if (compact.length === 0) {
    throw new WorkbenchError(
      'ERR_TOKEN_EMPTY',
      input.trim().length === 0
        ? 'The input is empty. Paste a token to decode.'
        : "No token is left after removing quotes, 'Bearer ' and 'jwt='. Paste the token itself.",
    );
  }
  return decodeCompact(compact, compact.split('.'), stripped);
}
