import type { TokenKind } from './token-kind';

/** A JSON object as decoded from a token segment. */
export type JsonObject = { [key: string]: unknown };

/** How the JWS was written: compact (dot-separated) or one of the JSON serializations of RFC 7515 §7.2. */
export type JwsSerialization = 'compact' | 'flattened' | 'general';

/** A payload that is not a JSON object (so not a JWT claims set): UTF-8 text, or hex when its bytes are not text. */
export interface PayloadText {
  encoding: 'utf8' | 'hex';
  text: string;
}

/**
 * Member names found more than once in the same JSON object (decoded last-wins, as JSON.parse does): their paths in the
 * (first signature's protected) header, in the payload, and in a JWS JSON serialization itself.
 */
export interface DuplicateKeys {
  header: string[];
  payload: string[];
  serialization: string[];
}

/** One signature of a JWS: the header it is checked against and the signature itself. */
export interface DecodedSignature {
  /** The base64url protected header as found; '' when a JSON serialization has none (RFC 7520 4.7). */
  protectedSegment: string;
  /** The protected and unprotected parameters together (RFC 7515 §4): where `alg` and `kid` are read. */
  header: JsonObject;
  /** The unprotected header of a JSON serialization (not covered by the signature), else null. */
  unprotectedHeader: JsonObject | null;
  /** The base64url signature as found. */
  signatureSegment: string;
  /** The decoded signature bytes (empty for an unsecured `alg: none` token). */
  signature: Uint8Array;
}

/** The result of decoding a pasted token: nothing here is verified. */
export interface DecodedToken {
  /** The detected kind (`jws` when the payload is not a JSON object). */
  kind: TokenKind;
  serialization: JwsSerialization;
  /** The token after stripping what users paste around it (quotes, whitespace, `Bearer `, `jwt=`); a JSON serialization is kept as JSON on one line. */
  compact: string;
  /** The raw dot-separated segments: three for a JWS, four for an Engagement access token; empty for a JSON serialization. */
  segments: string[];
  /** The first signature's header (for the compact form, the JOSE header). */
  header: JsonObject;
  /** The decoded payload (claims set); empty when the payload is not a JSON object (see payloadText). */
  payload: JsonObject;
  /** The payload as text when it is not a JSON object, else null. */
  payloadText: PayloadText | null;
  /** The base64url payload as found. */
  payloadSegment: string;
  /** The first signature's bytes. */
  signature: Uint8Array;
  /** What the first signature covers: `protected + '.' + payload`. */
  signingInput: string;
  /** Every signature: one for the compact and flattened forms, one or more for the general JSON serialization. */
  signatures: DecodedSignature[];
  /** Duplicate member names (each read last-wins), for the WARN_DUPLICATE_KEYS warning. */
  duplicateKeys: DuplicateKeys;
  /** What was removed around the token as pasted (a request line, headers, quotes, a JSON or form field); empty when nothing was. */
  stripped: string[];
}
