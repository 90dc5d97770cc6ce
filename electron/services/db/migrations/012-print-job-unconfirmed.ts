/**
 * Migration 12: print jobs the printer took without answering the status query
 * after them (发送未确认, status 'unconfirmed'), and each job's stage timestamps
 * (for the click → paper latency). SQLite cannot change a CHECK constraint, so
 * the table is rebuilt with its rowids (the queue's order); the rows
 * referencing it (handovers, reprints) are checked when the migrations'
 * transaction commits, after the rows are back.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
  PRAGMA defer_foreign_keys = ON;
  CREATE TABLE print_job_copy AS SELECT rowid AS copy_rowid, * FROM print_job;
  DROP TABLE print_job;
  CREATE TABLE print_job (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    document TEXT NOT NULL,
    bytes BLOB NOT NULL,
    printer TEXT NOT NULL,
    paper_width INTEGER NOT NULL CHECK (paper_width IN (58, 80)),
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'unconfirmed', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    reprint_of TEXT REFERENCES print_job(id),
    reprint_reason TEXT,
    created_by TEXT REFERENCES staff(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sent_at TEXT,
    stages TEXT,
    CHECK ((reprint_of IS NULL) = (reprint_reason IS NULL)),
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
  );
  INSERT INTO print_job (rowid, id, hall_id, window_no, kind, title, document, bytes, printer, paper_width, status, attempts,
      last_error, reprint_of, reprint_reason, created_by, created_at, updated_at, sent_at)
    SELECT copy_rowid, id, hall_id, window_no, kind, title, document, bytes, printer, paper_width, status, attempts,
      last_error, reprint_of, reprint_reason, created_by, created_at, updated_at, sent_at
    FROM print_job_copy ORDER BY copy_rowid;
  DROP TABLE print_job_copy;
  CREATE INDEX print_job_waiting ON print_job(created_at) WHERE status IN ('queued', 'sending');
  CREATE INDEX print_job_recent ON print_job(created_at);
  CREATE INDEX print_job_reprint_of ON print_job(reprint_of) WHERE reprint_of IS NOT NULL;
  `);
}
