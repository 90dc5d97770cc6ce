/**
 * The ID card number read at the kiosk for a ticket never finished (the
 * applicant left, the ticket passed, the day ended) is dropped once the
 * ticket's hall date is over and no window holds it, by the hall's sweep: at
 * start, across the hall's midnight while running, again after a failure,
 * and safe when run twice at once. The keyed hash and the masked form stay;
 * today's tickets and a ticket a window holds keep their number.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type RunningHall } from '../../hall/app';
import { DocumentSweep } from '../../hall/document-sweep';
import { dropEndedTicketDocuments } from '../../hall/store/ticket-document';
import type { QueueTicket } from '../../shared/hall/queue-contract';
import { enrolWindow, value, type EnrolledWindow } from '../support/hall';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { configureQueue, enrolKiosk, matter, TestClock } from '../support/queue';

const CARD = '11010519900307002X';
// 10:00 on 2026-11-26 in Beijing
const clock = new TestClock(new Date('2026-11-26T02:00:00.000Z'));
let pg: TestPostgres;
let hall: RunningHall;
let kiosk: EnrolledWindow;
let w1: EnrolledWindow;
let w2: EnrolledWindow;

/** What the hall logged. */
const hallLog: string[] = [];
const startOn = (sweepMs: number) =>
  startHall({ databaseUrl: pg.url, port: 0, host: '127.0.0.1', hallName: '测试大厅', clock: clock.now, log: (line) => hallLog.push(line), documentSweep: { intervalMs: sweepMs, retryMs: sweepMs } });

beforeAll(async () => {
  pg = await startTestPostgres();
  hall = await startOn(3_600_000);
  await configureQueue(hall, [matter('MAR-REG', '结婚登记', 'A')]);
  kiosk = await enrolKiosk(hall, 'K1');
  w1 = await enrolWindow(hall, '1');
  w2 = await enrolWindow(hall, '2');
});
afterAll(async () => {
  await hall?.close();
  await pg?.stop();
});

/** A walk-in ticket taken with the ID card read at the kiosk. */
async function takeWithCard(): Promise<QueueTicket> {
  return (await value(hall, 'queueTake', { requestId: randomUUID(), matter: 'MAR-REG', priority: 'normal', documentNumber: CARD }, kiosk.credential)).ticket;
}

const callTicket = (w: EnrolledWindow, t: QueueTicket) => value(hall, 'queueCallTicket', { code: t.code }, w.credential);

async function cardOf(t: QueueTicket): Promise<{ sealed: boolean; document_hash: string; document_masked: string }> {
  const { rows } = await hall.pool.query<{ sealed: boolean; document_hash: string; document_masked: string }>(
    'SELECT document_sealed IS NOT NULL AS sealed, document_hash, document_masked FROM queue_ticket_document WHERE ticket_id = $1',
    [t.id],
  );
  if (rows[0] === undefined) throw new Error(`no card kept for ${t.code}`);
  return rows[0];
}

/** Polls until the ticket's number is gone (the hall's sweep runs on its own timer). */
async function numberGone(t: QueueTicket): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (!(await cardOf(t)).sealed) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the number kept for ${t.code} never went`);
}

describe('ID card numbers of tickets never finished', () => {
  it('go once their day is over: not today’s, not a ticket a window holds; two sweeps at once drop each once', async () => {
    const left = await takeWithCard(); // the applicant left: never called
    const passed = await takeWithCard();
    const serving = await takeWithCard();
    const called = await takeWithCard();
    await callTicket(w1, passed);
    await value(hall, 'queuePass', { ticketId: passed.id }, w1.credential);
    await callTicket(w1, serving);
    await value(hall, 'queueStart', { ticketId: serving.id }, w1.credential);
    await callTicket(w2, called);
    const { rows: events } = await hall.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM queue_event');

    // still that day: nothing goes
    expect(await dropEndedTicketDocuments(hall.pool, hall.hall.hallId, '2026-11-26')).toBe(0);
    clock.set('2026-11-27T01:00:00.000Z'); // 09:00 the next day
    const today = await takeWithCard();
    const before = await cardOf(left);
    const swept = await Promise.all([1, 2].map(() => dropEndedTicketDocuments(hall.pool, hall.hall.hallId, '2026-11-27')));
    expect(swept[0]! + swept[1]!).toBe(2);
    expect(await cardOf(left)).toEqual({ ...before, sealed: false });
    expect(await cardOf(passed)).toMatchObject({ sealed: false, document_masked: '110105********002X' });
    for (const kept of [serving, called, today]) expect((await cardOf(kept)).sealed).toBe(true);
    expect(await dropEndedTicketDocuments(hall.pool, hall.hall.hallId, '2026-11-27')).toBe(0);
    // the statistics' events are untouched
    expect((await hall.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM queue_event')).rows[0]?.n).toBe((events[0]?.n ?? 0) + 1);

    // the window still serving it gets the number at 开始办理 … and 办结 drops it
    expect(await value(hall, 'queueStart', { ticketId: serving.id }, w1.credential)).toMatchObject({ documentNumber: CARD });
    await value(hall, 'queueFinish', { ticketId: serving.id }, w1.credential);
    expect((await cardOf(serving)).sealed).toBe(false);
  });

  it('a sweep that fails is logged and tried again', async () => {
    const t = await takeWithCard(); // 2026-11-27
    clock.set('2026-11-28T01:00:00.000Z');
    const logged: string[] = [];
    await hall.pool.query('ALTER TABLE queue_ticket_document RENAME TO queue_ticket_document_away');
    const sweep = new DocumentSweep(hall.pool, hall.hall.hallId, clock.now, (line) => logged.push(line), { intervalMs: 3_600_000, retryMs: 50 });
    try {
      await sweep.start();
      expect(logged).toEqual([expect.stringMatching(/^queue: sweeping the ID card numbers of days gone by failed, trying again in 0.05 s: .*queue_ticket_document/)]);
      await hall.pool.query('ALTER TABLE queue_ticket_document_away RENAME TO queue_ticket_document');
      // tried again until it works (the hall's own sweep is an hour away)
      for (let i = 0; !logged.some((l) => l.includes('dropped')); i++) {
        if (i > 1500) throw new Error(`never tried again: ${logged.join('; ')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(logged.at(-1)).toBe('queue: dropped the ID card numbers kept for 2 ticket(s) of days gone by, never finished'); // and the one taken today in the first test
      expect((await cardOf(t)).sealed).toBe(false);
    } finally {
      sweep.close();
    }
  });

  it('the hall sweeps when it starts and while it runs across its midnight', async () => {
    const waiting = await takeWithCard(); // 2026-11-28
    await hall.close();
    clock.set('2026-11-29T01:00:00.000Z');
    hall = await startOn(50);
    expect((await cardOf(waiting)).sealed).toBe(false); // swept before the hall answered
    expect(hallLog).toEqual(['queue: dropped the ID card numbers kept for 1 ticket(s) of days gone by, never finished']);
    const late = await takeWithCard(); // 2026-11-29
    expect((await cardOf(late)).sealed).toBe(true);
    clock.set('2026-11-29T16:00:05.000Z'); // 00:00:05 on the 30th in Beijing
    await numberGone(late);
  });
});
