/**
 * What this window has called, as its public display shows it ("请 A001 号
 * 到本窗口办理"), and when the clerk started serving it (the window's clock,
 * for finding the contact served under it). Held in memory per ledger: the
 * hall keeps the queue; after a restart the next caller action shows it again.
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

const called = new WeakMap<Db, CalledTicket>();

export function calledTicketOf(db: Db): CalledTicket | null {
  return called.get(db) ?? null;
}

/** Follows the hall's answer: shown while called or serving, gone once finished, passed or transferred. */
export function followTicket(db: Db, ticket: QueueTicket, startedAt: string | null = null): void {
  if (ticket.status === 'called' || ticket.status === 'serving') {
    const before = called.get(db);
    const kept = before?.id === ticket.id ? before.startedAt : null;
    called.set(db, { id: ticket.id, code: ticket.code, matterName: ticket.matterName, startedAt: startedAt ?? kept });
  } else if (called.get(db)?.id === ticket.id) {
    called.delete(db);
  }
}

/** The display's part: the called ticket's code and matter. */
export function calledOnDisplay(db: Db): { code: string; matterName: string } | null {
  const t = called.get(db);
  return t === undefined ? null : { code: t.code, matterName: t.matterName };
}
