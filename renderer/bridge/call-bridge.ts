import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { InvokeOptions, IpcChannel, IpcRequest, IpcResponse, WorkbenchBridge } from '../../shared/ipc/ipc-contract';
import type { IpcResult } from '../../shared/ipc/result';

/** The error shown when a screen that needs the desktop app is used without it. */
export const BRIDGE_MISSING: ErrorPayload = {
  code: 'ERR_BRIDGE_MISSING',
  message: 'This needs the desktop app: open MC Token Workbench to use saved credentials.',
};

/** Calls one channel (`options.signal` cancels it); never rejects: a missing bridge or a thrown error becomes a failed result. */
export async function callBridge<C extends IpcChannel>(
  bridge: WorkbenchBridge | null,
  channel: C,
  request: IpcRequest<C>,
  options?: InvokeOptions,
): Promise<IpcResult<IpcResponse<C>>> {
  if (bridge === null) return { ok: false, error: BRIDGE_MISSING };
  try {
    const method = bridge[channel] as (request: IpcRequest<C>, options?: InvokeOptions) => Promise<IpcResult<IpcResponse<C>>>;
    return await (options === undefined ? method(request) : method(request, options));
  } catch {
    return {
      ok: false,
      error: { code: 'ERR_INTERNAL', message: 'The desktop app did not answer. Try again; if it persists, restart the app.' },
    };
  }
}
