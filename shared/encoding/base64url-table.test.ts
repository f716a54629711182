import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tryBase64UrlDecode, tryBase64UrlToBinary, tryBase64UrlToBytes } from './base64url';
import { binaryToBytes } from './binary-string';
import { tryUtf8FromBinary, tryUtf8FromDecoded } from './utf8';

// Short texts decode through a table loop, long ones through atob: both must accept and decode exactly the same texts.
describe('base64url table decoder (short texts)', () => {
  // Á (U+00C1) and ű (U+0171) share their low 7 bits with A and q: the table must not read them as those.
  const chars = [...'AZaz09-_+/= \t\n.é\u0000\u00a0€ĀÁű'];

  it('accepts exactly what the atob path accepts, with the same bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const binary = tryBase64UrlToBinary(text);
        expect(tryBase64UrlToBytes(text), JSON.stringify(text)).toEqual(binary === null ? null : binaryToBytes(binary));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes every byte value at every position, short and long, to the same text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (data) => {
        const text = btoa(String.fromCharCode(...data))
          .replace(/=+$/, '')
          .replaceAll('+', '-')
          .replaceAll('/', '_');
        expect(tryBase64UrlToBytes(text)).toEqual(data);
        const decoded = tryBase64UrlDecode(text);
        expect(decoded).not.toBeNull();
        expect(tryUtf8FromDecoded(decoded!)).toBe(tryUtf8FromBinary(String.fromCharCode(...data)));
      }),
    );
  });
});
