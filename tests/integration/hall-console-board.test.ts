/**
 * The console board's push (server-sent events behind the session cookie, on
 * a real hall and real PostgreSQL): refused without a live session; a board
 * gets the board's answer on opening and again after an enrolment, a window's
 * push (its status, an open case projected) and a queue call; pushes from
 * several windows in parallel, sent twice, end with every open board showing
 * the final counts; a logout ends the session's streams; the streams are
 * capped.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BOARD_STREAMS } from '../../hall/console/board-feed';
import { seedDemoStaff } from '../../hall/demo';
import { BOARD_EVENTS, boardResponseSchema, type BoardResponse } from '../../shared/hall/console-contract';
import type { ChangeRow } from '../../shared/hall/contract';
import { chainHashes, changeRow, enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { consoleCall, consoleLogin, contactPayload } from '../support/hall-console';
import { configureQueue, enrolKiosk, matter, take, TestClock } from '../support/queue';
import { EventStream } from '../support/sse';

const clock = new TestClock(new Date('2026-11-27T02:00:00.000Z')); // 10:00 in Beijing
let t: TestHall;
let cookie: string;

beforeAll(async () => {
  t = await startTestHall({ clock: clock.now });
  await seedDemoStaff(t.hall.pool, t.hall.hall);
  cookie = await consoleLogin(t.hall.url, '9001', '246810');
});
afterAll(async () => {
  await t?.stop();
});

const eventsUrl = (): string => `${t.hall.url}${BOARD_EVENTS.path}`;
const openBoard = (withCookie = cookie): Promise<EventStream<BoardResponse>> => EventStream.open(eventsUrl(), boardResponseSchema, { cookie: withCookie });
const windowOf = (b: BoardResponse, windowNo: string) => b.windows.find((w) => w.windowNo === windowNo);

/** n open contacts of a window as its change-log rows, seq 1..n. */
function openContacts(windowNo: string, n: number): ChangeRow[] {
  return Array.from({ length: n }, (_, i) => {
    const id = randomUUID();
    return changeRow(i + 1, { entity: 'contact', entityId: id, payload: contactPayload(id, windowNo, { contactNo: `JD${windowNo}-${i}`, name: `申请人${i}`, receivedAt: '2026-11-27T01:30:00.000Z' }) });
  });
}

async function pushRows(w: EnrolledWindow, rows: ChangeRow[], status?: { staffNo: string; staffName: string }): Promise<void> {
  const head = chainHashes(rows.length)[rows.length] ?? { seq: 0, hash: '' };
  const state = status === undefined ? {} : { status: { ...status, state: 'serving' as const, whereabouts: null, printerProblem: null } };
  await value(t.hall, 'push', { windowNo: w.windowNo, rows, auditHead: head, auditAt: null, ...state }, w.credential);
}

describe('the console board push', () => {
  it('is refused without a live session, and is read-only', async () => {
    for (const headers of [{}, { cookie: 'hall_console=not-a-session' }] as Record<string, string>[]) {
      const res = await fetch(eventsUrl(), { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    }
    const post = await fetch(eventsUrl(), { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(post.status).toBe(404);
  });

  it('sends the board on opening, then after an enrolment, a window’s push and a queue call', async () => {
    const stream = await openBoard();
    try {
      expect((await stream.next()).windows.find((w) => w.windowNo === '1')).toBeUndefined();
      const w1 = await enrolWindow(t.hall, '1');
      expect(windowOf(await stream.until((b) => windowOf(b, '1') !== undefined), '1')).toMatchObject({ state: 'unknown', openCases: 0 });
      await pushRows(w1, openContacts('1', 2), { staffNo: '1101', staffName: '李晓梅' });
      const pushed = await stream.until((b) => windowOf(b, '1')?.openCases === 2);
      expect(windowOf(pushed, '1')).toMatchObject({ staffName: '李晓梅', state: 'serving', openCases: 2, ackedSeq: 2 });
      // a queue call stamps the window's last contact: the board is sent again. The contact is made old first,
      // and a board read after that (window 2 enrolled) shows it old, so only a read after the call shows it new.
      await configureQueue(t.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1'] })]);
      await take(t.hall, await enrolKiosk(t.hall, 'K1'), 'MAR-REG');
      await t.hall.pool.query("UPDATE hall_window SET last_contact_at = clock_timestamp() - interval '1 hour' WHERE window_no = '1'");
      const halfHourAgo = Date.now() - 30 * 60_000;
      await enrolWindow(t.hall, '2');
      expect(Date.parse(windowOf(await stream.until((b) => windowOf(b, '2') !== undefined), '1')?.lastContactAt ?? '')).toBeLessThan(halfHourAgo);
      await value(t.hall, 'queueCallNext', {}, w1.credential);
      const called = await stream.until((b) => Date.parse(windowOf(b, '1')?.lastContactAt ?? '') > halfHourAgo);
      expect(windowOf(called, '1')).toMatchObject({ offline: false, openCases: 2 });
    } finally {
      stream.close();
    }
  });

  it('brings pushes of 5 windows, in parallel and each sent twice, to every one of 3 open boards', async () => {
    const windows = await Promise.all(['21', '22', '23', '24', '25'].map((no) => enrolWindow(t.hall, no)));
    const streams = await Promise.all([0, 1, 2].map(() => openBoard()));
    try {
      const batches = windows.map((w, i) => ({ w, rows: openContacts(w.windowNo, i + 1) }));
      await Promise.all(batches.flatMap(({ w, rows }) => [pushRows(w, rows), pushRows(w, rows)]));
      const done = (b: BoardResponse): boolean => windows.every((w, i) => windowOf(b, w.windowNo)?.openCases === i + 1);
      const last = await Promise.all(streams.map((s) => s.until(done)));
      expect(last.map((b) => windows.map((w) => windowOf(b, w.windowNo)?.openCases))).toEqual([0, 1, 2].map(() => [1, 2, 3, 4, 5]));
    } finally {
      for (const s of streams) s.close();
    }
  });

  it('ends a session’s streams when it logs out, and keeps the others', async () => {
    const other = await consoleLogin(t.hall.url, '9001', '246810');
    const mine = await openBoard(other);
    const theirs = await openBoard();
    try {
      await mine.next();
      await theirs.next();
      expect((await consoleCall(t.hall.url, 'logout', {}, other)).ok).toBe(true);
      await mine.ended();
      const w = await enrolWindow(t.hall, '31');
      expect(windowOf(await theirs.until((b) => windowOf(b, '31') !== undefined), w.windowNo)).toBeDefined();
      expect((await fetch(eventsUrl(), { headers: { cookie: other } })).status).toBe(401);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('caps the open streams', async () => {
    const streams: EventStream<BoardResponse>[] = [];
    try {
      // the hall notices the streams the tests before closed on its own time: open more until all places are taken
      await expect
        .poll(async () => {
          const opened = await Promise.allSettled(Array.from({ length: MAX_BOARD_STREAMS - streams.length }, () => openBoard()));
          for (const o of opened) if (o.status === 'fulfilled') streams.push(o.value);
          return streams.length;
        })
        .toBe(MAX_BOARD_STREAMS);
      const refused = await fetch(eventsUrl(), { headers: { cookie } });
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'DISCONNECTED' } });
    } finally {
      for (const s of streams) s.close();
    }
  });
});
