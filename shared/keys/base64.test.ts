import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, bytesToUnpaddedBase64, tryBase64ToBytes } from './base64';

describe('standard base64', () => {
  it('encodes like Node and decodes its own output', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = bytesToBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
        expect(bytesToUnpaddedBase64(bytes)).toBe(encoded.replace(/=+$/, ''));
        expect(Buffer.from(tryBase64ToBytes(encoded)!).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it('rejects the URL-safe alphabet, stray characters, whitespace and bad padding', () => {
    expect(tryBase64ToBytes('ab-_')).toBeNull();
    expect(tryBase64ToBytes('ab*d')).toBeNull();
    expect(tryBase64ToBytes('ab d')).toBeNull();
    expect(tryBase64ToBytes('abc=d')).toBeNull();
    expect(tryBase64ToBytes('ab=')).toBeNull();
    expect(tryBase64ToBytes('a')).toBeNull();
    expect(Array.from(tryBase64ToBytes('AQI=')!)).toEqual([1, 2]);
    expect(Array.from(tryBase64ToBytes('AQI')!)).toEqual([1, 2]);
  });
});
