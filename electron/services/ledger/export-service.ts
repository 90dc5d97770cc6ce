/**
 * Ledger exports to CSV (UTF-8 with BOM, RFC 4180, guarded against formula
 * injection) and XLSX (exceljs' streaming writer). Rows are streamed from a
 * separate read-only connection (a consistent WAL snapshot, and the main
 * connection stays free for the clerk's other requests). The file is written
 * under a temporary name in the chosen folder and renamed at the end; on any
 * failure the temporary file is removed and nothing is left behind.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { LEDGER_CATEGORY_INFO, type LedgerFilter } from '../../../shared/api/ledger';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract';
import { hallStamp } from '../../../shared/domain/hall-time';
import { normalizeDocumentNumber } from '../../../shared/domain/identity-documents';
import { maskIdNumber } from '../../../shared/domain/masking';
import { CounterError } from '../../../shared/result';
import { actorOf, sessionOf, type CallContext, type CoreContext } from '../context';
import { writeTransaction } from '../db/connection';
import { recordEvent } from '../db/ledger';
import type { SqlRow } from './categories';
import { assertMayView, buildQuery, orderBy, type DocumentLookup } from './query-service';

/** A progress event every this many rows (and one at the end). */
export const PROGRESS_EVERY = 5000;

/** One CSV field: quoted when needed (RFC 4180); a leading = + - @ (or tab/CR) is neutralised with a quote. */
export function csvField(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function folderProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件夹不存在';
    case 'ENOTDIR':
      return '路径中有一部分不是文件夹';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'EROFS':
      return '该位置是只读的';
    case 'ENOSPC':
      return '磁盘空间不足';
    default:
      return `无法写入（${code ?? '未知原因'}）`;
  }
}

export function folderError(directory: string, problem: string): CounterError {
  return new CounterError('VALIDATION', `无法导出到文件夹“${directory}”：${problem}。请选择一个存在且可以写入的文件夹，未生成任何文件。`, {
    directory: problem,
  });
}

/** The filter as the audit trail records it: a searched document number masked, never in full. */
export function loggedFilter(filter: LedgerFilter): LedgerFilter {
  if (filter.documentNumber === undefined) return filter;
  return { ...filter, documentNumber: maskIdNumber(normalizeDocumentNumber(filter.documentNumber)) };
}

