import { Buffer } from 'node:buffer';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../decode/decode-token';
import { testKeyPair } from '../../test/support/test-keys';
import type { VerificationKey } from './verification';
import { VERIFY_MESSAGES as M } from './verify-errors';
import { verifySignature } from './verify-signature';

const rsa = testKeyPair();
const otherRsa = testKeyPair('other');
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const otherP256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });

function publicJwk(key: KeyObject, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...key.export({ format: 'jwk' }), ...extra };
}

async function signed(alg: string, key: KeyObject, header: Record<string, unknown> = {}): Promise<ReturnType<typeof decodeToken>> {
  return decodeToken(await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg, ...header }).sign(key));
}

const set = (...keys: Record<string, unknown>[]): VerificationKey => ({ type: 'jwks', jwks: { keys } });

describe('verifySignature: JWK sets', () => {
  const mixed = set(
    publicJwk(otherRsa.publicKey, { kid: 'rsa-old', use: 'sig' }),
    publicJwk(rsa.publicKey, { kid: 'rsa-current', use: 'sig', alg: 'RS256' }),
    publicJwk(p256.publicKey, { kid: 'ec-1' }),
  );

  it('picks the key by kid (RS256 and ES256)', async () => {
    expect(await verifySignature(await signed('RS256', rsa.privateKey, { kid: 'rsa-current' }), mixed)).toEqual({
      status: 'valid',
      alg: 'RS256',
    });
    expect(await verifySignature(await signed('ES256', p256.privateKey, { kid: 'ec-1' }), mixed)).toEqual({
      status: 'valid',
      alg: 'ES256',
    });
  });

  it('accepts the set as JSON text and from the PEM field', async () => {
    const token = await signed('RS256', rsa.privateKey, { kid: 'rsa-current' });
    const text = JSON.stringify((mixed as { jwks: object }).jwks);
    expect(await verifySignature(token, { type: 'jwks', jwks: text })).toEqual({ status: 'valid', alg: 'RS256' });
    expect(await verifySignature(token, { type: 'jwk', jwk: text })).toEqual({ status: 'valid', alg: 'RS256' });
    expect(await verifySignature(token, { type: 'pem', pem: text })).toEqual({ status: 'valid', alg: 'RS256' });
  });

  it('checks the signature with the key the kid names, not any key of the set', async () => {
    const token = await signed('RS256', rsa.privateKey, { kid: 'rsa-old' });
    expect(await verifySignature(token, mixed)).toEqual({
      status: 'invalid',
      alg: 'RS256',
      error: {
        code: 'ERR_VERIFY_SIGNATURE_INVALID',
        message: 'The signature does not match: this is not the key the token was signed with, or the token was altered.',
      },
    });
  });

  it('reports an unknown kid with ERR_VERIFY_KID_NOT_FOUND', async () => {
    expect(await verifySignature(await signed('RS256', rsa.privateKey, { kid: 'rotated-away' }), mixed)).toEqual({
      status: 'unchecked',
      alg: 'RS256',
      error: {
        code: 'ERR_VERIFY_KID_NOT_FOUND',
        message: 'No key in the JWK set has kid "rotated-away": use the set that contains the token\'s signing key.',
      },
    });
  });

  it('without a kid, tries every key that fits the algorithm', async () => {
    expect(await verifySignature(await signed('RS256', rsa.privateKey), mixed)).toEqual({ status: 'valid', alg: 'RS256' });
    expect(await verifySignature(await signed('ES256', p256.privateKey), mixed)).toEqual({ status: 'valid', alg: 'ES256' });
    expect(await verifySignature(await signed('ES256', otherP256.privateKey), mixed)).toMatchObject({
      status: 'invalid',
      error: { code: 'ERR_VERIFY_SIGNATURE_INVALID' },
    });
  });

  it('without a kid, skips keys whose declared alg differs', async () => {
    const token = await signed('PS256', rsa.privateKey);
    const declaredRs256 = set(publicJwk(rsa.publicKey, { alg: 'RS256' }), publicJwk(p256.publicKey));
    expect(await verifySignature(token, declaredRs256)).toEqual({
      status: 'unchecked',
      alg: 'PS256',
      error: {
        code: 'ERR_VERIFY_KID_NOT_FOUND',
        message: "The token has no kid and no key in the JWK set fits PS256: use the set that contains the token's signing key.",
      },
    });
  });

  it('without a kid, reports ERR_VERIFY_KID_NOT_FOUND when no key fits', async () => {
    const ecOnly = set(publicJwk(p256.publicKey), publicJwk(otherP256.publicKey));
    expect(await verifySignature(await signed('RS256', rsa.privateKey), ecOnly)).toEqual({
      status: 'unchecked',
      alg: 'RS256',
      error: {
        code: 'ERR_VERIFY_KID_NOT_FOUND',
        message: "The token has no kid and no key in the JWK set fits RS256: use the set that contains the token's signing key.",
      },
    });
  });

  it('with a single key and no kid, uses that key (so a misfit is a mismatch, not a missing kid)', async () => {
    expect(await verifySignature(await signed('RS256', rsa.privateKey), set(publicJwk(rsa.publicKey)))).toEqual({
      status: 'valid',
      alg: 'RS256',
    });
    expect(await verifySignature(await signed('ES256', p256.privateKey), set(publicJwk(rsa.publicKey)))).toMatchObject({
      status: 'invalid',
      error: { code: 'ERR_VERIFY_ALG_MISMATCH' },
    });
  });

  it('rejects an HS256 token against a set of public keys as algorithm confusion', async () => {
    const header = Buffer.from('{"alg":"HS256","kid":"rsa-current"}').toString('base64url');
    const token = decodeToken(`${header}.${Buffer.from('{"sub":"admin"}').toString('base64url')}.c2ln`);
    expect(await verifySignature(token, mixed)).toMatchObject({
      status: 'invalid',
      error: { code: 'ERR_VERIFY_ALG_MISMATCH', message: expect.stringMatching(/algorithm-confusion attack/) },
    });
  });

  it('accepts an oct key in a set for HS256', async () => {
    const secret = new Uint8Array(32).fill(7);
    const token = decodeToken(await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256', kid: 'hmac' }).sign(secret));
    const oct = { kty: 'oct', kid: 'hmac', k: Buffer.from(secret).toString('base64url') };
    expect(await verifySignature(token, set(publicJwk(rsa.publicKey, { kid: 'r' }), oct))).toEqual({ status: 'valid', alg: 'HS256' });
  });

  it('reports a malformed or empty set with ERR_VERIFY_KEY_INVALID', async () => {
    const token = await signed('RS256', rsa.privateKey);
    expect(await verifySignature(token, { type: 'jwks', jwks: { keys: [] } })).toEqual({
      status: 'unchecked',
      alg: 'RS256',
      error: { code: 'ERR_VERIFY_KEY_INVALID', message: M.jwksEmpty },
    });
    expect(await verifySignature(token, { type: 'jwks', jwks: '{"keys":"nope"}' })).toEqual({
      status: 'unchecked',
      alg: 'RS256',
      error: { code: 'ERR_VERIFY_KEY_INVALID', message: M.jwksShape },
    });
    expect(await verifySignature(token, { type: 'jwks', jwks: '[1,2]' })).toEqual({
      status: 'unchecked',
      alg: 'RS256',
      error: { code: 'ERR_VERIFY_KEY_INVALID', message: M.jwkJson },
    });
  });
});
