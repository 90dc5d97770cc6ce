/**
 * Queue statistics (排队叫号统计) from the queue's event log (hall table
 * queue_event): per clerk, window, matter or day. Definitions (also the
 * footnotes of the screens and the CSV, QUEUE_STATS_FOOTNOTES):
 *  - issued: tickets taken (by the matter and day they were taken for; no window or clerk);
 *  - called: calls of a ticket (叫号, 指定叫号, 回呼; 重呼 is not a new call);
 *  - served: tickets finished (办结); passed: 过号; transferred: 转移;
 *  - waiting: taken → the ticket's first call, in minutes, counted with that call;
 *  - walk to window: the ticket's last call (or 回呼) → 开始办理;
 *  - service: 开始办理 → 办结;
 *  - idle: a window's previous ticket leaving it (办结, 过号, 转移) → its next call,
 *    the same hall day, counted with that call;
 *  - p50 / p90 waiting per hour of day: the waiting times by the hall hour the
 *    ticket was taken, nearest-rank percentiles.
 * Days and hours are hall time (UTC+8). Pure: no I/O.
 */
import { hallDate, hallParts } from './hall-time';

export const QUEUE_EVENT_KINDS = ['taken', 'called', 'recalled', 'passed', 'called_back', 'transferred', 'started', 'finished'] as const;
export type QueueEventKind = (typeof QUEUE_EVENT_KINDS)[number];

export interface QueueEventInput {
  ticketId: string;
  kind: QueueEventKind;
  windowNo: string | null;
  staffNo: string | null;
  matter: string;
  /** ISO instant. */
  at: string;
}

export const QUEUE_STATS_GROUPS = ['clerk', 'window', 'matter', 'day'] as const;
export type QueueStatsGroupBy = (typeof QUEUE_STATS_GROUPS)[number];
export const QUEUE_STATS_GROUP_LABELS: Record<QueueStatsGroupBy, string> = { clerk: '按工作人员', window: '按窗口', matter: '按事项', day: '按日' };

export interface QueueStatsRow {
  key: string;
  issued: number;
  called: number;
  served: number;
  passed: number;
  transferred: number;
  /** Mean minutes, null when there is none. */
  waitingMinutes: number | null;
  walkMinutes: number | null;
  serviceMinutes: number | null;
  idleMinutes: number | null;
}

export interface HourlyWaiting {
  hour: number;
  count: number;
  p50: number;
  p90: number;
}

export interface QueueStats {
  rows: QueueStatsRow[];
  total: QueueStatsRow;
  hourly: HourlyWaiting[];
}

/** Nearest-rank percentile (p in (0, 100]) of values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

interface Acc {
  issued: number;
  called: number;
  served: number;
  passed: number;
  transferred: number;
  waiting: number[];
  walk: number[];
  service: number[];
  idle: number[];
}

const emptyAcc = (): Acc => ({ issued: 0, called: 0, served: 0, passed: 0, transferred: 0, waiting: [], walk: [], service: [], idle: [] });

const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

function toRow(key: string, a: Acc): QueueStatsRow {
  return { key, issued: a.issued, called: a.called, served: a.served, passed: a.passed, transferred: a.transferred, waitingMinutes: mean(a.waiting), walkMinutes: mean(a.walk), serviceMinutes: mean(a.service), idleMinutes: mean(a.idle) };
}

const minutes = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 60_000;

/** The group an event counts in; null when it has none (a taken ticket has no window or clerk). */
function keyOf(e: QueueEventInput, by: QueueStatsGroupBy): string | null {
  switch (by) {
    case 'clerk':
      return e.staffNo;
    case 'window':
      return e.windowNo;
    case 'matter':
      return e.matter;
    case 'day':
      return hallDate(e.at);
  }
}

/** Events at the same instant: a ticket leaves a window before the next is called, and is called before it starts. */
const SAME_INSTANT_ORDER: Record<QueueEventKind, number> = { taken: 0, finished: 1, passed: 1, transferred: 1, called: 2, called_back: 2, recalled: 3, started: 4 };

/**
 * The statistics of a set of events, grouped; events in any order. `earlier`:
 * takings before the range of tickets called in it (they start the waiting
 * time and are not counted as issued). `calledElsewhere`: for one window's
 * figures, the calls of its tickets at other windows (not counted here): a
 * call here after one of them is not the ticket's first call, so it has no
 * waiting time.
 */
