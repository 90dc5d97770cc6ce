/** The clerk_session table: who is logged in at this window, and whether the screen is locked. */
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

/** The open session with its clerk's number and role. */
export interface OpenSessionRow {
  id: string;
  staff_id: string;
  started_at: string;
  locked: number;
  staff_no: string;
  role: 'clerk' | 'supervisor';
}

export function openSessionRow(db: Db): OpenSessionRow | undefined {
  return db
    .prepare(
      `SELECT s.id, s.staff_id, s.started_at, s.locked, st.staff_no, st.role
       FROM clerk_session s JOIN staff st ON st.id = s.staff_id
       WHERE s.ended_at IS NULL`,
    )
    .get() as OpenSessionRow | undefined;
}

/** The session as the change log records it. */
export function sessionPayload(db: Db, id: string): Record<string, unknown> {
  return db
    .prepare(
      'SELECT id, staff_id AS staffId, window_no AS windowNo, started_at AS startedAt, ended_at AS endedAt, end_reason AS endReason, locked, serving FROM clerk_session WHERE id = ?',
    )
    .get(id) as Record<string, unknown>;
}

export function insertSession(db: Db, origin: Origin, session: { id: string; staffId: string; at: string; serving: boolean }): void {
  db.prepare(`INSERT INTO clerk_session (id, hall_id, window_no, staff_id, started_at, serving, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    session.id,
    origin.hallId,
    origin.windowNo,
    session.staffId,
    session.at,
    session.serving ? 1 : 0,
    session.at,
    session.at,
  );
}

export function endSessionRow(db: Db, id: string, reason: string, at: string): void {
  db.prepare('UPDATE clerk_session SET ended_at = ?, end_reason = ?, updated_at = ? WHERE id = ?').run(at, reason, at, id);
}

/** The session's lock flag, or undefined when it has ended. */
export function lockedFlag(db: Db, id: string): number | undefined {
  return db.prepare('SELECT locked FROM clerk_session WHERE id = ? AND ended_at IS NULL').pluck().get(id) as number | undefined;
}

export function setLockedFlag(db: Db, id: string, locked: boolean, at: string): void {
  db.prepare('UPDATE clerk_session SET locked = ?, updated_at = ? WHERE id = ?').run(locked ? 1 : 0, at, id);
}

/** Whether the session opened the window to the public (a supervisor's configuration login has not). */
export function isServing(db: Db, sessionId: string): boolean {
  const row = db.prepare('SELECT serving FROM clerk_session WHERE id = ?').get(sessionId) as { serving: number } | undefined;
  return row?.serving === 1;
}

export function startServing(db: Db, sessionId: string, at: string): void {
  db.prepare('UPDATE clerk_session SET serving = 1, updated_at = ? WHERE id = ?').run(at, sessionId);
}
