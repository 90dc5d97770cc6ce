/**
 * 好差评 and 差评整改 on a real SQLite file: the clerk asks, the display
 * answers, the clerk sees only the status; expiry; refusals that change
 * nothing; a bad rating's follow-up with working-day deadlines; appeals.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import { RATING_LEVELS } from '../../shared/domain/rating';
import { CLERK, FakeClock, SUPERVISOR, call, cleanupAll, createTestCore, expectError, expectOk, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { rowCounts } from '../support/db';

afterAll(cleanupAll);

/** Wednesday 2026-09-30, 10:00 in Beijing: the day before National Day. */
const ANSWER_DAY = new Date('2026-09-30T02:00:00.000Z');
const SECOND = 1000;

let t: TestCore;
let events: { event: EventName; payload: unknown }[];

beforeEach(async () => {
  t = createTestCore({ clock: new FakeClock(ANSWER_DAY) });
  await setUpWithClerk(t.core);
  events = [];
  t.core.onEvent((event, payload) => events.push({ event, payload }));
  await login(t.core, CLERK.staffNo, CLERK.pin);
});

async function finishedContact(): Promise<string> {
  const contact = await call(t.core, 'intake.start', { itemCode: 'MAR-REG', channel: 'walkIn', applicantName: '张三', applicantPhone: '13800000000', applicantIdNumber: '' });
  await call(t.core, 'intake.close', { id: contact.id, reason: 'consulted' });
  return contact.id;
}

async function pendingId(): Promise<string> {
  const pending = expectOk(await t.core.call('rating.current', {}, 'display'));
  if (!pending) throw new Error('no pending rating');
  return pending.requestId;
}

function ratingRow(contactId: string): Record<string, unknown> | undefined {
  return t.core.db.prepare('SELECT * FROM rating WHERE contact_id = ?').get(contactId) as Record<string, unknown> | undefined;
}

