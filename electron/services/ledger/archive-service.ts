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
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ArchiveRun } from '../../../shared/api/ledger';
import { HALL_UTC_OFFSET_MS, hallMonthStart } from '../../../shared/domain/hall-time';
import { CounterError } from '../../../shared/result';
import { actorOf, type CallContext, type CoreContext } from '../context';
import type { Db } from '../db/connection';
import { schemaVersion, writeTransaction } from '../db/connection';
import { recordChange } from '../db/ledger';
import { newId } from '../ids';
import { staffById } from '../staff-repo';

export const ARCHIVE_DIR = 'archive';

/** Tables in the order rows are copied; deleted in reverse (children before parents). */
export const ARCHIVED_TABLES = ['print_job', 'contact', 'service_case', 'notification', 'referral'] as const;
type ArchivedTable = (typeof ARCHIVED_TABLES)[number];
const DELETE_ORDER: readonly ArchivedTable[] = ['referral', 'notification', 'service_case', 'contact', 'print_job'];

/** Test hook: the archive stops the process dead at this step (for the killed-midway test). */
export const KILL_AT_ENV = 'COUNTER_TEST_ARCHIVE_KILL_AT';

interface RunRow {
  id: string;
  month: string;
  file: string;
  status: ArchiveRun['status'];
  counts: string;
  error: string | null;
  started_by: string | null;
  started_at: string;
  finished_at: string | null;
}

const MONTH_OF = (column: string): string => `strftime('%Y-%m', ${column}, '+${HALL_UTC_OFFSET_MS / 3_600_000} hours')`;

/** The first instant of the hall month that is `months` months before the clock's hall month. */
export function archiveCutoff(now: Date, months: number): string {
  return hallMonthStart(now, months).toISOString();
}

function killPoint(step: string): void {
  if (process.env[KILL_AT_ENV] === step) process.kill(process.pid, 'SIGKILL');
}

/** Ids of the month's closed records, per table. */
function batchIds(db: Db, month: string, cutoff: string): Record<ArchivedTable, string[]> {
  const contacts = (
    db
      .prepare(
        `SELECT t.id FROM contact t LEFT JOIN service_case sc ON sc.contact_id = t.id
         WHERE t.status IN ('closed', 'accepted') AND t.received_at < ? AND ${MONTH_OF('t.received_at')} = ?
           AND (t.status = 'closed' OR sc.status = 'completed')
           -- marriage registration records are kept for good, and so is the contact they came from
           AND NOT EXISTS (SELECT 1 FROM civil_case c WHERE c.contact_id = t.id)
           AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.contact_id = t.id)`,
      )
      .all(cutoff, month) as { id: string }[]
  ).map((r) => r.id);
  const ofContacts = (table: string): string[] => {
    const stmt = db.prepare(`SELECT id FROM ${table} WHERE contact_id = ?`);
    return contacts.flatMap((id) => (stmt.all(id) as { id: string }[]).map((r) => r.id));
  };
  // a sent job; kept while a handover or a later reprint (outside this month) still points at it
  const printJobs = (
    db
      .prepare(
        `SELECT t.id FROM print_job t
         WHERE t.status = 'sent' AND t.created_at < ? AND ${MONTH_OF('t.created_at')} = ?
           AND NOT EXISTS (SELECT 1 FROM handover h WHERE h.print_job_id = t.id)
           AND NOT EXISTS (SELECT 1 FROM print_job r WHERE r.reprint_of = t.id
                           AND NOT (r.status = 'sent' AND r.created_at < ? AND ${MONTH_OF('r.created_at')} = ?))`,
      )
      .all(cutoff, month, cutoff, month) as { id: string }[]
  ).map((r) => r.id);
  return { print_job: printJobs, contact: contacts, service_case: ofContacts('service_case'), notification: ofContacts('notification'), referral: ofContacts('referral') };
}

