/** Electron IPC channel names, shared by main and preload. */
/** invoke(IPC_CALL_CHANNEL, method, request, requestId?): the arguments of CounterApi.call, checked by the core. */
export const IPC_CALL_CHANNEL = 'counter:call';
export const IPC_EVENT_CHANNEL = 'counter:event';
/** invoke(IPC_SAVE_EXPORT_CHANNEL, download, fileName): main asks where to save a produced export and copies it there. */
export const IPC_SAVE_EXPORT_CHANNEL = 'counter:save-export';

/** The outcome of saving an export under Electron: where it went, or why not (null when the clerk cancelled). */
export type SaveExportResult = { saved: true; path: string } | { saved: false; message: string | null };

/** Exposed by the preload as window.counterFiles (absent in host mode, where the browser downloads). */
export interface ExportSaveBridge {
  saveExport(download: string, fileName: string): Promise<SaveExportResult>;
}
