// Decrypts encrypted private keys with Node's OpenSSL (WebCrypto cannot): PKCS#8 and legacy `Proc-Type: 4,ENCRYPTED` PEM.
// The work runs in a worker thread: a key's key derivation can take seconds, and the main process must keep answering.
import { Worker } from 'node:worker_threads';
import { WorkbenchError } from '../../shared/errors/workbench-error';
import { PRIVATE_KEY_MESSAGES, keyError } from '../../shared/keys/private-key-errors';
import type { KeyDecryptor } from '../../shared/keys/key-info';

/** How long one decryption may run before the worker is stopped (the iteration cap keeps honest keys far below it). */
export const DECRYPT_TIME_LIMIT_MS = 30_000;

/** The worker's code, inline so the bundled main process and CLI need no extra file. It answers the new PEM or OpenSSL's error code only. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createPrivateKey } = require('node:crypto');
try {
  const key = createPrivateKey({ key: workerData.pem, format: 'pem', passphrase: workerData.passphrase });
  parentPort.postMessage({ ok: true, pem: key.export({ type: 'pkcs8', format: 'pem' }).toString() });
} catch (error) {
  parentPort.postMessage({ ok: false, code: error && typeof error.code === 'string' ? error.code : null });
}
`;

type WorkerAnswer = { ok: true; pem: string } | { ok: false; code: string | null };

/** Runs one decryption in a fresh worker thread; rejects with ERR_KEY_ITERATIONS when it runs past the time limit. */
function decryptInWorker(pem: string, passphrase: string): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { pem, passphrase } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new WorkbenchError(
          'ERR_KEY_ITERATIONS',
          'Decrypting this key took too long and was stopped: decrypt it with `openssl pkey -in key.pem -out plain.pem` and paste plain.pem.',
        ),
      );
    }, DECRYPT_TIME_LIMIT_MS);
    const settle = (): void => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (answer: WorkerAnswer) => {
      settle();
      resolve(answer);
    });
    worker.once('error', () => {
      settle();
      resolve({ ok: false, code: null });
    });
  });
}

/**
 * OpenSSL's codes for a cipher or scheme it cannot run. Not ERR_OSSL_UNSUPPORTED: that is its DECODER failing on what a
 * wrong passphrase decrypted to, which passes the padding check about once in 256 tries; it is a wrong passphrase.
 */
const UNSUPPORTED_CIPHER_CODES = new Set([
  'ERR_OSSL_EVP_UNSUPPORTED',
  'ERR_OSSL_EVP_UNSUPPORTED_CIPHER',
  'ERR_OSSL_PEM_UNSUPPORTED_ENCRYPTION',
]);

/** Decrypts an encrypted PEM private key with its passphrase into unencrypted PKCS#8 PEM, off the main thread; ERR_KEY_PASSPHRASE when it cannot (no OpenSSL text leaks). */
export const nodeKeyDecryptor: KeyDecryptor = {
  async decrypt(pem: string, passphrase: string): Promise<string> {
    const answer = await decryptInWorker(pem, passphrase);
    if (answer.ok) return answer.pem;
    if (answer.code !== null && UNSUPPORTED_CIPHER_CODES.has(answer.code))
      throw keyError('ERR_KEY_ENCRYPTED', PRIVATE_KEY_MESSAGES.unsupportedCipher);
    throw keyError('ERR_KEY_PASSPHRASE', PRIVATE_KEY_MESSAGES.wrongPassphrase);
  },
};