function auditActions(): string[] {
  return (t.core.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((r) => r.action);
}

const LEVEL_WORDS = RATING_LEVELS.map((l) => l.label);

describe('rating a finished contact', () => {
  it('request → the display shows it → submit → the clerk sees rated, never the level', async () => {
    const contactId = await finishedContact();
    expect(await call(t.core, 'rating.status', { contactId })).toEqual({ status: 'none' });
    expect(await call(t.core, 'rating.request', { contactId })).toEqual({ status: 'pending' });
    expect(await call(t.core, 'rating.status', { contactId })).toEqual({ status: 'pending' });

    const pending = expectOk(await t.core.call('rating.current', {}, 'display'));
    expect(pending).toMatchObject({ windowNo: '3', clerkName: CLERK.name });
    expect(pending?.expiresAt).toBe(new Date(ANSWER_DAY.getTime() + 60 * SECOND).toISOString());
    expect(JSON.stringify(pending)).not.toContain('张三');

    t.clock.advance(10 * SECOND);
    expect(expectOk(await t.core.call('rating.submit', { requestId: await pendingId(), level: 5 }, 'display'))).toEqual({ thanks: '感谢您的评价！' });
    expect(await call(t.core, 'rating.status', { contactId })).toEqual({ status: 'rated' });
    expect(ratingRow(contactId)).toMatchObject({ status: 'rated', level: 5, staff_id: expect.any(String), window_no: '3' });
    expect(expectOk(await t.core.call('rating.current', {}, 'display'))).toBeNull();

    // every pushed rating event is the pending request or null: no level, no label
    const ratingEvents = events.filter((e) => e.event === 'rating.changed');
    expect(ratingEvents.length).toBeGreaterThanOrEqual(2);
    for (const e of ratingEvents) {
      expect(Object.keys(e.payload as object)).toEqual(['pending']);
      const text = JSON.stringify(e.payload);
      expect(text).not.toMatch(/level/);
      for (const word of LEVEL_WORDS) expect(text).not.toContain(word);
    }
    expect(ratingEvents[ratingEvents.length - 1]?.payload).toEqual({ pending: null });
    expect(auditActions()).toEqual(expect.arrayContaining(['rating.request', 'rating.submit']));
    const changes = t.core.db.prepare("SELECT COUNT(*) AS n FROM change_log WHERE entity = 'rating'").get() as { n: number };
    expect(changes.n).toBe(2);
  });

  it('refuses a contact that is not finished, and a second request', async () => {
    const open = await call(t.core, 'intake.start', { itemCode: 'MAR-REG', channel: 'walkIn', applicantName: '李四', applicantPhone: '', applicantIdNumber: '' });
    expect(expectError(await t.core.call('rating.request', { contactId: open.id }), 'CONFLICT').message).toMatch(/尚未办结/);
    const contactId = await finishedContact();
    await call(t.core, 'rating.request', { contactId });
    expect(expectError(await t.core.call('rating.request', { contactId }), 'CONFLICT').message).toMatch(/只能评价一次/);
    // another finished contact waits until the pad is free
    const other = await finishedContact();
    expect(expectError(await t.core.call('rating.request', { contactId: other }), 'CONFLICT').message).toMatch(/上一位申请人/);
  });

  it('a second submit is refused and changes nothing', async () => {
    const contactId = await finishedContact();
    await call(t.core, 'rating.request', { contactId });
    const requestId = await pendingId();
    await t.core.call('rating.submit', { requestId, level: 4 }, 'display');
    const before = rowCounts(t.core.db);
    const row = ratingRow(contactId);
    const again = expectError(await t.core.call('rating.submit', { requestId, level: 1, reasons: ['态度不好'] }, 'display'), 'CONFLICT');
    expect(again.message).toBe('已评价，不能重复评价');
    expect(rowCounts(t.core.db)).toEqual(before);
    expect(ratingRow(contactId)).toEqual(row);
  });

  it('a request past its time becomes 未评价 and cannot be answered', async () => {
    const contactId = await finishedContact();
    await call(t.core, 'rating.request', { contactId });
    const requestId = await pendingId();
    t.clock.advance(61 * SECOND);
    expect(expectOk(await t.core.call('rating.current', {}, 'display'))).toBeNull();
    expect(await call(t.core, 'rating.status', { contactId })).toEqual({ status: 'notRated' });
    expect(events.filter((e) => e.event === 'rating.changed').at(-1)?.payload).toEqual({ pending: null });
    expect(expectError(await t.core.call('rating.submit', { requestId, level: 5 }, 'display'), 'CONFLICT').message).toMatch(/未评价/);
    expect(ratingRow(contactId)).toMatchObject({ status: 'notRated', level: null });
    expect(auditActions()).toContain('rating.expire');
  });

  it('the timeout follows the setting', async () => {
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'settings.update', { ratingTimeoutSeconds: 20 });
    expectError(await t.core.call('settings.update', { ratingTimeoutSeconds: 5 }), 'VALIDATION');
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    const contactId = await finishedContact();
    await call(t.core, 'rating.request', { contactId });
    t.clock.advance(21 * SECOND);
    expect(await call(t.core, 'rating.status', { contactId })).toEqual({ status: 'notRated' });
  });

  it('refuses a request id that is not this window’s pending request (an unpaired pad)', async () => {
    const contactId = await finishedContact();
    await call(t.core, 'rating.request', { contactId });
    const before = rowCounts(t.core.db);
    const refused = expectError(await t.core.call('rating.submit', { requestId: '01890a5d-ac96-774b-bcce-b302099a8057', level: 5 }, 'display'), 'FORBIDDEN');
    expect(refused.message).toBe('本评价器未与该窗口配对或评价已结束');
    // a pending request of another window (rows synced from elsewhere) is not this pad's either
    t.core.db.prepare("UPDATE rating SET window_no = '9' WHERE contact_id = ?").run(contactId);
    expectError(await t.core.call('rating.submit', { requestId: ratingRow(contactId)?.id as string, level: 5 }, 'display'), 'FORBIDDEN');
    expect(rowCounts(t.core.db)).toEqual(before);
  });

  it('the display thanks a bad rating with the same words as a good one', async () => {
    const thanks: unknown[] = [];
    for (const level of [5, 1] as const) {
      const contactId = await finishedContact();
      await call(t.core, 'rating.request', { contactId });
      const requestId = await pendingId();
      thanks.push(expectOk(await t.core.call('rating.submit', { requestId, level, ...(level === 1 ? { reasons: ['态度不好'] } : {}) }, 'display')));
    }
    expect(thanks).toEqual([{ thanks: '感谢您的评价！' }, { thanks: '感谢您的评价！' }]);
  });

  it('a bad rating needs a reason; 其他 needs the text', async () => {
    const contactId = await finishedContact();
    await call(t.core, 'rating.request', { contactId });
    const requestId = await pendingId();
    const before = rowCounts(t.core.db);
    expect(expectError(await t.core.call('rating.submit', { requestId, level: 2 }, 'display'), 'VALIDATION').fields).toHaveProperty('reasons');
    expect(expectError(await t.core.call('rating.submit', { requestId, level: 1, reasons: ['其他'] }, 'display'), 'VALIDATION').fields).toHaveProperty('comment');
    expectError(await t.core.call('rating.submit', { requestId, level: 6 }, 'display'), 'VALIDATION');
    expect(rowCounts(t.core.db)).toEqual(before);
    expect(await call(t.core, 'rating.status', { contactId })).toEqual({ status: 'pending' });
  });
});

