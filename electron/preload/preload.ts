import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from '../../shared/ipc/create-bridge';
import { exposeBridge } from '../../shared/ipc/exposed-bridge';
import { IPC_ABORT_MESSAGE } from '../../shared/ipc/ipc-abort';
import type { IpcTransport } from '../../shared/ipc/ipc-contract';

// The only place using ipcRenderer. The renderer gets `window.workbench`: one typed method per channel, never ipcRenderer itself,
// and listeners never see Electron's event object. Each call gets its own invocation id here, so an abort names that call
// only; the main process keys calls by sender and id, so no page can reach another window's call.
const transport: IpcTransport = {
  invoke: async (channel, request, signal) => {
    const invocation = crypto.randomUUID();
    const abort = (): void => ipcRenderer.send(IPC_ABORT_MESSAGE, invocation);
    const reply = ipcRenderer.invoke(channel, request, invocation);
    // Sent after the invoke on the same pipe, so the main process always knows the call an abort names.
    if (signal?.aborted === true) abort();
    else signal?.addEventListener('abort', abort, { once: true });
    try {
      return await reply;
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  },
  on: (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('workbench', exposeBridge(createBridge(transport)));
