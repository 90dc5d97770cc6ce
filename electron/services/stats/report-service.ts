/**
 * Statistics for supervisors: one GROUP BY query per source table over a
 * range of its own time column (covering indexes of migration 7), merged by
 * group in memory. The measures are defined in shared/domain/stats.ts.
 *
 * Day and month buckets: every timestamp in the ledger is written by
 * Date.toISOString() (UTC, 'YYYY-MM-DDTHH:mm:ss.sssZ'), so the queries group
 * by the UTC hour (substr(…, 1, 13)), which costs no date parsing in SQL, and
 * each hour is put into its hall-time (UTC+8) day or month here; a year is at
 * most 8,784 hours per table.
 */
import type { StatsFilter, StatsReport, StatsRow } from '../../../shared/api/stats';
import {
  average,
  bucketKey,
  bucketLabel,
  bucketsOf,
  hallDay,
  rangeInstants,
  ratingIndex,
  satisfactionRate,
} from '../../../shared/domain/stats';
import { CounterError } from '../../../shared/result';
import type { Db } from '../db/connection';

interface Source {
  table: string;
  time: string;
  staff: string;
  window: string;
}

const CONTACTS: Source = { table: 'contact', time: 'received_at', staff: 'owner_staff_id', window: 'window_no' };
const CASES: Source = { table: 'service_case', time: 'accepted_at', staff: 'accepted_by', window: 'window_no' };
const NOTIFICATIONS: Source = { table: 'notification', time: 'issued_at', staff: 'issued_by', window: 'window_no' };
const REFERRALS: Source = { table: 'referral', time: 'issued_at', staff: 'issued_by', window: 'window_no' };
const RATINGS: Source = { table: 'rating', time: 'answered_at', staff: 'staff_id', window: 'window_no' };
const FOLLOW_UPS: Source = { table: 'follow_up', time: 'opened_at', staff: 'staff_id', window: 'window_no' };

/** Sums per group before the averages and rates are worked out. */
interface Acc {
  contacts: number;
  accepted: number;
  notified: number;
  referred: number;
  handlingMinutes: number;
  ratings: number[];
  notRated: number;
  followUpsOpen: number;
  followUpsOverdue: number;
}

function emptyAcc(): Acc {
  return { contacts: 0, accepted: 0, notified: 0, referred: 0, handlingMinutes: 0, ratings: [0, 0, 0, 0, 0], notRated: 0, followUpsOpen: 0, followUpsOverdue: 0 };
}

function toRow(key: string, label: string, a: Acc): StatsRow {
  const rated = a.ratings.reduce((x, y) => x + y, 0);
  return {
    key,
    label,
    contacts: a.contacts,
    accepted: a.accepted,
    notified: a.notified,
    referred: a.referred,
    avgHandlingMinutes: average(a.handlingMinutes, a.accepted),
    ratings: [...a.ratings],
    rated,
    notRated: a.notRated,
    satisfactionRate: satisfactionRate(a.ratings),
    followUpsOpen: a.followUpsOpen,
    followUpsOverdue: a.followUpsOverdue,
  };
}

/** The group expression of a table's rows (alias-qualified), and how its value becomes a group key. */
function groupExpr(filter: StatsFilter, s: Source, alias: string, time = `${alias}.${s.time}`): string {
  switch (filter.groupBy) {
    case 'clerk':
      return `${alias}.${s.staff}`;
    case 'window':
      return `${alias}.${s.window}`;
    default:
      return `substr(${time}, 1, 13)`;
  }
}

/** Extra conditions for the window and clerk filters. */
function scope(filter: StatsFilter, s: Source, alias: string): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (filter.windowNo !== undefined) {
    parts.push(`AND ${alias}.${s.window} = ?`);
    params.push(filter.windowNo);
  }
  if (filter.staffId !== undefined) {
    parts.push(`AND ${alias}.${s.staff} = ?`);
    params.push(filter.staffId);
  }
  return { sql: parts.join(' '), params };
}

function assertKnownStaff(db: Db, staffId: string | undefined): void {
  if (staffId === undefined) return;
  if (!db.prepare('SELECT 1 FROM staff WHERE id = ?').get(staffId)) {
    throw new CounterError('VALIDATION', '请检查输入：没有这位工作人员', { staffId: '没有这位工作人员' });
  }
}

