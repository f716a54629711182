import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { FlowStep, TokenFlowReport } from '../../shared/intelligence/flow-types';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';
import { pendingSteps } from '../../shared/intelligence/flow-steps';
import type { TokenRunSource } from './credentials-draft';

/** The steps with one replaced (by id) by a newer report of it. */
function mergeStep(steps: readonly FlowStep[], update: FlowStep): FlowStep[] {
  const known = steps.some((step) => step.id === update.id);
  return known ? steps.map((step) => (step.id === update.id ? update : step)) : [...steps, update];
}

/** Where a token run stands: not started, running (steps arrive as progress events), or finished. */
export type TokenRunState =
  | { phase: 'idle'; steps: FlowStep[] }
  | { phase: 'running'; runId: string; steps: FlowStep[]; cancelling: boolean }
  | { phase: 'done'; steps: FlowStep[]; report: TokenFlowReport | null; error: ErrorPayload | null };

/** Runs the token flow (a saved profile, or the form as it stands) over the bridge with a per-request timeout, following `token:progress`; `cancel()` asks the app to stop. */
export function useTokenRun(): { state: TokenRunState; start: (source: TokenRunSource, timeoutMs: number) => void; cancel: () => void } {
  const bridge = useBridge();
  const [state, setState] = useState<TokenRunState>(() => ({ phase: 'idle', steps: pendingSteps() }));
  const activeRun = useRef<string | null>(null);

  const start = useCallback(
    (source: TokenRunSource, timeoutMs: number) => {
      if (bridge === null || activeRun.current !== null) return;
      const runId = crypto.randomUUID();
      activeRun.current = runId;
      setState({ phase: 'running', runId, steps: pendingSteps(), cancelling: false });
      const off = bridge.on('token:progress', (event) => {
        if (event.runId !== runId) return;
        setState((s) => (s.phase === 'running' && s.runId === runId ? { ...s, steps: mergeStep(s.steps, event.step) } : s));
      });
      void callBridge(bridge, 'token:run', { runId, timeoutMs, ...source }).then((reply) => {
        off();
        if (activeRun.current !== runId) return;
        activeRun.current = null;
        setState((s) => {
          if (reply.ok) return { phase: 'done', steps: reply.value.steps, report: reply.value, error: null };
          return { phase: 'done', steps: s.steps, report: null, error: reply.error };
        });
      });
    },
    [bridge],
  );

  const cancel = useCallback(() => {
    const runId = activeRun.current;
    if (runId === null) return;
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
    void callBridge(bridge, 'token:cancel', { runId });
  }, [bridge]);

  useEffect(
    () => () => {
      const runId = activeRun.current;
      activeRun.current = null;
      if (runId !== null) void callBridge(bridge, 'token:cancel', { runId });
    },
    [bridge],
  );

  return { state, start, cancel };
}
