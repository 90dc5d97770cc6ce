/**
 * Issue 14, an ID card read at the kiosk without a booking today: the kiosk
 * offers the matters, and the ticket taken then carries the card to the
 * window (kiosk → hall → window core, a real hall on PostgreSQL). The hall
 * keeps it as document numbers are kept (keyed hash, masked, sealed; never
 * in plain); 开始办理 at the window that serves the ticket gets the number;
 * 办结 drops the sealed number. Parallel and repeated takes keep one ticket
 * and one card.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLERK, call, expectOk, login, type TestCore } from '../support/core';
import { call as hallCall, startTestHall, type EnrolledWindow, type TestHall } from '../support/hall';
import { closeWindowsAndHall, joinHall, windowCore } from '../support/hall-window';
import { configureQueue, enrolKiosk, matter, take, TestClock } from '../support/queue';

const clock = new TestClock(new Date('2026-11-27T02:00:00.000Z'));
const CARD = '11010519900307002X';
let hall: TestHall;
let kiosk: EnrolledWindow;
let w: TestCore;

beforeAll(async () => {
  hall = await startTestHall({ clock: clock.now });
  await configureQueue(hall.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1'] })]);
  kiosk = await enrolKiosk(hall.hall, 'K1');
  w = await windowCore('1');
  await joinHall(w, hall);
  await login(w.core, CLERK.staffNo, CLERK.pin);
});
afterAll(() => closeWindowsAndHall(hall));

async function cardRows(): Promise<{ ticket_id: string; document_hash: string; document_masked: string; document_sealed: string | null }[]> {
  const { rows } = await hall.hall.pool.query<{ ticket_id: string; document_hash: string; document_masked: string; document_sealed: string | null }>(
    'SELECT ticket_id, document_hash, document_masked, document_sealed FROM queue_ticket_document',
  );
  return rows;
}

describe('an ID card read at the kiosk, no booking today', () => {
  it('the matter ticket carries it, sealed at the hall, to 开始办理 at the window; 办结 drops it', async () => {
    // the card finds no booking: the kiosk shows the matters, keeping its request id
    const requestId = randomUUID();
    const read = await hallCall(hall.hall, 'queueTake', { requestId, documentNumber: CARD.toLowerCase() }, kiosk.credential);
    expect(read.ok ? null : read.error.code).toBe('NOT_FOUND');

    // a double tap, resends and parallel taps of the matter: one ticket, one card kept
    const takes = await Promise.all(
      Array.from({ length: 12 }, () => hallCall(hall.hall, 'queueTake', { requestId, matter: 'MAR-REG', priority: 'normal', documentNumber: CARD }, kiosk.credential)),
    );
    const ids = new Set(takes.map((r) => (r.ok ? r.value.ticket.id : r.error.message)));
    expect(ids.size).toBe(1);
    const [ticketId] = [...ids];
    const kept = await cardRows();
    expect(kept).toHaveLength(1);
    const row = kept[0]!;
    expect(row).toMatchObject({ ticket_id: ticketId, document_masked: '110105********002X' });
    // the windows' keyed hash of the same number; the plain number is nowhere in the hall's queue tables
    expect(row.document_hash).toBe(createHmac('sha256', Buffer.from(kiosk.lookupKey, 'hex')).update(CARD).digest('hex'));
    expect(row.document_sealed).toMatch(/^v1:/);
    const { rows: plain } = await hall.hall.pool.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM queue_ticket t WHERE t::text LIKE $1) + (SELECT count(*) FROM queue_event e WHERE e::text LIKE $1)
        + (SELECT count(*) FROM queue_ticket_document d WHERE d::text LIKE $1) + (SELECT count(*) FROM kiosk_print_job j WHERE j::text LIKE $1) AS n`,
      [`%${CARD.slice(6, 14)}%`],
    );
    expect(Number(plain[0]?.n)).toBe(0);

    // the window calls it: the caller shows the card masked; 开始办理 (pressed twice) gets the number
    const called = expectOk(await w.core.call('queue.callNext', {}));
    expect(called.ticket?.id).toBe(ticketId);
    const state = await call(w.core, 'queue.state', {});
    expect(state.joined && state.current?.documentMasked).toBe('110105********002X');
    const starts = await Promise.all([w.core.call('queue.start', { ticketId: ticketId! }, 'clerk', randomUUID()), w.core.call('queue.start', { ticketId: ticketId! }, 'clerk', randomUUID())]);
    for (const s of starts) expect(expectOk(s)).toMatchObject({ ticket: { status: 'serving' }, documentNumber: CARD });

    // 办结: the sealed number goes, the hash and the masked form stay
    await call(w.core, 'queue.finish', { ticketId: ticketId! });
    expect((await cardRows())[0]).toMatchObject({ document_sealed: null, document_masked: '110105********002X' });
  });

  it('a ticket taken without a card reading starts with no number', async () => {
    const t = await take(hall.hall, kiosk, 'MAR-REG');
    expect((await call(w.core, 'queue.callNext', {})).ticket?.id).toBe(t.id);
    const state = await call(w.core, 'queue.state', {});
    expect(state.joined && state.current?.documentMasked).toBeNull();
    expect(await call(w.core, 'queue.start', { ticketId: t.id })).toMatchObject({ ticket: { id: t.id }, documentNumber: null });
    await call(w.core, 'queue.finish', { ticketId: t.id });
  });

  it('a sealed number copied to another ticket does not open: 开始办理 goes on without it', async () => {
    const a = await take(hall.hall, kiosk, 'MAR-REG');
    const withCard = await hallCall(hall.hall, 'queueTake', { requestId: randomUUID(), matter: 'MAR-REG', documentNumber: CARD }, kiosk.credential);
    const b = withCard.ok ? withCard.value.ticket : null;
    await hall.hall.pool.query(
      `INSERT INTO queue_ticket_document (hall_id, ticket_id, document_hash, document_masked, document_sealed)
       SELECT hall_id, $1, document_hash, document_masked, document_sealed FROM queue_ticket_document WHERE ticket_id = $2`,
      [a.id, b?.id],
    );
    expect((await call(w.core, 'queue.callNext', {})).ticket?.id).toBe(a.id);
    expect(await call(w.core, 'queue.start', { ticketId: a.id })).toMatchObject({ ticket: { id: a.id, status: 'serving' }, documentNumber: null });
  });
});
