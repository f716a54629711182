import { WorkbenchError, isErrorPayload, toErrorPayload } from '../errors/workbench-error';
import {
  IPC_CHANNELS,
  IPC_EVENTS,
  type InvokeOptions,
  type IpcChannel,
  type IpcEvent,
  type IpcTransport,
  type WorkbenchBridge,
} from './ipc-contract';
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

const NOT_A_SIGNAL = new WorkbenchError('ERR_IPC_INVALID_REQUEST', 'A call’s signal must be an AbortSignal.');

/** The call's AbortSignal, if it has one; anything else in its place is refused. */
function signalOf(options: unknown): AbortSignal | undefined {
  if (options === undefined || options === null) return undefined;
  const signal = (options as InvokeOptions).signal;
  if (signal === undefined || signal instanceof AbortSignal) return signal;
  throw NOT_A_SIGNAL;
}

/** Calls one channel on the transport; never rejects: transport failures and malformed replies become failed results. */
async function invokeChannel(
  transport: IpcTransport,
  channel: IpcChannel,
  request: unknown,
  options: unknown,
): Promise<IpcResult<unknown>> {
  try {
    const signal = signalOf(options);
    const reply = await (signal === undefined ? transport.invoke(channel, request) : transport.invoke(channel, request, signal));
    return isIpcResult(reply) ? reply : fail(MALFORMED_REPLY.toPayload());
  } catch (error) {
    return fail(toErrorPayload(error));
  }
}

/** True when the name is one of the main-to-renderer events of the contract. */
function isIpcEvent(name: unknown): name is IpcEvent {
  return typeof name === 'string' && (IPC_EVENTS as readonly string[]).includes(name);
}

/**
 * Builds the bridge: one method per channel of IPC_CHANNELS (no generic pass-through), each taking its request and an optional
 * `{ signal }`, and `on` for IPC_EVENTS only. It crosses to the page as exposeBridge(…) (exposed-bridge.ts).
 */
export function createBridge(transport: IpcTransport): WorkbenchBridge {
  const bridge: Record<string, unknown> = {};
  for (const channel of IPC_CHANNELS) {
    bridge[channel] = (request: unknown, options?: unknown) => invokeChannel(transport, channel, request, options);
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
