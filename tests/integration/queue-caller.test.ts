/**
 * The window's caller (issue 14) through the core's API against a real hall on
 * a real PostgreSQL: a window core joined as window 1 calls, recalls, passes,
 * calls back, transfers, starts and finishes kiosk tickets; parallel presses
 * do one thing; the display shows the called ticket; an unreachable hall is
 * reported in the clerk's words and leaves the rest of the window working.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLERK, SUPERVISOR, call, expectError, expectOk, login, logout, type TestCore } from '../support/core';
import { enrolWindow, startTestHall, type EnrolledWindow, type TestHall } from '../support/hall';
import { closeWindowsAndHall, enrolmentCode, joinHall, windowCore } from '../support/hall-window';
import { startTcpProxy } from '../support/tcp-proxy';
import { configureQueue, enrolKiosk, matter, take, TestClock } from '../support/queue';
import { HALL_DOWN, NOT_JOINED } from '../../electron/services/queue/queue-service';
import { hallClientOf } from '../../electron/services/hall-link/link-repo';

const clock = new TestClock(new Date('2026-11-27T02:00:00.000Z'));
let hall: TestHall;
let kiosk: EnrolledWindow;
let w: TestCore;

async function events(kind: string, ticketId: string): Promise<number> {
  const { rows } = await hall.hall.pool.query<{ n: string }>('SELECT count(*) AS n FROM queue_event WHERE ticket_id = $1 AND kind = $2', [ticketId, kind]);
  return Number(rows[0]?.n ?? 0);
}

/** Finishes whatever the window holds, so each test starts idle. */
async function idle(): Promise<void> {
  const state = await call(w.core, 'queue.state', {});
  if (!state.joined || state.current === null) return;
  const id = state.current.id;
  if (state.current.status === 'called') await call(w.core, 'queue.pass', { ticketId: id });
  else await call(w.core, 'queue.finish', { ticketId: id });
}

