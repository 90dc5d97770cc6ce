/**
 * Migration 10: answers to writes sent with a request id, so a repeat (double
 * click, retried send, after a restart too) gets the first answer instead of a
 * second effect; pruned after a day.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
  CREATE TABLE request_log (
    key TEXT PRIMARY KEY,
    method TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done')),
    result_sealed TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX request_log_created ON request_log(created_at);
  `);
}
