import { useCallback } from 'react';
import type { EngagementRefreshRequest, EngagementTokenRequest, IpcEventMap } from '../../shared/ipc/ipc-contract';
import type { IpcResult } from '../../shared/ipc/result';
import { callBridge } from '../bridge/call-bridge';
import { useBridgeRun, type BridgeRunState } from '../bridge/use-bridge-run';

/** A step of an Engagement run, as engagement:progress carries it. */
export type EngagementRunStep = IpcEventMap['engagement:progress']['step'];

/** Where an Engagement run stands; `report` is the channel's reply. */
export type EngagementRunState<R> = BridgeRunState<EngagementRunStep, R>;

type Channel = 'engagement:token' | 'engagement:refresh';
type RequestOf<C extends Channel> = C extends 'engagement:token' ? EngagementTokenRequest : EngagementRefreshRequest;
/** A request without its run id (the hook makes one). */
type Body<C extends Channel> = RequestOf<C> extends infer T ? (T extends unknown ? Omit<T, 'runId'> : never) : never;

/** Runs an Engagement channel over the bridge, following engagement:progress; `cancel()` aborts the call (the app stops the run). */
export function useEngagementRun<C extends Channel, R extends { steps: EngagementRunStep[] }>(
  channel: C,
  initialSteps: EngagementRunStep[],
): { state: EngagementRunState<R>; start: (body: Body<C>, steps?: EngagementRunStep[]) => void; cancel: () => void } {
  const { state, start: startRun, cancel } = useBridgeRun<EngagementRunStep, R>('engagement:progress', initialSteps);
  const start = useCallback(
    (body: Body<C>, steps?: EngagementRunStep[]) =>
      // The channel's request type is picked by C; TypeScript cannot follow that through callBridge's generic, hence the casts.
      startRun(
        (bridge, runId, signal) => callBridge(bridge, channel, { ...body, runId } as never, { signal }) as unknown as Promise<IpcResult<R>>,
        steps,
      ),
    [startRun, channel],
  );
  return { state, start, cancel };
}
