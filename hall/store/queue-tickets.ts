/**
 * Queue tickets on the hall: reading a ticket as the contract shows it,
 * taking one at a kiosk (by matter, 绿色通道, or checking a booking in), and
 * the waiting counts. Numbers come from a per-prefix counter of the hall date
 * (Beijing), the daily cap from a per-matter counter row: both are upserts
 * whose row lock serialises the takes they guard, inside the take's transaction.
 */
import { z } from 'zod';
import type { HallRequest, HallResponse } from '../../shared/hall/contract';
import type { QueueTicket } from '../../shared/hall/queue-contract';
import { announcement, issueRefusal, ticketCode, ticketDay } from '../../shared/domain/queue-ticket';
import type { PriorityKind } from '../../shared/domain/queue-policy';
import { hallInstant } from '../../shared/domain/hall-time';
import { CounterError } from '../../shared/result';
import { inTransaction, type Client, type Pool } from '../db/pool';
import { queueMatter, queueMatters, queueSettings, type QueueMatter } from './queue-config';
import type { WindowIdentity } from './windows';
import { queueTicketPrint, ticketChecklist } from '../print/ticket-print';
import { keepTicketDocument } from './ticket-document';

/** What a priority ticket says it is, on paper. */
const KIND_LABELS: Record<PriorityKind, string | null> = { normal: null, green: '绿色通道', appointment: '预约' };

export interface TicketRow {
  id: string;
  code: string;
  day: string;
  matter: string;
  matter_name: string;
  priority: PriorityKind;
  status: QueueTicket['status'];
  window_id: string | null;
  window_no: string | null;
  target_window_no: string | null;
  taken_at: Date;
  called_at: Date | null;
  started_at: Date | null;
  ended_at: Date | null;
  recall_count: number;
  slot_start: Date | null;
  slot_end: Date | null;
}

export const TICKET_SELECT = `SELECT t.id, t.code, t.day, t.matter, m.name AS matter_name, t.priority, t.status, t.window_id, t.window_no, t.target_window_no,
  t.taken_at, t.called_at, t.started_at, t.ended_at, t.recall_count, t.slot_start, t.slot_end
  FROM queue_ticket t JOIN queue_matter m ON m.hall_id = t.hall_id AND m.matter = t.matter`;

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export function toTicket(r: TicketRow): QueueTicket {
  const current = (r.status === 'called' || r.status === 'serving') && r.window_no !== null;
  return {
    id: r.id,
    code: r.code,
    day: r.day,
    matter: r.matter,
    matterName: r.matter_name,
    kind: r.priority,
    status: r.status,
    windowNo: r.window_no,
    targetWindowNo: r.target_window_no,
    takenAt: r.taken_at.toISOString(),
    calledAt: iso(r.called_at),
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
    recallCount: r.recall_count,
    announcement: current && r.window_no !== null ? announcement(r.code, r.window_no) : null,
  };
}

/** A ticket by id, locked FOR UPDATE (waiting for another window's lock) when `lock` is set. */
export async function ticketRow(client: Client, hallId: string, id: string, lock = false): Promise<TicketRow | null> {
  const { rows } = await client.query<TicketRow>(`${TICKET_SELECT} WHERE t.hall_id = $1 AND t.id = $2${lock ? ' FOR UPDATE OF t' : ''}`, [hallId, id]);
  return rows[0] ?? null;
}

async function ticketWhere(client: Client, hallId: string, column: 'request_id' | 'appointment_code', value: string): Promise<TicketRow | null> {
  const { rows } = await client.query<TicketRow>(`${TICKET_SELECT} WHERE t.hall_id = $1 AND t.${column} = $2`, [hallId, value]);
  return rows[0] ?? null;
}

export async function logEvent(client: Client, hallId: string, e: { ticketId: string; kind: string; windowId: string | null; staffNo?: string | undefined; matter: string; at: Date; detail?: Record<string, unknown> }): Promise<void> {
  await client.query('INSERT INTO queue_event (hall_id, ticket_id, kind, window_id, staff_no, matter, at, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)', [
    hallId,
    e.ticketId,
    e.kind,
    e.windowId,
    e.staffNo ?? null,
    e.matter,
    e.at,
    JSON.stringify(e.detail ?? {}),
  ]);
}

