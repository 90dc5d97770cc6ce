/** Electron IPC channel names, shared by main and preload. */
export const IPC_CALL_CHANNEL = 'counter:call';
export const IPC_EVENT_CHANNEL = 'counter:event';
