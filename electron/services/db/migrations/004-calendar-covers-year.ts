/**
 * Migration 4: a calendar override can state that a year's State Council
 * arrangement is entered in full (covers_year), so due dates in that year stop
 * waiting for the calendar. Existing overrides get 0.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`ALTER TABLE calendar_override ADD COLUMN covers_year INTEGER NOT NULL DEFAULT 0 CHECK (covers_year IN (0, 1));`);
}