/** A transaction-scoped lock on a string key: takes of one request id or one booking run one at a time. */
async function lockKey(client: Client, key: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

/** The part of a booking reference row (reference_row kind 'booking', key = the code) a check-in needs. */
const bookingSlotSchema = z.looseObject({
  date: z.string(),
  slotStart: z.string().regex(/^\d{2}:\d{2}$/),
  slotEnd: z.string().regex(/^\d{2}:\d{2}$/),
  itemCode: z.string(),
});

interface Booking {
  code: string;
  matter: string;
  slotStart: Date;
  slotEnd: Date;
}

async function checkInBooking(client: Client, hallId: string, rawCode: string, day: string): Promise<Booking> {
  const code = rawCode.toUpperCase();
  const { rows } = await client.query<{ body: unknown }>("SELECT body FROM reference_row WHERE hall_id = $1 AND kind = 'booking' AND key = $2 AND NOT deleted", [hallId, code]);
  const parsed = bookingSlotSchema.safeParse(rows[0]?.body);
  if (!parsed.success) throw new CounterError('NOT_FOUND', `没有找到预约号 ${code}，请核对预约号或到咨询台取号`);
  const b = parsed.data;
  if (b.date !== day) throw new CounterError('CONFLICT', `预约号 ${code} 预约的是 ${b.date}，不是今天，请按预约日期前来或到咨询台咨询`);
  return { code, matter: b.itemCode, slotStart: hallInstant(b.date, b.slotStart), slotEnd: hallInstant(b.date, b.slotEnd) };
}

async function aheadOf(client: Client, hallId: string, t: TicketRow): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    // taken at the same instant (parallel takes at one clock tick): the lower number is ahead
    "SELECT count(*) AS n FROM queue_ticket WHERE hall_id = $1 AND day = $2 AND matter = $3 AND status = 'waiting' AND (taken_at < $4 OR (taken_at = $4 AND number < $5))",
    [hallId, t.day, t.matter, t.taken_at, Number(t.code.replace(/^[A-Z]+/, ''))],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Today's booking of a document number (applicant or partner) read at the kiosk, one not yet checked in first; null when none. */
async function bookingOfDocument(client: Client, hallId: string, documentNumber: string, day: string): Promise<string | null> {
  const { rows } = await client.query<{ key: string }>(
    `SELECT r.key FROM reference_row r
     WHERE r.hall_id = $1 AND r.kind = 'booking' AND NOT r.deleted AND r.body->>'date' = $2
       AND (upper(r.body->'applicant'->>'documentNumber') = $3 OR upper(r.body->'partner'->>'documentNumber') = $3)
     ORDER BY EXISTS (SELECT 1 FROM queue_ticket t WHERE t.hall_id = r.hall_id AND t.appointment_code = r.key), r.body->>'slotStart', r.key LIMIT 1`,
    [hallId, day, documentNumber],
  );
  return rows[0]?.key ?? null;
}

async function taken(client: Client, hallId: string, t: TicketRow, matter: QueueMatter | null): Promise<HallResponse<'queueTake'>> {
  const m = matter ?? (await queueMatter(client, hallId, t.matter));
  const { rows } = await client.query<{ printing: boolean }>('SELECT EXISTS (SELECT 1 FROM kiosk_print_job WHERE hall_id = $1 AND ticket_id = $2) AS printing', [hallId, t.id]);
  return {
    ticket: toTicket(t),
    ahead: await aheadOf(client, hallId, t),
    windows: m?.windowNos ?? [],
    bring: await ticketChecklist(client, hallId, t.matter),
    printing: rows[0]?.printing ?? false,
  };
}

/** Takes a ticket (a kiosk, or a clerk for an applicant at the counter); the same requestId or booking answers the ticket it took. */
export async function takeTicket(pool: Pool, who: WindowIdentity, now: Date, req: HallRequest<'queueTake'>): Promise<HallResponse<'queueTake'>> {
  return inTransaction(pool, async (client) => {
    await lockKey(client, `queue-request:${req.requestId}`);
    const repeated = await ticketWhere(client, who.hallId, 'request_id', req.requestId);
    if (repeated !== null) return taken(client, who.hallId, repeated, null);
    const day = ticketDay(now);

    let booking: Booking | null = null;
    // an ID card read looks for today's booking; a matter ticket may carry the card read before (no booking found)
    const byCard = 'matter' in req || 'appointmentCode' in req ? null : req.documentNumber;
    const bookingCode = 'appointmentCode' in req ? req.appointmentCode : byCard !== null ? await bookingOfDocument(client, who.hallId, byCard, day) : null;
    if (byCard !== null && bookingCode === null) throw new CounterError('NOT_FOUND', '未找到今日预约，请选择办理事项取号');
    if (bookingCode !== null) {
      await lockKey(client, `queue-booking:${bookingCode.toUpperCase()}`);
      booking = await checkInBooking(client, who.hallId, bookingCode, day);
      const checkedIn = await ticketWhere(client, who.hallId, 'appointment_code', booking.code);
      if (checkedIn !== null) return taken(client, who.hallId, checkedIn, null);
    }
    const matterCode = booking?.matter ?? ('matter' in req ? req.matter : '');
    const matter = await queueMatter(client, who.hallId, matterCode);
    if (matter === null) throw new CounterError('NOT_FOUND', booking === null ? '本大厅没有这个取号事项' : `预约的事项（${matterCode}）本大厅不在此取号，请到咨询台咨询`);

    const { rows: counted } = await client.query<{ issued: number }>(
      `INSERT INTO queue_matter_day (hall_id, day, matter, issued) VALUES ($1, $2, $3, 1)
       ON CONFLICT (hall_id, day, matter) DO UPDATE SET issued = queue_matter_day.issued + 1 RETURNING issued`,
      [who.hallId, day, matter.matter],
    );
    // a booking was promised its slot: hours and the cap are for walk-in tickets
    const refusal = booking === null ? issueRefusal(matter, (counted[0]?.issued ?? 1) - 1, now) : null;
    if (refusal !== null) throw new CounterError('CONFLICT', refusal);

    const { rows: numbered } = await client.query<{ last_number: number }>(
      `INSERT INTO queue_counter (hall_id, day, prefix, last_number) VALUES ($1, $2, $3, 1)
       ON CONFLICT (hall_id, day, prefix) DO UPDATE SET last_number = queue_counter.last_number + 1 RETURNING last_number`,
      [who.hallId, day, matter.prefix],
    );
    const number = numbered[0]?.last_number ?? 1;
    const priority: PriorityKind = booking !== null ? 'appointment' : 'priority' in req ? req.priority : 'normal';
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO queue_ticket (hall_id, id, request_id, taken_by, day, prefix, number, code, matter, priority, appointment_code, slot_start, slot_end, taken_at)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [who.hallId, req.requestId, who.windowId, day, matter.prefix, number, ticketCode(matter.prefix, number), matter.matter, priority, booking?.code ?? null, booking?.slotStart ?? null, booking?.slotEnd ?? null, now],
    );
    const id = rows[0]?.id ?? '';
    // the ID card read before the matter was chosen: kept for 开始办理
    if ('matter' in req && req.documentNumber !== undefined) await keepTicketDocument(client, who.hallId, id, req.documentNumber);
    await logEvent(client, who.hallId, { ticketId: id, kind: 'taken', windowId: null, matter: matter.matter, at: now, detail: { by: who.windowNo, priority } });
    const ticket = await ticketRow(client, who.hallId, id);
    if (ticket === null) throw new Error('the ticket just taken is missing');
    const answer = await taken(client, who.hallId, ticket, matter);
    if (who.deviceKind !== 'kiosk') return answer;
    const slip = { ticketId: id, code: ticket.code, day, matterName: matter.name, windows: answer.windows, ahead: answer.ahead, takenAt: answer.ticket.takenAt, bring: answer.bring, kindLabel: KIND_LABELS[priority] };
    return { ...answer, printing: await queueTicketPrint(client, who, slip) };
  });
}

