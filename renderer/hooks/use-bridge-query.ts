import { useCallback, useEffect, useState } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { IpcChannel, IpcResponse } from '../../shared/ipc/ipc-contract';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';

/** A read-only bridge call's state: not available (no desktop app), loading, loaded, or failed. */
export type QueryState<T> =
  { status: 'unavailable' } | { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: ErrorPayload };

type NullRequestChannel = { [C in IpcChannel]: C extends 'app:info' | 'profiles:list' ? C : never }[IpcChannel];

/** Calls a no-argument channel (`app:info`, `profiles:list`) on mount and on `reload()`; keeps the last value while reloading. */
export function useBridgeQuery<C extends NullRequestChannel>(channel: C): { state: QueryState<IpcResponse<C>>; reload: () => void } {
  const bridge = useBridge();
  const [generation, setGeneration] = useState(0);
  const [result, setResult] = useState<{ generation: number; state: QueryState<IpcResponse<C>> } | null>(null);
  useEffect(() => {
    if (bridge === null) return undefined;
    let current = true;
    void callBridge(bridge, channel, null).then((reply) => {
      if (!current) return;
      setResult({
        generation,
        state: reply.ok ? { status: 'ok', value: reply.value as IpcResponse<C> } : { status: 'error', error: reply.error },
      });
    });
    return () => {
      current = false;
    };
  }, [bridge, channel, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  if (bridge === null) return { state: { status: 'unavailable' }, reload };
  return { state: result?.state ?? { status: 'loading' }, reload };
}
