import type { TokenKind } from './token-kind';

/** A JSON object as decoded from a token segment. */
export type JsonObject = { [key: string]: unknown };

/** The result of decoding a pasted token: nothing here is verified. */
export interface DecodedToken {
  /** The detected kind. */
  kind: TokenKind;
  /** The token after stripping what users paste around it (quotes, whitespace, `Bearer `, `jwt=`). */
  compact: string;
  /** The raw dot-separated segments: three for a JWS, four for an Engagement access token. */
  segments: string[];
  /** The decoded JOSE header. */
  header: JsonObject;
  /** The decoded payload (claims set). */
  payload: JsonObject;
  /** The decoded signature bytes (empty for an unsecured `alg: none` token). */
  signature: Uint8Array;
  /** `segments[0] + '.' + segments[1]`: what the signature covers. */
  signingInput: string;
}
