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
import {
  average,
  bucketLabel,
  bucketsOf,
  rangeInstants,
  ratingIndex,
  satisfactionRate,
} from '../../../shared/domain/stats';
import { hallDate } from '../../../shared/domain/hall-time';
import { CounterError } from '../../../shared/result';
import type { Db } from '../db/connection';
import { listStaff, staffById } from '../staff/staff-repo';
import { civilCounts, emptyCivilCounts, type CivilCounts } from './civil-stats';
import { acceptedCaseRows, answeredRatingRows, countedRows, expiredRatingRows, openFollowUpRows, type Slice } from './report-repo';

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

function assertKnownStaff(db: Db, staffId: string | undefined): void {
  if (staffId === undefined) return;
  if (!staffById(db, staffId)) {
    throw new CounterError('VALIDATION', '请检查输入：没有这位工作人员', { staffId: '没有这位工作人员' });
  }
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
  for (const [source, field] of [
    ['contacts', 'contacts'],
    ['notifications', 'notified'],
    ['referrals', 'referred'],
  ] as const) {
    for (const r of countedRows(db, filter, slices, source)) acc(r.k)[field] += r.n;
  }

  // accepted cases and the minutes from receiving the contact to accepting it (both lookups covered by indexes)
  {
    const rows = acceptedCaseRows(db, filter, slices);
    for (const r of rows) {
      const a = acc(r.k);
      a.accepted += r.n;
      a.handlingMinutes += r.minutes;
    }
  }

  // ratings answered in the range, per stored level; 未评价 by when answered or, if never, when it expired
  {
    const answered = answeredRatingRows(db, filter, slices);
    for (const r of answered) {
      const a = acc(r.k);
      [r.l1, r.l2, r.l3, r.l4, r.l5].forEach((n, i) => {
        const position = ratingIndex(i + 1);
        if (position >= 0) a.ratings[position] = (a.ratings[position] ?? 0) + n;
      });
      a.notRated += r.notRated;
    }
    const expired = expiredRatingRows(db, filter, slices);
    for (const r of expired) acc(r.k).notRated += r.n;
  }

  // follow-ups opened in the range and still open; overdue when rectify_due is before today
  {
    const rows = openFollowUpRows(db, filter, slices, today);
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
    const staff = listStaff(db);
    const known = new Map(staff.map((s) => [s.id, s]));
    const keys = [...groups.keys()].sort((a, b) => (known.get(a)?.staff_no ?? a).localeCompare(known.get(b)?.staff_no ?? b));
    rows = keys.map((key) => {
      const s = known.get(key);
      return toRow(key, s ? `${s.name}（${s.staff_no}）` : '未知人员', groups.get(key) ?? emptyAcc());
    });
  }
  return { from: filter.from, to: filter.to, groupBy: filter.groupBy, today, rows, totals: toRow('', '合计', total) };
}
