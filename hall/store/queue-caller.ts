/**
 * The window's caller on the hall: 叫号 call next, 指定叫号 call a ticket by
 * its code, 重呼 recall, 过号 pass, 回呼 call a passed ticket back, 转移
 * transfer, 开始办理 start, 办结 finish. Each action locks the window's own
 * queue_window row first (one window's actions run one at a time) and checks
 * every state it relies on inside its transaction. Call-next reads the
 * candidates without locks, lets the priority policy choose, and takes the
 * first free ticket of its preference with FOR UPDATE SKIP LOCKED: a ticket
 * another window is taking is skipped, so two windows never get the same
 * ticket and never wait on each other. A repeated action (a double click, a resend) answers the same ticket.
 */
import type { HallRequest, HallResponse } from '../../shared/hall/contract';
import { policySentence, preferenceOrder, previewCalls, type PriorityKind, type QueuePolicy, type WaitingTicket } from '../../shared/domain/queue-policy';
import { ticketDay } from '../../shared/domain/queue-ticket';
import { CounterError } from '../../shared/result';
import { inTransaction, type Client, type Pool } from '../db/pool';
import { mattersOfWindow, queueMatter, queueMatters, queueSettings, type QueueMatter } from './queue-config';
import { logEvent, ticketRow, toTicket, TICKET_SELECT, type TicketRow } from './queue-tickets';
import { dropTicketDocument, openTicketDocument } from './ticket-document';
import type { WindowIdentity } from './windows';

type TicketAnswer = HallResponse<'queueRecall'>;

/** Locks the window's call state for this transaction; its normal-ticket streak. */
async function lockWindow(client: Client, who: WindowIdentity): Promise<number> {
  const { rows } = await client.query<{ normal_streak: number }>(
    `INSERT INTO queue_window (hall_id, window_id) VALUES ($1, $2)
     ON CONFLICT (hall_id, window_id) DO UPDATE SET normal_streak = queue_window.normal_streak RETURNING normal_streak`,
    [who.hallId, who.windowId],
  );
  return rows[0]?.normal_streak ?? 0;
}

async function currentOf(client: Client, who: WindowIdentity): Promise<TicketRow | null> {
  const { rows } = await client.query<TicketRow>(`${TICKET_SELECT} WHERE t.hall_id = $1 AND t.window_id = $2 AND t.status IN ('called', 'serving')`, [who.hallId, who.windowId]);
  return rows[0] ?? null;
}

function busy(current: TicketRow): CounterError {
  return new CounterError('CONFLICT', current.status === 'serving' ? `正在办理 ${current.code} 号，请先办结` : `已叫 ${current.code} 号，请先开始办理、过号或转移`);
}

/** A waiting ticket as read for the calling policy (the columns of CANDIDATE_COLUMNS). */
export interface WaitingRow {
  id: string;
  code: string;
  matter: string;
  priority: PriorityKind;
  taken_at: Date;
  slot_start: Date | null;
  slot_end: Date | null;
}

export function toWaiting(r: WaitingRow): WaitingTicket {
  return {
    id: r.id,
    code: r.code,
    matter: r.matter,
    kind: r.priority,
    takenAt: r.taken_at.getTime(),
    slot: r.slot_start !== null && r.slot_end !== null ? { start: r.slot_start.getTime(), end: r.slot_end.getTime() } : null,
  };
}

const CANDIDATE_COLUMNS = 't.id, t.code, t.matter, t.priority, t.taken_at, t.slot_start, t.slot_end';
/** Candidates per (matter, kind): enough for the policy to choose and to step over tickets other windows are taking. */
const PER_GROUP = 10;

