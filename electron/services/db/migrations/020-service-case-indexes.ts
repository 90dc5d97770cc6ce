/**
 * Migration 20: fewer index pages written per 受理. Every index on
 * service_case is one more page in the commit the receipt waits for
 * (synchronous = FULL). service_case_accepted (accepted_at) is the leading
 * column of service_case_stats, which serves its range scans;
 * service_case_open_due (accepted_by, status, due_date) is served by the
 * partial service_case_open_by_due (the open cases, by due date), which
 * holds only what is still open; service_case_completed_by now holds only
 * completed cases, so accepting one no longer writes an entry there.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
  DROP INDEX service_case_accepted;
  DROP INDEX service_case_open_due;
  DROP INDEX service_case_completed_by;
  CREATE INDEX service_case_completed_by ON service_case(completed_by, completed_at) WHERE completed_by IS NOT NULL;
  `);
}
