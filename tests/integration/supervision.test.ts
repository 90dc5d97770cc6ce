/**
 * 跟踪回访, 意见箱 and 沟通联系 on a real SQLite file: callbacks scheduled by
 * the rules exactly once with working-day due dates, outcomes recorded, the
 * complaint box with its 5-working-day reply deadline, coordination notes,
 * and bad input refused in Chinese without writing anything.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceCase } from '../../shared/api/intake';
import { inShare } from '../../shared/domain/callbacks';
import type { CounterCore } from '../../electron/services/core/core';
import { newId } from '../../electron/services/core/ids';
import { CLERK, SUPERVISOR, call, cleanupAll, createTestCore, expectError, expectOk, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { auditSince, changesSince, maxSeq, rowCounts } from '../support/db';
import { UNKNOWN_ID } from '../support/requests';
import { ON_THE_SPOT_ITEM, WORKING_DAYS_ITEM, testCatalogue } from '../support/catalogue';

afterAll(cleanupAll);

const TEST_CATALOGUE = testCatalogue([WORKING_DAYS_ITEM, ON_THE_SPOT_ITEM]);

/** Wednesday 2026-09-30, 10:00 in Beijing: National Day (10-01…10-07) follows, Sat 10-10 is a make-up workday. */
const WEDNESDAY = new Date('2026-09-30T02:00:00.000Z');

let t: TestCore;
let clerkId = '';

