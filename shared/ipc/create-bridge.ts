import { WorkbenchError, isErrorPayload, toErrorPayload } from '../errors/workbench-error';
import { IPC_CHANNELS, IPC_EVENTS, type IpcChannel, type IpcEvent, type IpcTransport, type WorkbenchBridge } from './ipc-contract';
import { fail, type IpcResult } from './result';

const MALFORMED_REPLY = new WorkbenchError(
  'ERR_INTERNAL',
  'The app sent back a reply it could not read. Restart the app; if it persists, report it.',
);

/** True when a value has the shape of an IpcResult (a success with a value, or a failure with a known error payload). */
function isIpcResult(value: unknown): value is IpcResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  return v.ok === false && isErrorPayload(v.error);
}

/** Calls one channel on the transport; never rejects: transport failures and malformed replies become failed results. */
async function invokeChannel(transport: IpcTransport, channel: IpcChannel, request: unknown): Promise<IpcResult<unknown>> {
  try {
    const reply = await transport.invoke(channel, request);
    return isIpcResult(reply) ? reply : fail(MALFORMED_REPLY.toPayload());
  } catch (error) {
    return fail(toErrorPayload(error));
  }
}

/** True when the name is one of the main-to-renderer events of the contract. */
function isIpcEvent(name: unknown): name is IpcEvent {
  return typeof name === 'string' && (IPC_EVENTS as readonly string[]).includes(name);
}

/** Builds the `window.workbench` object: one method per channel of IPC_CHANNELS (no generic pass-through) and `on` for IPC_EVENTS only. */
export function createBridge(transport: IpcTransport): WorkbenchBridge {
  const bridge: Record<string, unknown> = {};
  for (const channel of IPC_CHANNELS) {
    bridge[channel] = (request: unknown) => invokeChannel(transport, channel, request);
  }
  bridge.on = (event: unknown, listener: unknown): (() => void) => {
    if (!isIpcEvent(event))
      throw new WorkbenchError('ERR_IPC_UNKNOWN_CHANNEL', 'This app event does not exist: subscribe to one of the documented events.');
    if (typeof listener !== 'function') throw new WorkbenchError('ERR_IPC_INVALID_REQUEST', 'An event listener must be a function.');
    const unsubscribe = transport.on(event, (payload) => (listener as (payload: unknown) => void)(payload));
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      unsubscribe();
    };
  };
  return Object.freeze(bridge) as WorkbenchBridge;
}
