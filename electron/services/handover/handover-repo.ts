/**
 * The handover table (signed shift handovers). Every statement on it lives
 * here; a row read from SQLite gets its type here, once.
 */
import type { Handover } from '../../../shared/api/handover';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

export interface HandoverRow {
  id: string;
  shift_id: string;
  kind: Handover['kind'];
  from_staff_id: string;
  /** The summary as signed (JSON). */
  summary: string;
  notes: string;
  /** The handed-over items (JSON). */
  items: string;
  countersigned_by: string;
  countersigned_at: string;
  corrects_id: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  print_job_id: string | null;
}

export function handoverById(db: Db, id: string): HandoverRow | undefined {
  return db.prepare('SELECT * FROM handover WHERE id = ?').get(id) as HandoverRow | undefined;
}

/** The stored row for the change log. */
export function handoverPayload(db: Db, id: string): Record<string, unknown> {
  return db.prepare('SELECT * FROM handover WHERE id = ?').get(id) as Record<string, unknown>;
}

/** The latest signed handover nobody has acknowledged (corrections need no acknowledgement). */
export function latestUnacknowledged(db: Db): HandoverRow | undefined {
  return db.prepare("SELECT * FROM handover WHERE acknowledged_at IS NULL AND kind <> 'correction' ORDER BY countersigned_at DESC, rowid DESC LIMIT 1").get() as
    | HandoverRow
    | undefined;
}

/** Unacknowledged handovers signed at or before `countersignedAt`. */
export function unacknowledgedUpTo(db: Db, countersignedAt: string): string[] {
  return db.prepare("SELECT id FROM handover WHERE acknowledged_at IS NULL AND kind <> 'correction' AND countersigned_at <= ?").pluck().all(countersignedAt) as string[];
}

export function acknowledge(db: Db, id: string, staffId: string, at: string): void {
  db.prepare('UPDATE handover SET acknowledged_by = ?, acknowledged_at = ?, updated_at = ? WHERE id = ?').run(staffId, at, at, id);
}

export interface NewHandover {
  id: string;
  shiftId: string;
  kind: Handover['kind'];
  fromStaffId: string;
  summaryJson: string;
  notes: string;
  itemsJson: string;
  countersignedBy: string;
  correctsId: string | null;
  at: string;
}

export function insertHandover(db: Db, origin: Origin, h: NewHandover): void {
  db.prepare(
    `INSERT INTO handover (id, hall_id, window_no, shift_id, kind, from_staff_id, summary, notes, items, countersigned_by, countersigned_at, corrects_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(h.id, origin.hallId, origin.windowNo, h.shiftId, h.kind, h.fromStaffId, h.summaryJson, h.notes, h.itemsJson, h.countersignedBy, h.at, h.correctsId, h.at, h.at);
}

export function setPrintJob(db: Db, id: string, printJobId: string, at: string): void {
  db.prepare('UPDATE handover SET print_job_id = ?, updated_at = ? WHERE id = ?').run(printJobId, at, id);
}

/** Whether the clerk session is still going (the session feature's clerk_session table, read only). */
export function sessionGoing(db: Db, sessionId: string): boolean {
  return db.prepare('SELECT 1 FROM clerk_session WHERE id = ? AND ended_at IS NULL').get(sessionId) !== undefined;
}
