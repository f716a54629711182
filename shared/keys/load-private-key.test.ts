import { Buffer } from 'node:buffer';
import { createHash, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { SignJWT, exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { testKeyPair, type TestKeyPair } from '../../test/support/test-keys';
import { loadPrivateKey } from './load-private-key';
import type { KeyDecryptor } from './key-info';
import { workbenchRejection } from '../../test/support/rejection';

/** The fingerprint computed independently with node:crypto: SHA-256 over the SPKI DER, unpadded base64. */
function nodeFingerprint(pair: TestKeyPair): string {
  const spki = createPublicKey(pair.privateKey).export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(spki).digest('base64').replace(/=+$/, '')}`;
}

describe('loadPrivateKey', () => {
  const keys = testKeyPair();

  it.each([
    ['PKCS#1', keys.pkcs1Pem, 'pkcs1'],
    ['PKCS#8', keys.pkcs8Pem, 'pkcs8'],
    ['PKCS#1 with literal \\n escapes', keys.pkcs1Escaped, 'pkcs1'],
    ['PKCS#8 as a JSON string', JSON.stringify(keys.pkcs8Pem), 'pkcs8'],
  ] as const)('loads %s into a working RS256 key with its canonical PKCS#8 and info', async (_name, input, format) => {
    const loaded = await loadPrivateKey(input);
    expect(loaded.pkcs8Pem).toBe(keys.pkcs8Pem);
    expect(loaded.info).toEqual({ type: 'RSA', bits: 2048, fingerprint: nodeFingerprint(keys), format });
    expect(loaded.key.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } });
    expect(loaded.key.type).toBe('private');
    expect(loaded.key.extractable).toBe(true);
    const jwt = await new SignJWT({ iss: 'client' }).setProtectedHeader({ alg: 'RS256' }).sign(loaded.key);
    const [header, payload, signature] = jwt.split('.');
    expect(
      nodeVerify('sha256', new TextEncoder().encode(`${header}.${payload}`), keys.publicKey, Buffer.from(signature!, 'base64url')),
    ).toBe(true);
    expect((await exportJWK(loaded.key)).n).toBe(keys.publicKey.export({ format: 'jwk' }).n);
  });

  it('reports the bits and node-computed fingerprint of a 3072-bit key', async () => {
    const big = testKeyPair('big', 3072);
    expect((await loadPrivateKey(big.pkcs1Pem)).info).toEqual({
      type: 'RSA',
      bits: 3072,
      fingerprint: nodeFingerprint(big),
      format: 'pkcs1',
    });
  });

  it('gives different keys different fingerprints', async () => {
    const other = testKeyPair('other');
    expect((await loadPrivateKey(other.pkcs8Pem)).info.fingerprint).not.toBe((await loadPrivateKey(keys.pkcs8Pem)).info.fingerprint);
  });

  it('rejects an RSA key below 2048 bits with ERR_KEY_TOO_SMALL', async () => {
    const small = testKeyPair('small', 1024);
    for (const pem of [small.pkcs1Pem, small.pkcs8Pem]) {
      expect(await workbenchRejection(loadPrivateKey(pem))).toMatchObject({
        code: 'ERR_KEY_TOO_SMALL',
        message: 'This RSA key has 1024 bits; at least 2048 are needed: use a 2048-bit or larger key.',
      });
    }
  });

  it('passes normalization errors through (public key, garbage)', async () => {
    expect(await workbenchRejection(loadPrivateKey(keys.publicPem))).toMatchObject({ code: 'ERR_KEY_PUBLIC' });
    expect(await workbenchRejection(loadPrivateKey('not a key'))).toMatchObject({ code: 'ERR_KEY_MALFORMED' });
    expect(await workbenchRejection(loadPrivateKey(''))).toMatchObject({ code: 'ERR_KEY_EMPTY' });
  });

  it('says how to decrypt an encrypted key when no decryptor is available (both encrypted formats)', async () => {
    const message =
      'This key is encrypted and cannot be decrypted here: decrypt it with `openssl pkey -in key.pem -out plain.pem` and paste plain.pem.';
    for (const pem of [keys.pkcs8EncryptedPem, keys.pkcs1EncryptedPem]) {
      expect(await workbenchRejection(loadPrivateKey(pem))).toMatchObject({ code: 'ERR_KEY_ENCRYPTED', message });
      expect(await workbenchRejection(loadPrivateKey(pem, { passphrase: keys.passphrase }))).toMatchObject({
        code: 'ERR_KEY_ENCRYPTED',
        message,
      });
    }
  });

  it('maps a decryptor failure that carries no code to ERR_KEY_PASSPHRASE without its text', async () => {
    const failing: KeyDecryptor = {
      decrypt: async () => {
        throw new Error('error:1C800064:Provider routines::bad decrypt');
      },
    };
    const error = await workbenchRejection(loadPrivateKey(keys.pkcs8EncryptedPem, { passphrase: 'nope', decryptor: failing }));
    expect(error).toMatchObject({ code: 'ERR_KEY_PASSPHRASE', message: 'The passphrase is wrong: check it and try again.' });
  });
});
