/**
 * Migration 7: statistics indexes. Each source table by its time column with the
 * clerk and window (and what the report reads), so a month's GROUP BY reads
 * the index alone.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
  CREATE INDEX contact_stats ON contact(received_at, owner_staff_id, window_no);
  CREATE INDEX service_case_stats ON service_case(accepted_at, accepted_by, window_no, contact_id);
  CREATE INDEX notification_stats ON notification(issued_at, issued_by, window_no);
  CREATE INDEX referral_stats ON referral(issued_at, issued_by, window_no);
  CREATE INDEX rating_stats ON rating(answered_at, staff_id, window_no, status, level);
  `);
}
