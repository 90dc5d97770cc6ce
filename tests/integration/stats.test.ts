/**
 * Statistics on a real ledger with a small known data set: contacts, cases,
 * notifications and referrals through the intake API; ratings and follow-ups
 * inserted directly (their API is being built in parallel), and two contacts
 * of another window and outside the range inserted directly (one workstation
 * only writes its own window).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, StatsReport, StatsRow } from '../../shared/contract';
import { LEVEL_AT } from '../../shared/domain/stats';
import type { CounterCore } from '../../electron/services/core/core';
import { newId } from '../../electron/services/core/ids';
import { CLERK, MINUTE, SUPERVISOR, call, cleanupAll, createTestCore, expectError, login, logout, makeTempDir, setUpWithClerk, type TestCore } from '../support/core';
import { downloaded, downloadedWorkbook } from '../support/downloads';
import { UNKNOWN_ID } from '../support/requests';

afterAll(cleanupAll);

const SECOND = { staffNo: 'C002', pin: '258036', name: '张伟', title: '登记员', duties: '', partyMember: false, role: 'clerk' } as const;
const RANGE = { from: '2026-09-29', to: '2026-10-01' } as const;

let t: TestCore;
let clerkId = '';
let secondId = '';
let hallId = '';

async function start(core: CounterCore, name: string, itemCode = 'MAR-RECORD'): Promise<Contact> {
  return call(core, 'intake.start', { itemCode, channel: 'walkIn', applicantName: name, applicantPhone: '', applicantIdNumber: '' });
}

/** Inserted directly: the rating pad's API is another engineer's, in progress. */
function rate(contactId: string, staffId: string, status: 'rated' | 'notRated' | 'pending', level: number | null, at: string | null, expires: string): string {
  const id = newId();
  t.core.db
    .prepare(
      `INSERT INTO rating (id, hall_id, window_no, contact_id, staff_id, status, level, requested_at, expires_at, answered_at, created_at, updated_at)
       VALUES (?, ?, '3', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, hallId, contactId, staffId, status, level, expires, expires, at, expires, expires);
  return id;
}

/** Inserted directly, like the ratings. */
function followUp(ratingId: string, contactId: string, staffId: string, status: 'open' | 'closed', openedAt: string, rectifyDue: string): void {
  t.core.db
    .prepare(
      `INSERT INTO follow_up (id, hall_id, window_no, rating_id, contact_id, staff_id, opened_at, contact_due, rectify_due, status, closed_at, created_at, updated_at)
       VALUES (?, ?, '3', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(newId(), hallId, ratingId, contactId, staffId, openedAt, rectifyDue, rectifyDue, status, status === 'closed' ? openedAt : null, openedAt, openedAt);
}

/** A contact of another window or time, inserted directly (a workstation writes only its own window). */
function contactAt(windowNo: string, staffId: string, receivedAt: string): void {
  t.core.db
    .prepare(
      `INSERT INTO contact (id, hall_id, window_no, contact_no, channel, item_code, item_name, applicant_name, owner_staff_id, status, received_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'walkIn', 'MAR-RECORD', '婚姻登记记录证明', '外窗口', ?, 'open', ?, ?, ?)`,
    )
    .run(newId(), hallId, windowNo, `JD-${newId()}`, staffId, receivedAt, receivedAt, receivedAt);
}

/** The stored level of a distribution position (0 = 非常满意 … 4 = 非常不满意), as the rating module defines it. */
function level(position: number): number {
  const stored = LEVEL_AT[position];
  if (stored === undefined) throw new Error('no such position');
  return stored;
}
const VERY_SATISFIED = level(0);
const SATISFIED = level(1);
const DISSATISFIED = level(3);
const VERY_DISSATISFIED = level(4);

beforeAll(async () => {
  t = createTestCore();
  t.clock.set(new Date('2026-09-29T01:00:00.000Z')); // Tue 09:00 in Beijing
  const { clerk } = await setUpWithClerk(t.core);
  clerkId = clerk.id;
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  secondId = (await call(t.core, 'staff.create', SECOND)).id;
  await logout(t.core);

  // 2026-09-29, the first clerk: notified, referred, accepted after 10 and after 20 minutes
  await login(t.core, CLERK.staffNo, CLERK.pin);
  const a = await start(t.core, '赵一');
  await call(t.core, 'intake.notify', { id: a.id, receivedMaterialIds: ['id-card'], problems: [] });
  const b = await start(t.core, '钱二', 'SOC-ORG-REG');
  await call(t.core, 'intake.refer', { id: b.id });
  const c = await start(t.core, '孙三');
  t.clock.advance(10 * MINUTE);
  await call(t.core, 'intake.accept', { id: c.id, receivedMaterialIds: ['id-card', 'application'] });
  const d = await start(t.core, '李四');
  t.clock.advance(20 * MINUTE);
  await call(t.core, 'intake.accept', { id: d.id, receivedMaterialIds: ['id-card', 'application'] });
  await logout(t.core);
  hallId = (t.core.db.prepare('SELECT hall_id FROM contact LIMIT 1').get() as { hall_id: string }).hall_id;

  // 2026-09-30, the second clerk: one accepted after 30 minutes, one still open
  t.clock.set(new Date('2026-09-30T02:00:00.000Z'));
  await login(t.core, SECOND.staffNo, SECOND.pin);
  const e = await start(t.core, '周五');
  t.clock.advance(30 * MINUTE);
  await call(t.core, 'intake.accept', { id: e.id, receivedMaterialIds: ['id-card', 'application'] });
  const f = await start(t.core, '吴六');
  await logout(t.core);

  // window 5 at 01:00 on 2026-10-01 in Beijing (still 2026-09-30 in UTC); and 23:59 on 2026-09-28, outside the range
  contactAt('5', secondId, '2026-09-30T17:00:00.000Z');
  contactAt('3', clerkId, '2026-09-28T15:59:59.000Z');

  rate(c.id, clerkId, 'rated', VERY_SATISFIED, '2026-09-29T01:12:00.000Z', '2026-09-29T01:15:00.000Z');
  const bad = rate(d.id, clerkId, 'rated', VERY_DISSATISFIED, '2026-09-29T01:32:00.000Z', '2026-09-29T01:35:00.000Z');
  const bad2 = rate(b.id, clerkId, 'rated', DISSATISFIED, '2026-09-29T01:05:00.000Z', '2026-09-29T01:06:00.000Z');
  rate(a.id, clerkId, 'notRated', null, null, '2026-09-29T01:03:00.000Z');
  rate(e.id, secondId, 'rated', SATISFIED, '2026-09-30T02:31:00.000Z', '2026-09-30T02:35:00.000Z');
  rate(f.id, secondId, 'pending', null, null, '2026-09-30T02:40:00.000Z');
  followUp(bad, d.id, clerkId, 'open', '2026-09-29T01:32:00.000Z', '2026-09-30');
  followUp(bad2, b.id, clerkId, 'closed', '2026-09-29T01:05:00.000Z', '2026-09-30');

  t.clock.set(new Date('2026-10-01T02:00:00.000Z')); // 10:00 on 2026-10-01
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
});

function pick(row: StatsRow | undefined): Omit<StatsRow, 'key' | 'label'> {
  if (!row) throw new Error('no such row');
  const { key: _key, label: _label, ...rest } = row;
  return rest;
}

/** This data set has no 婚姻登记 (tests/integration/marriage-ledger.test.ts counts those). */
const NO_REGISTRATIONS = { marriages: 0, reissues: 0, divorceApplications: 0, divorces: 0, refusals: 0 };
const FIRST_CLERK = {
  ...NO_REGISTRATIONS,
  contacts: 4,
  accepted: 2,
  notified: 1,
  referred: 1,
  avgHandlingMinutes: 15,
  ratings: [1, 0, 0, 1, 1],
  rated: 3,
  notRated: 1,
  satisfactionRate: 1 / 3,
  followUpsOpen: 1,
  followUpsOverdue: 1,
};
const SECOND_CLERK = {
  ...NO_REGISTRATIONS,
  contacts: 3,
  accepted: 1,
  notified: 0,
  referred: 0,
  avgHandlingMinutes: 30,
  ratings: [0, 1, 0, 0, 0],
  rated: 1,
  notRated: 0,
  satisfactionRate: 1,
  followUpsOpen: 0,
  followUpsOverdue: 0,
};
const TOTALS = {
  ...NO_REGISTRATIONS,
  contacts: 7,
  accepted: 3,
  notified: 1,
  referred: 1,
  avgHandlingMinutes: 20,
  ratings: [1, 1, 0, 1, 1],
  rated: 4,
  notRated: 1,
  satisfactionRate: 0.5,
  followUpsOpen: 1,
  followUpsOverdue: 1,
};

describe('stats.report', () => {
  it('groups by clerk: each measure per clerk and the totals', async () => {
    const r = await call(t.core, 'stats.report', { ...RANGE, groupBy: 'clerk' });
    expect(r.today).toBe('2026-10-01');
    expect(r.rows.map((x) => [x.key, x.label])).toEqual([
      [clerkId, `${CLERK.name}（${CLERK.staffNo}）`],
      [secondId, `${SECOND.name}（${SECOND.staffNo}）`],
    ]);
    expect(pick(r.rows[0])).toEqual(FIRST_CLERK);
    expect(pick(r.rows[1])).toEqual(SECOND_CLERK);
    expect(pick(r.totals)).toEqual(TOTALS);
    expect(r.totals.label).toBe('合计');
  });

  it('groups by window', async () => {
    const r = await call(t.core, 'stats.report', { ...RANGE, groupBy: 'window' });
    expect(r.rows.map((x) => [x.label, x.contacts, x.accepted, x.rated])).toEqual([
      ['3 号窗口', 6, 3, 4],
      ['5 号窗口', 1, 0, 0],
    ]);
    expect(pick(r.totals)).toEqual(TOTALS);
  });

  it('groups by hall day (UTC+8), with every day of the range', async () => {
    const r = await call(t.core, 'stats.report', { ...RANGE, groupBy: 'day' });
    expect(r.rows.map((x) => x.key)).toEqual(['2026-09-29', '2026-09-30', '2026-10-01']);
    expect(pick(r.rows[0])).toEqual({ ...FIRST_CLERK });
    expect(r.rows.map((x) => [x.contacts, x.accepted, x.avgHandlingMinutes, x.satisfactionRate])).toEqual([
      [4, 2, 15, 1 / 3],
      [2, 1, 30, 1],
      [1, 0, null, null],
    ]);
    expect(pick(r.totals)).toEqual(TOTALS);
  });

  it('groups by hall month', async () => {
    const r = await call(t.core, 'stats.report', { ...RANGE, groupBy: 'month' });
    expect(r.rows.map((x) => [x.key, x.label, x.contacts, x.accepted, x.rated])).toEqual([
      ['2026-09', '2026年9月', 6, 3, 4],
      ['2026-10', '2026年10月', 1, 0, 0],
    ]);
  });

  it('counts 23:59 Beijing time on 2026-09-28 in that day, not in the next', async () => {
    const r = await call(t.core, 'stats.report', { from: '2026-09-28', to: '2026-09-28', groupBy: 'day' });
    expect(r.rows.map((x) => [x.key, x.contacts])).toEqual([['2026-09-28', 1]]);
    expect(r.totals.rated).toBe(0);
    expect(r.totals.satisfactionRate).toBeNull();
    expect(r.totals.avgHandlingMinutes).toBeNull();
  });

  it('filters by clerk and by window', async () => {
    const byClerk = await call(t.core, 'stats.report', { ...RANGE, groupBy: 'clerk', staffId: secondId });
    expect(byClerk.rows).toHaveLength(1);
    expect(pick(byClerk.totals)).toEqual(SECOND_CLERK);
    const byWindow = await call(t.core, 'stats.report', { ...RANGE, groupBy: 'clerk', windowNo: '5' });
    expect(byWindow.rows.map((x) => [x.key, x.contacts])).toEqual([[secondId, 1]]);
  });

  it('judges overdue follow-ups against today: not overdue on its due date', async () => {
    t.clock.set(new Date('2026-09-30T08:00:00.000Z'));
    const r = await call(t.core, 'stats.report', { ...RANGE, groupBy: 'clerk' });
    expect(r.today).toBe('2026-09-30');
    expect([r.totals.followUpsOpen, r.totals.followUpsOverdue]).toEqual([1, 0]);
    t.clock.set(new Date('2026-10-01T02:00:00.000Z'));
  });

  it('refuses a bad range, a range over 366 days and an unknown clerk', async () => {
    const backwards = expectError(await t.core.call('stats.report', { from: '2026-10-02', to: '2026-10-01', groupBy: 'day' }), 'VALIDATION');
    expect(backwards.fields?.to).toMatch(/开始日期不能晚于结束日期/);
    const long = expectError(await t.core.call('stats.report', { from: '2025-01-01', to: '2026-01-02', groupBy: 'month' }), 'VALIDATION');
    expect(long.fields?.to).toMatch(/366/);
    expect((await call(t.core, 'stats.report', { from: '2025-01-01', to: '2026-01-01', groupBy: 'month' })).rows).toHaveLength(13);
    expectError(await t.core.call('stats.report', { from: '2026-02-30', to: '2026-03-01', groupBy: 'day' }), 'VALIDATION');
    const unknown = expectError(await t.core.call('stats.report', { ...RANGE, groupBy: 'clerk', staffId: UNKNOWN_ID }), 'VALIDATION');
    expect(unknown.fields?.staffId).toMatch(/没有这位工作人员/);
  });

  it('is for supervisors only', async () => {
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    expectError(await t.core.call('stats.report', { ...RANGE, groupBy: 'clerk' }), 'FORBIDDEN');
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  });
});

function auditCount(): number {
  return (t.core.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'stats.export'").get() as { n: number }).n;
}

describe('stats.export', () => {
  let report: StatsReport;
  beforeAll(async () => {
    report = await call(t.core, 'stats.report', { ...RANGE, groupBy: 'clerk' });
  });

  it('writes a CSV with the rows, the totals and the footnotes, and audits it', async () => {
    const result = await call(t.core, 'stats.export', { filter: { ...RANGE, groupBy: 'clerk' }, format: 'csv' });
    expect(result.rows).toBe(2);
    expect(result.fileName).toBe('统计报表_按工作人员_2026-09-29至2026-10-01_20261001-100000.csv');
    const text = (await downloaded(t.core, result)).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('工作人员,接待量,受理量,告知量,引导量,平均办理时长（分钟）,非常满意,满意,基本满意,不满意,非常不满意,已评价,未评价,满意率,整改中,整改逾期,结婚登记,补领婚姻登记证,离婚申请受理,离婚登记,不予登记');
    expect(lines[1]).toBe(`${report.rows[0]?.label},4,2,1,1,15.0,1,0,0,1,1,3,1,33.3%,1,1,0,0,0,0,0`);
    expect(lines[2]).toBe(`${report.rows[1]?.label},3,1,0,0,30.0,0,1,0,0,0,1,0,100.0%,0,0,0,0,0,0,0`);
    expect(lines[3]).toBe('合计,7,3,1,1,20.0,1,1,0,1,1,4,1,50.0%,1,1,0,0,0,0,0');
    expect(text).toContain('满意率 =（非常满意 + 满意 + 基本满意）÷ 已评价次数');
    const audit = t.core.db.prepare("SELECT detail FROM audit_log WHERE action = 'stats.export' ORDER BY seq DESC LIMIT 1").get() as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ format: 'csv', rows: 2, fileName: result.fileName });
  });

  it('writes an XLSX that reads back', async () => {
    const result = await call(t.core, 'stats.export', { filter: { ...RANGE, groupBy: 'window' }, format: 'xlsx' });
    const book = await downloadedWorkbook(t.core, result);
    const sheet = book.getWorksheet('统计报表');
    expect(sheet?.getRow(1).getCell(1).value).toBe('窗口');
    expect(sheet?.getRow(2).getCell(1).value).toBe('3 号窗口');
    expect(sheet?.getRow(2).getCell(2).value).toBe('6');
    expect(sheet?.getRow(4).getCell(1).value).toBe('合计');
    expect(sheet?.getRow(4).getCell(14).value).toBe('50.0%');
  });

  it('takes no folder on the workstation: the file is saved as a download', async () => {
    const before = auditCount();
    expectError(await t.core.dispatch('stats.export', { filter: { ...RANGE, groupBy: 'clerk' }, format: 'csv', directory: makeTempDir() }, 'clerk'), 'VALIDATION');
    expect(auditCount()).toBe(before);
  });
});
