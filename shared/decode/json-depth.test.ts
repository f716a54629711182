import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { textToBase64Url } from '../encoding/base64url-text';
import { decodeToken } from './decode-token';
import { keyCountWithin, MAX_JSON_DEPTH, nestsDeeperThan } from '../encoding/json-depth';

const segment = (json: string): string => textToBase64Url(json);
const nested = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const tokenWithPayload = (payload: string): string => `${segment('{"alg":"HS256"}')}.${segment(payload)}.c2ln`;

describe('JSON nesting depth', () => {
  it('measures depth without recursion, even thousands of levels down', () => {
    expect(nestsDeeperThan('x', 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan({ a: [1, { b: [] }] }, 4)).toBe(false);
    expect(nestsDeeperThan({ a: [1, { b: [] }] }, 3)).toBe(true);
    expect(nestsDeeperThan(JSON.parse(nested(200_000)), MAX_JSON_DEPTH)).toBe(true);
  });

  it('counts member names in the same walk, or answers -1 where nestsDeeperThan says too deep', () => {
    expect(keyCountWithin({ a: 1, b: [{ c: 1, d: { e: [] } }, [{ f: 1 }]] }, 8)).toBe(6);
    expect(keyCountWithin(JSON.parse(nested(200_000)), MAX_JSON_DEPTH)).toBe(-1);
    // Deeper limits than the decoder's: the same answers, the walk stopping at the limit.
    expect(keyCountWithin(JSON.parse(nested(200_000)), 1000)).toBe(-1);
    expect(keyCountWithin(JSON.parse(`{"a":${nested(299)}}`), 300)).toBe(1);
    expect(keyCountWithin(JSON.parse(`{"a":${nested(299)}}`), 299)).toBe(-1);
    expect(keyCountWithin(JSON.parse(`{"a":${nested(255)}}`), 256)).toBe(1);
    expect(keyCountWithin(JSON.parse(`{"a":${nested(255)}}`), 255)).toBe(-1);
    const names = (value: unknown): number =>
      typeof value !== 'object' || value === null
        ? 0
        : Array.isArray(value)
          ? value.reduce((sum: number, item) => sum + names(item), 0)
          : Object.values(value).reduce((sum: number, item) => sum + 1 + names(item), 0);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 7 }), (value, limit) => {
        expect(keyCountWithin(value, limit)).toBe(nestsDeeperThan(value, limit) ? -1 : names(value));
        expect(keyCountWithin(value, 1000)).toBe(names(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes a payload nested exactly MAX_JSON_DEPTH levels deep', () => {
    expect(decodeToken(tokenWithPayload(`{"a":${nested(MAX_JSON_DEPTH - 1)}}`)).payload).toHaveProperty('a');
  });

  it('refuses a payload nested 6,000 levels deep with ERR_TOKEN_TOO_DEEP instead of overflowing the stack later', () => {
    expect(() => decodeToken(tokenWithPayload(`{"a":${nested(6000)}}`))).toThrow(
      expect.objectContaining({
        code: 'ERR_TOKEN_TOO_DEEP',
        message:
          'Segment 2 (payload) nests objects or arrays more than 64 levels deep, which no real token does: check that this is the token you meant to paste.',
      }),
    );
    expect(() => decodeToken(`${segment(`{"alg":"HS256","x":${nested(100)}}`)}.${segment('{}')}.c2ln`)).toThrow(
      expect.objectContaining({ code: 'ERR_TOKEN_TOO_DEEP' }),
    );
  });
});
