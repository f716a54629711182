import { WorkbenchError } from '../errors/workbench-error';
import { HTTP_PROTOCOL, type StreamedEvent } from './http-protocol';
import { IPC_EVENTS, type IpcEvent, type IpcTransport } from './ipc-contract';
import { SseFrameReader } from './sse-frames';

/** Where the transport talks to and how it proves it may. */
export interface HttpTransportOptions {
  /** The server's origin, e.g. `http://127.0.0.1:41234` (the page's own origin). */
  origin: string;
  /** The session token the page got for the launch code of the address mctoken ui printed; sent in a header on every request. */
  token: string;
  /** This page's event stream id (crypto.randomUUID()). */
  streamId: string;
  /** A fresh id for each call, which its abort names (crypto.randomUUID()). */
  newInvocationId: () => string;
  fetch: typeof fetch;
  /** How long a reply may wait for the events the server sent before it (default 5 s). */
  eventWaitMs?: number;
  /** Pause before reconnecting a dropped event stream (default 1 s). */
  retryMs?: number;
}

/** The bridge's transport over HTTP, plus `close()` to stop the event stream. */
export interface HttpTransport extends IpcTransport {
  close(): void;
}

const SERVER_GONE = new WorkbenchError(
  'ERR_NETWORK',
  'The workbench server is not answering: start `mctoken ui` again and open the address it prints.',
);

function isIpcEvent(name: unknown): name is IpcEvent {
  return typeof name === 'string' && (IPC_EVENTS as readonly string[]).includes(name);
}

/** Parses one streamed event; null when it is not one. */
function parseEvent(data: string): StreamedEvent | null {
  try {
    const value = JSON.parse(data) as Partial<StreamedEvent> | null;
    return value !== null && typeof value === 'object' && typeof value.seq === 'number' && typeof value.event === 'string'
      ? (value as StreamedEvent)
      : null;
  } catch {
    return null;
  }
}

/**
 * The IpcTransport of `mctoken ui`: one POST per invoke, and one server-sent event stream for events, read with fetch
 * (EventSource cannot send the token header). A reply resolves only after the events the server sent before it were
 * delivered, so listeners see a run's steps before its result, as over Electron's IPC.
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const headers = { [HTTP_PROTOCOL.tokenHeader]: `Bearer ${options.token}`, [HTTP_PROTOCOL.streamHeader]: options.streamId };
  const stop = new AbortController();
  let delivered = 0;
  let connected = false;
  let waiters: { count: number; resolve: () => void }[] = [];

  const release = (all: boolean): void => {
    waiters = waiters.filter((waiter) => {
      if (!all && waiter.count > delivered) return true;
      waiter.resolve();
      return false;
    });
  };

  const deliver = (data: string): void => {
    const streamed = parseEvent(data);
    if (streamed === null) return;
    delivered = Math.max(delivered, streamed.seq);
    if (isIpcEvent(streamed.event)) for (const listener of [...(listeners.get(streamed.event) ?? [])]) listener(streamed.payload);
    release(false);
  };

  /** Reads the stream until it ends; resolves `opened` once the server answered (or refused). Returns whether to reconnect. */
  const readStream = async (opened: () => void): Promise<boolean> => {
    const response = await options.fetch(`${options.origin}${HTTP_PROTOCOL.eventsPath}`, {
      headers,
      signal: stop.signal,
      cache: 'no-store',
    });
    opened();
    if (!response.ok || response.body === null) return false;
    connected = true;
    delivered = 0;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const frames = new SseFrameReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      for (const data of frames.push(value)) deliver(data);
    }
  };

  const ready = new Promise<void>((resolve) => {
    const loop = async (): Promise<void> => {
      while (!stop.signal.aborted) {
        const again = await readStream(resolve).catch(() => true);
        connected = false;
        release(true);
        resolve();
        if (!again) return;
        await new Promise((r) => setTimeout(r, options.retryMs ?? 1000));
      }
    };
    void loop();
  });

  /** Waits (bounded) until the stream delivered `count` events. */
  const eventsUpTo = (count: number): Promise<void> => {
    if (!connected || count <= delivered) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, options.eventWaitMs ?? 5000);
      waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  };

  return {
    async invoke(channel, request, signal) {
      await ready;
      const invocation = options.newInvocationId();
      // An abort is its own small request: the call's own request stays open for the reply (a cancelled run's report).
      const abort = (): void => {
        void options
          .fetch(`${options.origin}${HTTP_PROTOCOL.abortPath}${encodeURIComponent(invocation)}`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: 'null',
            cache: 'no-store',
          })
          .catch(() => undefined);
      };
      // The server keeps an abort that overtakes its call, so sending it first is safe.
      if (signal?.aborted === true) abort();
      else signal?.addEventListener('abort', abort, { once: true });
      let response: Response;
      try {
        response = await options.fetch(`${options.origin}${HTTP_PROTOCOL.invokePath}${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', [HTTP_PROTOCOL.invocationHeader]: invocation },
          body: JSON.stringify(request === undefined ? null : request),
          cache: 'no-store',
        });
      } catch {
        throw SERVER_GONE;
      } finally {
        signal?.removeEventListener('abort', abort);
      }
      const reply: unknown = await response.json().catch(() => undefined);
      await eventsUpTo(Number(response.headers.get(HTTP_PROTOCOL.eventCountHeader) ?? 0));
      return reply;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    close() {
      stop.abort();
      release(true);
    },
  };
}
