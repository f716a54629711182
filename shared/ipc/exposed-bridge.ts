// The bridge as it crosses into the page. Electron's contextBridge copies every argument and keeps no prototype, so an
// AbortSignal arrives in the preload as an empty object; a function crosses as a proxy. So `window.workbench` takes, in
// place of `{ signal }`, a function the bridge calls once with its abort callback (and which answers how to detach it),
// and the page turns `{ signal }` into that function (pageBridge, renderer/bridge/window-bridge.ts). Both shells expose
// the same shape, so the page does not need to know which one it runs in.
import { IPC_CHANNELS, type InvokeOptions, type IpcChannel, type IpcRequest, type IpcResponse, type WorkbenchBridge } from './ipc-contract';
import type { IpcResult } from './result';

/** Registers `abort` to be called when the page's call is cancelled; returns how to unregister it. */
export type AbortHook = (abort: () => void) => () => void;

/** `window.workbench`: one method per channel taking the request and an optional AbortHook, plus event subscriptions. */
export type ExposedBridge = {
  [C in IpcChannel]: (request: IpcRequest<C>, onAbort?: AbortHook) => Promise<IpcResult<IpcResponse<C>>>;
} & Pick<WorkbenchBridge, 'on'>;

type AnyCall = (request: unknown, options?: InvokeOptions) => Promise<IpcResult<unknown>>;
type ExposedCall = (request: unknown, onAbort?: AbortHook) => Promise<IpcResult<unknown>>;

/** The object the preload (or the page script of mctoken ui) puts on `window.workbench`: the bridge, signals as hooks. */
export function exposeBridge(bridge: WorkbenchBridge): ExposedBridge {
  const exposed: Record<string, unknown> = { on: bridge.on };
  for (const channel of IPC_CHANNELS) {
    const call = bridge[channel] as AnyCall;
    exposed[channel] = async (request: unknown, onAbort?: unknown) => {
      if (typeof onAbort !== 'function') return call(request);
      const controller = new AbortController();
      const detach = (onAbort as AbortHook)(() => controller.abort());
      try {
        return await call(request, { signal: controller.signal });
      } finally {
        if (typeof detach === 'function') detach();
      }
    };
  }
  return Object.freeze(exposed) as ExposedBridge;
}

/** The hook that forwards a page's AbortSignal across (at once when it is already aborted). */
function hookOf(signal: AbortSignal): AbortHook {
  return (abort) => {
    if (signal.aborted) {
      abort();
      return () => undefined;
    }
    signal.addEventListener('abort', abort, { once: true });
    return () => signal.removeEventListener('abort', abort);
  };
}

/** The page's bridge over `window.workbench`: the contract's `{ signal }` again. */
export function pageBridge(exposed: ExposedBridge): WorkbenchBridge {
  const bridge: Record<string, unknown> = { on: exposed.on };
  for (const channel of IPC_CHANNELS) {
    bridge[channel] = (request: unknown, options?: InvokeOptions) => {
      const call = exposed[channel] as ExposedCall;
      const signal = options?.signal;
      return signal === undefined ? call(request) : call(request, hookOf(signal));
    };
  }
  return Object.freeze(bridge) as WorkbenchBridge;
}
