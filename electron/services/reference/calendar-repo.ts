/**
 * The calendar_override table (the supervisor's working-day corrections).
 * Every statement on it lives here; a row read from SQLite gets its type here, once.
 */
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

/** An override with the name of the supervisor who entered it. */
export interface OverrideRow {
  id: string;
  date: string;
  kind: 'workday' | 'restday';
  name: string;
  source: string;
  entered_by: string | null;
  /** Absent until the migration that adds the column has run. */
  covers_year: number;
  created_at: string;
  updated_at: string;
  entered_by_name: string | null;
  entered_by_no: string | null;
}

const SELECT_OVERRIDE = `SELECT o.*, s.name AS entered_by_name, s.staff_no AS entered_by_no
  FROM calendar_override o LEFT JOIN staff s ON s.id = o.entered_by`;

/** Every override, by date. */
export function overrideRows(db: Db): OverrideRow[] {
  return db.prepare(`${SELECT_OVERRIDE} ORDER BY o.date`).all() as OverrideRow[];
}

export function overrideOn(db: Db, date: string): OverrideRow | undefined {
  return db.prepare(`${SELECT_OVERRIDE} WHERE o.date = ?`).get(date) as OverrideRow | undefined;
}

export interface OverrideFields {
  kind: OverrideRow['kind'];
  name: string;
  source: string;
  coversYear: boolean;
  enteredBy: string | null;
}

export function insertOverride(db: Db, origin: Origin, id: string, date: string, f: OverrideFields, at: string): void {
  db.prepare(
    `INSERT INTO calendar_override (id, hall_id, window_no, date, kind, name, source, covers_year, entered_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, origin.hallId, origin.windowNo, date, f.kind, f.name, f.source, f.coversYear ? 1 : 0, f.enteredBy, at, at);
}

export function updateOverride(db: Db, id: string, f: OverrideFields, at: string): void {
  db.prepare('UPDATE calendar_override SET kind = ?, name = ?, source = ?, covers_year = ?, entered_by = ?, updated_at = ? WHERE id = ?').run(
    f.kind,
    f.name,
    f.source,
    f.coversYear ? 1 : 0,
    f.enteredBy,
    at,
    id,
  );
}

export function deleteOverrideRow(db: Db, id: string): void {
  db.prepare('DELETE FROM calendar_override WHERE id = ?').run(id);
}
