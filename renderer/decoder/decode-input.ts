import { explainToken } from '../../shared/claims/explain-token';
import type { TokenExplanation } from '../../shared/claims/explained-claim';
import { decodeToken } from '../../shared/decode/decode-token';
import type { DecodedToken } from '../../shared/decode/decoded-token';
import { toErrorPayload, type ErrorPayload } from '../../shared/errors/workbench-error';

/** What the decoder shows for the current input: nothing yet, an error, or the decoded and explained token. */
export type DecodeState =
  { status: 'empty' } | { status: 'error'; error: ErrorPayload } | { status: 'ok'; token: DecodedToken; explanation: TokenExplanation };

/**
 * Decodes and explains the pasted text at time `now` (ms), pasted at `decodedAt` (default `now`); never throws.
 * Blank input is `empty`, not an error.
 */
export function decodeInput(input: string, now: number, decodedAt = now): DecodeState {
  if (input.trim().length === 0) return { status: 'empty' };
  try {
    const token = decodeToken(input);
    return { status: 'ok', token, explanation: explainToken(token, { now, decodedAt }) };
  } catch (error) {
    return { status: 'error', error: toErrorPayload(error) };
  }
}
