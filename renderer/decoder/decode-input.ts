import { explainTokenTimed, type TimedExplanation } from '../../shared/claims/explain-token';
import type { TokenExplanation } from '../../shared/claims/explained-claim';
import { retimeExplanation } from '../../shared/claims/retime-explanation';
import { decodeToken } from '../../shared/decode/decode-token';
import type { DecodedToken } from '../../shared/decode/decoded-token';
import { toErrorPayload, type ErrorPayload } from '../../shared/errors/workbench-error';

/** What the decoder shows for the current input: nothing yet, a large token being decoded, an error, or the decoded and explained token. */
export type DecodeState =
  | { status: 'empty' }
  | { status: 'decoding'; chars: number }
  | { status: 'error'; error: ErrorPayload }
  | { status: 'ok'; token: DecodedToken; explanation: TokenExplanation };

/** A decoded input as decodeTimed returns it: the explanation keeps what a clock tick changes (plain data, for a Worker). */
export type TimedDecode =
  { status: 'empty' } | { status: 'error'; error: ErrorPayload } | { status: 'ok'; token: DecodedToken; timed: TimedExplanation };

/** Decodes and explains the pasted text at `decodedAt` (ms), when it was pasted; never throws. Blank input is `empty`, not an error. */
export function decodeTimed(input: string, decodedAt: number): TimedDecode {
  if (input.trim().length === 0) return { status: 'empty' };
  try {
    const token = decodeToken(input);
    return { status: 'ok', token, timed: explainTokenTimed(token, { now: decodedAt, decodedAt }) };
  } catch (error) {
    return { status: 'error', error: toErrorPayload(error) };
  }
}

/** A decoded input at time `now`: only the readings that use the clock are recomputed (never before the paste itself). */
export function atTime(decoded: TimedDecode, now: number): DecodeState {
  if (decoded.status !== 'ok') return decoded;
  const timed = now > decoded.timed.clock.now ? retimeExplanation(decoded.token, decoded.timed, now) : decoded.timed;
  return { status: 'ok', token: decoded.token, explanation: timed.explanation };
}
