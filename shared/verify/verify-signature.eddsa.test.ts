// EdDSA (Ed25519) under both names, `EdDSA` (RFC 8037) and `Ed25519` (fully specified), with every key shape; the algorithm
// still comes from the key: an Ed25519 key never verifies HS256 or RS256, and `alg: none` stays refused.
import { Buffer } from 'node:buffer';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../test/support/self-signed-certificate';
import { makeGenericJwt } from '../../test/support/engagement-tokens';
import { decodeToken } from '../decode/decode-token';
import type { VerificationKey } from './verification';
import { VERIFY_MESSAGES as M } from './verify-errors';
import { verifySignature } from './verify-signature';

const ed = generateKeyPairSync('ed25519');
const otherEd = generateKeyPairSync('ed25519');

const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
const publicJwk = (key: KeyObject, extra: Record<string, unknown> = {}) => ({ ...key.export({ format: 'jwk' }), ...extra });

async function signed(alg: 'EdDSA' | 'Ed25519', key: KeyObject = ed.privateKey, header: Record<string, unknown> = {}) {
  return decodeToken(await new SignJWT({ sub: 'x', exp: 4_102_444_800 }).setProtectedHeader({ alg, ...header }).sign(key));
}

describe.each(['EdDSA', 'Ed25519'] as const)('verifySignature: alg %s', (alg) => {
  it.each<[string, () => VerificationKey]>([
    ['an SPKI PEM public key', () => ({ type: 'pem', pem: spki(ed.publicKey) })],
    ['an X.509 certificate', () => ({ type: 'pem', pem: selfSignedCertificate(ed.privateKey, ed.publicKey) })],
    ['an OKP JWK', () => ({ type: 'jwk', jwk: publicJwk(ed.publicKey) })],
    ['an OKP JWK that carries its private part too (only the public part is used)', () => ({ type: 'jwk', jwk: publicJwk(ed.privateKey) })],
    [
      'a JWK set, by kid',
      () => ({ type: 'jwks', jwks: { keys: [publicJwk(otherEd.publicKey, { kid: 'old' }), publicJwk(ed.publicKey, { kid: 'current' })] } }),
    ],
  ])('is valid with %s', async (_name, key) => {
    expect(await verifySignature(await signed(alg, ed.privateKey, { kid: 'current' }), key())).toEqual({ status: 'valid', alg });
  });

  it('is invalid with another Ed25519 key and when the payload was altered', async () => {
    const bad = { code: 'ERR_VERIFY_SIGNATURE_INVALID', message: M.badSignatureKey };
    const token = await signed(alg);
    expect(await verifySignature(token, { type: 'pem', pem: spki(otherEd.publicKey) })).toEqual({ status: 'invalid', alg, error: bad });
    const [header, , signature] = token.compact.split('.');
    const altered = decodeToken(`${header}.${Buffer.from('{"sub":"y"}').toString('base64url')}.${signature}`);
    expect(await verifySignature(altered, { type: 'jwk', jwk: publicJwk(ed.publicKey) })).toEqual({ status: 'invalid', alg, error: bad });
  });
});

describe('verifySignature: Ed25519 keys and the algorithm they allow', () => {
  it('refuses an HS256 token checked with an Ed25519 public key (algorithm confusion)', async () => {
    const token = decodeToken(makeGenericJwt({ sub: 'admin' }, { alg: 'HS256' }));
    expect(await verifySignature(token, { type: 'pem', pem: spki(ed.publicKey) })).toEqual({
      status: 'invalid',
      alg: 'HS256',
      error: {
        code: 'ERR_VERIFY_ALG_MISMATCH',
        message:
          'The token says HS256 (HMAC) but the key is an Ed25519 public key: rejected, because a public key used as an HMAC secret is the classic algorithm-confusion attack. Verify with the signing secret instead.',
      },
    });
  });

  it('refuses an RS256 token with an Ed25519 JWK, and an EdDSA token with a secret or an RSA key', async () => {
    expect(await verifySignature(decodeToken(makeGenericJwt({}, { alg: 'RS256' })), { type: 'jwk', jwk: publicJwk(ed.publicKey) })).toEqual(
      {
        status: 'invalid',
        alg: 'RS256',
        error: {
          code: 'ERR_VERIFY_ALG_MISMATCH',
          message:
            'The token says RS256 but the key is an Ed25519 public key, which only verifies EdDSA, Ed25519: use the key the token was signed with.',
        },
      },
    );
    const token = await signed('EdDSA');
    expect(await verifySignature(token, { type: 'secret', secret: 'a secret' })).toEqual({
      status: 'invalid',
      alg: 'EdDSA',
      error: {
        code: 'ERR_VERIFY_ALG_MISMATCH',
        message:
          'The token says EdDSA, which is signed with a private key, so a secret cannot verify it: use the matching public key (PEM, certificate or JWK).',
      },
    });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect((await verifySignature(token, { type: 'pem', pem: spki(rsa.publicKey) })).error?.code).toBe('ERR_VERIFY_ALG_MISMATCH');
  });

  it('still refuses alg none, even with an Ed25519 key', async () => {
    const none = decodeToken(makeGenericJwt({ sub: 'x' }, { alg: 'none' }));
    expect(await verifySignature(none, { type: 'pem', pem: spki(ed.publicKey) })).toEqual({
      status: 'invalid',
      alg: 'none',
      error: { code: 'ERR_VERIFY_ALG_NONE', message: M.algNone },
    });
  });

  it('holds a JWK to the alg it declares: EdDSA and Ed25519 are different names', async () => {
    expect(await verifySignature(await signed('Ed25519'), { type: 'jwk', jwk: publicJwk(ed.publicKey, { alg: 'EdDSA' }) })).toEqual({
      status: 'invalid',
      alg: 'Ed25519',
      error: {
        code: 'ERR_VERIFY_ALG_MISMATCH',
        message: 'The token says Ed25519 but the JWK is declared for "EdDSA": use the key the token was signed with.',
      },
    });
  });

  it('says to paste the public key for an Ed25519 private key, and treats other OKP curves as not fitting', async () => {
    const token = await signed('EdDSA');
    const privatePem = ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(await verifySignature(token, { type: 'pem', pem: privatePem })).toEqual({
      status: 'unchecked',
      alg: 'EdDSA',
      error: { code: 'ERR_VERIFY_KEY_INVALID', message: M.ed25519PrivateKey },
    });
    const x25519 = publicJwk(generateKeyPairSync('x25519').publicKey);
    expect(await verifySignature(token, { type: 'jwk', jwk: x25519 })).toEqual({
      status: 'invalid',
      alg: 'EdDSA',
      error: {
        code: 'ERR_VERIFY_ALG_MISMATCH',
        message:
          'The token says EdDSA but the key is a "OKP" "X25519" key, which verifies none of the supported algorithms: use the key the token was signed with.',
      },
    });
    expect(await verifySignature(token, { type: 'jwk', jwk: { kty: 'OKP', crv: 'Ed25519' } })).toEqual({
      status: 'unchecked',
      alg: 'EdDSA',
      error: { code: 'ERR_VERIFY_KEY_INVALID', message: M.jwkShape },
    });
  });
});
