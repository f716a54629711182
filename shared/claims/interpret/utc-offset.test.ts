import { describe, expect, it } from 'vitest';
import type { InterpretContext } from '../claim-entry';
import { formatUtcOffset, interpretTimezoneOffset, interpretUtcOffset } from './utc-offset';

const ctx: InterpretContext = { now: 0, kind: 'engagement-sso-v2', header: {}, payload: {} };

describe('UTC offsets', () => {
  it.each([
    [-6, 'UTC-06:00'],
    [-6.0, 'UTC-06:00'],
    [5.5, 'UTC+05:30'],
    [5.75, 'UTC+05:45'],
    [0, 'UTC+00:00'],
    [-0, 'UTC+00:00'],
    [-3.5, 'UTC-03:30'],
    [14, 'UTC+14:00'],
    [-12, 'UTC-12:00'],
  ])('%d hours is %s', (hours, text) => {
    expect(formatUtcOffset(hours)).toBe(text);
    expect(interpretUtcOffset(hours, ctx)).toBe(text);
  });

  it('accepts a numeric string and flags impossible offsets', () => {
    expect(interpretUtcOffset('-6.0', ctx)).toBe('UTC-06:00');
    expect(interpretUtcOffset(15, ctx)).toBe('UTC+15:00 (outside the real range UTC-12:00 to UTC+14:00)');
    expect(interpretUtcOffset('CST', ctx)).toBe('Not a number of hours.');
    expect(interpretUtcOffset('', ctx)).toBe('Not a number of hours.');
    expect(formatUtcOffset(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("reads the offset with the dst beside it: the standard offset when dst is true (as in the docs' London example)", () => {
    const path = 'request.user.timezone.offset';
    const at = (timezone: Record<string, unknown>): InterpretContext => ({ ...ctx, payload: { request: { user: { timezone } } } });
    expect(interpretTimezoneOffset(0, at({ offset: 0, dst: true }), path)).toBe(
      'UTC+00:00, apparently the standard offset; dst true: daylight saving applies (then usually UTC+01:00)',
    );
    expect(interpretTimezoneOffset(-6, at({ offset: -6, dst: false }), path)).toBe('UTC-06:00; dst false: no daylight saving');
    expect(interpretTimezoneOffset(-6, at({ offset: -6 }), path)).toBe('UTC-06:00');
    expect(interpretTimezoneOffset(-6, at({ offset: -6, dst: 'yes' }), path)).toBe('UTC-06:00');
    expect(interpretTimezoneOffset('CST', at({ offset: 'CST', dst: true }), path)).toBe('Not a number of hours.');
    expect(interpretTimezoneOffset(-6, at({ dst: true }))).toBe('UTC-06:00');
    const orgPath = 'organization.timezone.offset';
    expect(interpretTimezoneOffset(1, { ...ctx, payload: { organization: { timezone: { offset: 1, dst: false } } } }, orgPath)).toBe(
      'UTC+01:00; dst false: no daylight saving',
    );
  });
});
