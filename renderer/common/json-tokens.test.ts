import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonTokens } from './json-tokens';

describe('jsonTokens', () => {
  it('splits pretty JSON into runs that join back to the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2) ?? '';
        expect(
          jsonTokens(text)
            .map((t) => t.text)
            .join(''),
        ).toBe(text);
      }),
    );
  });

  it('tells keys from string values, and colours numbers and literals', () => {
    const tokens = jsonTokens(JSON.stringify({ 'a"b': 'x:y', n: -1.5e3, t: true, z: null }, null, 2)).filter((t) => t.kind !== 'plain');
    expect(tokens).toEqual([
      { kind: 'key', text: '"a\\"b"' },
      { kind: 'string', text: '"x:y"' },
      { kind: 'key', text: '"n"' },
      { kind: 'number', text: '-1500' },
      { kind: 'key', text: '"t"' },
      { kind: 'literal', text: 'true' },
      { kind: 'key', text: '"z"' },
      { kind: 'literal', text: 'null' },
    ]);
  });
});