async function asSupervisor<T>(core: CounterCore, work: () => Promise<T>): Promise<T> {
  await logout(core);
  await login(core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  try {
    return await work();
  } finally {
    await logout(core);
    await login(core, CLERK.staffNo, CLERK.pin);
  }
}

async function acceptCase(core: CounterCore, itemCode: string, applicantName = '张三丰'): Promise<ServiceCase> {
  const contact = await call(core, 'intake.start', { itemCode, channel: 'walkIn', applicantName, applicantPhone: '13800001234', applicantIdNumber: '' });
  return (await call(core, 'intake.accept', { id: contact.id, receivedMaterialIds: ['id'] })).case;
}

async function completedCase(core: CounterCore, itemCode: string): Promise<ServiceCase> {
  const c = await acceptCase(core, itemCode);
  return call(core, 'cases.complete', { id: c.id });
}

function callbackRows(core: CounterCore): { contact_id: string; source: string; due_date: string; status: string }[] {
  return core.db.prepare('SELECT contact_id, source, due_date, status FROM callback ORDER BY created_at, contact_id').all() as {
    contact_id: string;
    source: string;
    due_date: string;
    status: string;
  }[];
}

/** Inserts what a bad rating leaves behind (5 = 非常满意 … 1 = 非常不满意), as the rating pad would. */
function insertRating(core: CounterCore, contactId: string, level: number, at: string): void {
  // written directly: the rating pad's methods are another engineer's work in progress
  core.db
    .prepare(
      `INSERT INTO rating (id, hall_id, window_no, contact_id, staff_id, status, level, requested_at, expires_at, answered_at, created_at, updated_at)
       VALUES (?, 'hall', '3', ?, ?, 'rated', ?, ?, ?, ?, ?, ?)`,
    )
    .run(newId(), contactId, clerkId, level, at, at, at, at, at);
}

async function noWrites(work: () => Promise<void>): Promise<void> {
  const before = JSON.stringify(rowCounts(t.core.db));
  await work();
  expect(JSON.stringify(rowCounts(t.core.db))).toBe(before);
}

beforeEach(async () => {
  t = createTestCore();
  t.clock.set(WEDNESDAY);
  const { clerk } = await setUpWithClerk(t.core);
  clerkId = clerk.id;
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(t.core, 'catalogue.import', { content: JSON.stringify(TEST_CATALOGUE) });
  await logout(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
});

describe('callback rules', () => {
  it('are for supervisors; matter rules need a known item; one active rule per kind', async () => {
    expectError(await t.core.call('callbackRules.save', { kind: 'badRating', daysAfter: 2 }), 'FORBIDDEN');
    await asSupervisor(t.core, async () => {
      await noWrites(async () => {
        expect(expectError(await t.core.call('callbackRules.save', { kind: 'matter', itemCode: 'NOPE', daysAfter: 1 }), 'VALIDATION').message).toContain('NOPE');
        expectError(await t.core.call('callbackRules.save', { kind: 'matter', daysAfter: 1 }), 'VALIDATION');
        expectError(await t.core.call('callbackRules.save', { kind: 'completedShare', sharePercent: 0, daysAfter: 1 }), 'VALIDATION');
        expect(expectError(await t.core.call('callbackRules.save', { kind: 'badRating', daysAfter: 61 }), 'VALIDATION').message).toContain('60');
      });
      const rule = await call(t.core, 'callbackRules.save', { kind: 'matter', itemCode: 'T-SPOT', daysAfter: 1 });
      expect(rule.itemName).toBe('婚姻登记记录证明');
      expectError(await t.core.call('callbackRules.save', { kind: 'matter', itemCode: 'T-SPOT', daysAfter: 5 }), 'CONFLICT');
      const changed = await call(t.core, 'callbackRules.save', { id: rule.id, kind: 'matter', itemCode: 'T-SPOT', daysAfter: 5 });
      expect(changed.daysAfter).toBe(5);
      expect(await call(t.core, 'callbackRules.list', {})).toHaveLength(1);
    });
  });
});

describe('callbacks scheduled by the rules', () => {
  it('completed cases get callbacks once, with working-day due dates across National Day', async () => {
    await asSupervisor(t.core, async () => {
      await call(t.core, 'callbackRules.save', { kind: 'completedShare', sharePercent: 100, daysAfter: 3 });
      await call(t.core, 'callbackRules.save', { kind: 'matter', itemCode: 'T-SPOT', daysAfter: 1 });
    });
    const open = await acceptCase(t.core, 'T-LIMIT', '未办结');
    const limit = await completedCase(t.core, 'T-LIMIT');
    const spot = await completedCase(t.core, 'T-SPOT');
    const seq = maxSeq(t.core.db, 'audit_log');

    expect(callbackRows(t.core)).toEqual([
      { contact_id: limit.contactId, source: 'completedShare', due_date: '2026-10-10', status: 'due' },
      { contact_id: spot.contactId, source: 'matter', due_date: '2026-10-08', status: 'due' },
    ]);
    expect(callbackRows(t.core).some((r) => r.contact_id === open.contactId)).toBe(false);

    // scanning again (the due list, a restart, the timer) adds nothing
    await call(t.core, 'callbacks.due', {});
    t.reopen();
    await call(t.core, 'auth.unlock', { pin: CLERK.pin }); // a restored session comes back locked
    const due = await call(t.core, 'callbacks.due', {});
    expect(callbackRows(t.core)).toHaveLength(2);
    expect(auditSince(t.core.db, seq).filter((a) => a.action === 'callbacks.schedule')).toEqual([]);
    expect(due.upcoming.map((c) => [c.source, c.dueDate, c.caseNo])).toEqual([
      ['matter', '2026-10-08', spot.caseNo],
      ['completedShare', '2026-10-10', limit.caseNo],
    ]);
    expect(due.upcoming[0]?.phoneMasked).toBe('138****1234');
    expect(JSON.stringify(due)).not.toContain('13800001234');
    expect(due.warning).toBeNull();

    // each callback was written with its audit and change-log rows
    const changes = changesSince(t.core.db, 0).filter((c) => c.entity === 'callback');
    expect(changes).toHaveLength(2);
    expect(auditSince(t.core.db, 0).filter((a) => a.action === 'callbacks.schedule')).toHaveLength(2);

    // later the same day the first one is due today, then overdue
    t.clock.set(new Date('2026-10-08T02:00:00.000Z'));
    expect((await call(t.core, 'callbacks.due', {})).dueToday.map((c) => c.caseNo)).toEqual([spot.caseNo]);
    t.clock.set(new Date('2026-10-12T02:00:00.000Z'));
    expect((await call(t.core, 'callbacks.due', {})).overdue).toHaveLength(2);
  });

  it('a share rule chooses the cases its hash selects, and only cases completed after it was set up', async () => {
    const before = await completedCase(t.core, 'T-LIMIT');
    t.clock.set(new Date(WEDNESDAY.getTime() + 60_000));
    await asSupervisor(t.core, () => call(t.core, 'callbackRules.save', { kind: 'completedShare', sharePercent: 50, daysAfter: 0 }));
    const cases: ServiceCase[] = [];
    for (let i = 0; i < 16; i++) cases.push(await completedCase(t.core, 'T-LIMIT'));
    const expected = cases.filter((c) => inShare(c.id, 50)).map((c) => c.contactId).sort();
    const rows = callbackRows(t.core);
    expect(rows.map((r) => r.contact_id).sort()).toEqual(expected);
    expect(rows.every((r) => r.due_date === '2026-09-30' && r.source === 'completedShare')).toBe(true);
    expect(rows.some((r) => r.contact_id === before.contactId)).toBe(false);
  });

  it('a bad rating gets a callback; a good one does not; the outcome is recorded once', async () => {
    await asSupervisor(t.core, () => call(t.core, 'callbackRules.save', { kind: 'badRating', daysAfter: 2 }));
    const bad = await completedCase(t.core, 'T-SPOT');
    const good = await completedCase(t.core, 'T-SPOT');
    const at = t.clock.now().toISOString();
    insertRating(t.core, bad.contactId, 2, at); // 不满意
    insertRating(t.core, good.contactId, 4, at); // 满意
    const due = await call(t.core, 'callbacks.due', {});
    expect(due.upcoming.map((c) => [c.contactId, c.source, c.dueDate])).toEqual([[bad.contactId, 'badRating', '2026-10-09']]);
    const id = due.upcoming[0]?.id ?? '';

    await noWrites(async () => {
      const noOutcome = expectError(await t.core.call('callbacks.record', { id, status: 'done', satisfaction: 3 }), 'VALIDATION');
      expect(noOutcome.fields?.outcome).toContain('回访情况');
      const noSatisfaction = expectError(await t.core.call('callbacks.record', { id, status: 'done', outcome: '已致电，申请人接受解释' }), 'VALIDATION');
      expect(noSatisfaction.fields?.satisfaction).toContain('满意度');
      expectError(await t.core.call('callbacks.record', { id: UNKNOWN_ID, status: 'unreachable' }), 'NOT_FOUND');
    });

    const phone = await call(t.core, 'callbacks.phone', { id });
    expect(phone.phone).toBe('13800001234');
    expect(auditSince(t.core.db, 0).some((a) => a.action === 'callbacks.phone' && a.entity_id === id)).toBe(true);

    const seq = maxSeq(t.core.db, 'change_log');
    const done = await call(t.core, 'callbacks.record', { id, status: 'done', outcome: '已致电，申请人接受解释', satisfaction: 4 });
    expect(done).toMatchObject({ status: 'done', outcome: '已致电，申请人接受解释', satisfaction: 4 });
    expect(changesSince(t.core.db, seq).map((c) => [c.entity, c.op])).toEqual([['callback', 'update']]);
    expect(expectError(await t.core.call('callbacks.record', { id, status: 'unreachable' }), 'CONFLICT').message).toContain('重复');
    const after = await call(t.core, 'callbacks.due', {});
    expect(after.upcoming).toEqual([]);
    expect(after.recent.map((c) => c.id)).toEqual([id]);
  });

  it('a bad rating given on the rating pad (rating.request → rating.submit) gets a callback', async () => {
    await asSupervisor(t.core, () => call(t.core, 'callbackRules.save', { kind: 'badRating', daysAfter: 1 }));
    const c = await completedCase(t.core, 'T-SPOT');
    await call(t.core, 'rating.request', { contactId: c.contactId });
    const pending = expectOk(await t.core.call('rating.current', {}, 'display'));
    if (!pending) throw new Error('no pending rating');
    expectOk(await t.core.call('rating.submit', { requestId: pending.requestId, level: 1, reasons: ['等候时间长'] }, 'display'));
    const due = await call(t.core, 'callbacks.due', {});
    expect(due.upcoming.map((cb) => [cb.contactId, cb.source, cb.dueDate])).toEqual([[c.contactId, 'badRating', '2026-10-08']]);
  });

  it('a due date in a year the calendar does not cover is 待定: nothing scheduled, a warning counted', async () => {
    await asSupervisor(t.core, () => call(t.core, 'callbackRules.save', { kind: 'badRating', daysAfter: 2 }));
    const c = await completedCase(t.core, 'T-SPOT');
    t.clock.set(new Date('2031-03-03T02:00:00.000Z'));
    insertRating(t.core, c.contactId, 1, t.clock.now().toISOString());
    const due = await call(t.core, 'callbacks.due', {});
    expect(due.unscheduled).toBe(1);
    expect(due.warning).toMatch(/待定/);
    expect(callbackRows(t.core)).toEqual([]);
  });
});

describe('complaint box', () => {
  it('refuses empty or short content in Chinese and writes nothing', async () => {
    await noWrites(async () => {
      for (const details of ['', '   ', '太慢']) {
        const error = expectError(await t.core.call('complaints.create', { kind: 'complaint', via: 'window', details }), 'VALIDATION');
        expect(error.fields?.details).toContain('投诉或建议内容');
      }
      expectError(await t.core.call('complaints.create', { kind: 'complaint', via: 'fax' as 'window', details: '等候时间太长了' }), 'VALIDATION');
      expectError(await t.core.call('complaints.create', { kind: 'complaint', via: 'window', details: '等候时间太长了', ownerStaffId: UNKNOWN_ID }), 'VALIDATION');
    });
  });

  it('numbers it, gives 5 working days to reply, and goes resolved → closed', async () => {
    const { complaint, warning } = await call(t.core, 'complaints.create', {
      kind: 'complaint',
      via: 'hotline12345',
      complainant: '赵女士',
      phone: '13900002222',
      details: '上午等候一个多小时，窗口人员态度冷淡',
      subjectStaffId: clerkId,
    });
    expect(warning).toBeNull();
    expect(complaint.complaintNo).toBe('TS20260930-3-001');
    // received Wed 2026-09-30: 10-08, 10-09, 10-10 (make-up), 10-12, 10-13
    expect(complaint.deadline).toBe('2026-10-13');
    expect(complaint.owner.staffNo).toBe(CLERK.staffNo);
    expect(complaint.subject?.name).toBe(CLERK.name);
    expect(changesSince(t.core.db, 0).filter((c) => c.entity === 'complaint')).toHaveLength(1);

    const suggestion = (await call(t.core, 'complaints.create', { kind: 'suggestion', via: 'online', details: '建议增加周末预约服务' })).complaint;
    expect(suggestion.complaintNo).toBe('TS20260930-3-002');
    expect((await call(t.core, 'complaints.list', { status: 'open' })).map((c) => c.complaintNo)).toHaveLength(2);

    await noWrites(async () => {
      expectError(await t.core.call('complaints.resolve', { id: complaint.id, resolution: '', reply: '已答复' }), 'VALIDATION');
      expectError(await t.core.call('complaints.close', { id: complaint.id }), 'FORBIDDEN');
    });
    const resolved = await call(t.core, 'complaints.resolve', { id: complaint.id, resolution: '核实后对窗口人员批评教育，增开一个窗口', reply: '已电话告知赵女士处理结果，表示认可' });
    expect(resolved.status).toBe('resolved');
    expect(resolved.repliedAt).not.toBeNull();
    expectError(await t.core.call('complaints.resolve', { id: complaint.id, resolution: '再次处理', reply: '再次答复' }), 'CONFLICT');

    await asSupervisor(t.core, async () => {
      expect(await call(t.core, 'complaints.list', {})).toHaveLength(2);
      expectError(await t.core.call('complaints.close', { id: suggestion.id }), 'CONFLICT');
      expect((await call(t.core, 'complaints.close', { id: complaint.id })).status).toBe('closed');
    });

    // overdue once the deadline has passed without a reply
    t.clock.set(new Date('2026-10-14T02:00:00.000Z'));
    const [open] = await call(t.core, 'complaints.list', { status: 'open' });
    expect(open?.overdue).toBe(true);
  });

  it('a clerk sees only complaints they own', async () => {
    await asSupervisor(t.core, () => call(t.core, 'complaints.create', { kind: 'complaint', via: 'letter', details: '来信反映办事指南不清楚' }));
    expect(await call(t.core, 'complaints.list', {})).toEqual([]);
  });
});

describe('coordination notes', () => {
  it('are added to a case, answered once, and listed while open', async () => {
    const c = await acceptCase(t.core, 'T-LIMIT');
    await noWrites(async () => {
      expectError(await t.core.call('coordination.add', { caseId: UNKNOWN_ID, addressedTo: '5 号窗口', message: '请协助核实' }), 'NOT_FOUND');
      expectError(await t.core.call('coordination.add', { caseId: c.id, addressedTo: '', message: '请协助核实' }), 'VALIDATION');
      expectError(await t.core.call('coordination.add', { caseId: c.id, addressedTo: '社保局', message: '   ' }), 'VALIDATION');
    });
    const note = await call(t.core, 'coordination.add', { caseId: c.id, addressedTo: '区社保局', message: '请提供申请人近半年社保缴纳记录' });
    expect(note.caseNo).toBe(c.caseNo);
    expect(await call(t.core, 'coordination.list', {})).toHaveLength(1);

    const replied = await call(t.core, 'coordination.reply', { id: note.id, reply: '已传真缴纳记录，共 6 个月' });
    expect(replied.repliedBy).toBe(`${CLERK.name}（${CLERK.staffNo}）`);
    await noWrites(async () => {
      expect(expectError(await t.core.call('coordination.reply', { id: note.id, reply: '再答一次' }), 'CONFLICT').message).toContain(CLERK.name);
      expectError(await t.core.call('coordination.reply', { id: UNKNOWN_ID, reply: '答复' }), 'NOT_FOUND');
    });
    expect(await call(t.core, 'coordination.list', {})).toEqual([]);
    expect((await call(t.core, 'coordination.list', { caseId: c.id })).map((n) => n.reply)).toEqual(['已传真缴纳记录，共 6 个月']);
    expect(changesSince(t.core.db, 0).filter((ch) => ch.entity === 'coordination_note').map((ch) => ch.op)).toEqual(['insert', 'update']);
  });
});
