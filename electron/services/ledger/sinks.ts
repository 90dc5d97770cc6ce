/**
 * Export files: CSV (UTF-8 with BOM, RFC 4180, guarded against formula
 * injection, long runs of digits kept as text) and XLSX (exceljs' streaming
 * writer), written row by row.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Digits Excel would turn into a number and spoil: 12 or more digits (shown as 1.10105E+17, with
 * only 15 significant digits kept, so an 18-digit ID number loses its last three), a resident ID
 * ending in X (written alike, one rule for the column), and a leading 0 (a landline 010…).
 */
const SPOILED_AS_NUMBER = /^(\d{12,}|\d{17}[Xx]|0\d+)$/;

/**
 * One CSV field: quoted when needed (RFC 4180); a leading = + - @ (or tab/CR) is neutralised
 * with a quote. A run of digits Excel would spoil is written as the formula ="110105198808081237":
 * Excel and WPS Spreadsheets both evaluate it to exactly that text (no visible mark) and keep it
 * text when the sheet is saved again. A tab prefix is not used: the tab stays in the cell as a
 * real character (lookups and copies no longer match), and WPS trims it on import and turns the
 * value back into 1.10105E+17; an apostrophe prefix shows as a visible ' in both.
 */
export function csvField(value: string): string {
  if (SPOILED_AS_NUMBER.test(value)) return `"=""${value}"""`;
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export interface Sink {
  add(values: string[]): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

function waitDrain(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

export async function csvSink(path: string, header: string[]): Promise<Sink> {
  const handle = await open(path, 'wx');
  const stream = createWriteStream('', { fd: handle.fd, autoClose: false, highWaterMark: 1 << 20 });
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure = error;
  });
  let buffer = `\uFEFF${csvLine(header)}`;
  const flush = async (): Promise<void> => {
    if (failure) throw failure;
    const chunk = buffer;
    buffer = '';
    if (!stream.write(chunk)) await waitDrain(stream);
  };
  const end = (): Promise<void> =>
    new Promise((resolve, reject) => {
      stream.end(() => (failure ? reject(failure) : resolve()));
    });
  return {
    async add(values) {
      buffer += csvLine(values);
      if (buffer.length > 256 * 1024) await flush();
    },
    async finish() {
      await flush();
      await end();
      await handle.sync();
      await handle.close();
    },
    async abort() {
      stream.destroy();
      await handle.close().catch(() => undefined);
    },
  };
}

export async function xlsxSink(path: string, sheetName: string, header: string[]): Promise<Sink> {
  // created exclusively first, so a folder that cannot be written fails the same way as for CSV
  await (await open(path, 'wx')).close();
  // loaded on first use: exceljs takes about a quarter of a second to load, which start-up need not pay
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).commit();
  let count = 0;
  return {
    async add(values) {
      sheet.addRow(values).commit();
      // let the zip stream drain now and then
      if (++count % 2000 === 0) await new Promise((r) => setImmediate(r));
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
      const handle = await open(path, 'r+');
      await handle.sync();
      await handle.close();
    },
    async abort() {
      await workbook.commit().catch(() => undefined);
    },
  };
}
