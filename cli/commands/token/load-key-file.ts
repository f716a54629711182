import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { loadPrivateKey } from '../../../shared/keys/load-private-key';
import { nodeKeyDecryptor } from '../../../electron/services/node-key-decryptor';
import { readTextFile } from '../../io/read-text-file';
import { keyFileError } from '../../services/key-file-error';

/**
 * Reads and imports the RSA private key in `path` (every shape the core normalizes: PKCS#1, PKCS#8, `\n`-escaped, quoted,
 * encrypted with `passphrase`). Errors name the file and the problem, never the key.
 */
export async function loadKeyFile(path: string, passphrase: string | undefined): Promise<CryptoKey> {
  const pem = await readTextFile(path, 'key file');
  try {
    const loaded = await loadPrivateKey(pem, passphrase === undefined ? { decryptor: nodeKeyDecryptor } : { passphrase, decryptor: nodeKeyDecryptor });
    return loaded.key;
  } catch (error) {
    if (error instanceof WorkbenchError) throw keyFileError(error.toPayload(), path, passphrase !== undefined);
    throw error;
  }
}