/** The heads of the waiting lines this window calls from: its matters by kind, tickets transferred to it, appointments in their slot. */
async function candidates(client: Client, who: WindowIdentity, day: string, matters: string[], now: Date, skipped: string[]): Promise<WaitingTicket[]> {
  const { rows } = await client.query<WaitingRow>({
    // named: prepared once per connection, its plan reused
    name: 'queue-candidates',
    text: `SELECT DISTINCT ON (id) * FROM (
       SELECT c.* FROM unnest($3::text[]) AS mine (matter) CROSS JOIN unnest(ARRAY['normal', 'green', 'appointment']) AS k (kind)
       CROSS JOIN LATERAL (
         SELECT ${CANDIDATE_COLUMNS} FROM queue_ticket t
         WHERE t.hall_id = $1 AND t.day = $2 AND t.matter = mine.matter AND t.priority = k.kind AND t.status = 'waiting' AND t.target_window_no IS NULL
           AND NOT (t.id = ANY ($5::uuid[]))
         ORDER BY t.taken_at LIMIT ${PER_GROUP}) c
       UNION ALL
       (SELECT ${CANDIDATE_COLUMNS} FROM queue_ticket t
        WHERE t.hall_id = $1 AND t.day = $2 AND t.status = 'waiting' AND t.target_window_no = $4 AND NOT (t.id = ANY ($5::uuid[]))
        ORDER BY t.taken_at LIMIT ${PER_GROUP})
       UNION ALL
       (SELECT ${CANDIDATE_COLUMNS} FROM queue_ticket t
        WHERE t.hall_id = $1 AND t.day = $2 AND t.status = 'waiting' AND t.priority = 'appointment' AND t.target_window_no IS NULL
          AND t.matter = ANY ($3::text[]) AND t.slot_start <= $6 AND t.slot_end > $6 AND NOT (t.id = ANY ($5::uuid[]))
        ORDER BY t.slot_start LIMIT ${PER_GROUP})
     ) AS heads`,
    values: [who.hallId, day, matters, who.windowNo, skipped, now],
  });
  return rows.map(toWaiting);
}

async function markCalled(client: Client, who: WindowIdentity, id: string, now: Date): Promise<void> {
  await client.query(
    `UPDATE queue_ticket SET status = 'called', window_id = $3, window_no = $4, target_window_no = NULL, called_at = $5, started_at = NULL, recall_count = 0
     WHERE hall_id = $1 AND id = $2`,
    [who.hallId, id, who.windowId, who.windowNo, now],
  );
}

async function answer(client: Client, who: WindowIdentity, id: string): Promise<TicketAnswer> {
  const row = await ticketRow(client, who.hallId, id);
  if (row === null) throw new Error(`queue ticket ${id} vanished`);
  return { ticket: toTicket(row) };
}

/** The window's matters and the hall's policy with their weights. */
async function policyOf(client: Client, who: WindowIdentity): Promise<{ matters: QueueMatter[]; policy: QueuePolicy }> {
  const matters = mattersOfWindow(await queueMatters(client, who.hallId), who.windowNo);
  const settings = await queueSettings(client, who.hallId);
  return { matters, policy: { ...settings.policy, weights: Object.fromEntries(matters.map((m) => [m.matter, m.weight])) } };
}

/** The policy as a sentence and this window's next 10 calls if it called them now. */
export async function preview(pool: Pool, who: WindowIdentity, now: Date): Promise<HallResponse<'queuePreview'>> {
  return inTransaction(
    pool,
    async (client) => {
      const { matters, policy } = await policyOf(client, who);
      const { rows } = await client.query<{ normal_streak: number }>('SELECT normal_streak FROM queue_window WHERE hall_id = $1 AND window_id = $2', [who.hallId, who.windowId]);
      const waiting = await candidates(client, who, ticketDay(now), matters.map((m) => m.matter), now, []);
      const calls = previewCalls(waiting, policy, { normalStreak: rows[0]?.normal_streak ?? 0 }, now.getTime());
      return {
        sentence: policySentence(policy, Object.fromEntries(matters.map((m) => [m.matter, m.name]))),
        calls: calls.map((c) => ({ id: c.id, code: c.code, matter: c.matter, kind: c.kind })),
      };
    },
    'REPEATABLE READ',
  );
}

