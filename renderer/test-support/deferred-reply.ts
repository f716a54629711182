import { act } from '@testing-library/react';
import type { IpcResult } from '../../shared/ipc/result';

/**
 * A bridge handler whose reply the test sends when it chooses, so a run can be seen while it is still running. `release`
 * is awaited: the reply settles a promise the hook awaits, and an async act waits for that and for the effects after it
 * (a sync act returns before the hook sees the reply, so a focus moved by an effect may come after the test looks).
 */
export function deferredReply<T>() {
  let release: (result: IpcResult<T>) => void = () => undefined;
  const promise = new Promise<IpcResult<T>>((resolve) => {
    release = resolve;
  });
  return { handler: () => promise, release: (result: IpcResult<T>) => act(async () => release(result)) };
}
