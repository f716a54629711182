import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkbenchError } from '../errors/workbench-error';
import { base64UrlToBytes, bytesToBase64Url, isBase64UrlAlphabet, tryBase64UrlToBinary, tryBase64UrlToBytes } from './base64url';
import { base64UrlToText, textToBase64Url } from './base64url-text';
import { binaryToBytes, isAscii } from './binary-string';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('base64url', () => {
  it('decodes the RFC 4648 test vectors without padding', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base64UrlToText(encoded)).toBe(plain);
      expect(textToBase64Url(plain)).toBe(encoded);
    }
  });

  it("uses '-' and '_' for 62 and 63", () => {
    expect(bytesToBase64Url(bytes(0xfb, 0xff, 0xbf))).toBe('-_-_');
    expect(tryBase64UrlToBytes('-_-_')).toEqual(bytes(0xfb, 0xff, 0xbf));
  });

  it.each([
    ['padding', 'Zg=='],
    ['standard base64 +', 'ab+c'],
    ['standard base64 /', 'ab/c'],
    ['whitespace', 'Zm9 v'],
    ['a newline', 'Zm9v\n'],
    ['a length of 4n+1', 'Zm9vY'],
    ['a non-ASCII letter', 'Zm9é'],
  ])('rejects %s', (_what, text) => {
    expect(tryBase64UrlToBytes(text)).toBeNull();
    expect(tryBase64UrlToBinary(text)).toBeNull();
  });

  it('throws ERR_TOKEN_BASE64 with advice from the throwing variant', () => {
    expect(() => base64UrlToBytes('Zg==')).toThrow(WorkbenchError);
    try {
      base64UrlToBytes('Zg==');
    } catch (error) {
      expect((error as WorkbenchError).code).toBe('ERR_TOKEN_BASE64');
      expect((error as WorkbenchError).message).toBe(
        "The text is not valid base64url: use only A-Z, a-z, 0-9, '-' and '_', without '=' padding. Check that it was copied whole.",
      );
    }
  });

  it('round-trips arbitrary bytes and matches a reference encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (data) => {
        const encoded = bytesToBase64Url(data);
        expect(encoded).not.toMatch(/[=+/]/);
        expect(encoded.length % 4).not.toBe(1);
        expect(isBase64UrlAlphabet(encoded)).toBe(true);
        expect(tryBase64UrlToBytes(encoded)).toEqual(data);
        const reference = btoa(String.fromCharCode(...data))
          .replace(/=+$/, '')
          .replaceAll('+', '-')
          .replaceAll('/', '_');
        expect(encoded).toBe(reference);
      }),
    );
  });

  it('round-trips arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(base64UrlToText(textToBase64Url(text))).toBe(text);
      }),
    );
  });

  it('accepts exactly the strict base64url texts, whatever atob would forgive', () => {
    const chars = [...'AZaz09-_+/= \t\n\f\r.é\u0000\u00a0€'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const strict = /^[A-Za-z0-9_-]*$/.test(text) && text.length % 4 !== 1;
        expect(tryBase64UrlToBinary(text) !== null, JSON.stringify(text)).toBe(strict);
      }),
      { numRuns: 2000 },
    );
  });

  it('reports the alphabet check', () => {
    expect(isBase64UrlAlphabet('')).toBe(true);
    expect(isBase64UrlAlphabet('abc-_09XYZ')).toBe(true);
    expect(isBase64UrlAlphabet('abc=')).toBe(false);
  });
});

describe('binary strings', () => {
  it('copies char codes to bytes and tells ASCII apart', () => {
    expect(binaryToBytes('A\u00ff\u0000')).toEqual(bytes(65, 255, 0));
    expect(isAscii('plain {"json": 1}')).toBe(true);
    expect(isAscii('caf\u00c3\u00a9')).toBe(false);
    expect(isAscii('')).toBe(true);
    expect(isAscii('\u007f'.repeat(3))).toBe(true);
    expect(isAscii('abc\u0080')).toBe(false);
    expect(isAscii('\ud800abc')).toBe(false);
    expect(isAscii('x\u{1f600}')).toBe(false);
    // Beyond the scratch buffer (64 KiB) the pattern decides, with the same answers.
    expect(isAscii('a'.repeat(70_000))).toBe(true);
    expect(isAscii(`${'a'.repeat(70_000)}\u00e9`)).toBe(false);
    // Non-ASCII chars that would fill the buffer exactly or overflow it stop the encoding short.
    expect(isAscii('\u00e9'.repeat(40_000))).toBe(false);
    expect(isAscii(`${'a'.repeat(65_535)}\u00e9`)).toBe(false);
  });
});
