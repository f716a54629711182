import { useEffect, useMemo, useState } from 'react';
import type * as DecodeInput from './decode-input';
import type { DecodeState, TimedDecode } from './decode-input';
import type { createDecodeRunner, DecodeJob } from './decode-worker-client';
import { loadOnce } from '../common/preloadable-lazy';

/** From this many characters a pasted token is decoded in the Worker; below, on the main thread within the paste's frame. */
export const WORKER_FROM_CHARS = 32 * 1024;

/** Where large inputs are decoded (tests pass one over a fake Worker). */
export type DecodeRunner = ReturnType<typeof createDecodeRunner>;

/** The app's one decode Worker runner: its client is a chunk of its own, loaded on the first large paste or when the decoder is idle. */
export const loadDefaultRunner: () => Promise<DecodeRunner> = loadOnce(() =>
  import('./decode-worker-client').then(({ createDecodeRunner }) => createDecodeRunner()),
);

/** The decode and explain code (shared/decode, shared/claims and the claim catalog). */
type DecodeCore = typeof DecodeInput;
let core: DecodeCore | null = null;
/**
 * Loads the decode and explain code, a chunk of its own: the first paint needs only React and the token input, so the
 * decoder is ready for a paste sooner, and the chunk arrives right after that paint (a paste before it waits for it).
 */
export const loadDecodeCore: () => Promise<DecodeCore> = loadOnce(() => import('./decode-input').then((loaded) => (core = loaded)));

/** What the decoder shows when its own code did not load (the app's files are local: a damaged install, or a page reloaded mid-update). */
const NOT_LOADED: DecodeState = {
  status: 'error',
  error: { code: 'ERR_INTERNAL', message: 'The decoder could not load its code: reload the window (Ctrl+R), or reinstall the app.' },
};

/**
 * The decoder's state for `input`, pasted at `pastedAt`, at time `now`. A small input is decoded during render (a 4 KB
 * paste answers in its own frame); a large one in the Worker, `decoding` meanwhile, and a newer input cancels it. The
 * decode is kept per input: a clock tick (a new `now`) recomputes only the readings that use the clock.
 */
export function useDecodedInput(input: string, pastedAt: number, now: number, runner?: DecodeRunner): DecodeState {
  const [decodeCore, setDecodeCore] = useState(core);
  const [loadFailed, setLoadFailed] = useState(false);
  useEffect(() => {
    if (decodeCore !== null) return;
    let current = true;
    void loadDecodeCore().then(
      (loaded) => current && setDecodeCore(() => loaded),
      () => current && setLoadFailed(true),
    );
    return () => {
      current = false;
    };
  }, [decodeCore]);
  const large = input.length >= WORKER_FROM_CHARS;
  const small = useMemo((): TimedDecode | null => {
    if (large) return null;
    if (input.trim().length === 0) return { status: 'empty' };
    return decodeCore === null ? null : decodeCore.decodeTimed(input, pastedAt);
  }, [large, input, pastedAt, decodeCore]);
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
    if (runner === undefined) void loadDefaultRunner().then(start, () => current && setLoadFailed(true));
    else start(runner);
    return () => {
      current = false;
      job?.cancel();
    };
  }, [large, input, pastedAt, runner]);
  const decoded =
    small ?? (fromWorker !== null && fromWorker.input === input && fromWorker.pastedAt === pastedAt ? fromWorker.decoded : null);
  return useMemo((): DecodeState => {
    if (decoded !== null && decoded.status !== 'ok') return decoded;
    if (loadFailed) return NOT_LOADED;
    // A decoded token's clock readings need the core too (a Worker's answer can come before it).
    if (decoded === null || decodeCore === null) return { status: 'decoding', chars: input.length };
    return decodeCore.atTime(decoded, now);
  }, [decoded, decodeCore, loadFailed, now, input.length]);
}