/** 叫号: the next ticket by this window's matters and the hall's policy; the window's called ticket again when it has one (a double click). */
export async function callNext(pool: Pool, who: WindowIdentity, now: Date, req: HallRequest<'queueCallNext'>): Promise<HallResponse<'queueCallNext'>> {
  return inTransaction(pool, async (client) => {
    const streak = await lockWindow(client, who);
    const current = await currentOf(client, who);
    if (current !== null) {
      if (current.status === 'called') return { ticket: toTicket(current) };
      throw busy(current);
    }
    const { matters, policy } = await policyOf(client, who);
    const day = ticketDay(now);
    const skipped: string[] = [];
    for (;;) {
      const waiting = await candidates(client, who, day, matters.map((m) => m.matter), now, skipped);
      if (waiting.length === 0) {
        if (matters.length === 0) throw new CounterError('CONFLICT', `${who.windowNo} 号窗口没有设置叫号事项，请在大厅管理台设置`);
        return { ticket: null };
      }
      const order = preferenceOrder(waiting, policy, { normalStreak: streak }, now.getTime());
      // the first of the order no other window is taking (or took): SKIP LOCKED steps over theirs without waiting
      const { rows } = await client.query<{ id: string }>({
        name: 'queue-take-first-free',
        text: `SELECT t.id FROM unnest($2::uuid[]) WITH ORDINALITY AS o (id, n) JOIN queue_ticket t ON t.hall_id = $1 AND t.id = o.id
               WHERE t.status = 'waiting' ORDER BY o.n LIMIT 1 FOR UPDATE OF t SKIP LOCKED`,
        values: [who.hallId, order.map((c) => c.ticket.id)],
      });
      const choice = order.find((c) => c.ticket.id === rows[0]?.id);
      if (choice === undefined) {
        skipped.push(...order.map((c) => c.ticket.id));
        continue;
      }
      await markCalled(client, who, choice.ticket.id, now);
      await client.query('UPDATE queue_window SET normal_streak = $3 WHERE hall_id = $1 AND window_id = $2', [who.hallId, who.windowId, choice.state.normalStreak]);
      await logEvent(client, who.hallId, { ticketId: choice.ticket.id, kind: 'called', windowId: who.windowId, staffNo: req.staffNo, matter: choice.ticket.matter, at: now });
      return answer(client, who, choice.ticket.id);
    }
  });
}

/** 指定叫号: today's waiting ticket with this code. */
export async function callTicket(pool: Pool, who: WindowIdentity, now: Date, req: HallRequest<'queueCallTicket'>): Promise<TicketAnswer> {
  return inTransaction(pool, async (client) => {
    await lockWindow(client, who);
    const current = await currentOf(client, who);
    if (current !== null) {
      if (current.code === req.code && current.status === 'called') return { ticket: toTicket(current) };
      throw busy(current);
    }
    const { rows } = await client.query<TicketRow>(`${TICKET_SELECT} WHERE t.hall_id = $1 AND t.day = $2 AND t.code = $3 FOR UPDATE OF t`, [who.hallId, ticketDay(now), req.code]);
    const t = rows[0];
    if (t === undefined) throw new CounterError('NOT_FOUND', `今天没有 ${req.code} 号`);
    if (t.status === 'passed') throw new CounterError('CONFLICT', `${t.code} 号已过号，请用“回呼”叫回`);
    if (t.status !== 'waiting') throw new CounterError('CONFLICT', `${t.code} 号已被 ${t.window_no ?? ''} 号窗口叫过`);
    await markCalled(client, who, t.id, now);
    await logEvent(client, who.hallId, { ticketId: t.id, kind: 'called', windowId: who.windowId, staffNo: req.staffNo, matter: t.matter, at: now, detail: { specific: true } });
    return answer(client, who, t.id);
  });
}

