import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { FlowStep } from '../../shared/intelligence/flow-types';
import type { EngagementRefreshRequest, EngagementTokenRequest, IpcEventMap } from '../../shared/ipc/ipc-contract';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';

/** A step of an Engagement run, as engagement:progress carries it. */
export type EngagementRunStep = IpcEventMap['engagement:progress']['step'];

/** Where an Engagement run stands; `report` is the channel's reply. */
export type EngagementRunState<R> =
  | { phase: 'idle'; steps: EngagementRunStep[] }
  | { phase: 'running'; runId: string; steps: EngagementRunStep[]; cancelling: boolean }
  | { phase: 'done'; steps: EngagementRunStep[]; report: R | null; error: ErrorPayload | null };

type Channel = 'engagement:token' | 'engagement:refresh';
type RequestOf<C extends Channel> = C extends 'engagement:token' ? EngagementTokenRequest : EngagementRefreshRequest;
/** A request without its run id (the hook makes one). */
type Body<C extends Channel> = RequestOf<C> extends infer T ? (T extends unknown ? Omit<T, 'runId'> : never) : never;

function merge(steps: readonly EngagementRunStep[], update: FlowStep<string>): EngagementRunStep[] {
  const next = update as EngagementRunStep;
  return steps.some((step) => step.id === next.id) ? steps.map((step) => (step.id === next.id ? next : step)) : [...steps, next];
}

/** Runs an Engagement channel over the bridge, following engagement:progress; `cancel()` asks the app to stop (token:cancel). */
export function useEngagementRun<C extends Channel, R extends { steps: EngagementRunStep[] }>(
  channel: C,
  initialSteps: EngagementRunStep[],
): { state: EngagementRunState<R>; start: (body: Body<C>, steps?: EngagementRunStep[]) => void; cancel: () => void } {
  const bridge = useBridge();
  const [state, setState] = useState<EngagementRunState<R>>(() => ({ phase: 'idle', steps: initialSteps }));
  const activeRun = useRef<string | null>(null);

  const start = useCallback(
    (body: Body<C>, steps: EngagementRunStep[] = initialSteps) => {
      if (bridge === null || activeRun.current !== null) return;
      const runId = crypto.randomUUID();
      activeRun.current = runId;
      setState({ phase: 'running', runId, steps, cancelling: false });
      const off = bridge.on('engagement:progress', (event) => {
        if (event.runId !== runId) return;
        setState((s) => (s.phase === 'running' && s.runId === runId ? { ...s, steps: merge(s.steps, event.step) } : s));
      });
      const request = { ...body, runId } as unknown as RequestOf<C>;
      void callBridge(bridge, channel, request as never).then((reply) => {
        off();
        if (activeRun.current !== runId) return;
        activeRun.current = null;
        const report = reply.ok ? (reply.value as unknown as R) : null;
        setState((s) =>
          report !== null
            ? { phase: 'done', steps: report.steps, report, error: null }
            : { phase: 'done', steps: s.steps, report: null, error: reply.ok ? null : reply.error },
        );
      });
    },
    [bridge, channel, initialSteps],
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
