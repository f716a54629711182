/** Upper bound on one buffered server-sent event (a intelligence:progress step is a few KB). */
export const MAX_SSE_FRAME_CHARS = 1024 * 1024;

/**
 * Splits a server-sent event stream (`\n` line ends, as our server writes) into the `data` of each event, chunk by chunk, in
 * linear time. Comments (`:`) and other fields are skipped. Throws when one event grows past MAX_SSE_FRAME_CHARS, so a
 * broken stream cannot fill memory.
 */
export class SseFrameReader {
  private buffer = '';
  /** Where to resume looking for the blank line that ends an event (the buffer before it has none). */
  private scanned = 0;

  /** Feeds one decoded chunk; returns the data of every event it completed, in order. */
  push(chunk: string): string[] {
    this.buffer += chunk;
    const frames: string[] = [];
    let start = 0;
    let end = this.buffer.indexOf('\n\n', Math.max(0, this.scanned - 1));
    while (end !== -1) {
      const data = dataOf(this.buffer.slice(start, end));
      if (data !== null) frames.push(data);
      start = end + 2;
      end = this.buffer.indexOf('\n\n', start);
    }
    this.buffer = this.buffer.slice(start);
    this.scanned = this.buffer.length;
    if (this.buffer.length > MAX_SSE_FRAME_CHARS) throw new RangeError('A server-sent event is larger than the app allows.');
    return frames;
  }
}

/** The `data` lines of one event joined by newlines, or null when it has none (a comment or keep-alive). */
function dataOf(block: string): string | null {
  const lines = block.split('\n').filter((line) => line.startsWith('data:'));
  if (lines.length === 0) return null;
  return lines.map((line) => line.slice(line.startsWith('data: ') ? 6 : 5)).join('\n');
}