/** The ticket locked, after the window's own lock; NOT_FOUND when the hall has no such ticket. */
async function lockedTicket(client: Client, who: WindowIdentity, id: string): Promise<TicketRow> {
  await lockWindow(client, who);
  const t = await ticketRow(client, who.hallId, id, true);
  if (t === null) throw new CounterError('NOT_FOUND', '没有找到这个号');
  return t;
}

const mine = (t: TicketRow, who: WindowIdentity, status: TicketRow['status']): boolean => t.status === status && t.window_id === who.windowId;

function notHeld(t: TicketRow, action: string): CounterError {
  return new CounterError('CONFLICT', `${t.code} 号不是本窗口当前的号，不能${action}`);
}

/** One step of the window's own ticket from one status to the next (过号, 开始办理, 办结). */
interface HeldStep {
  from: 'called' | 'serving';
  to: 'passed' | 'serving' | 'done';
  /** The column that takes the step's time, if any. */
  stamp: 'started_at' | 'ended_at' | null;
  /** The action in the clerk's words, for the refusal when the ticket is not the window's. */
  action: string;
  kind: 'passed' | 'started' | 'finished';
  /** A refusal of its own before the general one, or null. */
  refuse?: (t: TicketRow) => string | null;
  /** More the step does in its transaction once taken. */
  also?: (client: Client, t: TicketRow) => Promise<void>;
}

/** Takes the step inside one transaction; a repeated step (the ticket already at `to`) answers the ticket unchanged. */
async function heldStep(pool: Pool, who: WindowIdentity, now: Date, req: { ticketId: string; staffNo?: string | undefined }, step: HeldStep): Promise<TicketAnswer> {
  return inTransaction(pool, async (client) => {
    const t = await lockedTicket(client, who, req.ticketId);
    if (mine(t, who, step.to)) return { ticket: toTicket(t) };
    const refusal = step.refuse?.(t) ?? null;
    if (refusal !== null) throw new CounterError('CONFLICT', refusal);
    if (!mine(t, who, step.from)) throw notHeld(t, step.action);
    if (step.stamp === null) await client.query('UPDATE queue_ticket SET status = $3 WHERE hall_id = $1 AND id = $2', [who.hallId, t.id, step.to]);
    else await client.query(`UPDATE queue_ticket SET status = $3, ${step.stamp} = $4 WHERE hall_id = $1 AND id = $2`, [who.hallId, t.id, step.to, now]);
    await logEvent(client, who.hallId, { ticketId: t.id, kind: step.kind, windowId: who.windowId, staffNo: req.staffNo, matter: t.matter, at: now });
    await step.also?.(client, t);
    return answer(client, who, t.id);
  });
}

/** 重呼: announces the called ticket again, at most the hall's recall cap times; `recall` makes a double click one recall. */
export async function recall(pool: Pool, who: WindowIdentity, now: Date, req: HallRequest<'queueRecall'>): Promise<TicketAnswer> {
  return inTransaction(pool, async (client) => {
    const t = await lockedTicket(client, who, req.ticketId);
    if (!mine(t, who, 'called')) throw notHeld(t, '重呼');
    if (req.recall <= t.recall_count) return { ticket: toTicket(t) };
    const { recallCap } = await queueSettings(client, who.hallId);
    if (t.recall_count >= recallCap) throw new CounterError('CONFLICT', `${t.code} 号已重呼 ${recallCap} 次，达到上限，请过号`);
    await client.query('UPDATE queue_ticket SET recall_count = recall_count + 1 WHERE hall_id = $1 AND id = $2', [who.hallId, t.id]);
    await logEvent(client, who.hallId, { ticketId: t.id, kind: 'recalled', windowId: who.windowId, staffNo: req.staffNo, matter: t.matter, at: now, detail: { recall: t.recall_count + 1 } });
    return answer(client, who, t.id);
  });
}

/** 过号: the called applicant did not come; the ticket can be called back (回呼). */
export async function pass(pool: Pool, who: WindowIdentity, now: Date, req: HallRequest<'queuePass'>): Promise<TicketAnswer> {
  return heldStep(pool, who, now, req, { from: 'called', to: 'passed', stamp: null, action: '过号', kind: 'passed' });
}

