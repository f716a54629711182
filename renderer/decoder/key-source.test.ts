import { describe, expect, it } from 'vitest';
import { defaultKeySource, verificationKeyOf, type KeyEntry } from './key-source';

const BLANK: KeyEntry = { source: 'secret', secret: '', encoding: 'text', pem: '', jwk: '', profileId: '' };

describe('key source', () => {
  it.each([
    ['HS256', 'secret'],
    ['RS256', 'pem'],
    ['PS384', 'pem'],
    ['ES256', 'pem'],
    ['EdDSA', 'pem'],
    ['none', 'secret'],
    [undefined, 'secret'],
  ])('picks %s → %s', (alg, source) => {
    expect(defaultKeySource(alg)).toBe(source);
  });

  it('builds no key until something is entered', () => {
    for (const source of ['secret', 'pem', 'jwk', 'profile'] as const) expect(verificationKeyOf({ ...BLANK, source })).toBeNull();
  });

  it('builds a secret with its encoding, a PEM, a JWK or a JWK Set', () => {
    expect(verificationKeyOf({ ...BLANK, secret: 'abc', encoding: 'hex' })).toEqual({ type: 'secret', secret: 'abc', encoding: 'hex' });
    expect(verificationKeyOf({ ...BLANK, source: 'pem', pem: '-----BEGIN PUBLIC KEY-----' })).toEqual({
      type: 'pem',
      pem: '-----BEGIN PUBLIC KEY-----',
    });
    expect(verificationKeyOf({ ...BLANK, source: 'jwk', jwk: '{"kty":"oct"}' })).toEqual({ type: 'jwk', jwk: '{"kty":"oct"}' });
    expect(verificationKeyOf({ ...BLANK, source: 'jwk', jwk: '{"keys":[]}' })).toEqual({ type: 'jwks', jwks: '{"keys":[]}' });
    expect(verificationKeyOf({ ...BLANK, source: 'jwk', jwk: 'not json' })).toEqual({ type: 'jwk', jwk: 'not json' });
  });
});
