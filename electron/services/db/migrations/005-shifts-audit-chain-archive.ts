/**
 * Migration 5: shifts and handovers (a signed handover is final, enforced by
 * triggers), the columns of the audit trail's hash chain with the append-only
 * triggers (a NULL hash may be filled in once: the rows written before this
 * one are chained later), archive runs, and the ledger's search and
 * shift-summary indexes.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
  ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
  ALTER TABLE audit_log ADD COLUMN hash TEXT;
  -- the audit trail is append-only: a row's hash may be filled in once, nothing else changes
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    WHEN OLD.hash IS NOT NULL
      OR NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.hall_id IS NOT OLD.hall_id OR NEW.window_no IS NOT OLD.window_no
      OR NEW.at IS NOT OLD.at OR NEW.actor_id IS NOT OLD.actor_id OR NEW.actor_staff_no IS NOT OLD.actor_staff_no
      OR NEW.action IS NOT OLD.action OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id OR NEW.detail IS NOT OLD.detail
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

  CREATE TABLE shift (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff(id),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    close_kind TEXT CHECK (close_kind IN ('handover', 'dayEnd', 'logout')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((closed_at IS NULL) = (close_kind IS NULL))
  );
  CREATE UNIQUE INDEX shift_one_open ON shift((closed_at IS NULL)) WHERE closed_at IS NULL;
  CREATE INDEX shift_opened ON shift(opened_at);

  CREATE TABLE handover (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    shift_id TEXT NOT NULL REFERENCES shift(id),
    kind TEXT NOT NULL CHECK (kind IN ('handover', 'dayEnd', 'correction')),
    from_staff_id TEXT NOT NULL REFERENCES staff(id),
    summary TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    items TEXT NOT NULL DEFAULT '[]',
    countersigned_by TEXT NOT NULL REFERENCES staff(id),
    countersigned_at TEXT NOT NULL,
    corrects_id TEXT REFERENCES handover(id),
    acknowledged_by TEXT REFERENCES staff(id),
    acknowledged_at TEXT,
    print_job_id TEXT REFERENCES print_job(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((kind = 'correction') = (corrects_id IS NOT NULL)),
    CHECK (countersigned_by <> from_staff_id)
  );
  CREATE INDEX handover_unacknowledged ON handover(countersigned_at) WHERE acknowledged_at IS NULL;
  -- a signed handover is never edited: only its acknowledgement (and print job) may be filled in
  CREATE TRIGGER handover_signed_is_final BEFORE UPDATE ON handover
    WHEN NEW.summary IS NOT OLD.summary OR NEW.notes IS NOT OLD.notes OR NEW.items IS NOT OLD.items
      OR NEW.kind IS NOT OLD.kind OR NEW.from_staff_id IS NOT OLD.from_staff_id OR NEW.shift_id IS NOT OLD.shift_id
      OR NEW.countersigned_by IS NOT OLD.countersigned_by OR NEW.countersigned_at IS NOT OLD.countersigned_at
      OR NEW.corrects_id IS NOT OLD.corrects_id
      OR (OLD.acknowledged_at IS NOT NULL AND (NEW.acknowledged_at IS NOT OLD.acknowledged_at OR NEW.acknowledged_by IS NOT OLD.acknowledged_by))
      OR (OLD.print_job_id IS NOT NULL AND NEW.print_job_id IS NOT OLD.print_job_id)
    BEGIN SELECT RAISE(ABORT, 'a signed handover is final: add a correction instead'); END;
  CREATE TRIGGER handover_no_delete BEFORE DELETE ON handover
    BEGIN SELECT RAISE(ABORT, 'a signed handover is final'); END;

  CREATE TABLE archive_run (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    month TEXT NOT NULL,
    file TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('started', 'copied', 'verified', 'completed', 'failed')),
    counts TEXT NOT NULL DEFAULT '{}',
    error TEXT,
    started_by TEXT REFERENCES staff(id),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE INDEX contact_applicant_name ON contact(applicant_name);
  CREATE INDEX contact_status_received ON contact(status, received_at);
  CREATE INDEX service_case_accepted ON service_case(accepted_at);
  CREATE INDEX notification_issued ON notification(issued_at);
  CREATE INDEX referral_issued ON referral(issued_at);
  -- the shift summary counts one clerk's work over the shift
  CREATE INDEX contact_owner_received ON contact(owner_staff_id, received_at);
  CREATE INDEX service_case_completed_by ON service_case(completed_by, completed_at);
  CREATE INDEX notification_issued_by ON notification(issued_by, issued_at);
  CREATE INDEX referral_issued_by ON referral(issued_by, issued_at);
  CREATE INDEX service_case_open_by_due ON service_case(due_date) WHERE status = 'open';
  CREATE INDEX service_case_accepted_by ON service_case(accepted_by, accepted_at);
  CREATE INDEX contact_owner_closed ON contact(owner_staff_id, closed_at);
  `);
}