/** 回呼: a passed ticket of today, called again by this window (the applicant turned up late). */
export async function callBack(pool: Pool, who: WindowIdentity, now: Date, req: HallRequest<'queueCallBack'>): Promise<TicketAnswer> {
  return inTransaction(pool, async (client) => {
    const t = await lockedTicket(client, who, req.ticketId);
    if (mine(t, who, 'called')) return { ticket: toTicket(t) };
    const current = await currentOf(client, who);
    if (current !== null) throw busy(current);
    if (t.status !== 'passed' || t.day !== ticketDay(now)) throw new CounterError('CONFLICT', `${t.code} 号不是今天过号的号，不能回呼`);
    await markCalled(client, who, t.id, now);
    await logEvent(client, who.hallId, { ticketId: t.id, kind: 'called_back', windowId: who.windowId, staffNo: req.staffNo, matter: t.matter, at: now });
    return answer(client, who, t.id);
  });
}

/** 转移: the window's ticket goes back to waiting with its taken time (its place), for another matter and/or one window. */
export async function transfer(pool: Pool, who: WindowIdentity, now: Date, req: HallRequest<'queueTransfer'>): Promise<TicketAnswer> {
  return inTransaction(pool, async (client) => {
    const t = await lockedTicket(client, who, req.ticketId);
    const matter = req.matter ?? t.matter;
    const target = req.windowNo ?? null;
    if (mine(t, who, 'waiting') && t.matter === matter && t.target_window_no === target) return { ticket: toTicket(t) };
    if (!mine(t, who, 'called') && !mine(t, who, 'serving')) throw notHeld(t, '转移');
    if (target === who.windowNo) throw new CounterError('CONFLICT', '不能转移到本窗口');
    if ((await queueMatter(client, who.hallId, matter)) === null) throw new CounterError('NOT_FOUND', '本大厅没有这个取号事项');
    if (target !== null) {
      const { rowCount } = await client.query("SELECT 1 FROM hall_window WHERE hall_id = $1 AND window_no = $2 AND device_kind = 'window' AND retired_at IS NULL", [who.hallId, target]);
      if (rowCount === 0) throw new CounterError('NOT_FOUND', `大厅没有登记 ${target} 号窗口`);
    }
    await client.query(
      "UPDATE queue_ticket SET status = 'waiting', matter = $3, target_window_no = $4, called_at = NULL, started_at = NULL, recall_count = 0 WHERE hall_id = $1 AND id = $2",
      [who.hallId, t.id, matter, target],
    );
    await logEvent(client, who.hallId, { ticketId: t.id, kind: 'transferred', windowId: who.windowId, staffNo: req.staffNo, matter: t.matter, at: now, detail: { toMatter: matter, toWindow: target } });
    return answer(client, who, t.id);
  });
}

/** 开始办理: the called applicant is at the window; the window that serves the ticket gets the ID card number read at the kiosk. */
export async function start(pool: Pool, who: WindowIdentity, now: Date, req: HallRequest<'queueStart'>): Promise<HallResponse<'queueStart'>> {
  const { ticket } = await heldStep(pool, who, now, req, { from: 'called', to: 'serving', stamp: 'started_at', action: '开始办理', kind: 'started' });
  return { ticket, documentNumber: await inTransaction(pool, (client) => openTicketDocument(client, who.hallId, ticket.id)) };
}

/** 办结: the ticket is done. */
export async function finish(pool: Pool, who: WindowIdentity, now: Date, req: HallRequest<'queueFinish'>): Promise<TicketAnswer> {
  return heldStep(pool, who, now, req, {
    from: 'serving',
    to: 'done',
    stamp: 'ended_at',
    action: '办结',
    kind: 'finished',
    refuse: (t) => (mine(t, who, 'called') ? `${t.code} 号还没有开始办理` : null),
    also: (client, t) => dropTicketDocument(client, who.hallId, t.id),
  });
}
