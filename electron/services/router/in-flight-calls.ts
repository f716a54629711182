// The calls the router is answering, keyed by (caller, invocation id): the caller is who the shell knows sent the call
// (Electron: the sender's webContents id; mctoken ui: the page's event stream), the invocation id is the one the
// transport gave the call. An abort names both, so one window or tab can never cancel another's call.
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { IPC_INVOCATION_ID } from '../../../shared/ipc/ipc-abort';

/** One call in flight: the signal its handler gets, `abort()` (its request went away), and `end()` once it answered. */
export interface InFlightCall {
  signal: AbortSignal;
  abort(): void;
  end(): void;
}

/** The calls in flight of one shell. */
export interface InFlightCalls {
  /**
   * Starts a call of `caller` named `invocationId` (undefined: a call no abort can name, still stopped by abortAll).
   * ERR_IPC_INVALID_REQUEST for an id that is malformed or already in flight for that caller.
   */
  begin(caller: string, invocationId: unknown): InFlightCall;
  /** Aborts that caller's call; false when it has none by that id (an abort that overtook its call is kept for it). */
  abort(caller: string, invocationId: unknown): boolean;
  /** Aborts every call of one caller (a window closed). */
  abortCaller(caller: string): number;
  /** Aborts every call (the app quits, the server stops); returns how many. */
  abortAll(): number;
  /** How many calls are in flight. */
  size(): number;
}

/** How many aborts that arrived before their call are kept (mctoken ui sends an abort on its own connection). */
const EARLY_ABORTS_KEPT = 64;

const BAD_ID = new WorkbenchError('ERR_IPC_INVALID_REQUEST', 'This call did not come through the app’s bridge: reload the app.');
const DUPLICATE = new WorkbenchError('ERR_IPC_INVALID_REQUEST', 'A call with this invocation id is already running: reload the app.');

const isInvocationId = (value: unknown): value is string => typeof value === 'string' && IPC_INVOCATION_ID.test(value);

/** Creates an empty set of in-flight calls. */
export function createInFlightCalls(): InFlightCalls {
  const calls = new Map<string, { caller: string; controller: AbortController }>();
  const unnamed = new Set<AbortController>();
  const early: string[] = [];
  const keyOf = (caller: string, id: string): string => JSON.stringify([caller, id]);

  const abortWhere = (matches: (caller: string) => boolean): number => {
    let aborted = 0;
    for (const { caller, controller } of calls.values())
      if (matches(caller) && !controller.signal.aborted) {
        controller.abort();
        aborted += 1;
      }
    return aborted;
  };

  return {
    begin(caller, invocationId) {
      const controller = new AbortController();
      if (invocationId === undefined) {
        unnamed.add(controller);
        return { signal: controller.signal, abort: () => controller.abort(), end: () => unnamed.delete(controller) };
      }
      if (!isInvocationId(invocationId)) throw BAD_ID;
      const key = keyOf(caller, invocationId);
      if (calls.has(key)) throw DUPLICATE;
      const overtaken = early.indexOf(key);
      if (overtaken >= 0) {
        early.splice(overtaken, 1);
        controller.abort();
      }
      calls.set(key, { caller, controller });
      return {
        signal: controller.signal,
        abort: () => controller.abort(),
        end: () => {
          if (calls.get(key)?.controller === controller) calls.delete(key);
        },
      };
    },
    abort(caller, invocationId) {
      if (!isInvocationId(invocationId)) return false;
      const key = keyOf(caller, invocationId);
      const call = calls.get(key);
      if (call === undefined) {
        if (!early.includes(key)) early.push(key);
        if (early.length > EARLY_ABORTS_KEPT) early.shift();
        return false;
      }
      if (call.controller.signal.aborted) return false;
      call.controller.abort();
      return true;
    },
    abortCaller: (caller) => abortWhere((c) => c === caller),
    abortAll() {
      let aborted = abortWhere(() => true);
      for (const controller of unnamed)
        if (!controller.signal.aborted) {
          controller.abort();
          aborted += 1;
        }
      return aborted;
    },
    size: () => calls.size + unnamed.size,
  };
}
