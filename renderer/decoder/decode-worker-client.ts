import { decodeTimed, type TimedDecode } from './decode-input';
import { replyReader, type DecodeReplyPart } from './decode-wire';

/** A message to the decoder's Worker. */
export interface DecodeRequest {
  id: number;
  input: string;
  decodedAt: number;
}

/** The Worker's answer to a {@link DecodeRequest}: its messages, the last one `rest` (decode-wire). */
export type DecodeReply = DecodeReplyPart;

/** One decode under way: its result, and a way to drop it (a new paste). */
export interface DecodeJob {
  result: Promise<TimedDecode>;
  cancel(): void;
}

/** Makes the Worker, or null where there is none (then decoding happens on the main thread, after the paste's frame). */
export type WorkerFactory = () => Worker | null;

/** The decoder's Worker, built by Vite as a module of its own (CSP: worker-src 'self'). */
export const createDecodeWorker: WorkerFactory = () =>
  typeof Worker === 'function' ? new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' }) : null;

function onMainThread(input: string, decodedAt: number): DecodeJob {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const result = new Promise<TimedDecode>((resolve) => {
    timer = setTimeout(() => resolve(decodeTimed(input, decodedAt)), 0);
  });
  return { result, cancel: () => clearTimeout(timer) };
}

/**
 * Runs decodes in one Worker, made when first needed. Cancelling a decode under way terminates the worker (the only way
 * to stop a parse mid-way) and the next decode makes a new one. A worker that fails to start (say, a policy refuses it)
 * hands that decode, and all later ones, to the main thread.
 */
export function createDecodeRunner(createWorker: WorkerFactory = createDecodeWorker): {
  decode(input: string, decodedAt: number): DecodeJob;
} {
  let worker: Worker | null = null;
  let broken = false;
  let nextId = 1;
  return {
    decode(input, decodedAt) {
      if (broken) return onMainThread(input, decodedAt);
      worker ??= createWorker();
      if (worker === null) {
        broken = true;
        return onMainThread(input, decodedAt);
      }
      const running = worker;
      const id = nextId++;
      let settled = false;
      let fallback: DecodeJob | null = null;
      const reader = replyReader();
      const result = new Promise<TimedDecode>((resolve) => {
        const done = () => {
          settled = true;
          running.removeEventListener('message', onMessage);
          running.removeEventListener('error', onError);
        };
        const onMessage = (event: MessageEvent<DecodeReply>) => {
          if (event.data.id !== id) return;
          const decoded = reader.add(event.data);
          if (decoded === null) return;
          done();
          resolve(decoded);
        };
        const onError = (event: Event) => {
          event.preventDefault();
          done();
          broken = true;
          running.terminate();
          if (worker === running) worker = null;
          fallback = onMainThread(input, decodedAt);
          void fallback.result.then(resolve);
        };
        running.addEventListener('message', onMessage);
        running.addEventListener('error', onError);
        running.postMessage({ id, input, decodedAt } satisfies DecodeRequest);
      });
      return {
        result,
        cancel: () => {
          fallback?.cancel();
          if (settled) return;
          settled = true;
          running.terminate();
          if (worker === running) worker = null;
        },
      };
    },
  };
}
