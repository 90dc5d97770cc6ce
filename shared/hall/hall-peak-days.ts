/**
 * The hall's peak days at a window: the hall's rows (reference kind peakDay,
 * keyed kind-month-day) replace the window's own list with the first one
 * applied, and are then put in or taken out by key. Pure: the window passes
 * its list and whether the hall's rows have replaced it yet.
 */
import type { PeakDayRule } from '../domain/peak-days';

/** 'solar-5-20'; a key written with leading zeros ('solar-05-20') names the same day. */
export function peakDayKey(rule: Pick<PeakDayRule, 'kind' | 'month' | 'day'>): string {
  return `${rule.kind}-${rule.month}-${rule.day}`;
}

function sameKey(key: string, rule: PeakDayRule): boolean {
  const m = /^(solar|lunar)-0*(\d{1,2})-0*(\d{1,2})$/.exec(key);
  return m !== null && peakDayKey({ kind: m[1] === 'lunar' ? 'lunar' : 'solar', month: Number(m[2]), day: Number(m[3]) }) === peakDayKey(rule);
}

/** The list after one hall row: `rule` null is the row's tombstone. Rules stay in the order they were first put in. */
export function withHallPeakDay(list: readonly PeakDayRule[], fromHall: boolean, key: string, rule: PeakDayRule | null): PeakDayRule[] {
  const base = fromHall ? list : [];
  if (rule === null) return base.filter((r) => !sameKey(key, r));
  const at = base.findIndex((r) => peakDayKey(r) === peakDayKey(rule));
  return at < 0 ? [...base, rule] : base.map((r, i) => (i === at ? rule : r));
}
