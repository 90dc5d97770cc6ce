/**
 * The statistics report's SQL: one aggregate per source table over a range of
 * its own time column (covering indexes of migrations 7 and 8), per slice.
 */
import type { StatsFilter } from '../../../shared/api/stats';
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

/** A time slice of the report: the whole range (by clerk or window) or one day or month bucket. */
export interface Slice {
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

const column = (s: Source, alias: string, group: string | null): string => (group === 'clerk' ? `${alias}.${s.staff}` : group === 'window' ? `${alias}.${s.window}` : 'NULL');
const groupBy = (group: string | null): string => (group ? 'GROUP BY k' : '');

const COUNTED = { contacts: CONTACTS, notifications: NOTIFICATIONS, referrals: REFERRALS } as const;

/** Rows per group of contacts received, notifications or referrals issued. */
export function countedRows(db: Db, filter: StatsFilter, slices: Slice[], source: keyof typeof COUNTED): { k: string | null; n: number }[] {
  const s = COUNTED[source];
  const sc = scope(filter, s, 't');
  return sliced<{ k: string | null; n: number }>(
    db,
    filter,
    slices,
    (g) => `SELECT ${column(s, 't', g)} AS k, COUNT(*) AS n FROM ${s.table} t WHERE t.${s.time} >= ? AND t.${s.time} < ? ${sc.sql} ${groupBy(g)}`,
    (slice) => [slice.start, slice.end, ...sc.params],
  );
}

/** Accepted cases and the minutes from receiving the contact to accepting it (both lookups covered by indexes). */
export function acceptedCaseRows(db: Db, filter: StatsFilter, slices: Slice[]): { k: string | null; n: number; minutes: number }[] {
  const sc = scope(filter, CASES, 'c');
  return sliced<{ k: string | null; n: number; minutes: number }>(
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
}

export interface AnsweredRatings {
  k: string | null;
  l1: number;
  l2: number;
  l3: number;
  l4: number;
  l5: number;
  notRated: number;
}

/** Ratings answered in the range, per stored level, and those answered 未评价. */
export function answeredRatingRows(db: Db, filter: StatsFilter, slices: Slice[]): AnsweredRatings[] {
  const sc = scope(filter, RATINGS, 'r');
  const levels = [1, 2, 3, 4, 5].map((l) => `TOTAL(r.status = 'rated' AND r.level = ${l}) AS l${l}`).join(', ');
  return sliced<AnsweredRatings>(
    db,
    filter,
    slices,
    (g) =>
      `SELECT ${column(RATINGS, 'r', g)} AS k, ${levels}, TOTAL(r.status = 'notRated') AS notRated
       FROM rating r INDEXED BY rating_stats WHERE r.answered_at >= ? AND r.answered_at < ? ${sc.sql} ${groupBy(g)}`,
    (slice) => [slice.start, slice.end, ...sc.params],
  );
}

/** Ratings never answered: 未评价 when they expired. */
export function expiredRatingRows(db: Db, filter: StatsFilter, slices: Slice[]): { k: string | null; n: number }[] {
  const sc = scope(filter, RATINGS, 'r');
  return sliced<{ k: string | null; n: number }>(
    db,
    filter,
    slices,
    (g) =>
      `SELECT ${column(RATINGS, 'r', g)} AS k, COUNT(*) AS n FROM rating r INDEXED BY rating_not_rated_stats
       WHERE r.status = 'notRated' AND r.answered_at IS NULL AND r.expires_at >= ? AND r.expires_at < ? ${sc.sql} ${groupBy(g)}`,
    (slice) => [slice.start, slice.end, ...sc.params],
  );
}

/** Follow-ups opened in the range and still open; overdue when rectify_due is before `today` (hall date). */
export function openFollowUpRows(db: Db, filter: StatsFilter, slices: Slice[], today: string): { k: string | null; n: number; overdue: number }[] {
  const sc = scope(filter, FOLLOW_UPS, 'f');
  return sliced<{ k: string | null; n: number; overdue: number }>(
    db,
    filter,
    slices,
    (g) =>
      `SELECT ${column(FOLLOW_UPS, 'f', g)} AS k, COUNT(*) AS n, TOTAL(f.rectify_due IS NOT NULL AND substr(f.rectify_due, 1, 10) < ?) AS overdue
       FROM follow_up f WHERE f.status = 'open' AND f.opened_at >= ? AND f.opened_at < ? ${sc.sql} ${groupBy(g)}`,
    (slice) => [today, slice.start, slice.end, ...sc.params],
  );
}
