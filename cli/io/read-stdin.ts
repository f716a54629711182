import type { Readable } from 'node:stream';

/** Most bytes read from stdin: well beyond any token, so the decoder (not the CLI) reports an oversized input. */
export const MAX_STDIN_BYTES = 1024 * 1024;

/** Reads stdin as UTF-8 until it ends or {@link MAX_STDIN_BYTES} have arrived (the rest is not read). */
export async function readStdin(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    chunks.push(buffer);
    total += buffer.length;
    if (total > MAX_STDIN_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_STDIN_BYTES + 1).toString('utf8');
}
