/**
 * Migration 2: the durable print queue. Every job is recorded with its ESC/POS
 * bytes before it is sent, so a slip survives a crash or a printer fault and
 * can be reprinted (a reprint names its original and a reason).
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
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
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    reprint_of TEXT REFERENCES print_job(id),
    reprint_reason TEXT,
    created_by TEXT REFERENCES staff(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sent_at TEXT,
    CHECK ((reprint_of IS NULL) = (reprint_reason IS NULL)),
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
  );
  CREATE INDEX print_job_waiting ON print_job(created_at) WHERE status IN ('queued', 'sending');
  CREATE INDEX print_job_recent ON print_job(created_at);
  CREATE INDEX print_job_reprint_of ON print_job(reprint_of) WHERE reprint_of IS NOT NULL;
  `);
}
