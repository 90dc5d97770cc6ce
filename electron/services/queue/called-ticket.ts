/**
 * What this window has called, as its public display shows it ("请 A001 号
 * 到本窗口办理"), and when the clerk started serving it (the window's clock,
 * for finding the contact served under it). Kept in the ledger's database
 * (queue_called, one row), so the display shows it again at once after a
 * restart, also while the hall is out of reach. The hall keeps the queue:
 * each caller action writes its answer here in the action's transaction, and
 * the caller's read of the hall corrects the copy (syncCalled).
 */
import type { QueueTicket } from '../../../shared/hall/queue-contract';
import type { Db } from '../db/connection';

export interface CalledTicket {
  id: string;
  code: string;
  matterName: string;
  /** Window clock when 开始办理 was pressed; null while only called. */
  startedAt: string | null;
}

/** Caller actions committed per database: a read of the hall that started before one of them is older than the copy. */
const actions = new WeakMap<Db, number>();

export function calledTicketOf(db: Db): CalledTicket | null {
  const row = db.prepare('SELECT ticket_id AS id, code, matter_name AS matterName, started_at AS startedAt FROM queue_called WHERE slot = 1').get() as CalledTicket | undefined;
  return row ?? null;
}

function write(db: Db, ticket: QueueTicket, startedAt: string | null): void {
  const before = calledTicketOf(db);
  const kept = before?.id === ticket.id ? before.startedAt : null;
  db.prepare(
    `INSERT INTO queue_called (slot, ticket_id, code, matter_name, started_at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (slot) DO UPDATE SET ticket_id = excluded.ticket_id, code = excluded.code, matter_name = excluded.matter_name, started_at = excluded.started_at`,
  ).run(ticket.id, ticket.code, ticket.matterName, startedAt ?? kept);
}

/** Follows the hall's answer to a caller action (inside its transaction): shown while called or serving, gone once finished, passed or transferred. */
export function followTicket(db: Db, ticket: QueueTicket, startedAt: string | null = null): void {
  actions.set(db, (actions.get(db) ?? 0) + 1);
  if (ticket.status === 'called' || ticket.status === 'serving') write(db, ticket, startedAt);
  else db.prepare('DELETE FROM queue_called WHERE slot = 1 AND ticket_id = ?').run(ticket.id);
}

/** A mark taken before asking the hall for the window's current ticket, for syncCalled. */
export function callerMark(db: Db): number {
  return actions.get(db) ?? 0;
}

/**
 * The hall's view of the window's current ticket replaces the copy, unless a
 * caller action committed since `mark` (its answer is newer than the read).
 * Whether the copy changed (the display then shows the hall's ticket).
 */
export function syncCalled(db: Db, mark: number, current: QueueTicket | null): boolean {
  if (callerMark(db) !== mark) return false;
  const before = calledTicketOf(db);
  if (current === null) {
    if (before === null) return false;
    db.prepare('DELETE FROM queue_called WHERE slot = 1').run();
    return true;
  }
  if (before?.id === current.id && before.code === current.code && before.matterName === current.matterName) return false;
  write(db, current, null);
  return true;
}

/** The display's part: the called ticket's code and matter. */
export function calledOnDisplay(db: Db): { code: string; matterName: string } | null {
  const t = calledTicketOf(db);
  return t === null ? null : { code: t.code, matterName: t.matterName };
}