/** Months (hall time) before the cutoff that hold closed records. */
function pendingMonths(db: Db, cutoff: string): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT ${MONTH_OF('received_at')} AS m FROM contact WHERE status IN ('closed', 'accepted') AND received_at < ?
       UNION SELECT DISTINCT ${MONTH_OF('created_at')} FROM print_job WHERE status = 'sent' AND created_at < ?
       ORDER BY m`,
    )
    .all(cutoff, cutoff) as { m: string }[];
  return rows.map((r) => r.m);
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

function hashValue(hash: ReturnType<typeof createHash>, value: unknown): void {
  if (Buffer.isBuffer(value)) hash.update(`b${value.length}:`).update(value);
  else if (value === null) hash.update('n;');
  else hash.update(`${typeof value === 'number' || typeof value === 'bigint' ? 'i' : 's'}${String(value).length}:${String(value)};`);
}

/** Row count and a SHA-256 over the rows (ordered by id, columns in order) of the given ids. */
export function tableDigest(db: Database.Database, table: string, columns: readonly string[], ids: readonly string[]): { count: number; hash: string } {
  const hash = createHash('sha256');
  const stmt = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} WHERE id = ?`).raw(true);
  let count = 0;
  for (const id of [...ids].sort()) {
    const row = stmt.get(id) as unknown[] | undefined;
    if (!row) continue;
    count++;
    for (const value of row) hashValue(hash, value);
    hash.update('\n');
  }
  return { count, hash: hash.digest('hex') };
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
  const rows = ctx.db.prepare('SELECT * FROM archive_run ORDER BY started_at DESC, rowid DESC LIMIT 200').all() as RunRow[];
  return rows.map((r) => runView(ctx.db, r));
}

function setStatus(ctx: CoreContext, call: CallContext, id: string, fields: { status: ArchiveRun['status']; counts?: Record<string, number>; error?: string; finished?: boolean }): void {
  const at = ctx.clock.now().toISOString();
  ctx.db
    .prepare('UPDATE archive_run SET status = ?, counts = COALESCE(?, counts), error = COALESCE(?, error), finished_at = COALESCE(?, finished_at), updated_at = ? WHERE id = ?')
    .run(fields.status, fields.counts ? JSON.stringify(fields.counts) : null, fields.error ?? null, fields.finished ? at : null, at, id);
  const row = ctx.db.prepare('SELECT * FROM archive_run WHERE id = ?').get(id) as RunRow;
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
  const stale = ctx.db.prepare("SELECT id FROM archive_run WHERE status IN ('started', 'copied', 'verified')").all() as { id: string }[];
  for (const { id } of stale) {
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
    db.prepare(
      `INSERT INTO archive_run (id, hall_id, window_no, month, file, status, counts, started_by, started_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'started', ?, ?, ?, ?, ?)`,
    ).run(id, origin.hallId, origin.windowNo, month, file, JSON.stringify(counts), call.session?.staffId ?? null, at, at, at);
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
      archive.exec('CREATE TABLE IF NOT EXISTS archive_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
      archive.transaction(() => {
        for (const table of ARCHIVED_TABLES) {
          const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string }).sql;
          archive.exec(sql.replace(/^CREATE TABLE\s+/i, 'CREATE TABLE IF NOT EXISTS '));
          const columns = columnsOf(db, table);
          const read = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} WHERE id = ?`).raw(true);
          const write = archive.prepare(`INSERT OR REPLACE INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
          for (const rowId of ids[table]) {
            const values = read.get(rowId) as unknown[] | undefined;
            if (values) write.run(...values);
          }
        }
        const meta = archive.prepare('INSERT OR REPLACE INTO archive_meta (key, value) VALUES (?, ?)');
        meta.run('month', month);
        meta.run('hall_id', origin.hallId);
        meta.run('window_no', origin.windowNo);
        meta.run('schema_version', String(schemaVersion(db)));
        meta.run(`run:${id}`, JSON.stringify({ at, counts }));
      })();
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
      for (const table of DELETE_ORDER) {
        const del = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
        for (const rowId of ids[table]) del.run(rowId);
      }
      setStatus(ctx, call, id, { status: 'completed', counts, finished: true });
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    writeTransaction(db, () => setStatus(ctx, call, id, { status: 'failed', error: message, finished: true }));
    throw new CounterError('CONFLICT', `${month} 的归档未完成：${message}。工作库中的记录均未删除，可稍后重试。`);
  }
  return runView(db, db.prepare('SELECT * FROM archive_run WHERE id = ?').get(id) as RunRow);
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
