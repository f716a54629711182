import { useCallback, useMemo } from 'react';
import type { TokenFlowReport, TokenFlowStep } from '../../shared/intelligence/flow-types';
import { pendingSteps } from '../../shared/intelligence/token-steps';
import { callBridge } from '../bridge/call-bridge';
import { useBridgeRun, type BridgeRunState } from '../bridge/use-bridge-run';
import type { TokenRunSource } from './credentials-draft';

/** Where an Intelligence token run stands. */
export type TokenRunState = BridgeRunState<TokenFlowStep, TokenFlowReport>;

/** Runs the token flow (a saved profile, or the form as it stands) over the bridge with a per-request timeout, following `intelligence:progress`; `cancel()` asks the app to stop, `reset()` forgets a finished run. */
export function useTokenRun(): {
  state: TokenRunState;
  start: (source: TokenRunSource, timeoutMs: number) => void;
  cancel: () => void;
  reset: (when?: (finished: TokenRunState) => boolean) => void;
} {
  const initial = useMemo(() => pendingSteps(), []);
  const { state, start: startRun, cancel, reset } = useBridgeRun<TokenFlowStep, TokenFlowReport>('intelligence:progress', initial);
  const start = useCallback(
    (source: TokenRunSource, timeoutMs: number) =>
      startRun((bridge, runId, signal) => callBridge(bridge, 'intelligence:run', { runId, timeoutMs, ...source }, { signal })),
    [startRun],
  );
  return { state, start, cancel, reset };
}
