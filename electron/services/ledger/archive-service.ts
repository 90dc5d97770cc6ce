/**
 * Archive and retention (台账归档). Closed records older than the setting move,
 * one hall month at a time, to dataDir/archive/YYYY-MM.sqlite3:
 *
 *   started  → the archive_run row exists (nothing copied yet)
 *   copied   → the month's rows are committed (fsync'd) in the archive file
 *   verified → the archive file, re-opened, holds every row with the same content hash
 *   completed→ the rows are deleted from the working database (one transaction)
 *
 * Rows leave the working database only after verification, so a process
 * killed at any point loses nothing; a run left started/copied/verified is
 * marked failed on the next run and the month is redone (the archive file
 * takes the rows again with INSERT OR REPLACE, so redoing is harmless).
 * The audit trail (append-only) and signed handovers (final) are never archived.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  ARCHIVED_TABLES,
  archiveRunById,
  archiveRuns,
  batchIds,
  columnsOf,
  copyIntoArchive,
  deleteArchived,
  insertArchiveRun,
  pendingMonths,
  tableDigest,
  unfinishedRunIds,
  updateArchiveRun,
  type RunRow,
} from './archive-repo';
import type { ArchiveRun } from '../../../shared/api/ledger';
import { hallMonthStart } from '../../../shared/domain/hall-time';
import { CounterError } from '../../../shared/result';
import { actorOf, type CallContext, type CoreContext } from '../core/context';
import type { Db } from '../db/connection';
import { schemaVersion, writeTransaction } from '../db/connection';
import { recordChange } from '../db/ledger';
import { newId } from '../core/ids';
import { staffById } from '../staff/staff-repo';

export const ARCHIVE_DIR = 'archive';
export { ARCHIVED_TABLES, tableDigest } from './archive-repo';

/** Test hook: the archive stops the process dead at this step (for the killed-midway test). */
export const KILL_AT_ENV = 'COUNTER_TEST_ARCHIVE_KILL_AT';

/** The first instant of the hall month that is `months` months before the clock's hall month. */
export function archiveCutoff(now: Date, months: number): string {
  return hallMonthStart(now, months).toISOString();
}

function killPoint(step: string): void {
  if (process.env[KILL_AT_ENV] === step) process.kill(process.pid, 'SIGKILL');
}

function runView(db: Db, row: RunRow): ArchiveRun {
  const staff = row.started_by ? staffById(db, row.started_by) : undefined;
  return {
    id: row.id,
    month: row.month,
    file: row.file,
    status: row.status,
    counts: JSON.parse(row.counts) as Record<string, number>,
    error: row.error,
    startedBy: staff ? `${staff.name}（${staff.staff_no}）` : null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export function listArchiveRuns(ctx: CoreContext): ArchiveRun[] {
  return archiveRuns(ctx.db).map((r) => runView(ctx.db, r));
}

function setStatus(ctx: CoreContext, call: CallContext, id: string, fields: { status: ArchiveRun['status']; counts?: Record<string, number>; error?: string; finished?: boolean }): void {
  const at = ctx.clock.now().toISOString();
  updateArchiveRun(ctx.db, id, fields, at);
  const row = archiveRunById(ctx.db, id);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: `archive.${fields.status}`,
    entity: 'archive_run',
    entityId: id,
    op: 'update',
    payload: { id, month: row.month, file: row.file, status: row.status, counts: JSON.parse(row.counts) as unknown, error: row.error },
  });
}

/** Runs interrupted by a crash are marked failed; their months are redone by this run. */
function failInterrupted(ctx: CoreContext, call: CallContext): void {
  for (const id of unfinishedRunIds(ctx.db)) {
    writeTransaction(ctx.db, () => setStatus(ctx, call, id, { status: 'failed', error: '上次归档未完成（程序中断），工作库中的记录未被删除，已重新归档', finished: true }));
  }
}

