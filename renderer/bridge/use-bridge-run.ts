import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { WorkbenchBridge } from '../../shared/ipc/ipc-contract';
import type { IpcResult } from '../../shared/ipc/result';
import { useBridge } from './bridge-context';

/** The progress events a run follows: each carries its run id and one step. */
export type RunProgressEvent = 'intelligence:progress' | 'engagement:progress';

/** Where a run stands: not started, running (steps arrive as progress events), or finished with the channel's reply. */
export type BridgeRunState<S, R> =
  | { phase: 'idle'; steps: S[] }
  | { phase: 'running'; runId: string; steps: S[]; cancelling: boolean }
  | { phase: 'done'; steps: S[]; report: R | null; error: ErrorPayload | null };

/** Sends the run's request under the given run id (which names its progress events), cancelled by `signal`. */
export type SendRun<R> = (bridge: WorkbenchBridge, runId: string, signal: AbortSignal) => Promise<IpcResult<R>>;

/** The steps with one replaced (by id) by a newer report of it. */
function mergeStep<S extends { id: string }>(steps: readonly S[], update: S): S[] {
  return steps.some((step) => step.id === update.id) ? steps.map((step) => (step.id === update.id ? update : step)) : [...steps, update];
}

/**
 * Runs one request over the bridge with a fresh run id, following its progress event; `cancel()` aborts the call's signal
 * (the app stops the run, which answers its cancelled report), and leaving the screen cancels a run still going; `reset()`
 * forgets a finished run's outcome (only when `when` holds, if given). One run at a time.
 */
export function useBridgeRun<S extends { id: string }, R extends { steps: S[] }>(
  event: RunProgressEvent,
  initialSteps: S[],
): {
  state: BridgeRunState<S, R>;
  start: (send: SendRun<R>, steps?: S[]) => void;
  cancel: () => void;
  reset: (when?: (finished: BridgeRunState<S, R>) => boolean) => void;
} {
  const bridge = useBridge();
  const [state, setState] = useState<BridgeRunState<S, R>>(() => ({ phase: 'idle', steps: initialSteps }));
  const activeRun = useRef<{ runId: string; controller: AbortController } | null>(null);

  const start = useCallback(
    (send: SendRun<R>, steps: S[] = initialSteps) => {
      if (bridge === null || activeRun.current !== null) return;
      const runId = crypto.randomUUID();
      const controller = new AbortController();
      const run = { runId, controller };
      activeRun.current = run;
      setState({ phase: 'running', runId, steps, cancelling: false });
      // Both events carry { runId, step }; the step's shape is the run's own.
      const off = bridge.on(event as 'intelligence:progress', (payload) => {
        if (payload.runId !== runId) return;
        const step = payload.step as unknown as S;
        setState((s) => (s.phase === 'running' && s.runId === runId ? { ...s, steps: mergeStep(s.steps, step) } : s));
      });
      void send(bridge, runId, controller.signal).then((reply) => {
        off();
        if (activeRun.current !== run) return;
        activeRun.current = null;
        setState((s) =>
          reply.ok
            ? { phase: 'done', steps: reply.value.steps, report: reply.value, error: null }
            : { phase: 'done', steps: s.steps, report: null, error: reply.error },
        );
      });
    },
    [bridge, event, initialSteps],
  );

  const cancel = useCallback(() => {
    const run = activeRun.current;
    if (run === null) return;
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
    run.controller.abort();
  }, []);

  const reset = useCallback(
    (when?: (finished: BridgeRunState<S, R>) => boolean) =>
      setState((s) => (s.phase === 'done' && (when?.(s) ?? true) ? { phase: 'idle', steps: initialSteps } : s)),
    [initialSteps],
  );

  useEffect(
    () => () => {
      const run = activeRun.current;
      activeRun.current = null;
      run?.controller.abort();
    },
    [bridge],
  );

  return { state, start, cancel, reset };
}
