import { act } from '@testing-library/react';
import type { IpcResult } from '../../shared/ipc/result';

/** A bridge handler whose reply the test sends when it chooses, so a run can be seen while it is still running. */
export function deferredReply<T>() {
  let release: (result: IpcResult<T>) => void = () => undefined;
  const promise = new Promise<IpcResult<T>>((resolve) => {
    release = resolve;
  });
  return { handler: () => promise, release: (result: IpcResult<T>) => act(() => release(result)) };
}