function archiveMonth(ctx: CoreContext, call: CallContext, month: string, cutoff: string, dir: string): ArchiveRun | null {
  const db = ctx.db;
  const file = join(dir, `${month}.sqlite3`);
  const ids = batchIds(db, month, cutoff);
  // e.g. accepted contacts whose cases are still open: nothing to move this month yet
  if (ARCHIVED_TABLES.every((t) => ids[t].length === 0)) return null;
  const counts = Object.fromEntries(ARCHIVED_TABLES.map((t) => [t, ids[t].length]));
  const id = newId();
  const at = ctx.clock.now().toISOString();
  const origin = ctx.origin();
  writeTransaction(db, () => {
    insertArchiveRun(db, origin, { id, month, file, counts, startedBy: call.session?.staffId ?? null, at });
    recordChange(db, origin, actorOf(call), at, {
      action: 'archive.started',
      entity: 'archive_run',
      entityId: id,
      op: 'insert',
      payload: { id, month, file, status: 'started', counts },
    });
  });
  killPoint('started');
  try {
    // 1. copy into the month's file (its own connection; committed with a full fsync)
    const archive = new Database(file);
    try {
      archive.pragma('journal_mode = DELETE');
      archive.pragma('synchronous = FULL');
      archive.pragma('foreign_keys = OFF');
      copyIntoArchive(db, archive, ids, {
        month,
        hall_id: origin.hallId,
        window_no: origin.windowNo,
        schema_version: String(schemaVersion(db)),
        [`run:${id}`]: JSON.stringify({ at, counts }),
      });
    } finally {
      archive.close();
    }
    writeTransaction(db, () => setStatus(ctx, call, id, { status: 'copied' }));
    killPoint('copied');

    // 2. re-open the file and compare every table with the working database
    const check = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const integrity = check.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new Error(`归档文件完整性检查未通过：${String(integrity)}`);
      for (const table of ARCHIVED_TABLES) {
        const columns = columnsOf(db, table);
        const source = tableDigest(db, table, columns, ids[table]);
        const copy = tableDigest(check, table, columns, ids[table]);
        if (source.count !== ids[table].length || copy.count !== source.count || copy.hash !== source.hash) {
          throw new Error(`归档文件中的 ${table} 与工作库不一致（工作库 ${source.count} 条，归档 ${copy.count} 条）`);
        }
      }
    } finally {
      check.close();
    }
    writeTransaction(db, () => setStatus(ctx, call, id, { status: 'verified' }));
    killPoint('verified');

    // 3. only now: delete from the working database, children before parents, with the run's completion
    writeTransaction(db, () => {
      deleteArchived(db, ids);
      setStatus(ctx, call, id, { status: 'completed', counts, finished: true });
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    writeTransaction(db, () => setStatus(ctx, call, id, { status: 'failed', error: message, finished: true }));
    throw new CounterError('CONFLICT', `${month} 的归档未完成：${message}。工作库中的记录均未删除，可稍后重试。`);
  }
  return runView(db, archiveRunById(db, id));
}

/**
 * archive.run: its stages commit one by one (that is what makes a killed
 * archive safe), so it runs as the prepare step of its write, before the
 * write's own transaction, which then only keeps the answer.
 */
export function runArchive(ctx: CoreContext, call: CallContext, olderThanMonths?: number): { cutoff: string; runs: ArchiveRun[]; archived: Record<string, number> } {
  const months = olderThanMonths ?? ctx.settings.get().archiveAfterMonths;
  const cutoff = archiveCutoff(ctx.clock.now(), months);
  const dir = join(ctx.dataDir, ARCHIVE_DIR);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    throw new CounterError('CONFLICT', `无法创建归档文件夹 ${dir}，请检查磁盘和权限；未做任何改动。`);
  }
  failInterrupted(ctx, call);
  const runs: ArchiveRun[] = [];
  const archived: Record<string, number> = Object.fromEntries(ARCHIVED_TABLES.map((t) => [t, 0]));
  for (const month of pendingMonths(ctx.db, cutoff)) {
    const run = archiveMonth(ctx, call, month, cutoff, dir);
    if (!run) continue;
    runs.push(run);
    for (const table of ARCHIVED_TABLES) archived[table] = (archived[table] ?? 0) + (run.counts[table] ?? 0);
  }
  return { cutoff, runs, archived };
}
