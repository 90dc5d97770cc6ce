/**
 * Saving a produced export (ledger or statistics): under Electron the main
 * process asks where (window.counterFiles); in a browser the host serves it
 * once at /download/{token} and the browser downloads it (a LAN clerk screen
 * adds its pairing token, as for the socket).
 */
import type { ExportFile } from '../../../shared/contract';

/** What the clerk is told; `retry` when the save dialog was cancelled and the file still waits. */
export interface SaveOutcome {
  notice: string | null;
  error: string | null;
  retry: boolean;
}

export async function saveExport(file: ExportFile): Promise<SaveOutcome> {
  const bridge = window.counterFiles;
  if (bridge) {
    const saved = await bridge.saveExport(file.download, file.fileName);
    if (saved.saved) return { notice: `已导出 ${file.rows} 条记录，保存到 ${saved.path}`, error: null, retry: false };
    return saved.message === null ? { notice: null, error: null, retry: true } : { notice: null, error: saved.message, retry: false };
  }
  const pairing = new URLSearchParams(location.search).get('token');
  const link = document.createElement('a');
  link.href = `/download/${encodeURIComponent(file.download)}${pairing ? `?token=${encodeURIComponent(pairing)}` : ''}`;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  return { notice: `已导出 ${file.rows} 条记录，浏览器正在下载“${file.fileName}”（见浏览器的下载列表）`, error: null, retry: false };
}
