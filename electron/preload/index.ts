/** Exposes the typed API as window.counter and the export save dialog as window.counterFiles, and nothing else. */
import { contextBridge, ipcRenderer } from 'electron';
import type { CounterApi, EventPayload } from '../../shared/contract';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_SAVE_EXPORT_CHANNEL, type ExportSaveBridge } from '../../shared/ipc-channels';

const api: CounterApi = {
  call: (method, request, requestId) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, request, requestId),
  on: (event, listener) => {
    // main only sends payloads it built and checked against the contract's event schemas
    const handler = (_e: Electron.IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload as EventPayload<typeof event>);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.off(IPC_EVENT_CHANNEL, handler);
  },
};

const files: ExportSaveBridge = {
  saveExport: (download, fileName) => ipcRenderer.invoke(IPC_SAVE_EXPORT_CHANNEL, download, fileName),
};

contextBridge.exposeInMainWorld('counter', api);
contextBridge.exposeInMainWorld('counterFiles', files);
