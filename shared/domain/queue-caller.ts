/**
 * What the window's caller bar says about its ticket: how long the applicant
 * has waited and since when the ticket was called or served, and how many
 * recalls (重呼) the hall's cap leaves.
 */

export interface TicketTimes {
  status: 'waiting' | 'called' | 'serving' | 'done' | 'passed';
  takenAt: string;
  calledAt: string | null;
  startedAt: string | null;
}

/** Whole minutes from an ISO instant to now, in words: '不到 1 分钟', '12 分钟'. */
export function minutesSince(iso: string, nowMs: number): string {
  const minutes = Math.floor(Math.max(0, nowMs - Date.parse(iso)) / 60_000);
  return minutes < 1 ? '不到 1 分钟' : `${minutes} 分钟`;
}

/** '等候 12 分钟 · 已叫 1 分钟', '等候 12 分钟 · 办理 5 分钟', or '已等 3 分钟' for a ticket not at a window. */
export function ticketClock(t: TicketTimes, nowMs: number): string {
  if (t.status === 'serving' && t.startedAt !== null) {
    return `等候 ${minutesSince(t.takenAt, Date.parse(t.calledAt ?? t.startedAt))} · 办理 ${minutesSince(t.startedAt, nowMs)}`;
  }
  if (t.status === 'called' && t.calledAt !== null) return `等候 ${minutesSince(t.takenAt, Date.parse(t.calledAt))} · 已叫 ${minutesSince(t.calledAt, nowMs)}`;
  return `已等 ${minutesSince(t.takenAt, nowMs)}`;
}

/** Recalls the cap still allows for a called ticket. */
export function recallsLeft(recallCap: number, recallCount: number): number {
  return Math.max(0, recallCap - recallCount);
}
