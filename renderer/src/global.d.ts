import type { CounterApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Present under Electron (the preload bridge); absent in host mode, where the WebSocket client is used. */
    counter?: CounterApi;
  }
}
