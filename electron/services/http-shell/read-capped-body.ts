import type { IncomingMessage } from 'node:http';

/** The largest request body the server reads: above the largest request the router accepts (a 64 KB token), far below harm. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Thrown when a body is larger than the cap; the request is refused with 413 before anything runs. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Reads a request body as UTF-8 through a byte cap: a declared or actual size above `limit` rejects (and stops reading) at once. */
export function readCappedBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
