import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { duplicateKeyPaths, MAX_DUPLICATE_PATHS } from './duplicate-keys';

describe('duplicateKeyPaths', () => {
  it('finds names given twice in the same object, at any depth, by their claim path', () => {
    expect(duplicateKeyPaths('{"sub":"a","sub":"b"}')).toEqual(['sub']);
    expect(duplicateKeyPaths('{"request":{"user":{"id":1,"name":"x","id":2}},"aud":[{"k":1,"k":2},{"k":3}]}')).toEqual([
      'request.user.id',
      'aud.0.k',
    ]);
    expect(duplicateKeyPaths('{"a":1,"b":1,"a":2,"a":3}')).toEqual(['a', 'a']);
  });

  it('compares decoded names (an escape is the same name) and ignores strings that are values', () => {
    expect(duplicateKeyPaths('{"a":1,"\\u0061":2}')).toEqual(['a']);
    expect(duplicateKeyPaths('{"a":"a","b":["a","a"],"c":{"a":"\\"a\\":"}}')).toEqual([]);
    expect(duplicateKeyPaths('{"x\\"y":1, "x\\"y" : 2}')).toEqual(['x"y']);
  });

  it('does not mistake the same name in sibling or nested objects for a duplicate', () => {
    expect(duplicateKeyPaths('{"a":{"a":{"a":1}},"b":{"a":1}}')).toEqual([]);
    expect(duplicateKeyPaths('[{"a":1},{"a":2}]')).toEqual([]);
  });

  it('keeps at most MAX_DUPLICATE_PATHS paths, and reads a long object in one pass', () => {
    const many = `{${Array.from({ length: 100_000 }, () => '"k":1').join(',')}}`;
    expect(duplicateKeyPaths(many)).toHaveLength(MAX_DUPLICATE_PATHS);
    const distinct = `{${Array.from({ length: 100_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
    expect(duplicateKeyPaths(distinct)).toEqual([]);
  });

  it('answers the same given the parsed value (the counting shortcut), duplicates or not', () => {
    for (const text of [
      '{"sub":"a","sub":"b"}',
      '{"request":{"user":{"id":1,"name":"x","id":2}},"aud":[{"k":1,"k":2},{"k":3}]}',
      '{"a":1,"\\u0061":2}',
      '{"a":"a","b":["a","a"],"c":{"a":"\\"a\\":"}}',
      '{"x\\"y":1, "x\\"y" : 2}',
      '{"a":{"a":{"a":1}},"b":{"a":1}}',
      '{"__proto__":{"a":1},"b":":"}',
    ]) {
      expect(duplicateKeyPaths(text, JSON.parse(text)), text).toEqual(duplicateKeyPaths(text));
    }
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 2 }), (value, extra) => {
        const text = JSON.stringify(value);
        expect(duplicateKeyPaths(text, JSON.parse(text))).toEqual([]);
        // The same object with its first name given again: found with and without the value.
        const doubled = `{"k":${JSON.stringify(extra)},${JSON.stringify({ k: extra }).slice(1)}`;
        expect(duplicateKeyPaths(doubled, JSON.parse(doubled))).toEqual(['k']);
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing in any JSON.stringify output (which can hold no duplicate)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(duplicateKeyPaths(JSON.stringify(value))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
