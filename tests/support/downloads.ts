/** Taking a produced export the way its one download does (the session open now), for tests that read the file. */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportFile } from '../../shared/contract';
import type { CounterCore } from '../../electron/services/core/core';
import { takeExport } from '../../electron/services/ledger/downloads';

/** The export's bytes; the file is deleted afterwards, as after a download. Fails when it cannot be taken. */
export async function downloaded(core: CounterCore, file: ExportFile): Promise<Buffer> {
  const taken = takeExport(core.ctx, file.download);
  if (!taken) throw new Error(`export ${file.fileName} cannot be taken`);
  try {
    return await readFile(taken.path);
  } finally {
    await taken.release();
  }
}

/** An XLSX export read back (taken like downloaded()). */
export async function downloadedWorkbook(core: CounterCore, file: ExportFile): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.read(Readable.from(await downloaded(core, file)));
  return book;
}
