/**
 * Ledger exports. Rows are streamed from a separate read-only connection (a
 * consistent WAL snapshot, and the main connection stays free for the clerk's
 * other requests) into the data folder's exports/ (sinks.ts), under a
 * temporary name renamed at the end; on any failure nothing is left behind.
 * The finished file is offered once to the session that asked (downloads.ts):
 * a browser download in host mode, the save dialog under Electron.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { LEDGER_CATEGORY_INFO, type LedgerFilter } from '../../../shared/api/ledger';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract';
import { normalizeDocumentNumber } from '../../../shared/domain/identity-documents';
import { maskIdNumber } from '../../../shared/domain/masking';
import { hallStamp } from '../../../shared/domain/hall-time';
import { CounterError } from '../../../shared/result';
import { actorOf, hallToday, sessionOf, type CallContext, type CoreContext } from '../core/context';
import { writeTransaction } from '../db/connection';
import { recordEvent } from '../db/ledger';
import type { SqlRow } from './categories';
import { assertMayView, buildQuery, orderBy, type QueryEnv } from './query-service';
import { csvSink, xlsxSink, type Sink } from './sinks';

/** A progress event every this many rows (and one at the end). */
export const PROGRESS_EVERY = 5000;

function diskProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'EROFS':
      return '是只读的';
    case 'ENOSPC':
      return '磁盘空间不足';
    default:
      return `无法写入（${code ?? '未知原因'}）`;
  }
}

/** The export could not be written in the workstation's data folder; nothing was left behind. */
function writeError(error: unknown): CounterError {
  if (error instanceof CounterError) return error;
  return new CounterError('INTERNAL', `导出失败：工作站数据文件夹${diskProblem(error)}，未生成任何文件。请联系管理员检查后重试。`);
}

/** The filter as the audit trail records it: a searched document number masked, never in full. */
export function loggedFilter(filter: LedgerFilter): LedgerFilter {
  if (filter.documentNumber === undefined) return filter;
  return { ...filter, documentNumber: maskIdNumber(normalizeDocumentNumber(filter.documentNumber)) };
}

/** Counts the rows of a filter on the export connection. */
function countRows(db: Database.Database, filter: LedgerFilter, env: QueryEnv): number {
  const { spec, where, params } = buildQuery(filter, env);
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${spec.from} WHERE ${where}`).get(...params) as { n: number }).n;
}

/** A written export file, waiting for the second step of its write: the audit row and the offer to the session. */
export interface WrittenExport<R> {
  path: string;
  fileName: string;
  bytes: number;
  /** The answer, but for the download token. */
  response: Omit<R, 'download'>;
  /** The audit row's detail. */
  detail: Record<string, unknown>;
}

/**
 * The one export writer (ledger and statistics): writes the file into the
 * exports folder through a sink under a temporary name and renames it into
 * place when complete; on failure removes what was written.
 */
export async function produceExport(ctx: CoreContext, format: 'csv' | 'xlsx', openSink: (path: string) => Promise<Sink>, write: (sink: Sink) => Promise<void>): Promise<{ path: string; bytes: number }> {
  const path = ctx.exports.newPath(format);
  const temp = `${path}.part`;
  let sink: Sink | null = null;
  try {
    sink = await openSink(temp);
    await write(sink);
    await sink.finish();
    sink = null;
    await rename(temp, path);
  } catch (error) {
    if (sink) await sink.abort();
    await unlink(temp).catch(() => undefined);
    throw writeError(error);
  }
  return { path, bytes: (await stat(path)).size };
}

/**
 * An export's second step, in its write's transaction: the audit row, and the
 * file offered once to the session that asked. A file whose row is not
 * committed is removed.
 */
export function recordExport<R>(ctx: CoreContext, call: CallContext, action: 'ledger.export' | 'stats.export', written: WrittenExport<R>): Omit<R, 'download'> & { download: string } {
  ctx.afterWrite({ rolledBack: () => rmSync(written.path, { force: true }) });
  recordEvent(ctx.db, ctx.origin(), actorOf(call), ctx.clock.now().toISOString(), { action, entity: action === 'ledger.export' ? 'ledger' : 'stats', entityId: null, detail: written.detail });
  return { ...written.response, download: ctx.exports.offer(written.path, written.fileName, sessionOf(call)) };
}

/**
 * ledger.export, step one (outside the write's transaction): writes the file.
 * A full-value export's request is recorded first, in a transaction of its
 * own: the trail keeps the request even if the export then fails.
 */
export async function writeLedgerExport(ctx: CoreContext, call: CallContext, req: ParsedRequestOf<'ledger.export'>): Promise<WrittenExport<ResponseOf<'ledger.export'>>> {
  const session = sessionOf(call);
  assertMayView(req.filter, session);
  const env: QueryEnv = { today: hallToday(ctx), vault: ctx.vault };
  const { spec, where, params } = buildQuery(req.filter, env); // refuses a bad status or search before anything is written
  const exportId = req.exportId ?? randomUUID();
  const at = ctx.clock.now().toISOString();
  const info = LEDGER_CATEGORY_INFO[req.filter.category];
  const filter = loggedFilter(req.filter);
  if (req.fullValues) {
    writeTransaction(ctx.db, () =>
      recordEvent(ctx.db, ctx.origin(), actorOf(call), at, {
        action: 'ledger.export.fullValues',
        entity: 'ledger',
        entityId: null,
        detail: { exportId, category: req.filter.category, filter, format: req.format },
      }),
    );
  }
  const fileName = `${info.label}台账_${hallStamp(at)}.${req.format}`;
  // a full-value export shows stored document numbers in full (the request is logged above); a key that
  // does not match fails the export with the vault's message and leaves no file
  const render = { today: env.today, fullValues: req.fullValues, openDocument: req.fullValues ? (sealed: string) => ctx.vault.open(sealed) : undefined };
  const header = spec.columns.map((c) => c.label);
  const reader = new Database(ctx.db.name, { readonly: true, fileMustExist: true });
  let rows = 0;
  let produced: { path: string; bytes: number };
  try {
    const total = countRows(reader, req.filter, env);
    produced = await produceExport(
      ctx,
      req.format,
      (path) => (req.format === 'csv' ? csvSink(path, header) : xlsxSink(path, `${info.label}台账`, header)),
      async (sink) => {
        ctx.publish('export.progress', { exportId, done: 0, total });
        const iterator = reader.prepare(`SELECT ${spec.select} FROM ${spec.from} WHERE ${where} ORDER BY ${orderBy(spec)}`).iterate(...params) as IterableIterator<SqlRow>;
        for (const row of iterator) {
          await sink.add(spec.render(row, render));
          rows++;
          if (rows % PROGRESS_EVERY === 0) ctx.publish('export.progress', { exportId, done: rows, total: Math.max(total, rows) });
        }
      },
    );
  } finally {
    reader.close();
  }
  ctx.publish('export.progress', { exportId, done: rows, total: rows });
  const { path, bytes } = produced;
  return {
    path,
    fileName,
    bytes,
    response: { exportId, fileName, rows, bytes },
    detail: { exportId, category: req.filter.category, filter, format: req.format, fullValues: req.fullValues, fileName, rows, bytes },
  };
}
