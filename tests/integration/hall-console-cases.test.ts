/**
 * The console's open cases, statistics and queue statistics across windows,
 * on a real hall and a real PostgreSQL: windows push change rows shaped like
 * theirs (partial updates included), pushes repeat and run in parallel, the
 * console answers with the windows' own rules, the board counts open and
 * overdue cases, and a window asks for its own queue figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../hall/db/migrate';
import { backfillWorkEntities } from '../../hall/store/ledger-projection';
import { inTransaction } from '../../hall/db/pool';
import { addDays } from '../../shared/domain/plain-date';
import { hallDate } from '../../shared/domain/hall-time';
import { call, enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { consoleCall, consoleLogin } from '../support/hall-console';
import { workRows } from '../support/hall-work';
import { configureQueue, enrolKiosk, matter, take, TestClock } from '../support/queue';

const clock = new TestClock(new Date());
let t: TestHall;
let base: string;
let cookie: string;
const windows: EnrolledWindow[] = [];
const TODAY = hallDate(new Date());
const day = (n: number) => addDays(TODAY, n);
const iso = (d: string, hhmm = '10:00') => new Date(`${d}T${hhmm}:00+08:00`).toISOString();

async function pushAll(w: EnrolledWindow): Promise<void> {
  const rows = workRows(w.windowNo, TODAY);
  await value(t.hall, 'push', { windowNo: w.windowNo, rows, auditHead: { seq: 0, hash: '0'.repeat(64) }, auditAt: null }, w.credential);
}

beforeAll(async () => {
  t = await startTestHall({ clock: clock.now });
  base = t.hall.url;
  const { seedDemoStaff } = await import('../../hall/demo');
  await seedDemoStaff(t.hall.pool, t.hall.hall);
  cookie = await consoleLogin(base, '9001', '246810');
  windows.push(...(await Promise.all(['1', '2', '3'].map((n) => enrolWindow(t.hall, n)))));
  // every window pushes twice, all at once: replays insert nothing and the state is the same
  await Promise.all(windows.flatMap((w) => [pushAll(w), pushAll(w)]));
  await Promise.all(windows.map((w) => pushAll(w)));
});
afterAll(async () => {
  await t?.stop();
});

describe('open cases across windows', () => {
  it('lists each window’s open work with the windows’ rules, overdue first', async () => {
    const r = await consoleCall(base, 'openCases', {}, cookie);
    if (!r.ok) throw new Error(r.error.message);
    const { rows, total, byKind, byWindow } = r.value;
    expect(r.value.today).toBe(TODAY);
    // per window: contact c2 (awaiting materials), the accepted case (overdue), the callback (overdue; done at window 1),
    // the follow-up, the complaint and the divorce in its cooling-off period
    expect(byWindow).toEqual([
      { windowNo: '1', open: 5, overdue: 1 },
      { windowNo: '2', open: 6, overdue: 2 },
      { windowNo: '3', open: 6, overdue: 2 },
    ]);
    expect(total).toEqual({ open: 17, overdue: 5 });
    expect(byKind).toEqual([
      { kind: 'intake', open: 6, overdue: 3 },
      { kind: 'callback', open: 2, overdue: 2 },
      { kind: 'followUp', open: 3, overdue: 0 },
      { kind: 'complaint', open: 3, overdue: 0 },
      { kind: 'divorce', open: 3, overdue: 0 },
    ]);
    expect(rows.slice(0, 5).every((row) => row.overdue)).toBe(true);
    const accepted = rows.find((row) => row.entityId === '2-s1');
    expect(accepted).toMatchObject({ kind: 'intake', state: '在办受理件', refNo: 'SL201', names: ['申请人2-c1'], item: '户籍迁移', due: day(-1), overdue: true });
    expect(rows.find((row) => row.entityId === '2-cb')).toMatchObject({ kind: 'callback', refNo: 'JD2-2-c2', names: ['申请人2-c2'], due: day(-1) });
    expect(rows.find((row) => row.entityId === '3-d1')).toMatchObject({ kind: 'divorce', state: '冷静期内', names: ['甲3', '乙3'], due: day(20) });
  });

  it('filters by window, kind and overdue only', async () => {
    const r = await consoleCall(base, 'openCases', { windowNo: '2', kind: 'callback', overdueOnly: 'true' }, cookie);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows.map((row) => row.entityId)).toEqual(['2-cb']);
    expect(r.value.total).toEqual({ open: 1, overdue: 1 });
    expect(await consoleCall(base, 'openCases', { kind: 'bogus' }, cookie)).toMatchObject({ ok: false, status: 400, error: { code: 'VALIDATION' } });
    expect(await consoleCall(base, 'openCases', {}, null)).toMatchObject({ ok: false, status: 401 });
  });

  it('counts open and overdue cases on the board', async () => {
    const r = await consoleCall(base, 'board', {}, cookie);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.windows.map((w) => [w.windowNo, w.openCases, w.overdueCases])).toEqual([
      ['1', 5, 1],
      ['2', 6, 2],
      ['3', 6, 2],
    ]);
  });

  it('rebuilds the same projection from the change rows (hall migration 9’s backfill), partial updates merged in order', async () => {
    const before = await t.hall.pool.query("SELECT entity, entity_id, status, payload FROM ledger_entry WHERE entity <> 'contact' ORDER BY entity, entity_id");
    await inTransaction(t.hall.pool, (client) => backfillWorkEntities(client));
    const after = await t.hall.pool.query("SELECT entity, entity_id, status, payload FROM ledger_entry WHERE entity <> 'contact' ORDER BY entity, entity_id");
    expect(after.rows).toEqual(before.rows);
    const callback = after.rows.find((r: { entity_id: string }) => r.entity_id === '1-cb') as { status: string; payload: Record<string, unknown> };
    expect(callback.status).toBe('done');
    expect(callback.payload).toMatchObject({ dueDate: day(-1), outcome: '已回访' });
    expect(await migrate(t.hall.pool)).toEqual([]);
  });
});

describe('statistics across windows', () => {
  it('counts the windows’ measures per window and clerk; the windows add up to the total', async () => {
    const r = await consoleCall(base, 'stats', { from: day(-30), to: TODAY, groupBy: 'window' }, cookie);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows.map((row) => row.key)).toEqual(['1', '2', '3']);
    expect(r.value.total).toMatchObject({ contacts: 6, accepted: 3, notified: 3, handlingMinutes: 30, distribution: [0, 0, 0, 0, 3], satisfaction: 0, followUpsOpen: 3, divorcesAccepted: 3 });
    expect(r.value.rows.reduce((sum, row) => sum + row.contacts, 0)).toBe(r.value.total.contacts);
    const clerks = await consoleCall(base, 'stats', { from: day(-30), to: TODAY, groupBy: 'clerk', windowNo: '2' }, cookie);
    expect(clerks.ok && clerks.value.rows.map((row) => [row.key, row.contacts])).toEqual([['1021 员工2', 2]]);
    expect(await consoleCall(base, 'stats', { from: TODAY, to: day(-1), groupBy: 'day' }, cookie)).toMatchObject({ ok: false, status: 400 });
  });

  it('exports the statistics as CSV with the footnotes', async () => {
    const res = await fetch(`${base}/console/api/stats.csv?from=${day(-30)}&to=${TODAY}&groupBy=day`, { headers: { cookie } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFF日,接待量,受理量')).toBe(true);
    expect(text).toContain(`${day(-3)},3,3,0,0,30.0`);
    expect(text).toContain('满意率 =');
  });
});

describe('queue statistics', () => {
  let kiosk: EnrolledWindow;
  beforeAll(async () => {
    kiosk = await enrolKiosk(t.hall, 'K1');
    await configureQueue(t.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1', '2'] })]);
    const [w1, w2] = windows as [EnrolledWindow, EnrolledWindow];
    const at = (hhmm: string) => clock.set(iso(TODAY, hhmm));
    at('09:00');
    await take(t.hall, kiosk, 'MAR-REG');
    at('09:05');
    await take(t.hall, kiosk, 'MAR-REG');
    at('09:10');
    const a1 = await value(t.hall, 'queueCallNext', { staffNo: '1011' }, w1.credential);
    const id1 = a1.ticket?.id ?? '';
    at('09:12');
    await value(t.hall, 'queueStart', { ticketId: id1, staffNo: '1011' }, w1.credential);
    at('09:30');
    await value(t.hall, 'queueFinish', { ticketId: id1, staffNo: '1011' }, w1.credential);
    at('09:40');
    const a2 = await value(t.hall, 'queueCallNext', { staffNo: '1021' }, w2.credential);
    at('09:45');
    await value(t.hall, 'queuePass', { ticketId: a2.ticket?.id ?? '', staffNo: '1021' }, w2.credential);
    at('09:50');
    await value(t.hall, 'queueCallBack', { ticketId: a2.ticket?.id ?? '', staffNo: '1011' }, w1.credential);
    at('09:52');
    await value(t.hall, 'queueTransfer', { ticketId: a2.ticket?.id ?? '', windowNo: '2', staffNo: '1011' }, w1.credential);
  });

  it('counts issued, called, served, passed and transferred with the waiting, walk, service and idle times', async () => {
    const r = await consoleCall(base, 'queueStats', { from: TODAY, to: TODAY, groupBy: 'window' }, cookie);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.total).toMatchObject({ issued: 2, called: 3, served: 1, passed: 1, transferred: 1, waitingMinutes: 22.5, walkMinutes: 2, serviceMinutes: 18, idleMinutes: 20 });
    expect(r.value.rows.map((row) => [row.key, row.called, row.served, row.passed, row.transferred])).toEqual([
      ['1', 2, 1, 0, 1],
      ['2', 1, 0, 1, 0],
    ]);
    expect(r.value.hourly).toEqual([{ hour: 9, count: 2, p50: 10, p90: 35 }]);
    const csv = await fetch(`${base}/console/api/queue-stats.csv?from=${TODAY}&to=${TODAY}&groupBy=clerk`, { headers: { cookie } });
    const text = await csv.text();
    expect(text).toContain('1011,0,2,1,0,1');
    expect(text).toContain('09:00,2,10.0,35.0');
  });

  it('answers a window its own figures only, and refuses a kiosk and a bad range', async () => {
    const [w1, w2] = windows as [EnrolledWindow, EnrolledWindow];
    const mine = await value(t.hall, 'queueStats', { from: TODAY, to: TODAY, groupBy: 'clerk' }, w2.credential);
    expect(mine.total).toMatchObject({ called: 1, passed: 1, served: 0, transferred: 0 });
    // A001 was first called at window 1 (waiting 10 min, counted there), A002 first at window 2 after 35 min
    const mine1 = await value(t.hall, 'queueStats', { from: TODAY, to: TODAY, groupBy: 'clerk' }, w1.credential);
    expect(mine1.total).toMatchObject({ called: 2, waitingMinutes: 10 });
    expect(mine.total.waitingMinutes).toBe(35);
    expect(mine.rows.map((row) => row.key)).toEqual(['1021']);
    const answers = await Promise.all(Array.from({ length: 8 }, () => value(t.hall, 'queueStats', { from: TODAY, to: TODAY, groupBy: 'day' }, w1.credential)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await call(t.hall, 'queueStats', { from: TODAY, to: TODAY, groupBy: 'day' }, kiosk.credential)).toMatchObject({ ok: false });
    expect(await call(t.hall, 'queueStats', { from: TODAY, to: day(-2), groupBy: 'day' }, w1.credential)).toMatchObject({ ok: false, status: 400 });
  });
});
