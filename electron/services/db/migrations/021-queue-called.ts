/**
 * Migration 21: the ticket this window has called or is serving (issue 14),
 * so the public display shows it again at once after a restart, also while
 * the hall cannot be reached. The hall's queue stays the source of truth:
 * the caller's next read of the hall corrects this copy. One row at most,
 * with the window's clock of 开始办理 (for the contact served under it).
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE queue_called (
      slot INTEGER PRIMARY KEY CHECK (slot = 1),
      ticket_id TEXT NOT NULL,
      code TEXT NOT NULL,
      matter_name TEXT NOT NULL,
      started_at TEXT
    );
  `);
}
