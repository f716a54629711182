// shared/compose: composing, signing and sending tokens (the Compose screen, `mctoken sign` and `mctoken send`). Start here:
// the request and answer shapes both sides share. prepare-token.ts checks what a user wrote, compose-templates.ts holds the
// starting points, compose-draft.ts turns a decoded token into a draft, send-body.ts says how a token is sent. Signing and
// sending run in the main process (electron/services/compose), where keys from the keychain stay.
import type { JsonObject } from '../decode/decoded-token';
import type { ShownResponse } from '../exchange/flow-types';
import type { SecretEncoding } from '../verify/verification';
import type { ComposeAlgorithm } from './compose-algorithms';
import type { SendStyle } from './compose-templates';

/** What signs: a secret as typed, a private key as pasted (or read from a file), or a saved profile's stored secret or key. */
export type ComposeKeySource =
  | { type: 'secret'; secret: string; encoding: SecretEncoding }
  | { type: 'pem'; pem: string; passphrase?: string }
  | { type: 'profile'; profileId: string };

/** compose:sign: what was written, the algorithm, the lifetime ("" or null: none) and the key. */
export interface SignRequest {
  header: string;
  payload: string;
  alg: ComposeAlgorithm;
  expiresIn: string | null;
  key: ComposeKeySource;
}

/** A signed token, what it holds, and which key signed it (described, never shown). */
export interface SignedToken {
  token: string;
  header: JsonObject;
  payload: JsonObject;
  alg: ComposeAlgorithm;
  /** E.g. "the secret as hex (32 bytes)", "RSA 2048-bit key SHA256:…", "the JWT signing secret of profile "prod"". */
  keyDescription: string;
  /** Names given twice in the header or payload (signed last-wins, as JSON.parse read them). */
  duplicates: { header: string[]; payload: string[] };
}

/** compose:send: POST the token to the URL in this style, within the deadline. */
export interface SendRequest {
  url: string;
  token: string;
  style: SendStyle;
  timeoutMs?: number;
}

/** What the endpoint answered: status, time, headers and a capped body with secrets masked; a redirect is shown, not followed. */
export interface SendReport {
  url: string;
  method: 'POST';
  contentType: string;
  /** The request body's size in bytes. */
  sentBytes: number;
  durationMs: number;
  response: ShownResponse;
  /** A redirect's Location (resolved against the URL); it was not followed. */
  redirectedTo: string | null;
  /** True when the body was larger than the byte cap: it was not read (status and headers are shown). */
  bodyTooLarge: boolean;
}
