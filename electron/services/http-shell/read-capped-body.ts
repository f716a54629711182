import type { IncomingMessage } from 'node:http';
import { REQUEST_LIMITS } from '../../../shared/limits/request-limits';

/**
 * The largest request of the contract at its bounds, in characters: `engagement:refresh` with a token as long as the router
 * accepts, a run id, and a client id and secret (or a profile id), or `compose:send` with such a token and a URL. Every
 * other channel's strings add up to less.
 */
const LARGEST_REQUEST_CHARS = Math.max(
  REQUEST_LIMITS.token + REQUEST_LIMITS.id * 2 + REQUEST_LIMITS.clientId + REQUEST_LIMITS.clientSecret,
  REQUEST_LIMITS.token + REQUEST_LIMITS.url,
);

/**
 * The one cap on a request body the server reads: the largest request in the most bytes JSON can take for one character
 * (6, as in `\u001f`), plus 4 KiB for field names, quotes and numbers. So whatever the router accepts over Electron's IPC
 * also passes here (the router then checks each field). Only a caller holding the session token gets this far.
 */
export const MAX_REQUEST_BODY_BYTES = LARGEST_REQUEST_CHARS * 6 + 4096;

/** Thrown when a body is larger than the cap; the request is refused with 413 before anything runs. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Reads a request body as UTF-8 through a byte cap: a declared or actual size above `limit` rejects (and stops reading) at once. */
export function readCappedBody(req: IncomingMessage, limit: number = MAX_REQUEST_BODY_BYTES): Promise<string> {
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
