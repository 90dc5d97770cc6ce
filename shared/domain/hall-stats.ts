/**
 * The windows' 统计分析 counted across the hall from the records the windows
 * push (the hall's ledger_entry): per window, clerk, matter or day. The
 * measures and their definitions are the window's (shared/domain/stats.ts,
 * STATS_FOOTNOTES); each record gives facts, each fact counts on its own hall
 * day. Clerks are who the record names (first-contact clerk, accepting clerk,
 * rated clerk, follow-up clerk, receiving clerk or registrar); a 告知单 or 引导单
 * counts for the contact's first-contact clerk (the change log does not carry
 * the issuer). Pure: no I/O.
 */
import { hallDate } from './hall-time';
import { isPlainDate } from './plain-date';
import { ratingIndex, satisfactionRate } from './stats';

export const HALL_STATS_GROUPS = ['window', 'clerk', 'matter', 'day'] as const;
export type HallStatsGroupBy = (typeof HALL_STATS_GROUPS)[number];
export const HALL_STATS_GROUP_LABELS: Record<HallStatsGroupBy, string> = { window: '按窗口', clerk: '按工作人员', matter: '按事项', day: '按日' };

/** One pushed record with what the hall knows around it. */
export interface StatsRecord {
  entity: string;
  windowNo: string;
  status: string | null;
  payload: Readonly<Record<string, unknown>>;
  /** The instant the hall files it under (for a 告知单 / 引导单: when the window wrote it). */
  at: string | null;
  /** The record's clerk as staff number and name, when the window pushed that staff row. */
  clerk: string | null;
  /** The contact's received_at and matter, for records that point at a contact. */
  contactReceivedAt: string | null;
  contactItem: string | null;
  today: string;
}

export type StatsMeasure = 'contacts' | 'accepted' | 'notified' | 'referred' | 'rating' | 'followUpOpen' | 'marriages' | 'reissues' | 'divorcesAccepted' | 'divorcesRegistered' | 'refused';

export interface StatsFact {
  measure: StatsMeasure;
  day: string;
  windowNo: string;
  clerk: string | null;
  matter: string | null;
  /** accepted: minutes from receipt to acceptance; rating: the stored level (0: 未评价); followUpOpen: 1 when overdue. */
  value: number | null;
}

const CIVIL_MATTERS: Record<string, string> = { marriage: '结婚登记', divorce: '离婚登记', reissue: '补领婚姻登记证' };

function str(payload: Readonly<Record<string, unknown>>, key: string): string | null {
  const v = payload[key];
  return typeof v === 'string' && v !== '' ? v : null;
}

function dayOf(iso: string | null): string | null {
  if (iso === null || Number.isNaN(Date.parse(iso))) return null;
  return hallDate(iso);
}

/** The facts a record gives. */
export function statsFactsOf(r: StatsRecord): StatsFact[] {
  const p = r.payload;
  const fact = (measure: StatsMeasure, at: string | null, matter: string | null, value: number | null = null): StatsFact[] => {
    const day = dayOf(at);
    return day === null ? [] : [{ measure, day, windowNo: r.windowNo, clerk: r.clerk, matter, value }];
  };
  switch (r.entity) {
    case 'contact':
      return fact('contacts', str(p, 'received_at'), str(p, 'item_name'));
    case 'service_case': {
      const accepted = str(p, 'accepted_at');
      const handling = accepted !== null && r.contactReceivedAt !== null ? (Date.parse(accepted) - Date.parse(r.contactReceivedAt)) / 60_000 : null;
      return fact('accepted', accepted, str(p, 'item_name'), handling);
    }
    case 'notification':
    case 'referral':
      return fact(r.entity === 'notification' ? 'notified' : 'referred', r.at, r.contactItem);
    case 'rating':
      if (r.status === 'rated') return fact('rating', str(p, 'answered_at'), r.contactItem, typeof p.level === 'number' ? p.level : null);
      if (r.status === 'notRated') return fact('rating', str(p, 'answered_at') ?? str(p, 'expires_at'), r.contactItem, 0);
      return [];
    case 'follow_up': {
      if (r.status !== 'open') return [];
      const due = str(p, 'rectify_due');
      return fact('followUpOpen', str(p, 'opened_at'), r.contactItem, due !== null && isPlainDate(due.slice(0, 10)) && due.slice(0, 10) < r.today ? 1 : 0);
    }
    case 'civil_case': {
      const matter = CIVIL_MATTERS[str(p, 'kind') ?? ''] ?? null;
      const received = str(p, 'received_at');
      if (r.status === 'refused') return fact('refused', received, matter);
      if (p.kind === 'marriage') return r.status === 'registered' ? fact('marriages', received, matter) : [];
      if (p.kind === 'reissue') return r.status === 'registered' ? fact('reissues', received, matter) : [];
      if (p.kind !== 'divorce') return [];
      return [...fact('divorcesAccepted', received, matter), ...(r.status === 'registered' ? fact('divorcesRegistered', str(p, 'registered_at'), matter) : [])];
    }
    default:
      return [];
  }
}

