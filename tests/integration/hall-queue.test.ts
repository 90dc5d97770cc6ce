/**
 * The queue on a real PostgreSQL through the hall's HTTP API: tickets numbered
 * by the hall date across Beijing midnight (and not reset by the UTC date),
 * issuing hours and daily caps (also under parallel takes), booking check-in,
 * who may do what (kiosk, window, another window), every caller action with
 * its repeats, and the priority order end to end.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { configureQueue, enrolKiosk, matter, putBooking, take, TestClock } from '../support/queue';

const clock = new TestClock(new Date('2026-11-27T02:00:00.000Z')); // 10:00 in Beijing
let t: TestHall;
let kiosk: EnrolledWindow;
let w1: EnrolledWindow;
let w2: EnrolledWindow;

beforeAll(async () => {
  t = await startTestHall({ clock: clock.now });
  kiosk = await enrolKiosk(t.hall, 'K1');
  [w1, w2] = await Promise.all([enrolWindow(t.hall, '1'), enrolWindow(t.hall, '2')]);
  await configureQueue(t.hall, [
    matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1', '2'], dailyCap: 200 }),
    matter('DIV-REG', '离婚登记', 'B', { windowNos: ['2'] }),
    matter('NIGHT', '夜间测试', 'N'),
    matter('CAPPED', '限号事项', 'C', { windowNos: ['9'], dailyCap: 5, issueFrom: '08:30', issueUntil: '16:30' }),
  ]);
});
afterAll(async () => {
  await t?.stop();
});

describe('taking tickets', () => {
  it('numbers per prefix by the hall date: restarts at Beijing midnight, not at the UTC one', async () => {
    const at = async (iso: string): Promise<string> => {
      clock.set(iso);
      const ticket = await take(t.hall, kiosk, 'NIGHT');
      return `${ticket.day} ${ticket.code}`;
    };
    expect(await at('2026-11-20T15:58:00.000Z')).toBe('2026-11-20 N001');
    expect(await at('2026-11-20T15:59:00.000Z')).toBe('2026-11-20 N002'); // 23:59 Beijing
    expect(await at('2026-11-20T16:01:00.000Z')).toBe('2026-11-21 N001'); // 00:01 Beijing: a new day
    expect(await at('2026-11-20T23:59:00.000Z')).toBe('2026-11-21 N002'); // 07:59 Beijing
    expect(await at('2026-11-21T00:01:00.000Z')).toBe('2026-11-21 N003'); // 08:01 Beijing, the UTC date rolled over: numbering goes on
    clock.set('2026-11-27T02:00:00.000Z');
  });

  it('gives one ticket for one request id, whether repeated or sent 10 times at once', async () => {
    const requestId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => value(t.hall, 'queueTake', { requestId, matter: 'MAR-REG', priority: 'normal' }, kiosk.credential)));
    expect(new Set(answers.map((a) => a.ticket.id)).size).toBe(1);
    const again = await value(t.hall, 'queueTake', { requestId, matter: 'MAR-REG', priority: 'normal' }, kiosk.credential);
    expect(again.ticket.id).toBe(answers[0]?.ticket.id);
    expect(again.windows).toEqual(['1', '2']);
    const next = await take(t.hall, kiosk, 'MAR-REG');
    expect(Number(next.code.slice(1))).toBe(Number(again.ticket.code.slice(1)) + 1);
  });

  it('refuses outside the issuing hours and past the daily cap, also when 12 take at once', async () => {
    clock.set('2026-11-27T00:29:00.000Z'); // 08:29
    const early = await call(t.hall, 'queueTake', { requestId: randomUUID(), matter: 'CAPPED', priority: 'normal' }, kiosk.credential);
    expect(early).toMatchObject({ ok: false, status: 409, error: { message: '限号事项今天 08:30 开始取号，请稍候' } });
    clock.set('2026-11-27T02:00:00.000Z');
    const results = await Promise.all(Array.from({ length: 12 }, () => call(t.hall, 'queueTake', { requestId: randomUUID(), matter: 'CAPPED', priority: 'normal' }, kiosk.credential)));
    const issued = results.flatMap((r) => (r.ok ? [r.value.ticket.code] : []));
    expect(issued.sort()).toEqual(['C001', 'C002', 'C003', 'C004', 'C005']);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.message))).toEqual(Array(7).fill('限号事项今天的 5 个号已取完，请改日再来或网上预约'));
    clock.set('2026-11-27T08:30:00.000Z'); // 16:30
    const late = await call(t.hall, 'queueTake', { requestId: randomUUID(), matter: 'CAPPED', priority: 'normal' }, kiosk.credential);
    expect(late.ok ? '' : late.error.message).toContain('16:30 停止取号');
    clock.set('2026-11-27T02:00:00.000Z');
  });

  it('checks a booking in once, as an appointment ticket of its slot; a booking of another day or unknown code is refused', async () => {
    await putBooking(t.hall, 'YY0001', { date: '2026-11-27', slotStart: '09:30', slotEnd: '10:30', itemCode: 'DIV-REG' });
    await putBooking(t.hall, 'YY0002', { date: '2026-11-28', slotStart: '09:30', slotEnd: '10:30', itemCode: 'DIV-REG' });
    const checkIns = await Promise.all(Array.from({ length: 5 }, () => value(t.hall, 'queueTake', { requestId: randomUUID(), appointmentCode: 'yy0001' }, kiosk.credential)));
    expect(new Set(checkIns.map((c) => c.ticket.id)).size).toBe(1);
    expect(checkIns[0]?.ticket).toMatchObject({ kind: 'appointment', matter: 'DIV-REG', matterName: '离婚登记', status: 'waiting' });
    expect(await call(t.hall, 'queueTake', { requestId: randomUUID(), appointmentCode: 'YY0002' }, kiosk.credential)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(t.hall, 'queueTake', { requestId: randomUUID(), appointmentCode: 'NOPE' }, kiosk.credential)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // called first at window 2 although older normal tickets of its matter wait
    await take(t.hall, kiosk, 'DIV-REG');
    const called = await value(t.hall, 'queueCallNext', {}, w2.credential);
    expect(called.ticket?.id).toBe(checkIns[0]?.ticket.id);
    await value(t.hall, 'queuePass', { ticketId: checkIns[0]?.ticket.id ?? '' }, w2.credential);
  });

  it('lets a kiosk take tickets and read the waiting counts, and nothing else', async () => {
    expect(await call(t.hall, 'queueCallNext', {}, kiosk.credential)).toMatchObject({ ok: false, status: 403, error: { code: 'FORBIDDEN' } });
    const counts = await value(t.hall, 'queueWaiting', {}, kiosk.credential);
    expect(counts.current).toBeNull();
    expect(counts.matters.find((m) => m.matter === 'DIV-REG')?.waiting).toBe(1);
    expect(await call(t.hall, 'queueTake', { requestId: randomUUID(), matter: 'NO-SUCH', priority: 'normal' }, kiosk.credential)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the caller', () => {
  it('calls, recalls up to the cap, passes, calls back, starts and finishes; each repeated or sent 5 times at once acts once', async () => {
    await configureQueue(t.hall, [matter('FLOW', '流程测试', 'F', { windowNos: ['3'] })], { recallCap: 2 });
    const w3 = await enrolWindow(t.hall, '3');
    const [first, second] = [await take(t.hall, kiosk, 'FLOW'), await take(t.hall, kiosk, 'FLOW')];
    const times = <T>(n: number, f: () => Promise<T>): Promise<T[]> => Promise.all(Array.from({ length: n }, f));

    const calls = await times(5, () => value(t.hall, 'queueCallNext', { staffNo: '1001' }, w3.credential));
    expect(calls.map((c) => c.ticket?.code)).toEqual(Array(5).fill('F001'));
    expect(calls[0]?.ticket?.announcement).toBe('请 F001 号到 3 号窗口办理');
    const id = first.id;

    const recalls = await times(5, () => value(t.hall, 'queueRecall', { ticketId: id, recall: 1 }, w3.credential));
    expect(recalls.map((r) => r.ticket.recallCount)).toEqual(Array(5).fill(1));
    expect((await value(t.hall, 'queueRecall', { ticketId: id, recall: 2 }, w3.credential)).ticket.recallCount).toBe(2);
    const capped = await call(t.hall, 'queueRecall', { ticketId: id, recall: 3 }, w3.credential);
    expect(capped.ok ? '' : capped.error.message).toBe('F001 号已重呼 2 次，达到上限，请过号');

    // another window cannot act on it
    expect(await call(t.hall, 'queuePass', { ticketId: id }, w1.credential)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const passes = await times(5, () => value(t.hall, 'queuePass', { ticketId: id }, w3.credential));
    expect(passes.map((p) => p.ticket.status)).toEqual(Array(5).fill('passed'));
    expect((await value(t.hall, 'queueCallNext', {}, w3.credential)).ticket?.id).toBe(second.id);
    expect(await call(t.hall, 'queueCallBack', { ticketId: id }, w3.credential)).toMatchObject({ ok: false, error: { message: '已叫 F002 号，请先开始办理、过号或转移' } });
    expect(await call(t.hall, 'queueFinish', { ticketId: second.id }, w3.credential)).toMatchObject({ ok: false, error: { message: 'F002 号还没有开始办理' } });
    expect(await call(t.hall, 'queueStart', { ticketId: second.id }, w1.credential)).toMatchObject({ ok: false, error: { message: 'F002 号不是本窗口当前的号，不能开始办理' } });
    await value(t.hall, 'queueStart', { ticketId: second.id }, w3.credential);
    expect(await call(t.hall, 'queueCallNext', {}, w3.credential)).toMatchObject({ ok: false, error: { message: '正在办理 F002 号，请先办结' } });
    const finishes = await times(5, () => value(t.hall, 'queueFinish', { ticketId: second.id }, w3.credential));
    expect(finishes.map((f) => f.ticket.status)).toEqual(Array(5).fill('done'));

    const callBacks = await times(5, () => value(t.hall, 'queueCallBack', { ticketId: id }, w3.credential));
    expect(callBacks.map((c) => `${c.ticket.status} ${c.ticket.recallCount}`)).toEqual(Array(5).fill('called 0'));
    const starts = await times(5, () => value(t.hall, 'queueStart', { ticketId: id }, w3.credential));
    expect(new Set(starts.map((s) => s.ticket.startedAt)).size).toBe(1);
    await value(t.hall, 'queueFinish', { ticketId: id }, w3.credential);
    expect((await value(t.hall, 'queueCallNext', {}, w3.credential)).ticket).toBeNull();

    const { rows } = await t.hall.pool.query<{ kind: string; n: string }>(
      "SELECT kind, count(*) AS n FROM queue_event WHERE matter = 'FLOW' GROUP BY kind ORDER BY kind",
    );
    expect(Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]))).toEqual({ taken: 2, called: 2, recalled: 2, passed: 1, called_back: 1, started: 2, finished: 2 });
  });

  it('transfers keeping the place: to another matter ahead of newer tickets, or to one window only', async () => {
    await configureQueue(t.hall, [matter('TR-A', '转移甲', 'G', { windowNos: ['4'] }), matter('TR-B', '转移乙', 'H', { windowNos: ['5'] })]);
    const [w4, w5] = await Promise.all([enrolWindow(t.hall, '4'), enrolWindow(t.hall, '5')]);
    clock.set('2026-11-27T02:00:00.000Z');
    const moved = await take(t.hall, kiosk, 'TR-A');
    clock.set('2026-11-27T02:05:00.000Z');
    const newer = await take(t.hall, kiosk, 'TR-B');
    expect((await value(t.hall, 'queueCallNext', {}, w4.credential)).ticket?.id).toBe(moved.id);
    const transfers = await Promise.all(Array.from({ length: 5 }, () => value(t.hall, 'queueTransfer', { ticketId: moved.id, matter: 'TR-B' }, w4.credential)));
    expect(transfers.map((x) => `${x.ticket.status} ${x.ticket.matter} ${x.ticket.takenAt}`)).toEqual(Array(5).fill(`waiting TR-B ${moved.takenAt}`));
    expect((await value(t.hall, 'queueCallNext', {}, w5.credential)).ticket?.id).toBe(moved.id);

    // to window 4 only: window 5 does not call it back, window 4 does
    await value(t.hall, 'queueTransfer', { ticketId: moved.id, windowNo: '4' }, w5.credential);
    expect((await value(t.hall, 'queueCallNext', {}, w5.credential)).ticket?.id).toBe(newer.id);
    expect((await value(t.hall, 'queueCallNext', {}, w4.credential)).ticket?.id).toBe(moved.id);
    expect(await call(t.hall, 'queueTransfer', { ticketId: moved.id, windowNo: '99' }, w4.credential)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('calls a specific ticket by code, once', async () => {
    await configureQueue(t.hall, [matter('SPEC', '指定测试', 'S', { windowNos: ['6'] })]);
    const w6 = await enrolWindow(t.hall, '6');
    await take(t.hall, kiosk, 'SPEC');
    const wanted = await take(t.hall, kiosk, 'SPEC');
    const answers = await Promise.all(Array.from({ length: 5 }, () => value(t.hall, 'queueCallTicket', { code: 's002' }, w6.credential)));
    expect(answers.map((a) => a.ticket.id)).toEqual(Array(5).fill(wanted.id));
    expect(await call(t.hall, 'queueCallTicket', { code: 'S002' }, w1.credential)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(t.hall, 'queueCallTicket', { code: 'S404' }, w1.credential)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('follows the priority policy end to end as its preview says: slot, 绿色通道, then 3 normal : 1 priority', async () => {
    await configureQueue(t.hall, [matter('PRIO', '优先测试', 'P', { windowNos: ['7'] })]);
    const w7 = await enrolWindow(t.hall, '7');
    clock.set('2026-11-27T01:00:00.000Z');
    const normal = [];
    for (let i = 0; i < 6; i++) normal.push(await take(t.hall, kiosk, 'PRIO'));
    await putBooking(t.hall, 'EARLY1', { date: '2026-11-27', slotStart: '15:00', slotEnd: '16:00', itemCode: 'PRIO' });
    await putBooking(t.hall, 'INSLOT', { date: '2026-11-27', slotStart: '09:00', slotEnd: '10:00', itemCode: 'PRIO' });
    clock.set('2026-11-27T01:10:00.000Z');
    await value(t.hall, 'queueTake', { requestId: randomUUID(), appointmentCode: 'EARLY1' }, kiosk.credential);
    await value(t.hall, 'queueTake', { requestId: randomUUID(), appointmentCode: 'INSLOT' }, kiosk.credential);
    await take(t.hall, kiosk, 'PRIO', 'green');
    const expected = ['appointment', 'green', 'P001', 'P002', 'P003', 'appointment', 'P004', 'P005', 'P006'];
    const preview = await value(t.hall, 'queuePreview', {}, w7.credential);
    expect(preview.sentence).toBe('预约在时段内优先；绿色通道优先；普通号每 3 个插 1 个优先号');
    expect(preview.calls.map((c) => (c.kind === 'normal' ? c.code : c.kind))).toEqual(expected);
    const order: string[] = [];
    for (;;) {
      const next = (await value(t.hall, 'queueCallNext', {}, w7.credential)).ticket;
      if (next === null) break;
      order.push(next.kind === 'normal' ? next.code : next.kind);
      await value(t.hall, 'queueStart', { ticketId: next.id }, w7.credential);
      await value(t.hall, 'queueFinish', { ticketId: next.id }, w7.credential);
    }
    expect(order).toEqual(expected);
    clock.set('2026-11-27T02:00:00.000Z');
  });
});
