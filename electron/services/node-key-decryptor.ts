// Decrypts encrypted private keys with Node's OpenSSL (WebCrypto cannot): PKCS#8 and legacy `Proc-Type: 4,ENCRYPTED` PEM.
import { createPrivateKey } from 'node:crypto';
import { PRIVATE_KEY_MESSAGES, keyError } from '../../shared/keys/private-key-errors';
import type { KeyDecryptor } from '../../shared/keys/key-info';

function isUnsupportedCipher(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_OSSL_EVP_UNSUPPORTED' || code === 'ERR_OSSL_UNSUPPORTED';
}

/** Decrypts an encrypted PEM private key with its passphrase into unencrypted PKCS#8 PEM; ERR_KEY_PASSPHRASE when it cannot (no OpenSSL text leaks). */
export const nodeKeyDecryptor: KeyDecryptor = {
  async decrypt(pem: string, passphrase: string): Promise<string> {
    try {
      return createPrivateKey({ key: pem, format: 'pem', passphrase }).export({ type: 'pkcs8', format: 'pem' }).toString();
    } catch (error) {
      if (isUnsupportedCipher(error)) throw keyError('ERR_KEY_ENCRYPTED', PRIVATE_KEY_MESSAGES.unsupportedCipher);
      throw keyError('ERR_KEY_PASSPHRASE', PRIVATE_KEY_MESSAGES.wrongPassphrase);
    }
  },
};
