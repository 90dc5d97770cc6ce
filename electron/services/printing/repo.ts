/** The print_job table (migration 2): rows, the record the API returns, and the change-log payloads. */
import type { PrintJob, PrintJobStatus } from '../../../shared/api/printing';
import { storedDocument, type PaperWidth, type PrintDocument } from '../../../shared/print/document';
import type { Db } from '../db/connection';
import { staffNameAndNo } from '../staff/staff-repo';

export interface PrintJobRow {
  id: string;
  hall_id: string;
  window_no: string;
  kind: string;
  title: string;
  document: string;
  bytes: Buffer;
  printer: string;
  paper_width: PaperWidth;
  status: PrintJobStatus;
  attempts: number;
  last_error: string | null;
  reprint_of: string | null;
  reprint_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  /** The job's stage timestamps as JSON ({ enqueued, committed, picked, connected, checked, written, confirmed }: epoch ms). */
  stages: string | null;
}

export interface NewJob {
  id: string;
  hallId: string;
  windowNo: string;
  kind: string;
  document: PrintDocument;
  bytes: Buffer;
  printer: string;
  paperWidth: PaperWidth;
  reprintOf: string | null;
  reprintReason: string | null;
  createdBy: string | null;
  at: string;
  stages: { enqueued: number };
}

export function insertJob(db: Db, job: NewJob): void {
  db.prepare(
    `INSERT INTO print_job (id, hall_id, window_no, kind, title, document, bytes, printer, paper_width, status, attempts,
       reprint_of, reprint_reason, created_by, created_at, updated_at, stages)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?, ?)`,
  ).run(
    job.id,
    job.hallId,
    job.windowNo,
    job.kind,
    job.document.title,
    JSON.stringify(job.document),
    job.bytes,
    job.printer,
    job.paperWidth,
    job.reprintOf,
    job.reprintReason,
    job.createdBy,
    job.at,
    job.at,
    JSON.stringify(job.stages),
  );
}

export function jobById(db: Db, id: string): PrintJobRow | undefined {
  return db.prepare('SELECT * FROM print_job WHERE id = ?').get(id) as PrintJobRow | undefined;
}

/**
 * The jobs still to print, through the partial index print_job_waiting: asked
 * on every 受理, and a scan of a year's print_job (whose status column lies
 * past each row's document and bytes) takes a good part of a second. Left to
 * itself the planner scans the table in rowid order for these queries.
 */
const WAITING = "FROM print_job INDEXED BY print_job_waiting WHERE status IN ('queued', 'sending')";

/** The oldest job waiting to be printed (insertion order: jobs go out in the order they were recorded). */
export function nextQueued(db: Db): PrintJobRow | undefined {
  return db.prepare(`SELECT * ${WAITING} AND status = 'queued' ORDER BY rowid LIMIT 1`).get() as PrintJobRow | undefined;
}

export function queuedJobs(db: Db): PrintJobRow[] {
  return db.prepare(`SELECT * ${WAITING} AND status = 'queued' ORDER BY rowid`).all() as PrintJobRow[];
}

export function jobsInStatus(db: Db, status: 'queued' | 'sending'): PrintJobRow[] {
  return db.prepare(`SELECT * ${WAITING} AND status = ? ORDER BY rowid`).all(status) as PrintJobRow[];
}

/** The 'none' printer's jobs cut off mid-write: left "sending", or failed as interrupted and not reprinted. */
export function interruptedFileJobs(db: Db, interruptedMessage: string): PrintJobRow[] {
  return db
    .prepare(
      `SELECT * FROM print_job j WHERE j.printer = 'none'
         AND (j.status = 'sending' OR (j.status = 'failed' AND j.last_error = ? AND NOT EXISTS (SELECT 1 FROM print_job r WHERE r.reprint_of = j.id)))
       ORDER BY rowid`,
    )
    .all(interruptedMessage) as PrintJobRow[];
}

/** Stores a job's changed fields (its status and what goes with it). */
export function updateJob(db: Db, next: PrintJobRow): void {
  db.prepare(
    `UPDATE print_job SET status = ?, attempts = ?, last_error = ?, printer = ?, sent_at = ?, bytes = ?, paper_width = ?, stages = ?, updated_at = ? WHERE id = ?`,
  ).run(next.status, next.attempts, next.last_error, next.printer, next.sent_at, next.bytes, next.paper_width, next.stages, next.updated_at, next.id);
}

