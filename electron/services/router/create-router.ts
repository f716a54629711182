import { WorkbenchError, isWorkbenchError, toErrorPayload } from '../../../shared/errors/workbench-error';
import { IPC_CHANNELS, type IpcChannel } from '../../../shared/ipc/ipc-contract';
import { fail, ok, type IpcResult } from '../../../shared/ipc/result';
import { appHandlers } from './handlers/app-handlers';
import { keyHandlers } from './handlers/key-handlers';
import { profileHandlers } from './handlers/profile-handlers';
import { shellHandlers } from './handlers/shell-handlers';
import { tokenHandlers } from './handlers/token-handlers';
import { verifyHandlers } from './handlers/verify-handlers';
import type { ChannelHandler, HandlerTable, Router, RouterContext, RouterServices } from './router-types';
import { validateRequest } from './validate-request';

/** True when the name is a channel of the IPC contract. */
export function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && (IPC_CHANNELS as readonly string[]).includes(name);
}

const UNKNOWN_CHANNEL = new WorkbenchError('ERR_IPC_UNKNOWN_CHANNEL', 'This request is not one the app knows: update or restart the app.');

/** Builds the IPC router over the given services: every channel validated with its zod schema, every failure returned as data. */
export function createRouter(services: RouterServices): Router {
  const handlers: HandlerTable = {
    ...appHandlers(services),
    ...keyHandlers(services),
    ...profileHandlers(services),
    ...tokenHandlers(services),
    ...verifyHandlers(services),
    ...shellHandlers(services),
  };

  return {
    async handle(channel: string, payload: unknown, context: RouterContext): Promise<IpcResult<unknown>> {
      if (!isIpcChannel(channel)) return fail(UNKNOWN_CHANNEL.toPayload());
      try {
        const request = validateRequest(channel, payload);
        const handler = handlers[channel] as ChannelHandler<IpcChannel>;
        return ok(await handler(request, context));
      } catch (error) {
        if (!isWorkbenchError(error)) services.onInternalError?.(channel, error);
        return fail(toErrorPayload(error));
      }
    },
  };
}
