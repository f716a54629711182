import { describe, expect, it } from 'vitest';
import { makeEngagementSsoJwt, makeGenericJwt } from '../test-support/sample-tokens';
import { decodeTimed } from './decode-input';
import { claimsFromColumns, claimsToColumns, replyParts, replyReader, type DecodeReplyPart } from './decode-wire';

const PASTED = Date.UTC(2025, 0, 15, 12, 0, 0);

/** The parts as the page reads them from a Worker (structured clones, so compared with a structured clone of the decode), gathered. */
function roundTrip(parts: DecodeReplyPart[]) {
  const reader = replyReader();
  const results = parts.map((part) => reader.add(structuredClone(part)));
  expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
  return results.at(-1);
}

describe('the decoder Worker’s reply', () => {
  it('gives back an SSO JWT as decoded (secret claims, readings, warnings), its claims, payload and the rest in three parts', async () => {
    const decoded = decodeTimed(await makeEngagementSsoJwt({ version: 2 }), PASTED);
    if (decoded.status !== 'ok') throw new Error(decoded.status);
    expect(decoded.timed.explanation.claims.some((c) => c.secret !== undefined)).toBe(true);
    const parts = replyParts(7, decoded);
    expect(parts.map((p) => [p.id, p.part])).toEqual([
      [7, 'claims'],
      [7, 'payload'],
      [7, 'rest'],
    ]);
    expect(roundTrip(parts)).toEqual(structuredClone(decoded));
  });

  it('sends 20,000 claims as columns, the repeated explanation once, and gives them back in order', () => {
    const payload = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`c${i}`, i % 3 === 0 ? `v${i}` : i]));
    const decoded = decodeTimed(makeGenericJwt(payload), PASTED);
    if (decoded.status !== 'ok') throw new Error(decoded.status);
    const { claims } = decoded.timed.explanation;
    const columns = claimsToColumns(claims);
    const explanation = columns.columns.find((c) => c.field === 'explanation');
    expect(explanation !== undefined && 'strings' in explanation && explanation.strings.length).toBeLessThan(10);
    expect(claimsFromColumns(structuredClone(columns))).toEqual(claims);
    expect(roundTrip(replyParts(1, decoded))).toEqual(structuredClone(decoded));
  });

  it('keeps a field only on the claims that have it, whatever its values', () => {
    const claims = [
      { path: 'a', value: 'x', explanation: 'e', documented: true, interpretation: null },
      { path: 'b', value: null, explanation: 'e', documented: false, interpretation: 'r', secret: 'token' as const },
      { path: 'c', value: [1, { d: 2 }], explanation: 'e', documented: true, interpretation: null, unused: true },
    ];
    const back = claimsFromColumns(structuredClone(claimsToColumns(claims)));
    expect(back).toEqual(claims);
    expect(Object.hasOwn(back[0]!, 'secret')).toBe(false);
  });

  it('sends an error or an empty input as one part', () => {
    const error = decodeTimed('not a token', PASTED);
    expect(error.status).toBe('error');
    expect(replyParts(3, error)).toHaveLength(1);
    expect(roundTrip(replyParts(3, error))).toEqual(error);
    expect(roundTrip(replyParts(4, decodeTimed('  ', PASTED)))).toEqual({ status: 'empty' });
  });
});