beforeAll(async () => {
  hall = await startTestHall({ clock: clock.now });
  await configureQueue(hall.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1'] }), matter('DIV-REG', '离婚登记', 'B', { windowNos: ['2'] })], { recallCap: 2 });
  kiosk = await enrolKiosk(hall.hall, 'K1');
  w = await windowCore('1');
  await joinHall(w, hall);
  await enrolWindow(hall.hall, '2');
  await login(w.core, CLERK.staffNo, CLERK.pin);
});
beforeEach(async () => {
  await idle();
});
afterAll(() => closeWindowsAndHall(hall));

describe('the caller at a joined window', () => {
  it('calls the next ticket, shows it on the display, recalls up to the cap, passes and calls back', async () => {
    const a = await take(hall.hall, kiosk, 'MAR-REG');
    const before = await call(w.core, 'queue.state', {});
    expect(before.joined && before.waiting).toBeGreaterThanOrEqual(1);
    const { ticket } = await call(w.core, 'queue.callNext', {});
    expect(ticket?.id).toBe(a.id);
    expect((await call(w.core, 'display.state', {})).called).toEqual({ code: a.code, matterName: '结婚登记' });
    const state = await call(w.core, 'queue.state', {});
    expect(state.joined && state.current?.code).toBe(a.code);
    expect(state.joined && state.recallCap).toBe(2);

    expect((await call(w.core, 'queue.recall', { ticketId: a.id, recall: 1 })).ticket.recallCount).toBe(1);
    expect((await call(w.core, 'queue.recall', { ticketId: a.id, recall: 2 })).ticket.recallCount).toBe(2);
    expect(expectError(await w.core.call('queue.recall', { ticketId: a.id, recall: 3 }), 'CONFLICT').message).toContain('上限');

    await call(w.core, 'queue.pass', { ticketId: a.id });
    expect((await call(w.core, 'display.state', {})).called).toBeNull();
    const passed = await call(w.core, 'queue.state', {});
    expect(passed.joined && passed.passed.map((p) => p.code)).toContain(a.code);
    expect((await call(w.core, 'queue.callBack', { ticketId: a.id })).ticket.status).toBe('called');
    expect((await call(w.core, 'display.state', {})).called?.code).toBe(a.code);
    expect(await events('called_back', a.id)).toBe(1);
  });

  it('calls a ticket by its code and transfers it to another window, keeping its place', async () => {
    const a = await take(hall.hall, kiosk, 'MAR-REG');
    const b = await take(hall.hall, kiosk, 'MAR-REG');
    expect((await call(w.core, 'queue.callTicket', { code: b.code.toLowerCase() })).ticket.id).toBe(b.id);
    const moved = await call(w.core, 'queue.transfer', { ticketId: b.id, windowNo: '2' });
    expect(moved.ticket).toMatchObject({ status: 'waiting', targetWindowNo: '2', takenAt: b.takenAt });
    expect((await call(w.core, 'display.state', {})).called).toBeNull();
    expect(expectError(await w.core.call('queue.transfer', { ticketId: a.id, matter: 'DIV-REG' }), 'CONFLICT').message).toContain('不是本窗口当前的号');
    await call(w.core, 'queue.callTicket', { code: a.code });
  });

  it('starts, then finishes and asks the applicant served under the ticket for the rating', async () => {
    const a = await take(hall.hall, kiosk, 'MAR-REG');
    await call(w.core, 'queue.callNext', {});
    expect(expectError(await w.core.call('queue.finish', { ticketId: a.id }), 'CONFLICT').message).toContain('还没有开始办理');
    expect((await call(w.core, 'queue.start', { ticketId: a.id })).ticket.status).toBe('serving');
    w.clock.advance(1000);
    const contact = await call(w.core, 'intake.start', { itemCode: 'MAR-REG', channel: 'walkIn', applicantName: '张三', applicantPhone: '', applicantIdNumber: '' });
    await call(w.core, 'intake.close', { id: contact.id, reason: 'consulted' });
    const done = await call(w.core, 'queue.finish', { ticketId: a.id });
    expect(done.ticket.status).toBe('done');
    expect(done.rating.requested).toBe(true);
    expect((await call(w.core, 'rating.status', { contactId: contact.id })).status).toBe('pending');
    expect((await call(w.core, 'display.state', {})).called).toBeNull();
    // pressed again (a resend): the same answer, nothing more
    expect((await call(w.core, 'queue.finish', { ticketId: a.id })).rating.requested).toBe(false);
    expect(await events('finished', a.id)).toBe(1);
  });

  it('20 parallel 叫号 presses call one ticket; a double click of 重呼 recalls once', async () => {
    const tickets = await Promise.all([take(hall.hall, kiosk, 'MAR-REG'), take(hall.hall, kiosk, 'MAR-REG'), take(hall.hall, kiosk, 'MAR-REG')]);
    const answers = await Promise.all(Array.from({ length: 20 }, () => w.core.call('queue.callNext', {}, 'clerk', randomUUID())));
    const ids = new Set(answers.map((r) => expectOk(r).ticket?.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(tickets.map((t) => t.id)).toContain(id);
    const { rows } = await hall.hall.pool.query<{ n: string }>("SELECT count(*) AS n FROM queue_event WHERE kind = 'called' AND ticket_id = ANY ($1::uuid[])", [tickets.map((t) => t.id)]);
    expect(Number(rows[0]?.n)).toBe(1);

    // a double click: two presses (their own request ids) for recall 1, and one resend of the first id
    const requestId = randomUUID();
    const clicks = await Promise.all([
      w.core.call('queue.recall', { ticketId: id ?? '', recall: 1 }, 'clerk', requestId),
      w.core.call('queue.recall', { ticketId: id ?? '', recall: 1 }, 'clerk', randomUUID()),
      w.core.call('queue.recall', { ticketId: id ?? '', recall: 1 }, 'clerk', requestId),
    ]);
    for (const r of clicks) expect(expectOk(r).ticket.recallCount).toBe(1);
    expect(await events('recalled', id ?? '')).toBe(1);
    // 20 parallel 绿色通道 presses of one dialog take one ticket
    const green = randomUUID();
    const takes = await Promise.all(Array.from({ length: 20 }, () => w.core.call('queue.takeGreen', { requestId: green, matter: 'MAR-REG' }, 'clerk', randomUUID())));
    expect(new Set(takes.map((r) => expectOk(r).ticket.id)).size).toBe(1);
    expect(expectOk(takes[0]!).ticket.kind).toBe('green');
  });
});

describe('the called ticket on the display across a restart of the core', () => {
  /** Restarts window 1's core on its SQLite file; the restored session comes back locked. */
  async function restart(): Promise<void> {
    w.reopen();
    await call(w.core, 'auth.unlock', { pin: CLERK.pin });
  }

  it('shows the called ticket at once after a restart, and 办结 still finds the contact served under it', async () => {
    await take(hall.hall, kiosk, 'MAR-REG');
    // presses in parallel and repeated: one ticket called, one copy kept
    const presses = await Promise.all(Array.from({ length: 8 }, () => w.core.call('queue.callNext', {}, 'clerk', randomUUID())));
    const called = new Set(presses.map((r) => expectOk(r).ticket));
    expect(new Set([...called].map((t) => t?.id)).size).toBe(1);
    const a = expectOk(presses[0]!).ticket!;
    w.reopen();
    // the display reads only the window's own database: no hall call, no caller press
    expect((await call(w.core, 'display.state', {})).called).toEqual({ code: a.code, matterName: '结婚登记' });
    expect(w.core.db.prepare('SELECT count(*) FROM queue_called').pluck().get()).toBe(1);
    await call(w.core, 'auth.unlock', { pin: CLERK.pin });

    w.clock.advance(61_000); // the rating pad is free again (an earlier test asked for a rating)
    await Promise.all([call(w.core, 'queue.start', { ticketId: a.id }), call(w.core, 'queue.start', { ticketId: a.id })]);
    w.clock.advance(1000);
    const contact = await call(w.core, 'intake.start', { itemCode: 'MAR-REG', channel: 'walkIn', applicantName: '王五', applicantPhone: '', applicantIdNumber: '' });
    await call(w.core, 'intake.close', { id: contact.id, reason: 'consulted' });
    await restart();
    expect((await call(w.core, 'display.state', {})).called?.code).toBe(a.code);
    const done = await call(w.core, 'queue.finish', { ticketId: a.id });
    expect(done.rating, done.rating.note).toMatchObject({ requested: true });
    expect((await call(w.core, 'display.state', {})).called).toBeNull();
    w.reopen();
    expect((await call(w.core, 'display.state', {})).called).toBeNull();
    await call(w.core, 'auth.unlock', { pin: CLERK.pin });
  });

  it('the hall is the source of truth: a ticket the hall no longer gives this window leaves the display at the next read', async () => {
    await take(hall.hall, kiosk, 'MAR-REG');
    const a = (await call(w.core, 'queue.callNext', {})).ticket!;
    await restart();
    // the hall passes the ticket while this core is not asking (a resend from before the restart)
    const client = hallClientOf({ db: w.core.db, vault: w.core.ctx.vault, hallTimeoutMs: w.core.ctx.hallTimeoutMs });
    await client?.call('queuePass', { ticketId: a.id });
    expect((await call(w.core, 'display.state', {})).called?.code).toBe(a.code);
    const pushed: unknown[] = [];
    const off = w.core.onEvent((event, payload) => {
      if (event === 'display.changed') pushed.push(payload);
    });
    const state = await call(w.core, 'queue.state', {});
    off();
    expect(state.joined && state.current).toBeNull();
    expect((await call(w.core, 'display.state', {})).called).toBeNull();
    expect(pushed).toEqual([expect.objectContaining({ called: null })]);
    // and the other way: the hall's current ticket comes back to a display that lost it
    await call(w.core, 'queue.callBack', { ticketId: a.id });
    w.core.db.prepare('DELETE FROM queue_called').run();
    await call(w.core, 'queue.state', {});
    expect((await call(w.core, 'display.state', {})).called?.code).toBe(a.code);
  });
});

describe('when the hall cannot be reached', () => {
  it('says so in the clerk words at once, and the rest of the window keeps working', async () => {
    // window 3 reaches the hall through a proxy, which then drops every request
    const proxy = await startTcpProxy(hall.hall.port, 14);
    proxy.setMode('healthy');
    const down = await windowCore('3');
    await login(down.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(down.core, 'hall.join', { url: proxy.url, code: await enrolmentCode(hall, '3') });
    await logout(down.core);
    await login(down.core, CLERK.staffNo, CLERK.pin);
    proxy.setMode('refusing');
    expect(expectError(await down.core.call('queue.callNext', {}), 'DISCONNECTED').message).toBe(HALL_DOWN);
    expect(expectError(await down.core.call('queue.state', {}), 'DISCONNECTED').message).toBe(HALL_DOWN);
    const contact = await call(down.core, 'intake.start', { itemCode: 'MAR-REG', channel: 'walkIn', applicantName: '李四', applicantPhone: '', applicantIdNumber: '' });
    expect(contact.status).toBe('open');
    await logout(down.core);
    await proxy.close();
  });

  it('a window that has not joined is told so', async () => {
    const alone = await windowCore('4');
    await login(alone.core, CLERK.staffNo, CLERK.pin);
    expect(await call(alone.core, 'queue.state', {})).toEqual({ joined: false });
    expect(expectError(await alone.core.call('queue.callNext', {}), 'CONFLICT').message).toBe(NOT_JOINED);
  });
});
