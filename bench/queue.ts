/**
 * Queue calling on the hall (a throwaway PostgreSQL, the hall's HTTP API):
 * call-next latency with 20 windows pressing 叫号 at once against 10,000
 * waiting tickets (each round every window calls, then finishes its ticket),
 * and a kiosk's ticket-taking latency.
 */
import { randomUUID } from 'node:crypto';
import { enrolWindow, startTestHall, value, type EnrolledWindow } from '../tests/support/hall';
import { configureQueue, enrolKiosk, matter, TestClock } from '../tests/support/queue';
import { now } from './host';
import { percentile } from './measure';

const WAITING = 10_000;
const WINDOWS = 20;
const ROUNDS = 40;
const TAKES = 300;

const stats = (ms: number[]): string => `p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`;

export async function queueBench(): Promise<string[]> {
  const clock = new TestClock(new Date('2026-11-27T02:00:00.000Z')); // 10:00 in the hall
  const t = await startTestHall({ clock: clock.now });
  try {
    const { hall } = t;
    await configureQueue(hall, [matter('MAR-REG', '结婚登记', 'A'), matter('DIV-REG', '离婚登记', 'B'), matter('CERT', '补领证', 'C', { weight: 2, windowNos: ['1', '2', '3'] })]);
    const kiosk = await enrolKiosk(hall, 'K1');
    const windows: EnrolledWindow[] = [];
    for (let i = 1; i <= WINDOWS; i++) windows.push(await enrolWindow(hall, String(i)));

    // 10,000 waiting tickets taken 08:00–10:00: a tenth 绿色通道, a tenth booked in slots across the day
    await hall.pool.query(
      `WITH s AS (SELECT g, (ARRAY['A', 'B', 'C'])[1 + g % 3] AS prefix FROM generate_series(1, $3::int) AS g),
       n AS (SELECT g, prefix, row_number() OVER (PARTITION BY prefix ORDER BY g) AS number FROM s)
       INSERT INTO queue_ticket (hall_id, id, request_id, taken_by, day, prefix, number, code, matter, priority, appointment_code, slot_start, slot_end, taken_at)
       SELECT $1, gen_random_uuid(), gen_random_uuid(), $2, '2026-11-27', prefix, number, prefix || lpad(number::text, 3, '0'),
         CASE prefix WHEN 'A' THEN 'MAR-REG' WHEN 'B' THEN 'DIV-REG' ELSE 'CERT' END,
         CASE WHEN g % 10 = 1 THEN 'green' WHEN g % 10 = 2 THEN 'appointment' ELSE 'normal' END,
         CASE WHEN g % 10 = 2 THEN 'BK' || g END,
         CASE WHEN g % 10 = 2 THEN timestamptz '2026-11-27 09:00+08' + (g % 16) * interval '30 minutes' END,
         CASE WHEN g % 10 = 2 THEN timestamptz '2026-11-27 09:30+08' + (g % 16) * interval '30 minutes' END,
         timestamptz '2026-11-27 08:00+08' + g * interval '700 milliseconds'
       FROM n`,
      [hall.hall.hallId, kiosk.windowId, WAITING],
    );
    await hall.pool.query(
      `INSERT INTO queue_counter (hall_id, day, prefix, last_number) SELECT $1, day, prefix, max(number) FROM queue_ticket WHERE hall_id = $1 GROUP BY day, prefix`,
      [hall.hall.hallId],
    );
    await hall.pool.query('ANALYZE');

    // what the machine's load adds to any request: 20 windows reading their audit anchor at once
    const baseline: number[] = [];
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        windows.map(async (w) => {
          const start = now();
          await value(hall, 'auditAnchor', {}, w.credential);
          baseline.push(now() - start);
        }),
      );
    }

    const calls: number[] = [];
    const t0 = now();
    for (let round = 0; round < ROUNDS; round++) {
      const called = await Promise.all(
        windows.map(async (w) => {
          const start = now();
          const { ticket } = await value(hall, 'queueCallNext', {}, w.credential);
          calls.push(now() - start);
          return ticket;
        }),
      );
      const ids = called.map((ticket) => ticket?.id ?? '');
      if (new Set(ids).size !== WINDOWS || ids.includes('')) throw new Error(`round ${round}: windows got ${new Set(ids).size} distinct tickets`);
      await Promise.all(
        called.map(async (ticket, i) => {
          const w = windows[i];
          if (ticket === null || w === undefined) return;
          await value(hall, 'queueStart', { ticketId: ticket.id }, w.credential);
          await value(hall, 'queueFinish', { ticketId: ticket.id }, w.credential);
        }),
      );
    }
    const wall = now() - t0;

    const takes: number[] = [];
    for (let i = 0; i < TAKES; i++) {
      const start = now();
      await value(hall, 'queueTake', { requestId: randomUUID(), matter: i % 2 === 0 ? 'MAR-REG' : 'DIV-REG', priority: 'normal' }, kiosk.credential);
      takes.push(now() - start);
    }
    return [
      `queue call-next, ${WINDOWS} windows at once against ${WAITING.toLocaleString('en')} waiting tickets (${calls.length} calls in ${ROUNDS} rounds, each window starting and finishing its ticket between rounds): ${stats(calls)}; ${(calls.length / (wall / 1000)).toFixed(0)} calls/s incl. start/finish`,
      `  baseline on this machine now: ${WINDOWS} windows at once reading their audit anchor (${baseline.length} requests): ${stats(baseline)}`,
      `queue take at a kiosk (${TAKES} tickets, one at a time, ${WAITING.toLocaleString('en')} waiting): ${stats(takes)}`,
    ];
  } finally {
    await t.stop();
  }
}