/** A queued job laid out again for another paper width. */
export function relayoutJob(db: Db, id: string, bytes: Buffer, paperWidth: PaperWidth, at: string): void {
  db.prepare('UPDATE print_job SET bytes = ?, paper_width = ?, updated_at = ? WHERE id = ?').run(bytes, paperWidth, at, id);
}

/** Ids of the jobs still waiting to be printed (their files are kept by retention). */
export function waitingJobIds(db: Db): string[] {
  return db.prepare("SELECT id FROM print_job WHERE status IN ('queued', 'sending')").pluck().all() as string[];
}

export function countWaiting(db: Db): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM print_job WHERE status IN ('queued', 'sending')").get() as { n: number }).n;
}

/** Failed (or unconfirmed) jobs created since `since` that nobody has reprinted yet. */
export function countUnresolved(db: Db, status: 'failed' | 'unconfirmed', since: string): number {
  return (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM print_job j
         WHERE j.status = ? AND j.created_at >= ?
           AND NOT EXISTS (SELECT 1 FROM print_job r WHERE r.reprint_of = j.id)`,
      )
      .get(status, since) as { n: number }
  ).n;
}

export function listJobs(db: Db, status: PrintJobStatus | undefined, limit: number): PrintJobRow[] {
  const columns = 'id, kind, title, status, printer, paper_width, attempts, last_error, created_by, created_at, sent_at, reprint_of, reprint_reason';
  return (
    status
      ? db.prepare(`SELECT ${columns} FROM print_job WHERE status = ? ORDER BY rowid DESC LIMIT ?`).all(status, limit)
      : db.prepare(`SELECT ${columns} FROM print_job ORDER BY rowid DESC LIMIT ?`).all(limit)
  ) as PrintJobRow[];
}

type JobFields = Pick<
  PrintJobRow,
  | 'id'
  | 'kind'
  | 'title'
  | 'status'
  | 'printer'
  | 'paper_width'
  | 'attempts'
  | 'last_error'
  | 'created_by'
  | 'created_at'
  | 'sent_at'
  | 'reprint_of'
  | 'reprint_reason'
>;

/** "王主任（S001）" for the staff id, or null. */
function staffLabel(db: Db, staffId: string | null, cache: Map<string, string | null>): string | null {
  if (!staffId) return null;
  if (!cache.has(staffId)) {
    const row = staffNameAndNo(db, staffId);
    cache.set(staffId, row ? `${row.name}（${row.staff_no}）` : null);
  }
  return cache.get(staffId) ?? null;
}

export function toPrintJobs(db: Db, rows: readonly JobFields[]): PrintJob[] {
  const cache = new Map<string, string | null>();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    printer: row.printer,
    paperWidth: row.paper_width,
    attempts: row.attempts,
    lastError: row.last_error,
    createdBy: staffLabel(db, row.created_by, cache),
    createdAt: row.created_at,
    sentAt: row.sent_at,
    reprintOf: row.reprint_of,
    reprintReason: row.reprint_reason,
  }));
}

export function toPrintJob(db: Db, row: JobFields): PrintJob {
  const [job] = toPrintJobs(db, [row]);
  if (!job) throw new Error('unreachable');
  return job;
}

/** The change-log payload of a new job: the record without its bytes (they follow from the document). */
export function insertPayload(row: PrintJobRow): Record<string, unknown> {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    document: JSON.parse(row.document) as unknown,
    printer: row.printer,
    paperWidth: row.paper_width,
    status: row.status,
    attempts: row.attempts,
    reprintOf: row.reprint_of,
    reprintReason: row.reprint_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** The change-log payload of a status change. */
export function statusPayload(row: PrintJobRow): Record<string, unknown> {
  return {
    id: row.id,
    status: row.status,
    printer: row.printer,
    paperWidth: row.paper_width,
    attempts: row.attempts,
    lastError: row.last_error,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}

/** The stored document, checked for its outline (it was written by this program from a typed PrintDocument). */
export function documentOf(row: Pick<PrintJobRow, 'document'>): PrintDocument {
  const document = storedDocument(JSON.parse(row.document));
  if (document === null) throw new Error('stored print document is malformed');
  return document;
}
