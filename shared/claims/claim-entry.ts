// The shape of one catalog entry: a documented claim (or header parameter) path and how to read it.
import type { JsonObject } from '../decode/decoded-token';
import type { TokenKind } from '../decode/token-kind';

/** What an interpreter may look at besides the value: the clock and the rest of the token. */
export interface InterpretContext {
  /** The reference time, in milliseconds since the epoch. */
  now: number;
  /** When the token was decoded (ms since the epoch; default `now`): what a lifetime without `iat` counts from. */
  decodedAt?: number;
  kind: TokenKind;
  header: JsonObject;
  payload: JsonObject;
  /** The object or array holding the value being read, when the explainer walks to it (siblings are read from it). */
  parent?: unknown;
}

/** Turns a claim's raw value (at dotted `path`, array indexes included) into a human reading, or null when there is nothing to add. */
export type Interpreter = (value: unknown, context: InterpretContext, path?: string) => string | null;

/** One documented path in a claim catalog. */
export interface ClaimEntry {
  /** Dotted path without array indexes, e.g. `request.user.timezone.offset` or `aud`. */
  path: string;
  /** Plain-words explanation, from the public docs. */
  explanation: string;
  /** Documented as not used, or legacy. */
  unused?: boolean;
  /** The entry also explains every path under it (for claims whose contents are not documented). */
  subtree?: boolean;
  /** The path is known but no public documentation describes it (the explanation says what is known). */
  undocumented?: boolean;
  /** The value is a live credential (a token): shown masked until revealed; `token` when the decoder can open it. */
  secret?: 'token' | 'credential';
  interpret?: Interpreter;
}
