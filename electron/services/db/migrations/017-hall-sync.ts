/**
 * Migration 17: how far this window's sync with its hall has got. One row:
 * the pull cursor (opaque, the hall's), the audit anchor the hall returned
 * last (its seq: the chain's hash at that seq goes with the next push), the
 * last good push and pull and the last failure in the clerk's words.
 * A party of a registration stays final, except its lookup hash: a window
 * that joins a hall re-keys it (recomputed from the sealed number, which
 * does not change).
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE hall_sync (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      pull_cursor TEXT,
      anchor_seq INTEGER,
      last_push_at TEXT,
      last_pull_at TEXT,
      last_error TEXT,
      last_error_at TEXT
    );
    INSERT INTO hall_sync (id) VALUES (1);

    DROP TRIGGER civil_party_no_update;
    CREATE TRIGGER civil_party_no_update BEFORE UPDATE ON civil_party
      WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.position IS NOT OLD.position
        OR NEW.document_type IS NOT OLD.document_type OR NEW.document_sealed IS NOT OLD.document_sealed
        OR NEW.document_masked IS NOT OLD.document_masked OR NEW.name IS NOT OLD.name OR NEW.sex IS NOT OLD.sex
        OR NEW.birth_date IS NOT OLD.birth_date OR NEW.nationality IS NOT OLD.nationality OR NEW.ethnicity IS NOT OLD.ethnicity
        OR NEW.occupation IS NOT OLD.occupation OR NEW.education IS NOT OLD.education OR NEW.prior_status IS NOT OLD.prior_status
        OR NEW.phone IS NOT OLD.phone OR NEW.address IS NOT OLD.address OR NEW.created_at IS NOT OLD.created_at
    BEGIN SELECT RAISE(ABORT, 'civil_party rows are final'); END;
  `);
}
