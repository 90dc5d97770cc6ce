/**
 * Call-next under contention on a real PostgreSQL: 20 windows pressing 叫号
 * at once, again and again while kiosks keep issuing; every ticket is called
 * exactly once, none twice, and numbers stay unique and gapless.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { configureQueue, enrolKiosk, matter, take, TestClock } from '../support/queue';

const clock = new TestClock(new Date('2026-11-27T02:00:00.000Z'));
let t: TestHall;
let kiosks: EnrolledWindow[];
let windows: EnrolledWindow[];
const WINDOWS = 20;

beforeAll(async () => {
  t = await startTestHall({ clock: clock.now });
  await configureQueue(t.hall, [matter('MAR-REG', '结婚登记', 'A'), matter('DIV-REG', '离婚登记', 'B'), matter('CERT', '补领证', 'C', { weight: 2 })]);
  kiosks = await Promise.all(['K1', 'K2', 'K3'].map((no) => enrolKiosk(t.hall, no)));
  windows = [];
  for (let i = 1; i <= WINDOWS; i++) windows.push(await enrolWindow(t.hall, String(i)));
});
afterAll(async () => {
  await t?.stop();
});

/** One window serving until nobody waits: 叫号, 开始办理, 办结; the ids it called. */
async function serveUntilEmpty(win: EnrolledWindow): Promise<string[]> {
  const called: string[] = [];
  for (;;) {
    const { ticket } = await value(t.hall, 'queueCallNext', {}, win.credential);
    if (ticket === null) return called;
    called.push(ticket.id);
    await value(t.hall, 'queueStart', { ticketId: ticket.id }, win.credential);
    await value(t.hall, 'queueFinish', { ticketId: ticket.id }, win.credential);
  }
}

describe('20 windows calling at once', () => {
  it('with 10 tickets waiting: 10 windows get one each, 10 get none', async () => {
    const taken = await Promise.all(Array.from({ length: 10 }, (_, i) => take(t.hall, kiosks[i % 3]!, 'MAR-REG')));
    const answers = await Promise.all(windows.map((w) => value(t.hall, 'queueCallNext', {}, w.credential)));
    const called = answers.flatMap((a) => (a.ticket === null ? [] : [a.ticket.id]));
    expect(called.sort()).toEqual(taken.map((x) => x.id).sort());
    // pressed again at once: each window gets its own ticket again, nobody a second one
    const again = await Promise.all(windows.map((w) => value(t.hall, 'queueCallNext', {}, w.credential)));
    expect(again.map((a) => a.ticket?.id ?? null)).toEqual(answers.map((a) => a.ticket?.id ?? null));
    await Promise.all(
      answers.map(async (a, i) => {
        if (a.ticket === null) return;
        await value(t.hall, 'queuePass', { ticketId: a.ticket.id }, windows[i]!.credential);
      }),
    );
  });

  it('serving 180 tickets of 3 matters, some 绿色通道, while the kiosks issue more: every ticket called exactly once', async () => {
    const first = await Promise.all(Array.from({ length: 120 }, (_, i) => take(t.hall, kiosks[i % 3]!, ['MAR-REG', 'DIV-REG', 'CERT'][i % 3]!, i % 7 === 0 ? 'green' : 'normal')));
    const [served, more] = await Promise.all([
      Promise.all(windows.map((w) => serveUntilEmpty(w))),
      Promise.all(Array.from({ length: 60 }, (_, i) => take(t.hall, kiosks[i % 3]!, ['MAR-REG', 'DIV-REG', 'CERT'][i % 3]!))),
    ]);
    // tickets issued after a window found the queue empty are served by a last round
    const rest = await Promise.all(windows.map((w) => serveUntilEmpty(w)));
    const calledIds = [...served.flat(), ...rest.flat()];
    expect(new Set(calledIds).size).toBe(calledIds.length);
    expect(calledIds.sort()).toEqual([...first, ...more].map((x) => x.id).sort());
    expect(served.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);

    const { rows } = await t.hall.pool.query<{ prefix: string; n: string; max: number; dup: string }>(
      `SELECT prefix, count(*) AS n, max(number) AS max, count(*) - count(DISTINCT number) AS dup FROM queue_ticket GROUP BY prefix ORDER BY prefix`,
    );
    // unique and gapless per prefix: 1…count
    expect(rows.map((r) => [r.prefix, Number(r.n), r.max, Number(r.dup)])).toEqual([
      ['A', 70, 70, 0], // the first test's 10, then 40 + 20
      ['B', 60, 60, 0],
      ['C', 60, 60, 0],
    ]);
    const { rows: events } = await t.hall.pool.query<{ n: string }>("SELECT count(*) AS n FROM queue_event WHERE kind = 'called'");
    expect(Number(events[0]?.n)).toBe(190);
  });
});
