/**
 * Migration 18: certificate numbers a joined window leased from its hall for
 * registering while the hall is out of reach, one row per number. A number
 * is used by the registration that took it (in that write's transaction)
 * and reported to the hall once it can be reached again.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE certificate_lease (
      hall_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('marriage', 'divorce', 'reissueMarriage', 'reissueDivorce')),
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL CHECK (seq > 0),
      lease_id TEXT NOT NULL,
      leased_at TEXT NOT NULL,
      used_at TEXT,
      reported_at TEXT CHECK (reported_at IS NULL OR used_at IS NOT NULL),
      PRIMARY KEY (hall_id, kind, year, seq)
    );
    CREATE INDEX certificate_lease_unused ON certificate_lease (hall_id, kind, year, seq) WHERE used_at IS NULL;
    CREATE INDEX certificate_lease_unreported ON certificate_lease (hall_id, kind, year) WHERE used_at IS NOT NULL AND reported_at IS NULL;
  `);
}
