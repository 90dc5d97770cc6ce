/**
 * Statistics for supervisors: per source table one aggregate over a range of
 * its own time column, read from covering indexes (migrations 7 and 8), merged
 * by group in memory. The measures are defined in shared/domain/stats.ts.
 *
 * By clerk or window the rows are grouped in SQL. By day or month (hall time,
 * UTC+8) each bucket is converted to its UTC instants and counted with its own
 * range query: timestamps are ISO strings written by Date.toISOString(), so a
 * range of them is a range of the index and no date is parsed per row.
 */
import type { StatsFilter, StatsReport, StatsRow } from '../../../shared/api/stats';
import { hallDate } from '../../../shared/domain/hall-time';
import {
  average,
  bucketLabel,
  bucketsOf,
  rangeInstants,
  ratingIndex,
  satisfactionRate,
} from '../../../shared/domain/stats';
import { CounterError } from '../../../shared/result';
import type { Db } from '../db/connection';
import { civilCounts, emptyCivilCounts, type CivilCounts } from './civil-stats';

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

/** The last hall date of a month (YYYY-MM). */
function lastDayOf(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Sums per group before the averages and rates are worked out. */
interface Acc extends CivilCounts {
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
  return {
    contacts: 0,
    accepted: 0,
    notified: 0,
    referred: 0,
    handlingMinutes: 0,
    ratings: [0, 0, 0, 0, 0],
    notRated: 0,
    followUpsOpen: 0,
    followUpsOverdue: 0,
    ...emptyCivilCounts(),
  };
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
    marriages: a.marriages,
    reissues: a.reissues,
    divorceApplications: a.divorceApplications,
    divorces: a.divorces,
    refusals: a.refusals,
  };
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

/** A time slice of the report: the whole range (by clerk or window) or one day or month bucket. */
interface Slice {
  /** The group key for day/month slices; null when rows are grouped by clerk or window. */
  key: string | null;
  start: string;
  end: string;
}

/**
 * Runs one aggregate over every slice. By clerk or window the rows are grouped by that
 * column in SQL; by day or month each bucket is its own range query over the time index
 * (no GROUP BY, so no temporary b-tree: a range count walks the covering index alone).
 */
function sliced<R extends { k: string | null }>(db: Db, filter: StatsFilter, slices: Slice[], build: (group: string | null) => string, params: (slice: Slice) => unknown[]): R[] {
  const byColumn = filter.groupBy === 'clerk' || filter.groupBy === 'window';
  const statement = db.prepare(build(byColumn ? filter.groupBy : null));
  const out: R[] = [];
  for (const slice of slices) {
    for (const row of statement.all(...params(slice)) as R[]) out.push(byColumn ? row : { ...row, k: slice.key });
  }
  return out;
}

/** The report, from the database as of `now`. */
export function statsReport(db: Db, filter: StatsFilter, now: Date): StatsReport {
  assertKnownStaff(db, filter.staffId);
  const { start, end } = rangeInstants(filter.from, filter.to);
  const today = hallDate(now);
  const groups = new Map<string, Acc>();
  const acc = (key: string | null): Acc => {
    const k = key ?? '';
    let a = groups.get(k);
    if (!a) {
      a = emptyAcc();
      groups.set(k, a);
    }
    return a;
  };
  const by = filter.groupBy === 'month' ? 'month' : 'day';
  const buckets = filter.groupBy === 'day' || filter.groupBy === 'month' ? bucketsOf(filter.from, filter.to, by) : [];
  const slices: Slice[] =
    buckets.length === 0
      ? [{ key: null, start, end }]
      : buckets.map((key) => {
          // a bucket's own range, clipped to the report's (a month may start before `from` or end after `to`)
          const first = by === 'day' ? key : `${key}-01`;
          const last = by === 'day' ? key : lastDayOf(key);
          const range = rangeInstants(first < filter.from ? filter.from : first, last > filter.to ? filter.to : last);
          return { key, start: range.start, end: range.end };
        });
  const column = (s: Source, alias: string, group: string | null): string => (group === 'clerk' ? `${alias}.${s.staff}` : group === 'window' ? `${alias}.${s.window}` : 'NULL');
  const groupBy = (group: string | null): string => (group ? 'GROUP BY k' : '');

  const counted = (s: Source, field: 'contacts' | 'notified' | 'referred'): void => {
    const sc = scope(filter, s, 't');
    const rows = sliced<{ k: string | null; n: number }>(
      db,
      filter,
      slices,
      (g) => `SELECT ${column(s, 't', g)} AS k, COUNT(*) AS n FROM ${s.table} t WHERE t.${s.time} >= ? AND t.${s.time} < ? ${sc.sql} ${groupBy(g)}`,
      (slice) => [slice.start, slice.end, ...sc.params],
    );
    for (const r of rows) acc(r.k)[field] += r.n;
  };
  counted(CONTACTS, 'contacts');
  counted(NOTIFICATIONS, 'notified');
  counted(REFERRALS, 'referred');

  // accepted cases and the minutes from receiving the contact to accepting it (both lookups covered by indexes)
  {
    const sc = scope(filter, CASES, 'c');
    const rows = sliced<{ k: string | null; n: number; minutes: number }>(
      db,
      filter,
      slices,
      (g) =>
        `SELECT ${column(CASES, 'c', g)} AS k, COUNT(*) AS n,
           TOTAL(MAX(0, ROUND((julianday(c.accepted_at) - julianday(ct.received_at)) * 86400000))) / 60000.0 AS minutes
         FROM service_case c INDEXED BY service_case_stats JOIN contact ct INDEXED BY contact_received_of ON ct.id = c.contact_id
         WHERE c.accepted_at >= ? AND c.accepted_at < ? ${sc.sql} ${groupBy(g)}`,
      (slice) => [slice.start, slice.end, ...sc.params],
    );
    for (const r of rows) {
      const a = acc(r.k);
      a.accepted += r.n;
      a.handlingMinutes += r.minutes;
    }
  }

  // ratings answered in the range, per stored level; 未评价 by when answered or, if never, when it expired
  {
    const sc = scope(filter, RATINGS, 'r');
    const levels = [1, 2, 3, 4, 5].map((l) => `TOTAL(r.status = 'rated' AND r.level = ${l}) AS l${l}`).join(', ');
    const answered = sliced<{ k: string | null; l1: number; l2: number; l3: number; l4: number; l5: number; notRated: number }>(
      db,
      filter,
      slices,
      (g) =>
        `SELECT ${column(RATINGS, 'r', g)} AS k, ${levels}, TOTAL(r.status = 'notRated') AS notRated
         FROM rating r INDEXED BY rating_stats WHERE r.answered_at >= ? AND r.answered_at < ? ${sc.sql} ${groupBy(g)}`,
      (slice) => [slice.start, slice.end, ...sc.params],
    );
    for (const r of answered) {
      const a = acc(r.k);
      [r.l1, r.l2, r.l3, r.l4, r.l5].forEach((n, i) => {
        const position = ratingIndex(i + 1);
        if (position >= 0) a.ratings[position] = (a.ratings[position] ?? 0) + n;
      });
      a.notRated += r.notRated;
    }
    const expired = sliced<{ k: string | null; n: number }>(
      db,
      filter,
      slices,
      (g) =>
        `SELECT ${column(RATINGS, 'r', g)} AS k, COUNT(*) AS n FROM rating r INDEXED BY rating_not_rated_stats
         WHERE r.status = 'notRated' AND r.answered_at IS NULL AND r.expires_at >= ? AND r.expires_at < ? ${sc.sql} ${groupBy(g)}`,
      (slice) => [slice.start, slice.end, ...sc.params],
    );
    for (const r of expired) acc(r.k).notRated += r.n;
  }

  // follow-ups opened in the range and still open; overdue when rectify_due is before today
  {
    const sc = scope(filter, FOLLOW_UPS, 'f');
    const rows = sliced<{ k: string | null; n: number; overdue: number }>(
      db,
      filter,
      slices,
      (g) =>
        `SELECT ${column(FOLLOW_UPS, 'f', g)} AS k, COUNT(*) AS n, TOTAL(f.rectify_due IS NOT NULL AND substr(f.rectify_due, 1, 10) < ?) AS overdue
         FROM follow_up f WHERE f.status = 'open' AND f.opened_at >= ? AND f.opened_at < ? ${sc.sql} ${groupBy(g)}`,
      (slice) => [today, slice.start, slice.end, ...sc.params],
    );
    for (const r of rows) {
      const a = acc(r.k);
      a.followUpsOpen += r.n;
      a.followUpsOverdue += r.overdue;
    }
  }

  // 婚姻登记: one grouped query each over the whole range (the bucket is worked out in SQL)
  for (const [key, c] of civilCounts(db, filter, start, end)) {
    const a = acc(key);
    a.marriages += c.marriages;
    a.reissues += c.reissues;
    a.divorceApplications += c.divorceApplications;
    a.divorces += c.divorces;
    a.refusals += c.refusals;
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
    total.marriages += a.marriages;
    total.reissues += a.reissues;
    total.divorceApplications += a.divorceApplications;
    total.divorces += a.divorces;
    total.refusals += a.refusals;
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
