import { Buffer } from 'node:buffer';
import { createHmac, generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../decode/decode-token';
import { makeGenericJwt } from '../../test/support/engagement-tokens';
import { selfSignedCertificate } from '../../test/support/self-signed-certificate';
import { testKeyPair } from '../../test/support/test-keys';
import type { VerificationKey } from './verification';
import { VERIFY_MESSAGES as M } from './verify-errors';
import { verifySignature } from './verify-signature';

const rsa = testKeyPair();
const otherRsa = testKeyPair('other');
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });

const BAD_KEY = {
  code: 'ERR_VERIFY_SIGNATURE_INVALID',
  message: 'The signature does not match: this is not the key the token was signed with, or the token was altered.',
};

async function signed(alg: string, key: KeyObject, header: Record<string, unknown> = {}): Promise<ReturnType<typeof decodeToken>> {
  return decodeToken(await new SignJWT({ sub: 'service-account', iat: 1_700_000_000 }).setProtectedHeader({ alg, ...header }).sign(key));
}

const pem = (text: string): VerificationKey => ({ type: 'pem', pem: text });
const jwk = (key: KeyObject, extra: Record<string, unknown> = {}): VerificationKey => ({
  type: 'jwk',
  jwk: { ...key.export({ format: 'jwk' }), ...extra },
});

describe('verifySignature: RSA', () => {
  it.each<[string, () => VerificationKey]>([
    ['an SPKI PEM public key', () => pem(rsa.publicPem)],
    ['a PKCS#1 RSA PUBLIC KEY PEM', () => pem(rsa.pkcs1PublicPem)],
    ['a public key pasted with literal \\n escapes in quotes', () => pem(JSON.stringify(rsa.publicPem))],
    ['an X.509 certificate', () => pem(selfSignedCertificate(rsa.privateKey, rsa.publicKey))],
    ['the PKCS#8 private key (its public half is used)', () => pem(rsa.pkcs8Pem)],
    ['the PKCS#1 private key, escaped', () => pem(rsa.pkcs1Escaped)],
    ['a public JWK object', () => jwk(rsa.publicKey)],
    ['a public JWK as JSON text', () => ({ type: 'jwk', jwk: JSON.stringify(rsa.publicKey.export({ format: 'jwk' })) })],
    ['a private JWK (only its public members are used)', () => jwk(rsa.privateKey)],
    ['a JWK pasted into the PEM field', () => pem(JSON.stringify(rsa.publicKey.export({ format: 'jwk' })))],
  ])('accepts RS256 with %s', async (_name, key) => {
    expect(await verifySignature(decodeToken(makeGenericJwt({ iss: 'x' }, { alg: 'RS256' })), key())).toEqual({
      status: 'valid',
      alg: 'RS256',
    });
  });

  it('accepts RS384, RS512, PS256 and PS512 with the same RSA public key', async () => {
    for (const alg of ['RS384', 'RS512', 'PS256', 'PS512']) {
      expect(await verifySignature(await signed(alg, rsa.privateKey), pem(rsa.publicPem))).toEqual({ status: 'valid', alg });
    }
  });

  it('rejects another RSA key and a tampered token', async () => {
    const token = decodeToken(makeGenericJwt({ iss: 'x' }, { alg: 'RS256' }));
    expect(await verifySignature(token, pem(otherRsa.publicPem))).toEqual({ status: 'invalid', alg: 'RS256', error: BAD_KEY });
    const [header, , signature] = token.compact.split('.');
    const tampered = decodeToken(`${header}.${Buffer.from('{"iss":"y"}').toString('base64url')}.${signature}`);
    expect(await verifySignature(tampered, pem(rsa.publicPem))).toEqual({ status: 'invalid', alg: 'RS256', error: BAD_KEY });
  });

  it('rejects RS256 given a secret (ERR_VERIFY_ALG_MISMATCH)', async () => {
    const token = decodeToken(makeGenericJwt({ iss: 'x' }, { alg: 'RS256' }));
    expect(await verifySignature(token, { type: 'secret', secret: 'some secret' })).toEqual({
      status: 'invalid',
      alg: 'RS256',
      error: {
        code: 'ERR_VERIFY_ALG_MISMATCH',
        message:
          'The token says RS256, which is signed with a private key, so a secret cannot verify it: use the matching public key (PEM, certificate or JWK).',
      },
    });
  });

  it('rejects a JWK declared for another algorithm', async () => {
    const token = decodeToken(makeGenericJwt({ iss: 'x' }, { alg: 'RS256' }));
    expect(await verifySignature(token, jwk(rsa.publicKey, { alg: 'PS256' }))).toEqual({
      status: 'invalid',
      alg: 'RS256',
      error: {
        code: 'ERR_VERIFY_ALG_MISMATCH',
        message: 'The token says RS256 but the JWK is declared for "PS256": use the key the token was signed with.',
      },
    });
  });

  it('leaves a token signed with a sub-2048-bit RSA key unchecked, saying why', async () => {
    const small = testKeyPair('small', 1024);
    const header = Buffer.from('{"alg":"RS256"}').toString('base64url');
    const payload = Buffer.from('{"sub":"x"}').toString('base64url');
    const signature = nodeSign('sha256', Buffer.from(`${header}.${payload}`), small.privateKey).toString('base64url');
    expect(await verifySignature(decodeToken(`${header}.${payload}.${signature}`), pem(small.publicPem))).toEqual({
      status: 'unchecked',
      alg: 'RS256',
      error: { code: 'ERR_VERIFY_KEY_INVALID', message: M.rsaTooSmall },
    });
  });
});

