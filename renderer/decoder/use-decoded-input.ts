import { useEffect, useMemo, useState } from 'react';
import { atTime, decodeTimed, WORKER_FROM_CHARS, type DecodeState, type TimedDecode } from './decode-input';
import type { createDecodeRunner, DecodeJob } from './decode-worker-client';

/** Where large inputs are decoded (tests pass one over a fake Worker). */
export type DecodeRunner = ReturnType<typeof createDecodeRunner>;

let defaultRunner: Promise<DecodeRunner> | null = null;
/** The app's one decode Worker runner: its client is a chunk of its own, loaded on the first large paste or when the decoder is idle. */
export const loadDefaultRunner = (): Promise<DecodeRunner> =>
  (defaultRunner ??= import('./decode-worker-client').then(({ createDecodeRunner }) => createDecodeRunner()));

/**
 * The decoder's state for `input`, pasted at `pastedAt`, at time `now`. A small input is decoded during render (a 4 KB
 * paste answers in its own frame); a large one in the Worker, `decoding` meanwhile, and a newer input cancels it. The
 * decode is kept per input: a clock tick (a new `now`) recomputes only the readings that use the clock.
 */
export function useDecodedInput(input: string, pastedAt: number, now: number, runner?: DecodeRunner): DecodeState {
  const large = input.length >= WORKER_FROM_CHARS;
  const small = useMemo(() => (large ? null : decodeTimed(input, pastedAt)), [large, input, pastedAt]);
  const [fromWorker, setFromWorker] = useState<{ input: string; pastedAt: number; decoded: TimedDecode } | null>(null);
  useEffect(() => {
    if (!large) return;
    let current = true;
    let job: DecodeJob | null = null;
    const start = (ready: DecodeRunner) => {
      if (!current) return;
      job = ready.decode(input, pastedAt);
      void job.result.then((decoded) => {
        if (current) setFromWorker({ input, pastedAt, decoded });
      });
    };
    if (runner === undefined) void loadDefaultRunner().then(start);
    else start(runner);
    return () => {
      current = false;
      job?.cancel();
    };
  }, [large, input, pastedAt, runner]);
  const decoded =
    small ?? (fromWorker !== null && fromWorker.input === input && fromWorker.pastedAt === pastedAt ? fromWorker.decoded : null);
  return useMemo(
    () => (decoded === null ? { status: 'decoding', chars: input.length } : atTime(decoded, now)),
    [decoded, now, input.length],
  );
}
