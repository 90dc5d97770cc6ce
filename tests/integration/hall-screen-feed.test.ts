/**
 * The hall screen's push (server-sent events on a real hall, real
 * PostgreSQL): a screen gets the data at once on opening and again after
 * every queue change (a ticket taken, a call), each message a valid
 * /api/hall-screen answer; many screens and many parallel changes end with
 * every screen showing the final counts; the streams are capped and a closed
 * one frees its place; writes are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SCREEN_STREAMS } from '../../hall/http/screen';
import { SCREEN_ROUTES, hallScreenResponseSchema, type HallScreen } from '../../shared/hall/screen-contract';
import { enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { configureQueue, enrolKiosk, matter, take, TestClock } from '../support/queue';
import { EventStream } from '../support/sse';

const clock = new TestClock(new Date('2026-11-27T02:00:00.000Z')); // 10:00 in Beijing
let t: TestHall;
let kiosk: EnrolledWindow;
let w1: EnrolledWindow;

beforeAll(async () => {
  t = await startTestHall({ clock: clock.now });
  kiosk = await enrolKiosk(t.hall, 'K1');
  w1 = await enrolWindow(t.hall, '1');
  await configureQueue(t.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1'] }), matter('DIV-REG', '离婚登记', 'B')]);
});
afterAll(async () => {
  await t?.stop();
});

/** One open screen: its messages as they come, parsed with the route's schema. */
async function openScreen(): Promise<EventStream<HallScreen>> {
  return EventStream.open(`${t.hall.url}${SCREEN_ROUTES.hallScreenEvents.path}`, hallScreenResponseSchema);
}

const waiting = (s: HallScreen, m: string): number => s.matters.find((x) => x.matter === m)?.waiting ?? -1;

describe('the hall screen push', () => {
  it('sends the screen on opening, then after a ticket is taken and after a call', async () => {
    const stream = await openScreen();
    try {
      const first = await stream.next();
      expect(waiting(first, 'MAR-REG')).toBe(0);
      expect(first.calls).toEqual([]);
      const ticket = await take(t.hall, kiosk, 'MAR-REG');
      expect(waiting(await stream.until((s) => waiting(s, 'MAR-REG') === 1), 'MAR-REG')).toBe(1);
      await value(t.hall, 'queueCallNext', {}, w1.credential);
      const called = await stream.until((s) => s.calls.length === 1);
      expect(called.calls[0]).toMatchObject({ kind: 'call', code: ticket.code, windowNo: '1' });
      expect(waiting(called, 'MAR-REG')).toBe(0);
    } finally {
      stream.close();
    }
  });

  it('brings 40 tickets taken in parallel rounds to every one of 5 open screens', async () => {
    const streams = await Promise.all(Array.from({ length: 5 }, () => openScreen()));
    try {
      for (let round = 0; round < 2; round++) await Promise.all(Array.from({ length: 20 }, () => take(t.hall, kiosk, 'DIV-REG')));
      const last = await Promise.all(streams.map((s) => s.until((screen) => waiting(screen, 'DIV-REG') === 40)));
      expect(last.map((s) => waiting(s, 'DIV-REG'))).toEqual([40, 40, 40, 40, 40]);
    } finally {
      for (const s of streams) s.close();
    }
  });

  it('caps the open streams, frees a closed one’s place, and refuses writes', async () => {
    const streams = await Promise.all(Array.from({ length: MAX_SCREEN_STREAMS }, () => openScreen()));
    const url = `${t.hall.url}${SCREEN_ROUTES.hallScreenEvents.path}`;
    try {
      const refused = await fetch(url);
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'DISCONNECTED' } });
      streams.pop()?.close();
      // the hall notices the closed connection on its own time: open again until it has
      await expect
        .poll(async () => {
          const res = await fetch(url);
          if (res.status === 200) await res.body?.cancel();
          else await res.text();
          return res.status;
        })
        .toBe(200);
      const post = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      expect(post.status).toBe(404);
    } finally {
      for (const s of streams) s.close();
    }
  });
});
