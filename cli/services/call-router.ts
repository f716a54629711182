import type { Router } from '../../electron/services/router/router-types';
import { WorkbenchError } from '../../shared/errors/workbench-error';
import type { IpcChannel, IpcRequest, IpcResponse } from '../../shared/ipc/ipc-contract';

/** Calls one router channel the way the app's renderer does (same validation, same handlers); a failure is thrown as a WorkbenchError. */
export async function callRouter<C extends IpcChannel>(router: Router, channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>> {
  const result = await router.handle(channel, request, { emit: () => undefined });
  if (!result.ok) throw new WorkbenchError(result.error.code, result.error.message, result.error.hint === undefined ? {} : { hint: result.error.hint });
  return result.value as IpcResponse<C>;
}
