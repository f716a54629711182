import { describe, expect, it } from 'vitest';
import type { InterpretContext } from '../claim-entry';
import { interpretIntelligenceJti, interpretJti } from './jti-shape';

const ctx: InterpretContext = { now: 0, kind: 'generic', header: {}, payload: {} };
const UUID = '7f3f4b0e-9c2d-4a1b-8e6f-2d5c9b1a7e40';
const HEX = UUID.replaceAll('-', '');

describe('jti shapes', () => {
  it('describes any jti', () => {
    expect(interpretJti(UUID, ctx)).toBe('A UUID: random and unique per token.');
    expect(interpretJti(HEX, ctx)).toBe('32 hex digits: a UUID without dashes.');
    expect(interpretJti('abc123', ctx)).toBe('An opaque string of 6 characters.');
    expect(interpretJti(5, ctx)).toBe('Not a string; a JWT ID should be a unique string.');
  });

  it('checks an Intelligence jti against the documented 32 lowercase hex digits', () => {
    expect(interpretIntelligenceJti(HEX, ctx)).toBe('32 lowercase hex digits: a UUID without dashes, as documented.');
    expect(interpretIntelligenceJti(HEX.toUpperCase(), ctx)).toBe('Has uppercase hex digits; the docs use 32 lowercase hex digits.');
    expect(interpretIntelligenceJti(UUID, ctx)).toBe('A UUID with dashes; the docs remove the dashes (32 lowercase hex digits).');
    expect(interpretIntelligenceJti('1', ctx)).toBe(
      'Not the documented shape: a random UUID with the dashes removed (32 lowercase hex digits).',
    );
    expect(interpretIntelligenceJti(null, ctx)).toBe('Not a string; use a random UUID with the dashes removed.');
  });
});
