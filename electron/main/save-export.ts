/**
 * Under Electron an export is saved where the clerk says: the save dialog
 * first (a cancel leaves the export waiting, so 保存 can be pressed again),
 * then the file is taken once for the session open now, copied, and deleted.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { copyFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { SaveExportResult } from '../../shared/ipc-channels';
import type { CounterCore } from '../services/core/core';
import { takeExport } from '../services/ledger/downloads';

export async function saveExport(core: CounterCore, win: BrowserWindow | null, download: string, fileName: string): Promise<SaveExportResult> {
  const name = basename(fileName);
  const extension = name.slice(name.lastIndexOf('.') + 1);
  const options = { defaultPath: join(app.getPath('documents'), name), filters: [{ name: extension.toUpperCase(), extensions: [extension] }] };
  const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false, message: null };
  const taken = takeExport(core.ctx, download);
  if (!taken) return { saved: false, message: '导出文件不存在或已保存，请重新导出。' };
  try {
    await copyFile(taken.path, choice.filePath);
    return { saved: true, path: choice.filePath };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '未知原因';
    return { saved: false, message: `无法保存到“${choice.filePath}”（${code}），请重新导出后选择其他位置。` };
  } finally {
    await taken.release();
  }
}
