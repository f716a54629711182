import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testKeyPair } from '../../test/support/test-keys';
import { DER_TAG, DerError, encodeDer, encodeOid, integerBitLength, oidToString, readDer, readDerChildren } from './der';
import { pemToDer } from './pem-blocks';
import { pkcs1ToPkcs8, readPkcs1PrivateKey, rsaSpki } from './rsa-der';

describe('DER reader and writer', () => {
  it('round-trips elements of any length (short and long length forms)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (content) => {
        const element = readDer(encodeDer(DER_TAG.OCTET_STRING, content), DER_TAG.OCTET_STRING);
        expect(Buffer.from(element.content).equals(Buffer.from(content))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('round-trips object identifiers', () => {
    const oid = fc.tuple(
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 39 }),
      fc.array(fc.integer({ min: 0, max: 2 ** 31 }), { maxLength: 8 }),
    );
    fc.assert(
      fc.property(oid, ([a, b, rest]) => {
        const dotted = [a, b, ...rest].join('.');
        expect(oidToString(readDer(encodeOid(dotted), DER_TAG.OID).content)).toBe(dotted);
      }),
    );
    expect(Buffer.from(encodeOid('1.2.840.113549.1.1.1')).toString('hex')).toBe('06092a864886f70d010101');
  });

  it('rejects truncated elements, trailing bytes and indefinite lengths', () => {
    const sequence = encodeDer(DER_TAG.SEQUENCE, encodeDer(DER_TAG.INTEGER, Uint8Array.of(5)));
    expect(() => readDer(sequence.subarray(0, sequence.length - 1))).toThrow(DerError);
    expect(() => readDer(Uint8Array.of(...sequence, 0))).toThrow(DerError);
    expect(() => readDer(Uint8Array.of(0x30, 0x80, 0, 0))).toThrow(DerError);
    expect(() => readDerChildren(Uint8Array.of(0x02))).toThrow(DerError);
  });

  it('measures integer bit lengths', () => {
    expect(integerBitLength(Uint8Array.of(0x00, 0x80))).toBe(8);
    expect(integerBitLength(Uint8Array.of(0x01, 0x00, 0x01))).toBe(17);
    expect(integerBitLength(Uint8Array.of(0))).toBe(0);
  });
});

describe('RSA DER conversions', () => {
  const keys = testKeyPair();
  const pkcs1 = pemToDer(keys.pkcs1Pem)!;

  it('wraps PKCS#1 into exactly the PKCS#8 Node exports', () => {
    expect(Buffer.from(pkcs1ToPkcs8(pkcs1)).equals(keys.privateKey.export({ type: 'pkcs8', format: 'der' }))).toBe(true);
  });

  it("builds exactly the SPKI Node exports from a private key's public numbers", () => {
    expect(Buffer.from(rsaSpki(readPkcs1PrivateKey(pkcs1))).equals(keys.publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
  });
});
