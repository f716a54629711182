import { describe, expect, it } from 'vitest';
import { makeEngagementSsoJwt, makeGenericJwt } from '../../test/support/engagement-tokens';
import { decodeToken } from '../decode/decode-token';
import { explainToken, explainTokenTimed } from './explain-token';
import { retimeExplanation } from './retime-explanation';

const PASTED = Date.UTC(2025, 0, 15, 12, 0, 0);
const LATER = PASTED + 5 * 60_000;

describe('retimeExplanation', () => {
  it.each([1, 2] as const)('gives what a fresh explanation would, for a v%i SSO JWT five minutes on', async (version) => {
    const token = decodeToken(await makeEngagementSsoJwt({ version, extraClaims: { exp: PASTED / 1000 + 240 } }));
    const timed = explainTokenTimed(token, { now: PASTED, decodedAt: PASTED });
    const retimed = retimeExplanation(token, timed, LATER);
    expect(retimed.explanation).toEqual(explainToken(token, { now: LATER, decodedAt: PASTED }));
    // Expired in between: the reading and the warning follow the clock.
    expect(retimed.explanation.warnings.map((w) => w.code)).toContain('WARN_EXPIRED');
    expect(timed.explanation.warnings.map((w) => w.code)).not.toContain('WARN_EXPIRED');
  });

  it('reads again only the claims whose reading used the clock, and keeps the others as they were', async () => {
    const token = decodeToken(await makeEngagementSsoJwt({ version: 1, extraClaims: { exp: PASTED / 1000 + 240 } }));
    const timed = explainTokenTimed(token, { now: PASTED, decodedAt: PASTED });
    const clocked = timed.clock.claims.map((index) => timed.explanation.claims[index]!.path);
    expect(clocked).toEqual(['exp', 'request.user.expiresIn']);
    expect(clocked).not.toContain('request.user.email');
    const retimed = retimeExplanation(token, timed, LATER);
    timed.explanation.claims.forEach((claim, index) => {
      const again = retimed.explanation.claims[index]!;
      if (timed.clock.claims.includes(index)) expect(again, claim.path).not.toBe(claim);
      else expect(again, claim.path).toBe(claim);
    });
    expect(retimed.explanation.claims.find((c) => c.path === 'exp')?.interpretation).toMatch(/expired/);
  });

  it('matches a fresh explanation for a generic JWT with names holding dots, arrays and nested times; the same time changes nothing', () => {
    const token = decodeToken(
      makeGenericJwt({ exp: PASTED / 1000 + 60, 'a.b': 1, a: { b: 2 }, list: [{ exp: 1 }], nested: { iat: PASTED / 1000 } }),
    );
    const timed = explainTokenTimed(token, { now: PASTED });
    const retimed = retimeExplanation(token, timed, LATER);
    expect(retimed.explanation).toEqual(explainToken(token, { now: LATER, decodedAt: PASTED }));
    expect(retimeExplanation(token, timed, PASTED)).toBe(timed);
  });
});
