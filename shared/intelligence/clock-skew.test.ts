import { describe, expect, it } from 'vitest';
import { clockSkewMs, clockSkewWarning } from './clock-skew';

const local = 1_700_000_000_000;

describe('clock skew', () => {
  it('measures server minus local, or null without a Date header', () => {
    expect(clockSkewMs(local + 5_000, local)).toBe(5_000);
    expect(clockSkewMs(null, local)).toBeNull();
  });

  it('stays quiet up to 60 s either way, or without a Date header', () => {
    expect(clockSkewWarning(null, local)).toBeNull();
    expect(clockSkewWarning(local + 60_000, local)).toBeNull();
    expect(clockSkewWarning(local - 60_000, local)).toBeNull();
  });

  it('warns when this computer is behind the server, saying by how much and why it matters', () => {
    expect(clockSkewWarning(local + 61_000, local)).toEqual({
      code: 'WARN_CLOCK_SKEW',
      message:
        "This computer's clock is 1 min 1 s behind the server's (its Date header). The assertion's iat comes from this clock, and a skewed iat gets assertions rejected: set the system clock to sync automatically.",
    });
  });

  it('warns when this computer is ahead of the server', () => {
    expect(clockSkewWarning(local - 3_780_000, local)?.message).toBe(
      "This computer's clock is 1 h 3 min ahead of the server's (its Date header). The assertion's iat comes from this clock, and a skewed iat gets assertions rejected: set the system clock to sync automatically.",
    );
  });
});
