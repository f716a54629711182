import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InterpretContext } from '../claim-entry';
import { interpretExp, interpretExpiresIn, interpretIat, interpretNbf, isoFromMs } from './numeric-date';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const NOW_S = NOW / 1000;
const ctx = (payload: Record<string, unknown> = {}): InterpretContext => ({ now: NOW, kind: 'generic', header: {}, payload });

describe('isoFromMs', () => {
  it('drops zero milliseconds and keeps others', () => {
    expect(isoFromMs(NOW)).toBe('2025-01-15T12:00:00Z');
    expect(isoFromMs(NOW + 5)).toBe('2025-01-15T12:00:00.005Z');
  });

  it('formats as toISOString does, across the years it formats by arithmetic and beyond', () => {
    const reference = (ms: number) => {
      const iso = new Date(ms).toISOString();
      return ms % 1000 === 0 ? `${iso.slice(0, -5)}Z` : iso;
    };
    const edges = [0, -1, 1, -62167219200000, -62167219200001, 253402300799999, 253402300800000, 951782400000, 951868799999];
    for (const ms of edges) expect(isoFromMs(ms), String(ms)).toBe(reference(ms));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -8.64e15, max: 8.64e15 }),
          fc.integer({ min: -7e13, max: 2.6e14 }),
          fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
        ),
        (ms) => {
          expect(isoFromMs(ms)).toBe(reference(ms));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('returns null outside the Date range', () => {
    expect(isoFromMs(Number.NaN)).toBeNull();
    expect(isoFromMs(9e15)).toBeNull();
  });
});

describe('NumericDate interpreters', () => {
  it('reads exp as ISO date plus relative time', () => {
    expect(interpretExp(NOW_S + 240, ctx())).toBe('2025-01-15T12:04:00Z (expires in 4 min)');
    expect(interpretExp(NOW_S - 7200, ctx())).toBe('2025-01-15T10:00:00Z (expired 2 h ago)');
  });

  it('reads iat and nbf', () => {
    expect(interpretIat(NOW_S - 180, ctx())).toBe('2025-01-15T11:57:00Z (issued 3 min ago)');
    expect(interpretIat(NOW_S + 300, ctx())).toBe('2025-01-15T12:05:00Z (issued in the future, in 5 min)');
    expect(interpretNbf(NOW_S - 60, ctx())).toBe('2025-01-15T11:59:00Z (valid since 1 min ago)');
    expect(interpretNbf(NOW_S + 7200, ctx())).toBe('2025-01-15T14:00:00Z (not valid yet; valid in 2 h)');
  });

  it('says what is wrong with values that are not NumericDates', () => {
    expect(interpretExp(String(NOW_S), ctx())).toBe(
      'A string, not a number: NumericDate claims must be JSON numbers of seconds since 1970-01-01 UTC.',
    );
    expect(interpretExp('soon', ctx())).toBe('Not a NumericDate: expected a number of seconds since 1970-01-01 UTC.');
    expect(interpretExp(null, ctx())).toBe('Not a NumericDate: expected a number of seconds since 1970-01-01 UTC.');
    expect(interpretExp(1e20, ctx())).toBe('Out of range for a date: expected seconds since 1970-01-01 UTC.');
  });

  it('spots milliseconds given where seconds belong', () => {
    expect(interpretExp(NOW, ctx())).toMatch(
      /^\+\d{6}-.+Z: this looks like milliseconds, but NumericDate is in seconds \(as milliseconds it would be 2025-01-15T12:00:00Z\)\.$/,
    );
  });
});

describe('expiresIn (claims version 1)', () => {
  it('counts from iat when the JWT has one, and says so', () => {
    expect(interpretExpiresIn(1200, ctx({ iat: NOW_S - 600 }))).toBe(
      '1200 s (20 min) counted from iat: ends 2025-01-15T12:10:00Z (expires in 10 min)',
    );
    expect(interpretExpiresIn(1200, ctx({ iat: NOW_S - 3600 }))).toBe(
      '1200 s (20 min) counted from iat: ends 2025-01-15T11:20:00Z (expired 40 min ago)',
    );
  });

  it('without iat (as v1 JWTs come) counts from when the JWT was decoded, not from the ticking clock, and says so', () => {
    const decodedFiveMinutesAgo: InterpretContext = { ...ctx(), decodedAt: NOW - 300_000 };
    expect(interpretExpiresIn(1200, decodedFiveMinutesAgo)).toBe(
      '1200 s (20 min) counted from when this JWT was decoded, as it has no iat: ends about 2025-01-15T12:15:00Z (expires in 15 min)',
    );
    expect(interpretExpiresIn(1200, ctx())).toBe(
      '1200 s (20 min) counted from when this JWT was decoded, as it has no iat: ends about 2025-01-15T12:20:00Z (expires in 20 min)',
    );
    expect(interpretExpiresIn(1e15, ctx())).toBe('1000000000000000 s (31709791 y): too long to be a token lifetime.');
  });

  it('rejects a non-number', () => {
    expect(interpretExpiresIn('1200', ctx())).toBe('Not a number of seconds.');
  });
});
