/**
 * Migration 15: the hall this window has joined (at most one). The window's
 * credential and the hall's lookup key are sealed with the window's own key,
 * like document numbers; the hall never holds that key.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE hall_link (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      hall_url TEXT NOT NULL,
      hall_id TEXT NOT NULL,
      hall_name TEXT NOT NULL,
      window_id TEXT NOT NULL,
      window_no TEXT NOT NULL,
      credential_sealed TEXT NOT NULL,
      lookup_key_sealed TEXT NOT NULL,
      enrolled_at TEXT NOT NULL,
      enrolled_by TEXT REFERENCES staff (id)
    );
  `);
}
