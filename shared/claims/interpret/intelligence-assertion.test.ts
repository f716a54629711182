import { describe, expect, it } from 'vitest';
import type { InterpretContext } from '../claim-entry';
import { interpretIntelligenceAudience, interpretIssEqualsSub } from './intelligence-assertion';

const AUD = 'https://idp.intelligence.salesforce.com';
const ctx = (payload: Record<string, unknown> = {}): InterpretContext => ({ now: 0, kind: 'intelligence-assertion', header: {}, payload });

describe('Intelligence assertion readings', () => {
  it('checks the audience, including the stray quote from the docs sample', () => {
    expect(interpretIntelligenceAudience(AUD, ctx())).toBe('The Intelligence identity provider, as required.');
    expect(interpretIntelligenceAudience(`${AUD}"`, ctx())).toBe(
      "Ends with a stray '\"' copied from a typo in the docs' sample: remove it.",
    );
    expect(interpretIntelligenceAudience(`${AUD}/`, ctx())).toBe(`Has a trailing '/'; the documented audience is exactly ${AUD}.`);
    expect(interpretIntelligenceAudience('https://example.com', ctx())).toBe(`Not the documented audience; use exactly ${AUD}.`);
  });

  it('checks that iss equals sub', () => {
    expect(interpretIssEqualsSub('a', ctx({ iss: 'a', sub: 'a' }))).toBe('iss equals sub: the service account id, as required.');
    expect(interpretIssEqualsSub('a', ctx({ iss: 'a', sub: 'b' }))).toBe(
      'iss and sub differ; both must be the service account id (the client id).',
    );
  });
});
