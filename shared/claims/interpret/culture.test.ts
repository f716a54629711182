import { describe, expect, it } from 'vitest';
import type { InterpretContext } from '../claim-entry';
import { interpretCulture } from './culture';

const ctx: InterpretContext = { now: 0, kind: 'engagement-sso-v2', header: {}, payload: {} };

describe('interpretCulture', () => {
  it('names the language and region of a culture code', () => {
    expect(interpretCulture('en-US', ctx)).toBe('English (United States)');
    expect(interpretCulture('fr-CA', ctx)).toBe('French (Canada)');
    expect(interpretCulture('de', ctx)).toBe('German');
    expect(interpretCulture('en-US', ctx)).toBe('English (United States)');
  });

  it('says when the value is not a language tag', () => {
    expect(interpretCulture('en_US!', ctx)).toBe('Not a valid language tag (expected e.g. en-US).');
    expect(interpretCulture('', ctx)).toBe('Not a language tag such as en-US.');
    expect(interpretCulture(1033, ctx)).toBe('Not a language tag such as en-US.');
  });
});
