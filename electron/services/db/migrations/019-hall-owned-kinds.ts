/**
 * Migration 19: the window applies every kind of reference row its hall owns
 * (bookings, office settings and peak days as well). The bookings the hall
 * hands down are imported by nobody at this window, so an import's
 * imported_by may be empty (the table is rebuilt: SQLite cannot drop a NOT
 * NULL; the appointments referencing it are checked when the migrations'
 * transaction commits). hall_sync remembers whether the hall's peak days have
 * replaced the window's own list. The pull cursor is cleared once, so the
 * next pull starts over and brings the rows an older version skipped
 * (applying is by kind and key: rows applied before change nothing more).
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
  PRAGMA defer_foreign_keys = ON;
  CREATE TABLE appointment_import_copy AS SELECT * FROM appointment_import;
  DROP TABLE appointment_import;
  CREATE TABLE appointment_import (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    file_name TEXT NOT NULL,
    imported_by TEXT REFERENCES staff(id),
    imported_at TEXT NOT NULL,
    total_rows INTEGER NOT NULL,
    added INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    problems TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  INSERT INTO appointment_import SELECT * FROM appointment_import_copy;
  DROP TABLE appointment_import_copy;

  ALTER TABLE hall_sync ADD COLUMN hall_peak_days INTEGER NOT NULL DEFAULT 0 CHECK (hall_peak_days IN (0, 1));
  UPDATE hall_sync SET pull_cursor = NULL;
  `);
}
