import type { CounterApi } from '../../shared/contract';
import type { ExportSaveBridge } from '../../shared/ipc-channels';

declare global {
  interface Window {
    /** Present under Electron (the preload bridge); absent in host mode, where the WebSocket client is used. */
    counter?: CounterApi;
    /** Present under Electron: saves a produced export through the main process's save dialog. */
    counterFiles?: ExportSaveBridge;
  }
}
