import { describe, expect, it } from 'vitest';
import { loadPrivateKey } from '../../shared/keys/load-private-key';
import { testKeyPair } from '../../test/support/test-keys';
import { nodeKeyDecryptor } from './node-key-decryptor';
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
