// Test helper: calls the router as the IPC glue does and keeps everything that would cross IPC (responses and events,
// serialized), so a router test can follow progress events and end with a scan proving no secret ever crossed.
import type { IpcEvent, IpcEventMap } from '../../../../shared/ipc/ipc-contract';
import type { IpcResult } from '../../../../shared/ipc/result';
import type { WorkbenchServices } from '../../create-services';
import type { RouterContext } from '../router-types';

/** One progress or other event the router emitted. */
export interface EmittedEvent {
  event: IpcEvent;
  payload: IpcEventMap[IpcEvent];
}

/** What a recording caller gives a test. */
export interface RecordingCaller {
  /** Every response and event as serialized for IPC, in order. */
  wire: string[];
  events: EmittedEvent[];
  context: RouterContext;
  /** Calls a channel and records the serialized response; `signal` is the call's own (as the shells give it). */
  call<T>(channel: string, payload: unknown, signal?: AbortSignal): Promise<IpcResult<T>>;
  /** Calls a channel and returns its value; throws with the error code and message when the call failed. */
  value<T>(channel: string, payload: unknown, signal?: AbortSignal): Promise<T>;
}

/** A caller of the router of `services()` (read at each call, so it can be created before the services); `onEvent` sees each event. */
export function recordingCaller(
  services: () => WorkbenchServices,
  onEvent: (event: EmittedEvent) => void = () => undefined,
): RecordingCaller {
  const wire: string[] = [];
  const events: EmittedEvent[] = [];
  const context: RouterContext = {
    emit(event, payload) {
      wire.push(JSON.stringify({ event, payload }));
      events.push({ event, payload });
      onEvent({ event, payload });
    },
  };
  async function call<T>(channel: string, payload: unknown, signal?: AbortSignal): Promise<IpcResult<T>> {
    const result = await services().router.handle(channel, payload, signal === undefined ? context : { ...context, signal });
    wire.push(JSON.stringify(result));
    return result as IpcResult<T>;
  }
  async function value<T>(channel: string, payload: unknown, signal?: AbortSignal): Promise<T> {
    const result = await call<T>(channel, payload, signal);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }
  return { wire, events, context, call, value };
}
