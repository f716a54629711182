import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSERTION_HEADER, buildAssertionClaims } from './assertion-claims';
import { preflightAssertion } from './preflight';

describe('buildAssertionClaims', () => {
  it('builds exactly the documented claims: iss = sub = client id, fixed aud, iat in seconds, dashless jti, no exp', () => {
    const claims = buildAssertionClaims('sa-123', 1_700_000_000_999, () => '3F2504E0-4F89-11D3-9A0C-0305E82C3301');
    expect(claims).toEqual({
      iss: 'sa-123',
      sub: 'sa-123',
      aud: 'https://idp.intelligence.salesforce.com',
      iat: 1_700_000_000,
      jti: '3f2504e04f8911d39a0c0305e82c3301',
    });
    expect(Object.keys(claims)).not.toContain('exp');
    expect(ASSERTION_HEADER).toEqual({ alg: 'RS256', typ: 'JWT' });
  });

  it('always yields claims that pass preflight for any time and any UUID (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000_000_000, max: 4_000_000_000_000 }),
        fc.uuid(),
        fc.stringMatching(/^[A-Za-z0-9._@-]{1,40}$/),
        (nowMs, uuid, clientId) => {
          const claims = buildAssertionClaims(clientId, nowMs, () => uuid);
          expect(claims.jti).toMatch(/^[0-9a-f]{32}$/);
          expect(claims.iat).toBe(Math.floor(nowMs / 1000));
          expect(() => preflightAssertion({ ...ASSERTION_HEADER }, { ...claims }, clientId)).not.toThrow();
        },
      ),
    );
  });
});