/** The report, from the database as of `now`. */
export function statsReport(db: Db, filter: StatsFilter, now: Date): StatsReport {
  assertKnownStaff(db, filter.staffId);
  const { start, end } = rangeInstants(filter.from, filter.to);
  const today = hallDay(now.toISOString());
  const groups = new Map<string, Acc>();
  const byTime = filter.groupBy === 'day' || filter.groupBy === 'month';
  const keyOf = (raw: string | null): string => {
    const value = raw ?? '';
    if (!byTime) return value;
    return bucketKey(`${value}:00:00.000Z`, filter.groupBy === 'day' ? 'day' : 'month');
  };
  const acc = (raw: string | null): Acc => {
    const key = keyOf(raw);
    let a = groups.get(key);
    if (!a) {
      a = emptyAcc();
      groups.set(key, a);
    }
    return a;
  };

  const counted = (s: Source, field: 'contacts' | 'notified' | 'referred'): void => {
    const sc = scope(filter, s, 't');
    const rows = db
      .prepare(`SELECT ${groupExpr(filter, s, 't')} AS k, COUNT(*) AS n FROM ${s.table} t WHERE t.${s.time} >= ? AND t.${s.time} < ? ${sc.sql} GROUP BY k`)
      .all(start, end, ...sc.params) as { k: string | null; n: number }[];
    for (const r of rows) acc(r.k)[field] += r.n;
  };
  counted(CONTACTS, 'contacts');
  counted(NOTIFICATIONS, 'notified');
  counted(REFERRALS, 'referred');

  // accepted cases and the minutes from receiving the contact to accepting it
  {
    const sc = scope(filter, CASES, 'c');
    const rows = db
      .prepare(
        `SELECT ${groupExpr(filter, CASES, 'c')} AS k, COUNT(*) AS n,
           TOTAL(MAX(0, ROUND((julianday(c.accepted_at) - julianday(ct.received_at)) * 86400000))) / 60000.0 AS minutes
         FROM service_case c JOIN contact ct ON ct.id = c.contact_id
         WHERE c.accepted_at >= ? AND c.accepted_at < ? ${sc.sql} GROUP BY k`,
      )
      .all(start, end, ...sc.params) as { k: string | null; n: number; minutes: number }[];
    for (const r of rows) {
      const a = acc(r.k);
      a.accepted += r.n;
      a.handlingMinutes += r.minutes;
    }
  }

  // ratings answered in the range; 未评价 by when answered or, if never, when it expired
  {
    const sc = scope(filter, RATINGS, 'r');
    const rows = db
      .prepare(
        `SELECT ${groupExpr(filter, RATINGS, 'r', 'COALESCE(r.answered_at, r.expires_at)')} AS k, r.status AS status, r.level AS level, COUNT(*) AS n
         FROM rating r
         WHERE ((r.answered_at >= ? AND r.answered_at < ? AND r.status IN ('rated', 'notRated'))
             OR (r.answered_at IS NULL AND r.status = 'notRated' AND r.expires_at >= ? AND r.expires_at < ?)) ${sc.sql}
         GROUP BY k, r.status, r.level`,
      )
      .all(start, end, start, end, ...sc.params) as { k: string | null; status: string; level: number | null; n: number }[];
    for (const r of rows) {
      const a = acc(r.k);
      if (r.status === 'notRated') a.notRated += r.n;
      else if (r.level !== null) {
        const i = ratingIndex(r.level);
        if (i >= 0 && i < 5) a.ratings[i] = (a.ratings[i] ?? 0) + r.n;
      }
    }
  }

  // follow-ups opened in the range and still open; overdue when rectify_due is before today
  {
    const sc = scope(filter, FOLLOW_UPS, 'f');
    const rows = db
      .prepare(
        `SELECT ${groupExpr(filter, FOLLOW_UPS, 'f')} AS k, COUNT(*) AS n,
           TOTAL(f.rectify_due IS NOT NULL AND substr(f.rectify_due, 1, 10) < ?) AS overdue
         FROM follow_up f
         WHERE f.status = 'open' AND f.opened_at >= ? AND f.opened_at < ? ${sc.sql} GROUP BY k`,
      )
      .all(today, start, end, ...sc.params) as { k: string | null; n: number; overdue: number }[];
    for (const r of rows) {
      const a = acc(r.k);
      a.followUpsOpen += r.n;
      a.followUpsOverdue += r.overdue;
    }
  }

  const total = emptyAcc();
  for (const a of groups.values()) {
    total.contacts += a.contacts;
    total.accepted += a.accepted;
    total.notified += a.notified;
    total.referred += a.referred;
    total.handlingMinutes += a.handlingMinutes;
    a.ratings.forEach((n, i) => (total.ratings[i] = (total.ratings[i] ?? 0) + n));
    total.notRated += a.notRated;
    total.followUpsOpen += a.followUpsOpen;
    total.followUpsOverdue += a.followUpsOverdue;
  }

  let rows: StatsRow[];
  if (filter.groupBy === 'day' || filter.groupBy === 'month') {
    const by = filter.groupBy;
    rows = bucketsOf(filter.from, filter.to, by).map((key) => toRow(key, bucketLabel(key, by), groups.get(key) ?? emptyAcc()));
  } else if (filter.groupBy === 'window') {
    const keys = [...groups.keys()].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
    rows = keys.map((key) => toRow(key, `${key} 号窗口`, groups.get(key) ?? emptyAcc()));
  } else {
    const staff = db.prepare('SELECT id, staff_no, name FROM staff').all() as { id: string; staff_no: string; name: string }[];
    const known = new Map(staff.map((s) => [s.id, s]));
    const keys = [...groups.keys()].sort((a, b) => (known.get(a)?.staff_no ?? a).localeCompare(known.get(b)?.staff_no ?? b));
    rows = keys.map((key) => {
      const s = known.get(key);
      return toRow(key, s ? `${s.name}（${s.staff_no}）` : '未知人员', groups.get(key) ?? emptyAcc());
    });
  }
  return { from: filter.from, to: filter.to, groupBy: filter.groupBy, today, rows, totals: toRow('', '合计', total) };
}
