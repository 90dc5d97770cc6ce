/**
 * The archive's SQL: which closed records of a hall month leave the working
 * database, the archive_run rows, and copying rows into a month's archive file.
 */
import { createHash } from 'node:crypto';
import { HALL_UTC_OFFSET_MS } from '../../../shared/domain/hall-time';
import type Database from 'better-sqlite3';
import type { ArchiveRun } from '../../../shared/api/ledger';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

/** Tables in the order rows are copied; deleted in reverse (children before parents). */
export const ARCHIVED_TABLES = ['print_job', 'contact', 'service_case', 'notification', 'referral'] as const;
export type ArchivedTable = (typeof ARCHIVED_TABLES)[number];
const DELETE_ORDER: readonly ArchivedTable[] = ['referral', 'notification', 'service_case', 'contact', 'print_job'];

export interface RunRow {
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

/** Ids of the month's closed records, per table. */
export function batchIds(db: Db, month: string, cutoff: string): Record<ArchivedTable, string[]> {
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
export function pendingMonths(db: Db, cutoff: string): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT ${MONTH_OF('received_at')} AS m FROM contact WHERE status IN ('closed', 'accepted') AND received_at < ?
       UNION SELECT DISTINCT ${MONTH_OF('created_at')} FROM print_job WHERE status = 'sent' AND created_at < ?
       ORDER BY m`,
    )
    .all(cutoff, cutoff) as { m: string }[];
  return rows.map((r) => r.m);
}

export function columnsOf(db: Database.Database, table: string): string[] {
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

export function archiveRuns(db: Db): RunRow[] {
  return db.prepare('SELECT * FROM archive_run ORDER BY started_at DESC, rowid DESC LIMIT 200').all() as RunRow[];
}

export function archiveRunById(db: Db, id: string): RunRow {
  return db.prepare('SELECT * FROM archive_run WHERE id = ?').get(id) as RunRow;
}

/** Runs a crash left in a middle state. */
export function unfinishedRunIds(db: Db): string[] {
  return db.prepare("SELECT id FROM archive_run WHERE status IN ('started', 'copied', 'verified')").pluck().all() as string[];
}

export function insertArchiveRun(db: Db, origin: Origin, run: { id: string; month: string; file: string; counts: Record<string, number>; startedBy: string | null; at: string }): void {
  db.prepare(
    `INSERT INTO archive_run (id, hall_id, window_no, month, file, status, counts, started_by, started_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'started', ?, ?, ?, ?, ?)`,
  ).run(run.id, origin.hallId, origin.windowNo, run.month, run.file, JSON.stringify(run.counts), run.startedBy, run.at, run.at, run.at);
}

export function updateArchiveRun(
  db: Db,
  id: string,
  fields: { status: ArchiveRun['status']; counts?: Record<string, number>; error?: string; finished?: boolean },
  at: string,
): void {
  db.prepare(
    'UPDATE archive_run SET status = ?, counts = COALESCE(?, counts), error = COALESCE(?, error), finished_at = COALESCE(?, finished_at), updated_at = ? WHERE id = ?',
  ).run(fields.status, fields.counts ? JSON.stringify(fields.counts) : null, fields.error ?? null, fields.finished ? at : null, at, id);
}

/** Copies the given rows of every archived table into the archive file's connection, in one transaction there, with its metadata. */
export function copyIntoArchive(db: Db, archive: Database.Database, ids: Record<ArchivedTable, string[]>, meta: Record<string, string>): void {
  archive.exec('CREATE TABLE IF NOT EXISTS archive_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  archive.transaction(() => {
    for (const table of ARCHIVED_TABLES) {
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
      archive.exec(sql.replace(/^CREATE TABLE\s+/i, 'CREATE TABLE IF NOT EXISTS '));
      const columns = columnsOf(db, table);
      const read = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} WHERE id = ?`).raw(true);
      const write = archive.prepare(`INSERT OR REPLACE INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      for (const rowId of ids[table]) {
        const values = read.get(rowId) as unknown[] | undefined;
        if (values) write.run(...values);
      }
    }
    const insertMeta = archive.prepare('INSERT OR REPLACE INTO archive_meta (key, value) VALUES (?, ?)');
    for (const [key, value] of Object.entries(meta)) insertMeta.run(key, value);
  })();
}

/** Deletes the archived rows from the working database, children before parents (inside the caller's transaction). */
export function deleteArchived(db: Db, ids: Record<ArchivedTable, string[]>): void {
  for (const table of DELETE_ORDER) {
    const del = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
    for (const rowId of ids[table]) del.run(rowId);
  }
}
