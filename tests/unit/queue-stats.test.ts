/** Queue statistics from the queue's event log (shared/domain/queue-stats.ts). */
import { describe, expect, it } from 'vitest';
import { percentile, queueStats, type QueueEventInput, type QueueEventKind } from '../../shared/domain/queue-stats';

/** An event at hall time HH:MM on 2026-09-15 (UTC+8). */
function ev(ticketId: string, kind: QueueEventKind, hhmm: string, windowNo: string | null = null, staffNo: string | null = null, matter = 'MR'): QueueEventInput {
  return { ticketId, kind, windowNo, staffNo, matter, at: new Date(`2026-09-15T${hhmm}:00+08:00`).toISOString() };
}

// A001: taken 09:00, called at window 1 by 1001 09:10, started 09:12, finished 09:30.
// A002: taken 09:05, called at window 1 09:40 (idle 10 min after A001), passed 09:45, called back at window 2 by 1002 10:00, started 10:01, finished 10:11.
// B001 (DV): taken 10:20, called at window 2 10:30 (idle 19 min), transferred 10:32 to MR, called at window 1 10:50 (idle 65 min), started 10:50.
const DAY: QueueEventInput[] = [
  ev('A001', 'taken', '09:00'),
  ev('A002', 'taken', '09:05'),
  ev('A001', 'called', '09:10', '1', '1001'),
  ev('A001', 'recalled', '09:11', '1', '1001'),
  ev('A001', 'started', '09:12', '1', '1001'),
  ev('A001', 'finished', '09:30', '1', '1001'),
  ev('A002', 'called', '09:40', '1', '1001'),
  ev('A002', 'passed', '09:45', '1', '1001'),
  ev('A002', 'called_back', '10:00', '2', '1002'),
  ev('A002', 'started', '10:01', '2', '1002'),
  ev('A002', 'finished', '10:11', '2', '1002'),
  ev('B001', 'taken', '10:20', null, null, 'DV'),
  ev('B001', 'called', '10:30', '2', '1002', 'DV'),
  ev('B001', 'transferred', '10:32', '2', '1002', 'DV'),
  ev('B001', 'called', '10:50', '1', '1001', 'MR'),
  ev('B001', 'started', '10:50', '1', '1001', 'MR'),
];

const row = (key: string, r: Partial<ReturnType<typeof queueStats>['total']>) => ({
  key,
  issued: 0,
  called: 0,
  served: 0,
  passed: 0,
  transferred: 0,
  waitingMinutes: null,
  walkMinutes: null,
  serviceMinutes: null,
  idleMinutes: null,
  ...r,
});

describe('queueStats', () => {
  it.each([
    [
      'window',
      [
        row('1', { called: 3, served: 1, passed: 1, waitingMinutes: (10 + 35) / 2, walkMinutes: (2 + 0) / 2, serviceMinutes: 18, idleMinutes: (10 + 65) / 2 }),
        row('2', { called: 2, served: 1, transferred: 1, waitingMinutes: 10, walkMinutes: 1, serviceMinutes: 10, idleMinutes: 19 }),
      ],
    ],
    [
      'clerk',
      [
        row('1001', { called: 3, served: 1, passed: 1, waitingMinutes: 22.5, walkMinutes: 1, serviceMinutes: 18, idleMinutes: 37.5 }),
        row('1002', { called: 2, served: 1, transferred: 1, waitingMinutes: 10, walkMinutes: 1, serviceMinutes: 10, idleMinutes: 19 }),
      ],
    ],
    [
      'matter',
      [
        row('DV', { issued: 1, called: 1, transferred: 1, waitingMinutes: 10, idleMinutes: 19 }),
        row('MR', { issued: 2, called: 4, served: 2, passed: 1, waitingMinutes: 22.5, walkMinutes: (2 + 1 + 0) / 3, serviceMinutes: 14, idleMinutes: 37.5 }),
      ],
    ],
    ['day', [row('2026-09-15', { issued: 3, called: 5, served: 2, passed: 1, transferred: 1, waitingMinutes: 55 / 3, walkMinutes: 1, serviceMinutes: 14, idleMinutes: 94 / 3 })]],
  ] as const)('by %s', (by, rows) => {
    const stats = queueStats([...DAY].reverse(), by);
    expect(stats.rows).toEqual(rows);
    expect(stats.total).toEqual(row('合计', { issued: 3, called: 5, served: 2, passed: 1, transferred: 1, waitingMinutes: 55 / 3, walkMinutes: 1, serviceMinutes: 14, idleMinutes: 94 / 3 }));
  });

  it('gives p50 and p90 waiting per hall hour the ticket was taken', () => {
    expect(queueStats(DAY, 'day').hourly).toEqual([
      { hour: 9, count: 2, p50: 10, p90: 35 },
      { hour: 10, count: 1, p50: 10, p90: 10 },
    ]);
  });

  it('starts the waiting time from a taking before the range without counting it as issued', () => {
    const stats = queueStats([ev('A001', 'called', '09:10', '1', '1001')], 'window', [{ ticketId: 'A001', at: new Date('2026-09-14T16:50:00+08:00').toISOString() }]);
    expect(stats.total.issued).toBe(0);
    expect(stats.total.waitingMinutes).toBe(16 * 60 + 20);
  });

  // one window's figures: the other windows' events are left out, and their calls passed as calledElsewhere
  const window1 = DAY.filter((e) => e.windowNo === null || e.windowNo === '1');
  const elsewhere = DAY.filter((e) => e.windowNo === '2' && e.kind === 'called').map((e) => ({ ticketId: e.ticketId, at: e.at }));
  it.each([
    // B001 was first called at window 2 (10:30): its call at window 1 (10:50) has no waiting time
    ['B001 called at window 2 first', elsewhere, (10 + 35) / 2],
    // a call elsewhere after this window's first call leaves that waiting time counted
    ['a later call elsewhere', [{ ticketId: 'A001', at: new Date('2026-09-15T09:20:00+08:00').toISOString() }], (10 + 35 + 30) / 3],
    ['no calls elsewhere', [], (10 + 35 + 30) / 3],
  ] as const)('one window’s waiting time: %s', (_, calledElsewhere, waitingMinutes) => {
    const stats = queueStats(window1, 'window', [], calledElsewhere);
    expect(stats.rows.map((r) => [r.key, r.called, r.waitingMinutes])).toEqual([['1', 3, waitingMinutes]]);
  });

  it('never counts idle time across hall days', () => {
    const stats = queueStats([ev('A', 'finished', '17:00', '1'), { ...ev('B', 'called', '08:30', '1'), at: new Date('2026-09-16T08:30:00+08:00').toISOString() }], 'window');
    expect(stats.total.idleMinutes).toBeNull();
  });
});

describe('percentile (nearest rank)', () => {
  it.each([
    [[], 50, null],
    [[7], 90, 7],
    [[1, 2, 3, 4], 50, 2],
    [[4, 3, 2, 1], 90, 4],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
  ])('%j p%i = %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});
