/**
 * 婚姻登记 counts for the statistics (defined in shared/domain/stats.ts):
 * marriages and reissues registered, divorce applications accepted and
 * applications refused, by the day they were received (civil_case_received
 * covers the range), and divorces registered, by the day of registration.
 * One grouped query each: the day or month bucket (hall time) is worked out
 * in SQL from the ISO instant, so no query per bucket.
 */
import type { StatsFilter } from '../../../shared/api/stats';
import { HALL_UTC_OFFSET_MS } from '../../../shared/domain/hall-time';
import type { Db } from '../db/connection';

export interface CivilCounts {
  marriages: number;
  reissues: number;
  divorceApplications: number;
  divorces: number;
  refusals: number;
}

export function emptyCivilCounts(): CivilCounts {
  return { marriages: 0, reissues: 0, divorceApplications: 0, divorces: 0, refusals: 0 };
}

/** The group key of a row: a staff column, the window, or the hall day / month of a time column. */
function groupKey(filter: StatsFilter, time: string, staff: string): string {
  switch (filter.groupBy) {
    case 'clerk':
      return staff;
    case 'window':
      return 't.window_no';
    case 'day':
      return `strftime('%Y-%m-%d', ${time}, '+${HALL_UTC_OFFSET_MS / 3_600_000} hours')`;
    case 'month':
      return `strftime('%Y-%m', ${time}, '+${HALL_UTC_OFFSET_MS / 3_600_000} hours')`;
  }
}

function scope(filter: StatsFilter, staff: string): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (filter.windowNo !== undefined) {
    parts.push('AND t.window_no = ?');
    params.push(filter.windowNo);
  }
  if (filter.staffId !== undefined) {
    parts.push(`AND ${staff} = ?`);
    params.push(filter.staffId);
  }
  return { sql: parts.join(' '), params };
}

/** The counts per group key over the UTC instants [start, end). */
export function civilCounts(db: Db, filter: StatsFilter, start: string, end: string): Map<string, CivilCounts> {
  const out = new Map<string, CivilCounts>();
  const at = (key: string | null): CivilCounts => {
    const k = key ?? '';
    let c = out.get(k);
    if (!c) {
      c = emptyCivilCounts();
      out.set(k, c);
    }
    return c;
  };
  const received = scope(filter, 't.received_by');
  const rows = db
    .prepare(
      `SELECT ${groupKey(filter, 't.received_at', 't.received_by')} AS k,
         TOTAL(t.kind = 'marriage' AND t.status = 'registered') AS marriages,
         TOTAL(t.kind = 'reissue' AND t.status = 'registered') AS reissues,
         TOTAL(t.kind = 'divorce' AND t.status <> 'refused') AS divorceApplications,
         TOTAL(t.status = 'refused') AS refusals
       FROM civil_case t INDEXED BY civil_case_received
       WHERE t.received_at >= ? AND t.received_at < ? ${received.sql} GROUP BY k`,
    )
    .all(start, end, ...received.params) as ({ k: string | null } & Omit<CivilCounts, 'divorces'>)[];
  for (const r of rows) {
    const c = at(r.k);
    c.marriages += r.marriages;
    c.reissues += r.reissues;
    c.divorceApplications += r.divorceApplications;
    c.refusals += r.refusals;
  }
  const registered = scope(filter, 't.registrar_id');
  const divorces = db
    .prepare(
      `SELECT ${groupKey(filter, 't.registered_at', 't.registrar_id')} AS k, COUNT(*) AS n
       FROM civil_case t
       WHERE t.kind = 'divorce' AND t.status = 'registered' AND t.registered_at >= ? AND t.registered_at < ? ${registered.sql} GROUP BY k`,
    )
    .all(start, end, ...registered.params) as { k: string | null; n: number }[];
  for (const r of divorces) at(r.k).divorces += r.n;
  return out;
}
