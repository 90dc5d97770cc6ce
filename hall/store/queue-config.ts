/**
 * The queue's configuration: the hall's priority policy and settings, and the
 * matters tickets are taken for. Written by the supervisor (the hall console)
 * and by the demo; read by every queue action inside its own transaction.
 */
import { DEFAULT_QUEUE_POLICY, type QueuePolicy } from '../../shared/domain/queue-policy';
import type { Client, Pool } from '../db/pool';

export interface QueueSettings {
  policy: Omit<QueuePolicy, 'weights'>;
  /** Most recalls (重呼) of one call. */
  recallCap: number;
  /** Alert the supervisor when a matter has more tickets waiting; null: no alert. */
  waitingAlert: number | null;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  policy: { appointmentsInSlotFirst: DEFAULT_QUEUE_POLICY.appointmentsInSlotFirst, greenFirst: DEFAULT_QUEUE_POLICY.greenFirst, normalPerPriority: DEFAULT_QUEUE_POLICY.normalPerPriority },
  recallCap: 3,
  waitingAlert: null,
};

export interface QueueMatter {
  matter: string;
  name: string;
  prefix: string;
  /** Window numbers calling it; empty: every window. */
  windowNos: string[];
  issueFrom: string | null;
  issueUntil: string | null;
  dailyCap: number | null;
  weight: number;
  /** This matter's waiting-count alert level, over the hall-wide one; null or absent: the hall's. */
  waitingAlert?: number | null;
}

export async function saveQueueSettings(pool: Pool | Client, hallId: string, s: QueueSettings): Promise<void> {
  await pool.query(
    `INSERT INTO queue_setting (hall_id, appointments_in_slot_first, green_first, normal_per_priority, recall_cap, waiting_alert) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (hall_id) DO UPDATE SET appointments_in_slot_first = EXCLUDED.appointments_in_slot_first, green_first = EXCLUDED.green_first,
       normal_per_priority = EXCLUDED.normal_per_priority, recall_cap = EXCLUDED.recall_cap, waiting_alert = EXCLUDED.waiting_alert`,
    [hallId, s.policy.appointmentsInSlotFirst, s.policy.greenFirst, s.policy.normalPerPriority, s.recallCap, s.waitingAlert],
  );
}

export async function saveQueueMatter(pool: Pool | Client, hallId: string, m: QueueMatter): Promise<void> {
  await pool.query(
    `INSERT INTO queue_matter (hall_id, matter, name, prefix, window_nos, issue_from, issue_until, daily_cap, weight, waiting_alert) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (hall_id, matter) DO UPDATE SET name = EXCLUDED.name, prefix = EXCLUDED.prefix, window_nos = EXCLUDED.window_nos, issue_from = EXCLUDED.issue_from,
       issue_until = EXCLUDED.issue_until, daily_cap = EXCLUDED.daily_cap, weight = EXCLUDED.weight, waiting_alert = EXCLUDED.waiting_alert`,
    [hallId, m.matter, m.name, m.prefix, m.windowNos, m.issueFrom, m.issueUntil, m.dailyCap, m.weight, m.waitingAlert ?? null],
  );
}

interface MatterRow {
  matter: string;
  name: string;
  prefix: string;
  window_nos: string[];
  issue_from: string | null;
  issue_until: string | null;
  daily_cap: number | null;
  weight: string;
  waiting_alert: number | null;
}

function toMatter(r: MatterRow): QueueMatter {
  return { matter: r.matter, name: r.name, prefix: r.prefix, windowNos: r.window_nos, issueFrom: r.issue_from, issueUntil: r.issue_until, dailyCap: r.daily_cap, weight: Number(r.weight), waitingAlert: r.waiting_alert };
}

const MATTER_COLUMNS = 'matter, name, prefix, window_nos, issue_from, issue_until, daily_cap, weight, waiting_alert';

export async function queueMatters(db: Client | Pool, hallId: string): Promise<QueueMatter[]> {
  const { rows } = await db.query<MatterRow>(`SELECT ${MATTER_COLUMNS} FROM queue_matter WHERE hall_id = $1 ORDER BY prefix, matter`, [hallId]);
  return rows.map(toMatter);
}

/** One matter, or null when the hall has no such matter. */
export async function queueMatter(client: Client, hallId: string, matter: string): Promise<QueueMatter | null> {
  const { rows } = await client.query<MatterRow>(`SELECT ${MATTER_COLUMNS} FROM queue_matter WHERE hall_id = $1 AND matter = $2`, [hallId, matter]);
  const row = rows[0];
  return row === undefined ? null : toMatter(row);
}

export async function queueSettings(db: Client | Pool, hallId: string): Promise<QueueSettings> {
  const { rows } = await db.query<{ appointments_in_slot_first: boolean; green_first: boolean; normal_per_priority: number; recall_cap: number; waiting_alert: number | null }>(
    'SELECT appointments_in_slot_first, green_first, normal_per_priority, recall_cap, waiting_alert FROM queue_setting WHERE hall_id = $1',
    [hallId],
  );
  const r = rows[0];
  if (r === undefined) return DEFAULT_QUEUE_SETTINGS;
  return {
    policy: { appointmentsInSlotFirst: r.appointments_in_slot_first, greenFirst: r.green_first, normalPerPriority: r.normal_per_priority },
    recallCap: r.recall_cap,
    waitingAlert: r.waiting_alert,
  };
}

/** The matters a window calls: those listing its number, and those listing none. */
export function mattersOfWindow(matters: readonly QueueMatter[], windowNo: string): QueueMatter[] {
  return matters.filter((m) => m.windowNos.length === 0 || m.windowNos.includes(windowNo));
}
