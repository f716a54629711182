import type { ServerResponse } from 'node:http';
import type { StreamedEvent } from '../../../shared/ipc/http-protocol';

/** At most this many pages may hold an event stream at once; the oldest is dropped beyond it. */
export const MAX_EVENT_STREAMS = 16;

interface EventStream {
  res: ServerResponse;
  /** Events written to this connection so far (the `seq` of the last one). */
  sent: number;
}

/** The open server-sent event streams, by the stream id each page chose: events go only to the page whose call caused them. */
export class EventStreams {
  private readonly streams = new Map<string, EventStream>();

  constructor(private readonly onWrite: (event: string, frame: string) => void = () => undefined) {}

  /** Opens a stream on the response (replacing an older connection with the same id). */
  open(id: string, res: ServerResponse): void {
    this.streams.get(id)?.res.end();
    if (this.streams.size >= MAX_EVENT_STREAMS) {
      const [oldest] = this.streams.keys();
      if (oldest !== undefined) this.close(oldest);
    }
    const stream: EventStream = { res, sent: 0 };
    this.streams.set(id, stream);
    res.on('close', () => {
      if (this.streams.get(id) === stream) this.streams.delete(id);
    });
    res.write(': open\n\n');
  }

  /** Sends one event to the stream, if it is open; the frame is one `data:` line of JSON. */
  send(id: string | null, event: string, payload: unknown): void {
    const stream = id === null ? undefined : this.streams.get(id);
    if (stream === undefined || stream.res.writableEnded) return;
    stream.sent += 1;
    const streamed: StreamedEvent = { seq: stream.sent, event, payload };
    const frame = `data: ${JSON.stringify(streamed)}\n\n`;
    this.onWrite(event, frame);
    stream.res.write(frame);
  }

  /** How many events the stream has been sent (0 when it is not open). */
  sentTo(id: string | null): number {
    return id === null ? 0 : (this.streams.get(id)?.sent ?? 0);
  }

  /** Ends one stream. */
  close(id: string): void {
    this.streams.get(id)?.res.end();
    this.streams.delete(id);
  }

  /** Ends every stream (the server is stopping). */
  closeAll(): void {
    for (const id of [...this.streams.keys()]) this.close(id);
  }
}