/** Tickets waiting per matter on the hall date, and the asking window's current ticket. */
export async function waitingCounts(pool: Pool, who: WindowIdentity, now: Date): Promise<HallResponse<'queueWaiting'>> {
  return inTransaction(
    pool,
    async (client) => {
      const day = ticketDay(now);
      const matters = await queueMatters(client, who.hallId);
      const settings = await queueSettings(client, who.hallId);
      const { rows } = await client.query<{ matter: string; n: string }>(
        "SELECT matter, count(*) AS n FROM queue_ticket WHERE hall_id = $1 AND day = $2 AND status = 'waiting' GROUP BY matter",
        [who.hallId, day],
      );
      const counts = new Map(rows.map((r) => [r.matter, Number(r.n)]));
      const { rows: current } = await client.query<TicketRow>(`${TICKET_SELECT} WHERE t.hall_id = $1 AND t.window_id = $2 AND t.status IN ('called', 'serving')`, [who.hallId, who.windowId]);
      return {
        matters: matters.map((m) => {
          const waiting = counts.get(m.matter) ?? 0;
          const level = m.waitingAlert ?? settings.waitingAlert;
          return { matter: m.matter, name: m.name, prefix: m.prefix, windows: m.windowNos, waiting, alert: level !== null && waiting > level };
        }),
        current: current[0] === undefined ? null : toTicket(current[0]),
      };
    },
    'REPEATABLE READ',
  );
}
