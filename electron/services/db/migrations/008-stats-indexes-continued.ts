/**
 * Migration 8: statistics indexes, continued. A case's contact received_at
 * without reading the contact row (average handling time), and ratings that
 * expired unanswered (未评价) by when they expired.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
  CREATE INDEX contact_received_of ON contact(id, received_at);
  CREATE INDEX rating_not_rated_stats ON rating(expires_at, staff_id, window_no) WHERE status = 'notRated' AND answered_at IS NULL;
  `);
}
