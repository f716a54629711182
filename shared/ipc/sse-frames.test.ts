import { describe, expect, it } from 'vitest';
import { MAX_SSE_FRAME_CHARS, SseFrameReader } from './sse-frames';

describe('SseFrameReader', () => {
  it('returns the data of each complete event, whatever the chunking, and skips comments', () => {
    const stream = ': open\n\ndata: {"seq":1}\n\ndata: {"seq":2}\n\n: ping\n\ndata: a\ndata: b\n\n';
    for (const size of [1, 2, 7, stream.length]) {
      const reader = new SseFrameReader();
      const frames: string[] = [];
      for (let i = 0; i < stream.length; i += size) frames.push(...reader.push(stream.slice(i, i + size)));
      expect(frames).toEqual(['{"seq":1}', '{"seq":2}', 'a\nb']);
    }
  });

  it('keeps an unfinished event until its blank line arrives', () => {
    const reader = new SseFrameReader();
    expect(reader.push('data: x\n')).toEqual([]);
    expect(reader.push('\n')).toEqual(['x']);
  });

  it('refuses an event larger than the cap instead of buffering it', () => {
    const reader = new SseFrameReader();
    expect(() => reader.push(`data: ${'x'.repeat(MAX_SSE_FRAME_CHARS)}`)).toThrow('A server-sent event is larger than the app allows.');
  });
});
