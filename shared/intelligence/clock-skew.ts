// Compares the server's clock (its Date header) with this computer's: a skewed iat gets assertions rejected.
import type { FlowWarning } from '../exchange/flow-types';
import { durationText } from '../exchange/duration-text';

/** Skew beyond this (in either direction) raises WARN_CLOCK_SKEW. */
export const CLOCK_SKEW_LIMIT_MS = 60_000;

/** The server clock minus the local clock in milliseconds (positive: this computer is behind), or null without a Date header. */
export function clockSkewMs(serverDateMs: number | null, localNowMs: number): number | null {
  return serverDateMs === null ? null : serverDateMs - localNowMs;
}

/** WARN_CLOCK_SKEW when the server's Date header and the local clock differ by more than 60 s; otherwise null. */
export function clockSkewWarning(serverDateMs: number | null, localNowMs: number): FlowWarning | null {
  const skew = clockSkewMs(serverDateMs, localNowMs);
  if (skew === null || Math.abs(skew) <= CLOCK_SKEW_LIMIT_MS) return null;
  const direction = skew > 0 ? 'behind' : 'ahead of';
  return {
    code: 'WARN_CLOCK_SKEW',
    message: `This computer's clock is ${durationText(skew)} ${direction} the server's (its Date header). The assertion's iat comes from this clock, and a skewed iat gets assertions rejected: set the system clock to sync automatically.`,
  };
}
