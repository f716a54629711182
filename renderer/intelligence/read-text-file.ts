import { REQUEST_LIMITS } from '../../shared/limits/request-limits';

/** The largest key file the key field reads: the same cap as a pasted key (a 16384-bit PEM is about 13 KB). */
export const MAX_KEY_FILE_BYTES = REQUEST_LIMITS.pem;

/** Reads a dropped or chosen file as text with FileReader; rejects files over `maxBytes` (a key file's cap unless told). */
export function readTextFile(file: Blob, maxBytes: number = MAX_KEY_FILE_BYTES): Promise<string> {
  if (file.size > maxBytes) return Promise.reject(new RangeError('too large'));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}
