// Reading a response body through a byte cap, stoppable at any moment by a promise the caller rejects.

/** The most a response body may hold unless the caller says otherwise: far above any discovery document or token answer. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** One decoder for every body: decode() without `stream` keeps no state between calls, and building one is not free. */
const UTF8 = new TextDecoder();

/** Thrown when a body passes the cap; the caller words the message (it knows which endpoint it asked). */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The response body is larger than ${limitBytes} bytes.`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads the body as UTF-8 text, at most `maxBytes` bytes (a larger Content-Length is refused before reading). Rejects with
 * BodyTooLargeError past the cap, and with `whenStopped`'s reason the moment that promise rejects (the caller's deadline or
 * cancel); either way the stream is cancelled, which closes the connection. Each read races `whenStopped` directly, so the
 * read stops even if fetch lost its own link to its signal.
 */
export async function readCappedBody(response: Response, maxBytes: number, whenStopped: Promise<never>): Promise<string> {
  const stream = response.body;
  if (stream === null) return '';
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    stream.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes);
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([whenStopped, reader.read()]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new BodyTooLargeError(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    // Not awaited: a hostile server must not be able to hold the cancel up.
    reader.cancel().catch(() => undefined);
    throw error;
  }
  if (chunks.length === 1) return UTF8.decode(chunks[0]);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return UTF8.decode(bytes);
}