/** Counts the rows of a filter on the export connection. */
function countRows(db: Database.Database, filter: LedgerFilter, vault: DocumentLookup): number {
  const { spec, where, params } = buildQuery(filter, vault);
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${spec.from} WHERE ${where}`).get(...params) as { n: number }).n;
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

/** Refuses an export folder that is missing or is a file, with a message naming it. */
export async function assertExportFolder(directory: string): Promise<void> {
  try {
    const s = await stat(directory);
    if (!s.isDirectory()) throw folderError(directory, '这是一个文件，不是文件夹');
  } catch (error) {
    if (error instanceof CounterError) throw error;
    throw folderError(directory, folderProblem(error));
  }
}

/**
 * Claims the export's file name in the folder, numbered _2, _3 … when the name
 * is taken (nothing is overwritten): the file is created empty and exclusively,
 * so two exports running at once never pick the same name. The finished export
 * is renamed over it; a failed one removes it.
 */
export async function reserveFileName(directory: string, name: string, extension: string): Promise<string> {
  for (let n = 1; ; n++) {
    const file = join(directory, n === 1 ? `${name}.${extension}` : `${name}_${n}.${extension}`);
    try {
      await (await open(file, 'wx')).close();
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw folderError(directory, folderProblem(error));
    }
  }
}

/** Where an export goes and what it starts with. */
export interface ExportTarget {
  directory: string;
  /** File name without extension; numbered _2, _3 … when taken. */
  name: string;
  format: 'csv' | 'xlsx';
  /** The XLSX worksheet's name. */
  sheetName: string;
  header: string[];
}

async function openSink(path: string, target: ExportTarget): Promise<Sink> {
  try {
    return target.format === 'csv' ? await csvSink(path, target.header) : await xlsxSink(path, target.sheetName, target.header);
  } catch (error) {
    throw folderError(target.directory, folderProblem(error));
  }
}

/**
 * Writes one export file, the ledger's and the statistics': claims the name in
 * the folder, writes under a temporary name through the format's sink (filled
 * by `fill`), syncs and renames it into place. On any failure the temporary
 * file and the claimed name are removed, so nothing is left behind, and the
 * clerk gets a Chinese message naming the folder.
 */
export async function writeExportFile(target: ExportTarget, fill: (sink: Sink) => Promise<void>): Promise<{ file: string; bytes: number }> {
  const { directory, format } = target;
  const file = await reserveFileName(directory, target.name, format);
  const temp = join(directory, `.${basename(file)}.part`);
  try {
    const sink = await openSink(temp, target);
    try {
      await fill(sink);
      await sink.finish();
    } catch (error) {
      await sink.abort();
      throw error;
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    await unlink(file).catch(() => undefined);
    if (error instanceof CounterError) throw error;
    throw new CounterError('VALIDATION', `导出失败：${folderProblem(error)}。未生成任何文件，请检查文件夹“${directory}”后重试。`, { directory: folderProblem(error) });
  }
  return { file, bytes: (await stat(file)).size };
}

/** A written export file, waiting for its audit row (the second step of the export's write). */
interface WrittenLedgerExport {
  response: ResponseOf<'ledger.export'>;
  detail: Record<string, unknown>;
}

/**
 * ledger.export, step one (outside the write's transaction): writes the file.
 * A full-value export's request is recorded first, in a transaction of its
 * own: the trail keeps the request even if the export then fails.
 */
export async function writeLedgerExport(ctx: CoreContext, call: CallContext, req: ParsedRequestOf<'ledger.export'>): Promise<WrittenLedgerExport> {
  const session = sessionOf(call);
  assertMayView(req.filter, session);
  buildQuery(req.filter, ctx.vault); // refuses a bad status or search before anything is written
  const exportId = req.exportId ?? randomUUID();
  const directory = req.directory;
  await assertExportFolder(directory);
  const at = ctx.clock.now().toISOString();
  const info = LEDGER_CATEGORY_INFO[req.filter.category];
  const filter = loggedFilter(req.filter);
  if (req.fullValues) {
    // asked for, even if the export then fails: the request itself is what the trail records
    writeTransaction(ctx.db, () =>
      recordEvent(ctx.db, ctx.origin(), actorOf(call), at, {
        action: 'ledger.export.fullValues',
        entity: 'ledger',
        entityId: null,
        detail: { exportId, category: req.filter.category, filter, format: req.format, directory },
      }),
    );
  }
  const { spec, where, params } = buildQuery(req.filter, ctx.vault);
  // a full-value export shows stored document numbers in full (the request is logged above); a key that
  // does not match fails the export with the vault's message and leaves no file
  const render = { fullValues: req.fullValues, openDocument: req.fullValues ? (sealed: string) => ctx.vault.open(sealed) : undefined };
  const target = { directory, name: `${info.label}台账_${hallStamp(at)}`, format: req.format, sheetName: `${info.label}台账`, header: spec.columns.map((c) => c.label) };
  const reader = new Database(ctx.db.name, { readonly: true, fileMustExist: true });
  let rows = 0;
  let written: { file: string; bytes: number };
  try {
    written = await writeExportFile(target, async (sink) => {
      const total = countRows(reader, req.filter, ctx.vault);
      ctx.publish('export.progress', { exportId, done: 0, total });
      const iterator = reader.prepare(`SELECT ${spec.select} FROM ${spec.from} WHERE ${where} ORDER BY ${orderBy(spec)}`).iterate(...params) as IterableIterator<SqlRow>;
      for (const row of iterator) {
        await sink.add(spec.render(row, render));
        rows++;
        if (rows % PROGRESS_EVERY === 0) ctx.publish('export.progress', { exportId, done: rows, total: Math.max(total, rows) });
      }
    });
  } finally {
    reader.close();
  }
  const { file, bytes } = written;
  ctx.publish('export.progress', { exportId, done: rows, total: rows });
  return { response: { exportId, file, rows, bytes }, detail: { exportId, category: req.filter.category, filter, format: req.format, fullValues: req.fullValues, file, rows, bytes } };
}

/** ledger.export, step two (in the write's transaction): the audit row; a file whose row is not committed is removed. */
export function recordLedgerExport(ctx: CoreContext, call: CallContext, written: WrittenLedgerExport): ResponseOf<'ledger.export'> {
  ctx.afterWrite({ rolledBack: () => rmSync(written.response.file, { force: true }) });
  recordEvent(ctx.db, ctx.origin(), actorOf(call), ctx.clock.now().toISOString(), { action: 'ledger.export', entity: 'ledger', entityId: null, detail: written.detail });
  return written.response;
}
