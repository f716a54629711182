import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from '../../shared/ipc/create-bridge';
import type { IpcTransport } from '../../shared/ipc/ipc-contract';

// The only place using ipcRenderer. The renderer gets `window.workbench`: one typed method per channel, never ipcRenderer itself,
// and listeners never see Electron's event object.
const transport: IpcTransport = {
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  on: (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('workbench', createBridge(transport));