describe('bad-rating follow-up (差评整改)', () => {
  async function badRating(): Promise<string> {
    const contactId = await finishedContact();
    await call(t.core, 'rating.request', { contactId });
    const requestId = await pendingId();
    expectOk(await t.core.call('rating.submit', { requestId, level: 2, reasons: ['等候时间长', '态度不好'], comment: '排队太久' }, 'display'));
    return contactId;
  }

  async function asSupervisor(): Promise<void> {
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  }

  it('opens with the rating, with contact and rectification deadlines in working days over National Day', async () => {
    const contactId = await badRating();
    const rating = ratingRow(contactId);
    const row = t.core.db.prepare('SELECT * FROM follow_up WHERE rating_id = ?').get(rating?.id) as Record<string, unknown>;
    // the same transaction: the rating's and the follow-up's audit rows are next to each other
    expect(row).toMatchObject({ contact_id: contactId, status: 'open', contact_due: '2026-10-08', rectify_due: '2026-10-13', opened_at: rating?.answered_at });
    expect(auditActions().slice(-2)).toEqual(['rating.submit', 'followUp.open']);

    // the clerk cannot list follow-ups
    expectError(await t.core.call('followUp.list', {}), 'FORBIDDEN');
    await asSupervisor();
    const [item] = await call(t.core, 'followUp.list', { filter: 'open' });
    expect(item).toMatchObject({ levelLabel: '不满意', reasons: ['等候时间长', '态度不好'], comment: '排队太久', contactDue: '2026-10-08', rectifyDue: '2026-10-13', contactOverdue: false, clerk: { name: CLERK.name } });
    expect(await call(t.core, 'followUp.list', { filter: 'overdue' })).toEqual([]);
    t.clock.set(new Date('2026-10-09T02:00:00.000Z'));
    const [late] = await call(t.core, 'followUp.list', { filter: 'overdue' });
    expect(late).toMatchObject({ contactOverdue: true, rectifyOverdue: false });
  });

  it('uses the settings for the deadlines, and 待定 when the calendar does not cover the year', async () => {
    await asSupervisor();
    await call(t.core, 'settings.update', { followUpContactDays: 2, followUpRectifyDays: 10 });
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    await badRating();
    t.clock.set(new Date('2026-12-31T02:00:00.000Z'));
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    await badRating();
    await asSupervisor();
    const items = await call(t.core, 'followUp.list', { filter: 'all' });
    expect(items.map((f) => [f.contactDue, f.rectifyDue])).toEqual([
      [null, null],
      ['2026-10-09', '2026-10-20'],
    ]);
    expect(items[0]?.duePendingReason).toMatch(/待定/);
  });

  it('closes only with a finding, a rectification and the applicant’s response', async () => {
    await badRating();
    await asSupervisor();
    const [item] = await call(t.core, 'followUp.list', {});
    const id = item?.id ?? '';
    const before = rowCounts(t.core.db);
    const refused = expectError(await t.core.call('followUp.close', { id }), 'VALIDATION');
    expect(refused.message).toBe('还不能结案，请先填写：核查情况、整改措施、申请人意见');
    expect(Object.keys(refused.fields ?? {})).toEqual(['finding', 'rectification', 'applicantResponse']);
    expect(rowCounts(t.core.db)).toEqual(before);

    const recorded = await call(t.core, 'followUp.record', { id, contactNote: '已电话联系申请人，致歉', finding: '高峰时段只开一个窗口' });
    expect(recorded.contactedAt).not.toBeNull();
    expect(expectError(await t.core.call('followUp.close', { id }), 'VALIDATION').message).toBe('还不能结案，请先填写：整改措施、申请人意见');
    await call(t.core, 'followUp.record', { id, rectification: '高峰时段增开窗口', applicantResponse: '表示满意' });
    const closed = await call(t.core, 'followUp.close', { id });
    expect(closed).toMatchObject({ status: 'closed', finding: '高峰时段只开一个窗口', contactNote: '已电话联系申请人，致歉' });
    expectError(await t.core.call('followUp.record', { id, finding: '改' }), 'CONFLICT');
    expect(auditActions()).toEqual(expect.arrayContaining(['followUp.record', 'followUp.close']));
  });

  it('an appeal is filed by the clerk rated and decided by a supervisor who is not the appellant', async () => {
    await badRating();
    await asSupervisor();
    const second = await call(t.core, 'staff.create', { staffNo: 'S002', pin: '369258', name: '赵主管', title: '副主任', duties: '服务监督', partyMember: false, role: 'supervisor' });
    const [item] = await call(t.core, 'followUp.list', {});
    const id = item?.id ?? '';
    await logout(t.core);

    // the clerk rated appeals
    await login(t.core, CLERK.staffNo, CLERK.pin);
    const filed = await call(t.core, 'followUp.appeal', { id, reason: '当日系统故障导致等候，非本人原因' });
    expect(filed.appeal).toMatchObject({ status: 'filed', filedBy: CLERK.name });
    expectError(await t.core.call('followUp.appeal', { id, reason: '再次申诉' }), 'CONFLICT');
    expectError(await t.core.call('followUp.decideAppeal', { id, upheld: true, decision: '自己决定' }), 'FORBIDDEN');
    await logout(t.core);

    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    expect(expectError(await t.core.call('followUp.close', { id }), 'CONFLICT').message).toMatch(/申诉/);
    const decided = await call(t.core, 'followUp.decideAppeal', { id, upheld: false, decision: '经核实，等候时间长属实' });
    expect(decided).toMatchObject({ status: 'open', appeal: { status: 'rejected', decision: '经核实，等候时间长属实' } });
    expectError(await t.core.call('followUp.decideAppeal', { id, upheld: true, decision: '再改' }), 'CONFLICT');

    // a supervisor's own appeal on another follow-up: another supervisor decides
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    t.clock.advance(5 * 60 * SECOND);
    await badRating();
    await asSupervisor();
    const [newest] = await call(t.core, 'followUp.list', {});
    const otherId = newest?.id ?? '';
    await call(t.core, 'followUp.appeal', { id: otherId, reason: '申请人误操作' });
    expect(expectError(await t.core.call('followUp.decideAppeal', { id: otherId, upheld: true, decision: '成立' }), 'FORBIDDEN').message).toMatch(/申诉人/);
    await logout(t.core);
    await login(t.core, 'S002', '369258');
    const upheld = await call(t.core, 'followUp.decideAppeal', { id: otherId, upheld: true, decision: '申请人误触，申诉成立' });
    expect(upheld).toMatchObject({ status: 'closed', appeal: { status: 'upheld' } });
    expect(second.role).toBe('supervisor');
  });

  it('another clerk cannot appeal someone else’s rating', async () => {
    await badRating();
    await asSupervisor();
    await call(t.core, 'staff.create', { staffNo: 'C002', pin: '258036', name: '张伟', title: '登记员', duties: '离婚登记', partyMember: false, role: 'clerk' });
    const [item] = await call(t.core, 'followUp.list', {});
    await logout(t.core);
    await login(t.core, 'C002', '258036');
    expectError(await t.core.call('followUp.appeal', { id: item?.id ?? '', reason: '替同事申诉' }), 'FORBIDDEN');
  });
});
