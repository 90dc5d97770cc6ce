/**
 * The windows' 统计分析 across the hall (console): the pushed records of a
 * date range with their clerk (the window's staff row) and contact, turned
 * into facts and counted by shared/domain/hall-stats.ts. CSV with the
 * window's footnotes.
 */
import { HALL_STATS_GROUP_LABELS, hallStats, statsFactsOf, type HallStatsRow } from '../../shared/domain/hall-stats';
import { hallDate } from '../../shared/domain/hall-time';
import { DISTRIBUTION_LABELS, formatMinutes, formatRate, rangeInstants, STATS_FOOTNOTES } from '../../shared/domain/stats';
import type { HallStatsResponse, hallStatsQuerySchema } from '../../shared/hall/console-work-contract';
import { csvCell } from '../../shared/hall/ledger-csv';
import type { z } from 'zod';
import type { Pool } from '../db/pool';

type Query = z.output<typeof hallStatsQuerySchema>;

const STATS_ENTITIES = ['contact', 'service_case', 'notification', 'referral', 'rating', 'follow_up', 'civil_case'];

/** The staff id each record names as its clerk (a 告知单 / 引导单: the contact's first-contact clerk). */
const CLERK_ID = `CASE e.entity WHEN 'contact' THEN e.payload->>'owner_staff_id' WHEN 'service_case' THEN e.payload->>'accepted_by'
  WHEN 'rating' THEN e.payload->>'staff_id' WHEN 'follow_up' THEN e.payload->>'staff_id'
  WHEN 'civil_case' THEN CASE WHEN e.status = 'registered' AND e.payload->>'kind' = 'divorce' THEN e.payload->>'registrar_id' ELSE e.payload->>'received_by' END
  ELSE c.payload->>'owner_staff_id' END`;

interface Row {
  entity: string;
  window_no: string;
  status: string | null;
  at: string | null;
  payload: Record<string, unknown>;
  staff_no: string | null;
  staff_name: string | null;
  contact_received_at: string | null;
  contact_item: string | null;
}

export async function hallStatistics(pool: Pool, hallId: string, q: Query, now = new Date()): Promise<HallStatsResponse> {
  const { start, end } = rangeInstants(q.from, q.to);
  const { rows } = await pool.query<Row>(
    `SELECT e.entity, e.window_no, e.status, e.at, e.payload, s.payload->>'staffNo' AS staff_no, s.payload->>'name' AS staff_name,
            c.payload->>'received_at' AS contact_received_at, c.item AS contact_item
     FROM ledger_entry e
     LEFT JOIN ledger_entry c ON c.hall_id = e.hall_id AND c.entity = 'contact' AND e.entity <> 'contact'
       AND c.entity_id = COALESCE(e.payload->>'contact_id', e.payload->>'contactId')
     LEFT JOIN ledger_entry s ON s.hall_id = e.hall_id AND s.entity = 'staff' AND s.window_id = e.window_id AND s.entity_id = ${CLERK_ID}
     WHERE e.hall_id = $1 AND e.entity = ANY($2) AND ($5::text IS NULL OR e.window_no = $5)
       AND (e.day BETWEEN $3::date AND $4::date
            OR (e.entity = 'civil_case' AND e.payload->>'received_at' >= $6 AND e.payload->>'received_at' < $7))`,
    [hallId, STATS_ENTITIES, q.from, q.to, q.windowNo || null, start, end],
  );
  const today = hallDate(now);
  const facts = rows.flatMap((r) =>
    statsFactsOf({
      entity: r.entity,
      windowNo: r.window_no,
      status: r.status,
      payload: r.payload,
      at: r.at,
      clerk: r.staff_no === null ? null : `${r.staff_no} ${r.staff_name ?? ''}`.trim(),
      contactReceivedAt: r.contact_received_at,
      contactItem: r.contact_item,
      today,
    }),
  );
  return hallStats(facts, q.groupBy, q.from, q.to);
}

const HEADER = ['接待量', '受理量', '告知量', '引导量', '平均办理时长(分钟)', ...DISTRIBUTION_LABELS, '未评价', '满意率', '整改中', '整改逾期', '结婚登记', '补领', '离婚受理', '离婚登记', '不予登记'];

function line(row: HallStatsRow): string {
  const cells = [row.key, row.contacts, row.accepted, row.notified, row.referred, formatMinutes(row.handlingMinutes), ...row.distribution, row.notRated, formatRate(row.satisfaction), row.followUpsOpen, row.followUpsOverdue, row.marriages, row.reissues, row.divorcesAccepted, row.divorcesRegistered, row.refused];
  return `${cells.map((c) => csvCell(String(c))).join(',')}\r\n`;
}

export async function hallStatisticsCsv(pool: Pool, hallId: string, q: Query): Promise<string> {
  const stats = await hallStatistics(pool, hallId, q);
  const head = `${[HALL_STATS_GROUP_LABELS[q.groupBy].replace('按', ''), ...HEADER].map(csvCell).join(',')}\r\n`;
  const notes = [`统计区间：${q.from} 至 ${q.to}${q.windowNo ? `，${q.windowNo} 号窗口` : '，全部窗口'}`, ...STATS_FOOTNOTES].map((n) => `${csvCell(n)}\r\n`).join('');
  return `\uFEFF${head}${stats.rows.map(line).join('')}${line(stats.total)}\r\n${notes}`;
}