export interface HallStatsRow {
  key: string;
  contacts: number;
  accepted: number;
  notified: number;
  referred: number;
  /** Mean minutes from receipt to acceptance; null when none. */
  handlingMinutes: number | null;
  /** Counts 非常满意 … 非常不满意. */
  distribution: number[];
  notRated: number;
  satisfaction: number | null;
  followUpsOpen: number;
  followUpsOverdue: number;
  marriages: number;
  reissues: number;
  divorcesAccepted: number;
  divorcesRegistered: number;
  refused: number;
}

type Counter = 'contacts' | 'accepted' | 'notified' | 'referred' | 'marriages' | 'reissues' | 'divorcesAccepted' | 'divorcesRegistered' | 'refused';

const emptyRow = (key: string): HallStatsRow & { handling: number[] } => ({
  key,
  contacts: 0,
  accepted: 0,
  notified: 0,
  referred: 0,
  handlingMinutes: null,
  distribution: [0, 0, 0, 0, 0],
  notRated: 0,
  satisfaction: null,
  followUpsOpen: 0,
  followUpsOverdue: 0,
  marriages: 0,
  reissues: 0,
  divorcesAccepted: 0,
  divorcesRegistered: 0,
  refused: 0,
  handling: [],
});

function keyOf(f: StatsFact, by: HallStatsGroupBy): string {
  switch (by) {
    case 'window':
      return f.windowNo;
    case 'clerk':
      return f.clerk ?? '（未知）';
    case 'matter':
      return f.matter ?? '（未知）';
    case 'day':
      return f.day;
  }
}

/** The facts on days from…to (hall dates, both included), grouped, with the total. */
export function hallStats(facts: readonly StatsFact[], by: HallStatsGroupBy, from: string, to: string): { rows: HallStatsRow[]; total: HallStatsRow } {
  const groups = new Map<string, ReturnType<typeof emptyRow>>();
  const total = emptyRow('合计');
  for (const f of facts) {
    if (f.day < from || f.day > to) continue;
    const key = keyOf(f, by);
    const group = groups.get(key) ?? emptyRow(key);
    groups.set(key, group);
    for (const row of [group, total]) {
      if (f.measure === 'rating') {
        const at = f.value === null ? -1 : ratingIndex(f.value);
        if (f.value === 0) row.notRated++;
        else if (at >= 0) row.distribution[at] = (row.distribution[at] ?? 0) + 1;
      } else if (f.measure === 'followUpOpen') {
        row.followUpsOpen++;
        if (f.value === 1) row.followUpsOverdue++;
      } else {
        row[f.measure satisfies Counter]++;
        if (f.measure === 'accepted' && f.value !== null) row.handling.push(f.value);
      }
    }
  }
  const finish = ({ handling, ...row }: ReturnType<typeof emptyRow>): HallStatsRow => ({
    ...row,
    handlingMinutes: handling.length === 0 ? null : handling.reduce((a, b) => a + b, 0) / handling.length,
    satisfaction: satisfactionRate(row.distribution),
  });
  const rows = [...groups.values()].sort((a, b) => a.key.length - b.key.length || a.key.localeCompare(b.key)).map(finish);
  return { rows, total: finish(total) };
}
