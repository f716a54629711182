import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadPrivateKey } from '../../shared/keys/load-private-key';
import { testKeyPair } from '../../test/support/test-keys';
import { nodeKeyDecryptor } from './node-key-decryptor';
import { PRIVATE_KEY_MESSAGES } from '../../shared/keys/private-key-errors';
import { workbenchRejection } from '../../test/support/rejection';
import { encryptPkcs8 } from '../../test/support/pbes2-key';

const keys = testKeyPair();
const WRONG_PASSPHRASE = 'The passphrase is wrong: check it and try again.';

describe('nodeKeyDecryptor', () => {
  it('decrypts encrypted PKCS#8 and legacy encrypted PKCS#1 into the plain PKCS#8 PEM', async () => {
    expect(await nodeKeyDecryptor.decrypt(keys.pkcs8EncryptedPem, keys.passphrase)).toBe(keys.pkcs8Pem);
    expect(await nodeKeyDecryptor.decrypt(keys.pkcs1EncryptedPem, keys.passphrase)).toBe(keys.pkcs8Pem);
  });

  it('rejects a wrong passphrase with ERR_KEY_PASSPHRASE and no OpenSSL text', async () => {
    for (const pem of [keys.pkcs8EncryptedPem, keys.pkcs1EncryptedPem]) {
      const error = await workbenchRejection(nodeKeyDecryptor.decrypt(pem, 'wrong horse'));
      expect(error.code).toBe('ERR_KEY_PASSPHRASE');
      expect(error.message).toBe(WRONG_PASSPHRASE);
      expect(error.cause).toBeUndefined();
    }
  });

  it('reads a wrong passphrase as wrong even when what it decrypts to passes the padding check (about 1 in 256)', async () => {
    for (const pem of [keys.pkcs8EncryptedPem, keys.pkcs1EncryptedPem]) {
      // Such a passphrase makes OpenSSL's DECODER fail on garbage (ERR_OSSL_UNSUPPORTED) rather than report a bad decrypt.
      const passphrase = Array.from({ length: 20_000 }, (_, i) => `wrong ${i}`).find((candidate) => {
        try {
          createPrivateKey({ key: pem, format: 'pem', passphrase: candidate });
          return false;
        } catch (error) {
          return (error as { code?: string }).code === 'ERR_OSSL_UNSUPPORTED';
        }
      });
      if (passphrase === undefined) throw new Error('no passphrase among 20,000 decrypted past the padding check');
      expect(await workbenchRejection(nodeKeyDecryptor.decrypt(pem, passphrase))).toMatchObject({
        code: 'ERR_KEY_PASSPHRASE',
        message: WRONG_PASSPHRASE,
      });
    }
  });

  it('says a cipher OpenSSL cannot run is unsupported: an unknown PKCS#8 scheme, a legacy PEM encryption it does not know', async () => {
    const der = createPrivateKey(keys.pkcs8Pem).export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'p' });
    // aes-256-cbc's OID (2.16.840.1.101.3.4.1.42) with its last arc made one no cipher has.
    const oid = Buffer.from([0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2a]);
    const unknown = Buffer.from(der);
    unknown[der.indexOf(oid) + oid.length - 1] = 0x7f;
    const lines = unknown
      .toString('base64')
      .match(/.{1,64}/g)!
      .join('\n');
    const pkcs8 = `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${lines}\n-----END ENCRYPTED PRIVATE KEY-----\n`;
    const legacy = createPrivateKey(keys.pkcs8Pem)
      .export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'p' })
      .toString()
      .replace('AES-256-CBC', 'FOO-256-CBC');
    for (const pem of [pkcs8, legacy]) {
      expect(await workbenchRejection(nodeKeyDecryptor.decrypt(pem, 'p'))).toMatchObject({
        code: 'ERR_KEY_ENCRYPTED',
        message: PRIVATE_KEY_MESSAGES.unsupportedCipher,
      });
    }
  });
});

describe('loadPrivateKey with nodeKeyDecryptor', () => {
  const plain = loadPrivateKey(keys.pkcs8Pem);

  it.each([
    ['encrypted PKCS#8', keys.pkcs8EncryptedPem, 'pkcs8-encrypted'],
    ['legacy encrypted PKCS#1', keys.pkcs1EncryptedPem, 'pkcs1-encrypted'],
    ['legacy encrypted PKCS#1 pasted with literal \\n escapes', keys.pkcs1EncryptedPem.trimEnd().replace(/\n/g, '\\n'), 'pkcs1-encrypted'],
    ['encrypted PKCS#8 as a JSON string', JSON.stringify(keys.pkcs8EncryptedPem), 'pkcs8-encrypted'],
  ] as const)('loads %s with its passphrase', async (_name, pem, format) => {
    const loaded = await loadPrivateKey(pem, { passphrase: keys.passphrase, decryptor: nodeKeyDecryptor });
    expect(loaded.pkcs8Pem).toBe(keys.pkcs8Pem);
    expect(loaded.info).toEqual({ ...(await plain).info, format });
    expect(loaded.key.type).toBe('private');
  });

  it('asks for the passphrase when none is given', async () => {
    for (const passphrase of [undefined, '']) {
      for (const pem of [keys.pkcs8EncryptedPem, keys.pkcs1EncryptedPem]) {
        expect(await workbenchRejection(loadPrivateKey(pem, { passphrase, decryptor: nodeKeyDecryptor }))).toMatchObject({
          code: 'ERR_KEY_ENCRYPTED',
          message: 'This key is encrypted: enter its passphrase.',
        });
      }
    }
  });

  it('rejects a wrong passphrase with ERR_KEY_PASSPHRASE', async () => {
    for (const pem of [keys.pkcs8EncryptedPem, keys.pkcs1EncryptedPem]) {
      expect(await workbenchRejection(loadPrivateKey(pem, { passphrase: 'Correct Horse', decryptor: nodeKeyDecryptor }))).toMatchObject({
        code: 'ERR_KEY_PASSPHRASE',
        message: WRONG_PASSPHRASE,
      });
    }
  });

  it('ignores the passphrase and decryptor for an unencrypted key', async () => {
    const loaded = await loadPrivateKey(keys.pkcs1Pem, { passphrase: 'unused', decryptor: nodeKeyDecryptor });
    expect(loaded.info.format).toBe('pkcs1');
  });
});

describe('nodeKeyDecryptor keeps the main thread free', () => {
  // Counted, not timed: a derivation on this thread would let no callback run until it finished (0 or 1 turns of the
  // event loop), however fast or loaded the machine is; in a worker thread the loop keeps turning the whole time.
  it('decrypts a key with a million PBKDF2 iterations while the event loop keeps turning', async () => {
    const heavy = encryptPkcs8(keys.pkcs8Pem, keys.passphrase, 1_000_000);
    let turns = 0;
    let spinning = true;
    const spin = (): void => {
      turns += 1;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    try {
      expect(await nodeKeyDecryptor.decrypt(heavy, keys.passphrase)).toBe(keys.pkcs8Pem);
      expect(turns).toBeGreaterThan(50);
    } finally {
      spinning = false;
    }
  });
});