describe('verifySignature: EC', () => {
  it.each<[string, () => VerificationKey]>([
    ['an SPKI PEM public key', () => pem(p256.publicKey.export({ type: 'spki', format: 'pem' }).toString())],
    ['an X.509 certificate', () => pem(selfSignedCertificate(p256.privateKey, p256.publicKey))],
    ['a PKCS#8 private key', () => pem(p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())],
    ['a SEC1 EC PRIVATE KEY', () => pem(p256.privateKey.export({ type: 'sec1', format: 'pem' }).toString())],
    ['a public JWK', () => jwk(p256.publicKey)],
  ])('accepts ES256 with %s', async (_name, key) => {
    expect(await verifySignature(await signed('ES256', p256.privateKey), key())).toEqual({ status: 'valid', alg: 'ES256' });
  });

  it('accepts ES384 with a P-384 key', async () => {
    expect(await verifySignature(await signed('ES384', p384.privateKey), jwk(p384.publicKey))).toEqual({ status: 'valid', alg: 'ES384' });
  });

  it('rejects an ES256 token checked with another P-256 key', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(await verifySignature(await signed('ES256', p256.privateKey), jwk(other.publicKey))).toEqual({
      status: 'invalid',
      alg: 'ES256',
      error: BAD_KEY,
    });
  });

  it('rejects a curve or key type that does not fit the algorithm (ERR_VERIFY_ALG_MISMATCH)', async () => {
    expect(await verifySignature(await signed('ES256', p256.privateKey), jwk(p384.publicKey))).toEqual({
      status: 'invalid',
      alg: 'ES256',
      error: {
        code: 'ERR_VERIFY_ALG_MISMATCH',
        message:
          'The token says ES256 but the key is an EC P-384 public key, which only verifies ES384: use the key the token was signed with.',
      },
    });
    expect(await verifySignature(await signed('ES256', p256.privateKey), pem(rsa.publicPem))).toEqual({
      status: 'invalid',
      alg: 'ES256',
      error: {
        code: 'ERR_VERIFY_ALG_MISMATCH',
        message:
          'The token says ES256 but the key is an RSA public key, which only verifies RS256, RS384, RS512, PS256, PS384, PS512: use the key the token was signed with.',
      },
    });
    const ed = generateKeyPairSync('ed25519');
    expect(
      await verifySignature(
        decodeToken(makeGenericJwt({}, { alg: 'RS256' })),
        pem(ed.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
      ),
    ).toEqual({
      status: 'invalid',
      alg: 'RS256',
      error: {
        code: 'ERR_VERIFY_ALG_MISMATCH',
        message:
          'The token says RS256 but the key is an Ed25519 public key, which only verifies EdDSA, Ed25519: use the key the token was signed with.',
      },
    });
    const ed448 = generateKeyPairSync('ed448');
    expect(
      await verifySignature(
        decodeToken(makeGenericJwt({}, { alg: 'RS256' })),
        pem(ed448.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
      ),
    ).toEqual({
      status: 'invalid',
      alg: 'RS256',
      error: {
        code: 'ERR_VERIFY_ALG_MISMATCH',
        message:
          'The token says RS256 but the key is an Ed448 key, which verifies none of the supported algorithms: use the key the token was signed with.',
      },
    });
  });
});

describe('verifySignature: algorithm confusion and unsecured tokens', () => {
  /** The classic attack: an HS256 token whose HMAC secret is the text of the RSA public key PEM. */
  function confusedToken(): ReturnType<typeof decodeToken> {
    const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
    const payload = Buffer.from('{"sub":"admin"}').toString('base64url');
    const mac = createHmac('sha256', rsa.publicPem).update(`${header}.${payload}`).digest('base64url');
    return decodeToken(`${header}.${payload}.${mac}`);
  }

  it('rejects an HS256 token signed with the public key PEM as its secret when that PEM is supplied', async () => {
    const result = await verifySignature(confusedToken(), pem(rsa.publicPem));
    expect(result).toEqual({
      status: 'invalid',
      alg: 'HS256',
      error: {
        code: 'ERR_VERIFY_ALG_MISMATCH',
        message:
          'The token says HS256 (HMAC) but the key is an RSA public key: rejected, because a public key used as an HMAC secret is the classic algorithm-confusion attack. Verify with the signing secret instead.',
      },
    });
  });

  it('rejects the same attack with a certificate, a JWK, or the PEM pasted as a "secret"', async () => {
    for (const key of [
      pem(selfSignedCertificate(rsa.privateKey, rsa.publicKey)),
      jwk(rsa.publicKey),
      { type: 'secret', secret: rsa.publicPem } as const,
    ]) {
      const result = await verifySignature(confusedToken(), key);
      expect(result.status).toBe('invalid');
      expect(result.error?.code).toBe('ERR_VERIFY_ALG_MISMATCH');
      expect(result.error?.message).toMatch(
        /^The token says HS256 \(HMAC\) but the key is .+: rejected, because a public key used as an HMAC secret is the classic algorithm-confusion attack\./,
      );
    }
  });

  it('rejects alg none (any case) as invalid, with or without a key', async () => {
    const expected = { status: 'invalid', error: { code: 'ERR_VERIFY_ALG_NONE', message: M.algNone } };
    const none = decodeToken(makeGenericJwt({ sub: 'admin' }, { alg: 'none' }));
    expect(await verifySignature(none, null)).toEqual({ ...expected, alg: 'none' });
    expect(await verifySignature(none, { type: 'secret', secret: 'x' })).toEqual({ ...expected, alg: 'none' });
    const upper = decodeToken(makeGenericJwt({ sub: 'admin' }, { header: { alg: 'NONE' }, signature: '' }));
    expect(await verifySignature(upper, pem(rsa.publicPem))).toEqual({ ...expected, alg: 'NONE' });
  });

  it('reports an unknown or missing alg as unsupported', async () => {
    const es256k = decodeToken(makeGenericJwt({}, { header: { alg: 'ES256K' }, signature: 'c2ln' }));
    const unsupported = {
      code: 'ERR_VERIFY_ALG_UNSUPPORTED',
      message:
        'The algorithm "ES256K" is not supported: the workbench checks HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA, Ed25519.',
    };
    expect(await verifySignature(es256k, pem(rsa.publicPem))).toEqual({ status: 'unsupported', alg: 'ES256K', error: unsupported });
    expect(await verifySignature(es256k, null)).toEqual({ status: 'unsupported', alg: 'ES256K', error: unsupported });
    const missing = decodeToken(makeGenericJwt({}, { header: { alg: undefined }, signature: 'c2ln' }));
    expect(await verifySignature(missing, null)).toEqual({
      status: 'unsupported',
      alg: null,
      error: { code: 'ERR_VERIFY_ALG_UNSUPPORTED', message: M.algMissing },
    });
  });
});

describe('verifySignature: unusable keys', () => {
  const token = decodeToken(makeGenericJwt({ iss: 'x' }, { alg: 'RS256' }));
  const lines = rsa.publicPem.trim().split('\n');
  const encryptedPkcs1 = rsa.pkcs1EncryptedPem;

  it.each<[string, VerificationKey, string, string]>([
    ['text that holds no key', pem('hello'), 'ERR_VERIFY_KEY_INVALID', M.noKeyFound],
    ['a truncated public key', pem([...lines.slice(0, 3), lines[lines.length - 1]].join('\n')), 'ERR_VERIFY_KEY_INVALID', M.keyDamaged],
    ['a public key missing its END line', pem(rsa.publicPem.replace(/-----END[^\n]*\n$/, '')), 'ERR_VERIFY_KEY_INVALID', M.keyDamaged],
    ['an encrypted PKCS#8 private key', pem(rsa.pkcs8EncryptedPem), 'ERR_VERIFY_KEY_INVALID', M.encryptedPrivateKey],
    ['an encrypted PKCS#1 private key', pem(encryptedPkcs1), 'ERR_VERIFY_KEY_INVALID', M.encryptedPrivateKey],
    ['an OpenSSH public key', pem('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host'), 'ERR_VERIFY_KEY_INVALID', M.sshPublicKey],
    [
      'a certificate request',
      pem('-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----'),
      'ERR_VERIFY_KEY_INVALID',
      'A PEM "CERTIFICATE REQUEST" block cannot verify signatures: paste a public key, a certificate or a JWK.',
    ],
    ['a JWK that is not JSON', { type: 'jwk', jwk: '{kty: RSA' }, 'ERR_VERIFY_KEY_INVALID', M.jwkJson],
    ['a JWK without kty', { type: 'jwk', jwk: { n: 'AQAB', e: 'AQAB' } }, 'ERR_VERIFY_KEY_INVALID', M.jwkShape],
    ['an RSA JWK without n', { type: 'jwk', jwk: { kty: 'RSA', e: 'AQAB' } }, 'ERR_VERIFY_KEY_INVALID', M.jwkShape],
    ['an encryption JWK', jwk(rsa.publicKey, { use: 'enc' }), 'ERR_VERIFY_KEY_INVALID', M.jwkForEncryption],
    [
      'an RSA JWK with a 2-byte modulus',
      { type: 'jwk', jwk: { kty: 'RSA', n: 'AQE', e: 'AQAB' } },
      'ERR_VERIFY_KEY_INVALID',
      M.rsaTooSmall,
    ],
  ])('leaves the signature unchecked for %s', async (_name, key, code, message) => {
    expect(await verifySignature(token, key)).toEqual({ status: 'unchecked', alg: 'RS256', error: { code, message } });
  });

  it('leaves the signature unchecked for an EC JWK whose point is not on the curve', async () => {
    const es256 = await signed('ES256', p256.privateKey);
    expect(await verifySignature(es256, { type: 'jwk', jwk: { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' } })).toEqual({
      status: 'unchecked',
      alg: 'ES256',
      error: { code: 'ERR_VERIFY_KEY_INVALID', message: M.importFailed },
    });
  });
});
