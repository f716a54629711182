import { DEFAULT_TIMEOUT_MS } from '../../shared/exchange/timed-request';
import { TIMEOUT_LIMITS } from '../../shared/exchange/timeout-limits';

/** The per-request timeout the run panel offers, in whole seconds: the range the app's `intelligence:run` accepts, default the flow's own. */
export const REQUEST_TIMEOUT_SECONDS = Object.freeze({
  min: TIMEOUT_LIMITS.min / 1000,
  max: TIMEOUT_LIMITS.max / 1000,
  default: DEFAULT_TIMEOUT_MS / 1000,
});

/** The timeout in seconds a typed value stands for: rounded to a whole second and kept in range; empty or not a number gives the default. */
export function normaliseTimeoutSeconds(text: string): number {
  const seconds = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(seconds)) return REQUEST_TIMEOUT_SECONDS.default;
  return Math.min(REQUEST_TIMEOUT_SECONDS.max, Math.max(REQUEST_TIMEOUT_SECONDS.min, Math.round(seconds)));
}
