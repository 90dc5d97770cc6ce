/**
 * The console board's two judgements about a window: is it offline (no
 * contact for longer than the hall's setting, or never), and how many minutes
 * behind its sync is (the age of the oldest row it still holds; 0 when it
 * holds none). The window's clock dates the oldest row, so the age is shown
 * in whole minutes and never below zero.
 */

export interface WindowContact {
  lastContactAt: string | null;
  backlogRows: number | null;
  backlogOldestAt: string | null;
}

export interface WindowFlags {
  offline: boolean;
  /** null: the window has not reported a backlog yet. */
  lagMinutes: number | null;
}

const MINUTE_MS = 60_000;

export function windowFlags(w: WindowContact, now: Date, offlineMinutes: number): WindowFlags {
  const contact = w.lastContactAt === null ? Number.NaN : Date.parse(w.lastContactAt);
  const offline = Number.isNaN(contact) || now.getTime() - contact > offlineMinutes * MINUTE_MS;
  if (w.backlogRows === null) return { offline, lagMinutes: null };
  if (w.backlogRows === 0 || w.backlogOldestAt === null) return { offline, lagMinutes: 0 };
  const oldest = Date.parse(w.backlogOldestAt);
  const lagMinutes = Number.isNaN(oldest) ? 0 : Math.max(0, Math.floor((now.getTime() - oldest) / MINUTE_MS));
  return { offline, lagMinutes };
}
