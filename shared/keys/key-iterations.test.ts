import { describe, expect, it } from 'vitest';
import { encryptPkcs8, withIterationCount } from '../../test/support/pbes2-key';
import { testKeyPair } from '../../test/support/test-keys';
import { tryBase64ToBytes } from './base64';
import { MAX_KEY_ITERATIONS, encryptedKeyIterations } from './key-iterations';
import { normalizePrivateKeyPem } from './normalize-private-key';
import { findPemBlocks } from './pem-blocks';

const keys = testKeyPair();
const derOf = (pem: string): Uint8Array => tryBase64ToBytes(findPemBlocks(pem)[0]!.body)!;

describe('encrypted key iteration counts', () => {
  it('reads the PBKDF2 iteration count of an encrypted PKCS#8 key (Node and OpenSSL use 2048)', () => {
    expect(encryptedKeyIterations(derOf(keys.pkcs8EncryptedPem))).toBe(2048);
    expect(encryptedKeyIterations(derOf(encryptPkcs8(keys.pkcs8Pem, 'pw', 3000)))).toBe(3000);
  });

  it('accepts a key at the cap', () => {
    expect(normalizePrivateKeyPem(withIterationCount(keys.pkcs8EncryptedPem, MAX_KEY_ITERATIONS))).toMatchObject({
      format: 'pkcs8-encrypted',
      encrypted: true,
    });
  });

  it.each([
    [MAX_KEY_ITERATIONS + 1, '5,000,001'],
    [2_000_000_000, '2,000,000,000'],
  ])('refuses %i iterations with ERR_KEY_ITERATIONS before any decryption, at once', (iterations, shown) => {
    const started = performance.now();
    expect(() => normalizePrivateKeyPem(withIterationCount(keys.pkcs8EncryptedPem, iterations))).toThrow(
      expect.objectContaining({
        code: 'ERR_KEY_ITERATIONS',
        message: `This key is encrypted with ${shown} key-derivation iterations, far more than any tool uses (at most 5,000,000 are accepted): decrypt it with \`openssl pkey -in key.pem -out plain.pem\` and paste plain.pem, or export it again with default settings.`,
      }),
    );
    // Any decryption of 5,000,001 iterations takes seconds; a loaded CI machine can stall a few tens of milliseconds.
    expect(performance.now() - started).toBeLessThan(500);
  });
});
