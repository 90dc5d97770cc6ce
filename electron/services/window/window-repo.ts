/** The window_pause table: the whereabouts sign (暂停) of the window. */
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

export interface PauseRow {
  id: string;
  reason: string;
  return_at: string;
}

/** The sign that is up now, if any. */
export function openPause(db: Db): PauseRow | undefined {
  return db.prepare('SELECT id, reason, return_at FROM window_pause WHERE ended_at IS NULL').get() as PauseRow | undefined;
}

export function insertPause(db: Db, origin: Origin, pause: { id: string; sessionId: string; reason: string; returnAt: string; at: string }): void {
  db.prepare(
    `INSERT INTO window_pause (id, hall_id, window_no, session_id, reason, return_at, started_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(pause.id, origin.hallId, origin.windowNo, pause.sessionId, pause.reason, pause.returnAt, pause.at, pause.at, pause.at);
}

export function changePause(db: Db, id: string, reason: string, returnAt: string, at: string): void {
  db.prepare('UPDATE window_pause SET reason = ?, return_at = ?, updated_at = ? WHERE id = ?').run(reason, returnAt, at, id);
}

export function endPause(db: Db, id: string, at: string): void {
  db.prepare('UPDATE window_pause SET ended_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
}
