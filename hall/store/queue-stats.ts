/**
 * The queue's statistics from its event log (queue_event, hall migration 6):
 * the events of the tickets touched in a date range (hall dates), counted by
 * shared/domain/queue-stats.ts. For the console (every window, or one) and
 * for a window's own 统计分析 (its calls, passes, transfers and services; the
 * tickets' taking is shared by the hall, so it is not counted per window).
 */
import { QUEUE_STATS_FOOTNOTES, QUEUE_STATS_GROUP_LABELS, queueStats, type QueueEventInput, type QueueStatsGroupBy, type QueueStatsRow } from '../../shared/domain/queue-stats';
import { formatMinutes, rangeInstants } from '../../shared/domain/stats';
import type { QueueStatsResponse } from '../../shared/hall/console-work-contract';
import { csvCell } from '../../shared/hall/ledger-csv';
import type { Pool } from '../db/pool';

export interface QueueStatsFilter {
  from: string;
  to: string;
  groupBy: QueueStatsGroupBy;
  /** One window's events only (and the takings of the tickets it touched). */
  windowNo?: string | undefined;
}

interface EventRow {
  ticket_id: string;
  kind: QueueEventInput['kind'];
  window_no: string | null;
  staff_no: string | null;
  matter: string;
  at: Date;
}

export async function queueStatistics(pool: Pool, hallId: string, f: QueueStatsFilter): Promise<QueueStatsResponse> {
  const { start, end } = rangeInstants(f.from, f.to);
  // every event of a ticket taken or touched in the range, so times across its events are whole
  const { rows } = await pool.query<EventRow>(
    `WITH tickets AS (
       SELECT DISTINCT e.ticket_id FROM queue_event e LEFT JOIN hall_window w ON w.hall_id = e.hall_id AND w.window_id = e.window_id
       WHERE e.hall_id = $1 AND e.at >= $2 AND e.at < $3 AND ($4::text IS NULL OR w.window_no = $4))
     SELECT e.ticket_id, e.kind, w.window_no, e.staff_no, e.matter, e.at
     FROM queue_event e JOIN tickets t USING (ticket_id) LEFT JOIN hall_window w ON w.hall_id = e.hall_id AND w.window_id = e.window_id
     WHERE e.hall_id = $1`,
    [hallId, start, end, f.windowNo ?? null],
  );
  // one window's figures: the other windows' events are not counted, but a call there ends the ticket's waiting
  const here = (r: EventRow): boolean => f.windowNo === undefined || r.window_no === null || r.window_no === f.windowNo;
  const calledElsewhere = rows.filter((r) => !here(r) && r.kind === 'called').map((r) => ({ ticketId: r.ticket_id, at: r.at.toISOString() }));
  const events: QueueEventInput[] = rows
    .filter((r) => here(r) && r.at.toISOString() >= start && r.at.toISOString() < end)
    .map((r) => ({ ticketId: r.ticket_id, kind: r.kind, windowNo: r.window_no, staffNo: r.staff_no, matter: r.matter, at: r.at.toISOString() }));
  // takings before the range still start the waiting time of a ticket called in it
  const earlier = rows.filter((r) => r.kind === 'taken' && r.at.toISOString() < start).map((r) => ({ ticketId: r.ticket_id, at: r.at.toISOString() }));
  return queueStats(events, f.groupBy, earlier, calledElsewhere);
}

const HEADER = ['取号量', '叫号量', '办结量', '过号量', '转移量', '平均等候(分钟)', '平均走到窗口(分钟)', '平均办理(分钟)', '平均空闲(分钟)'];

function line(r: QueueStatsRow): string {
  const cells = [r.key, r.issued, r.called, r.served, r.passed, r.transferred, formatMinutes(r.waitingMinutes), formatMinutes(r.walkMinutes), formatMinutes(r.serviceMinutes), formatMinutes(r.idleMinutes)];
  return `${cells.map((c) => csvCell(String(c))).join(',')}\r\n`;
}

export async function queueStatisticsCsv(pool: Pool, hallId: string, f: QueueStatsFilter): Promise<string> {
  const stats = await queueStatistics(pool, hallId, f);
  const head = `${[QUEUE_STATS_GROUP_LABELS[f.groupBy].replace('按', ''), ...HEADER].map(csvCell).join(',')}\r\n`;
  const hourly = ['时段,等候人数,等候P50(分钟),等候P90(分钟)\r\n', ...stats.hourly.map((h) => `${String(h.hour).padStart(2, '0')}:00,${h.count},${formatMinutes(h.p50)},${formatMinutes(h.p90)}\r\n`)].join('');
  const notes = [`统计区间：${f.from} 至 ${f.to}${f.windowNo ? `，${f.windowNo} 号窗口` : '，全部窗口'}`, ...QUEUE_STATS_FOOTNOTES].map((n) => `${csvCell(n)}\r\n`).join('');
  return `\uFEFF${head}${stats.rows.map(line).join('')}${line(stats.total)}\r\n${hourly}\r\n${notes}`;
}