export function queueStats(
  events: readonly QueueEventInput[],
  by: QueueStatsGroupBy,
  earlier: readonly { ticketId: string; at: string }[] = [],
  calledElsewhere: readonly { ticketId: string; at: string }[] = [],
): QueueStats {
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at) || SAME_INSTANT_ORDER[a.kind] - SAME_INSTANT_ORDER[b.kind]);
  const groups = new Map<string, Acc>();
  const total = emptyAcc();
  const takenAt = new Map<string, string>(earlier.map((t) => [t.ticketId, t.at]));
  const waitedFor = new Set<string>();
  const firstCallElsewhere = new Map<string, string>();
  for (const c of calledElsewhere) if ((firstCallElsewhere.get(c.ticketId) ?? c.at) >= c.at) firstCallElsewhere.set(c.ticketId, c.at);
  const lastCall = new Map<string, string>();
  const startedAt = new Map<string, string>();
  const windowFreedAt = new Map<string, string>();
  const hourly = new Map<number, number[]>();
  const groupOf = (key: string): Acc => {
    const found = groups.get(key);
    if (found) return found;
    const created = emptyAcc();
    groups.set(key, created);
    return created;
  };

  for (const e of ordered) {
    const key = keyOf(e, by);
    const accs = key === null ? [total] : [total, groupOf(key)];
    const add = (field: 'issued' | 'called' | 'served' | 'passed' | 'transferred') => accs.forEach((a) => a[field]++);
    const time = (field: 'waiting' | 'walk' | 'service' | 'idle', value: number) => accs.forEach((a) => a[field].push(value));
    const freeWindow = () => {
      if (e.windowNo !== null) windowFreedAt.set(e.windowNo, e.at);
    };
    switch (e.kind) {
      case 'taken':
        takenAt.set(e.ticketId, e.at);
        add('issued');
        break;
      case 'called':
      case 'called_back': {
        add('called');
        lastCall.set(e.ticketId, e.at);
        const taken = takenAt.get(e.ticketId);
        const elsewhere = firstCallElsewhere.get(e.ticketId);
        if (e.kind === 'called' && taken !== undefined && !waitedFor.has(e.ticketId) && (elsewhere === undefined || elsewhere > e.at)) {
          waitedFor.add(e.ticketId);
          const waited = minutes(taken, e.at);
          time('waiting', waited);
          const hour = hallParts(taken).hour;
          hourly.set(hour, [...(hourly.get(hour) ?? []), waited]);
        }
        const freed = e.windowNo === null ? undefined : windowFreedAt.get(e.windowNo);
        if (freed !== undefined && hallDate(freed) === hallDate(e.at)) time('idle', minutes(freed, e.at));
        if (e.windowNo !== null) windowFreedAt.delete(e.windowNo);
        break;
      }
      case 'started': {
        const called = lastCall.get(e.ticketId);
        if (called !== undefined) time('walk', minutes(called, e.at));
        startedAt.set(e.ticketId, e.at);
        break;
      }
      case 'finished': {
        add('served');
        const started = startedAt.get(e.ticketId);
        if (started !== undefined) time('service', minutes(started, e.at));
        freeWindow();
        break;
      }
      case 'passed':
        add('passed');
        freeWindow();
        break;
      case 'transferred':
        add('transferred');
        freeWindow();
        break;
      case 'recalled':
        break;
    }
  }
  const rows = [...groups.entries()].sort(([a], [b]) => a.length - b.length || a.localeCompare(b)).map(([key, a]) => toRow(key, a));
  const hours = [...hourly.entries()]
    .sort(([a], [b]) => a - b)
    .map(([hour, values]) => ({ hour, count: values.length, p50: percentile(values, 50) ?? 0, p90: percentile(values, 90) ?? 0 }));
  return { rows, total: toRow('合计', total), hourly: hours };
}

export const QUEUE_STATS_FOOTNOTES: readonly string[] = [
  '取号量按取号时的事项和日期统计，不计入窗口和工作人员；叫号量含叫号、指定叫号和回呼，不含重呼。',
  '等候时长：取号到首次叫号；走到窗口：最后一次叫号到开始办理；办理时长：开始办理到办结；空闲时长：窗口上一个号离开（办结、过号、转移）到下一次叫号（同一天）。单位：分钟，取平均。',
  '分时段等候：按取号时所在的小时，等候时长的中位数（P50）和 90 分位（P90）。日期和小时均按北京时间（UTC+8）。',
];
