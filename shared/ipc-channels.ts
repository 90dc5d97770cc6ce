/** Electron IPC channel names, shared by main and preload. */
/** invoke(IPC_CALL_CHANNEL, method, request, requestId?): the arguments of CounterApi.call, checked by the core. */
export const IPC_CALL_CHANNEL = 'counter:call';
export const IPC_EVENT_CHANNEL = 'counter:event';
