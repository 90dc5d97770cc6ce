/**
 * The intake flow on a real SQLite file with the embedded "no printer":
 * first contact, one-time notification, resumption by slip number,
 * acceptance with a working-day deadline, referral, and the clerk's cases.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/api/intake';
import type { CounterCore } from '../../electron/services/core/core';
import { CLERK, SUPERVISOR, call, cleanupAll, createTestCore, expectError, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { rowCounts } from '../support/db';
import { ON_THE_SPOT_ITEM, WORKING_DAYS_ITEM, testCatalogue } from '../support/catalogue';

afterAll(cleanupAll);

/** A catalogue with exactly known items, imported as a supervisor would. */
const TEST_CATALOGUE = testCatalogue([
  {
    ...WORKING_DAYS_ITEM,
    materials: [
      { id: 'id', name: '居民身份证', standard: '原件，在有效期内', obtainFrom: '本人携带', required: true },
      { id: 'income', name: '家庭收入证明', standard: '加盖村（居）委会公章', obtainFrom: '户籍所在地村（居）委会', required: true },
      { id: 'bank', name: '银行卡复印件', standard: '本人名下一类账户', obtainFrom: '开户银行', required: false },
    ],
    resultPickup: '结果短信通知，凭回执到本窗口领取',
  },
  ON_THE_SPOT_ITEM,
  {
    ...ON_THE_SPOT_ITEM,
    code: 'T-HALL',
    name: '收养登记',
    windows: ['9'],
  },
  {
    code: 'T-REF',
    name: '社会团体成立登记',
    department: '民政局社会组织管理科',
    windows: [],
    referral: { where: '区政务服务中心二楼 社会组织登记窗口', address: '滨江路 88 号', phone: '0571-88880000', hours: '工作日 9:00-17:00' },
    materials: [],
    legalBasis: '《社会团体登记管理条例》',
    timeLimit: { kind: 'workingDays', days: 30 },
    fee: '不收费',
    resultPickup: '到登记窗口领取',
  },
]);

/** Friday 2026-09-25, 10:00 in Beijing. */
const FRIDAY = new Date('2026-09-25T02:00:00.000Z');

async function importTestCatalogue(core: CounterCore): Promise<void> {
  await login(core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(core, 'catalogue.import', { content: JSON.stringify(TEST_CATALOGUE) });
  await logout(core);
}

function jobText(t: TestCore, jobId: string): string {
  const row = t.core.db.prepare('SELECT bytes FROM print_job WHERE id = ?').get(jobId) as { bytes: Buffer };
  return iconv.decode(row.bytes, 'gb18030');
}

async function startContact(core: CounterCore, itemCode: string, extra: Partial<{ applicantIdNumber: string; applicantName: string }> = {}): Promise<Contact> {
  return call(core, 'intake.start', {
    itemCode,
    channel: 'walkIn',
    applicantName: extra.applicantName ?? '张三丰',
    applicantPhone: '13800000000',
    applicantIdNumber: extra.applicantIdNumber ?? '',
  });
}

let t: TestCore;
beforeEach(async () => {
  t = createTestCore();
  t.clock.set(FRIDAY);
  await setUpWithClerk(t.core);
  await importTestCatalogue(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
});

describe('walk-in → notification → return → acceptance', () => {
  it('prints one notification listing every missing item, resumes by its number and accepts with the working-day deadline', async () => {
    const contact = await startContact(t.core, 'T-LIMIT', { applicantIdNumber: '11010519491231002X' });
    expect(contact.status).toBe('open');
    expect(contact.applicantIdMasked).toBe('110105********002X');
    expect(contact.owner.staffNo).toBe(CLERK.staffNo);

    const notified = await call(t.core, 'intake.notify', { id: contact.id, receivedMaterialIds: ['id'], problems: [] });
    expect(notified.contact.status).toBe('notified');
    const slipNo = notified.contact.notification?.slipNo ?? '';
    expect(slipNo).toMatch(/^GZ20260925-3-\d{3}$/);
    expect(notified.contact.notification?.missing.map((m) => m.name)).toEqual(['家庭收入证明']);
    // 20 working days after Fri 2026-09-25 (National Day holidays in between)
    expect(notified.contact.notification?.supplementBy).toBe('2026-10-29');
    const slip = jobText(t, notified.printJobId);
    for (const expected of ['一次性告知单', slipNo, '张*丰', '110105********002X', '最低生活保障申请', '《社会救助暂行办法》第十一条', '家庭收入证明', '加盖村（居）委会公章', '户籍所在地村（居）委会', '2026年10月29日前', '逾期', CLERK.name, '12345', '申请人签收']) {
      expect(slip).toContain(expected);
    }
    // plain wording, read as a whole across the slip's line breaks
    expect(slip.replace(/[\s\p{Cc}]/gu, '')).toContain('无需重新排队，也无需再次说明情况。');
    expect(slip).not.toContain('张三丰');
    expect(slip).not.toContain('11010519491231002X');

    // the applicant comes back a week later, at any window (another clerk logged in here)
    t.clock.set(new Date('2026-10-09T01:30:00.000Z'));
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const resumed = await call(t.core, 'intake.resume', { slipNo: slipNo.toLowerCase() });
    expect(resumed.id).toBe(contact.id);
    expectError(await t.core.call('intake.accept', { id: contact.id, receivedMaterialIds: ['id'] }), 'VALIDATION');
    const accepted = await call(t.core, 'intake.accept', { id: contact.id, receivedMaterialIds: ['id', 'income'] });
    expect(accepted.contact.status).toBe('accepted');
    expect(accepted.contact.owner.staffNo).toBe(CLERK.staffNo); // first contact stays the owner
    expect(accepted.case.caseNo).toMatch(/^SL20261009-3-\d{3}$/);
    expect(accepted.case.timeLimit).toBe('20 个工作日');
    // accepted Fri 2026-10-09: the 20th working day after it (Sat 10-10 is a make-up workday)
    expect(accepted.case.dueDate).toBe('2026-11-05');
    expect(accepted.warning).toBeNull();
    const receipt = jobText(t, accepted.printJobId);
    for (const expected of ['受理回执', accepted.case.caseNo, '张*丰', '居民身份证、家庭收入证明', '20 个工作日', '2026年11月5日', '结果短信通知', '服务承诺']) {
      expect(receipt).toContain(expected);
    }
    // a commitment whose text says its time limit does not repeat it: not "当场办结（当场办结）"
    const flat = receipt.replace(/[\s\p{Cc}]/gu, '');
    expect(flat).toContain('婚姻登记当场办结');
    expect(flat).not.toContain('当场办结（当场办结）');
    // the QR code carries the case number: GS ( k store, pL pH = bytes + 3, cn 49, fn 80, m 48
    const bytes = (t.core.db.prepare('SELECT bytes FROM print_job WHERE id = ?').get(accepted.printJobId) as { bytes: Buffer }).bytes;
    const store = Buffer.concat([Buffer.from([0x1d, 0x28, 0x6b, accepted.case.caseNo.length + 3, 0, 0x31, 0x50, 0x30]), Buffer.from(accepted.case.caseNo)]);
    expect(bytes.includes(store)).toBe(true);

    // once accepted, the slip number no longer resumes anything
    expectError(await t.core.call('intake.resume', { slipNo }), 'CONFLICT');
  });

  it('an on-the-spot item is due the same day and can be completed', async () => {
    const contact = await startContact(t.core, 'T-SPOT');
    const accepted = await call(t.core, 'intake.accept', { id: contact.id, receivedMaterialIds: ['id'] });
    expect(accepted.case.dueDate).toBe('2026-09-25');
    expect(accepted.case.timeLimit).toBe('当场办结');
    const board = await call(t.core, 'cases.mine', {});
    expect(board.dueToday.map((c) => c.caseNo)).toEqual([accepted.case.caseNo]);
    const done = await call(t.core, 'cases.complete', { id: accepted.case.id });
    expect(done.status).toBe('completed');
    expectError(await t.core.call('cases.complete', { id: accepted.case.id }), 'CONFLICT');
    expect((await call(t.core, 'cases.mine', {})).dueToday).toEqual([]);
  });
});

describe('deadlines the calendar cannot promise', () => {
  it('shows 待定 and warns when the due date falls in a year no source covers', async () => {
    t.clock.set(new Date('2026-12-21T02:00:00.000Z'));
    const contact = await startContact(t.core, 'T-LIMIT');
    const accepted = await call(t.core, 'intake.accept', { id: contact.id, receivedMaterialIds: ['id', 'income'] });
    expect(accepted.case.dueDate).toBeNull();
    expect(accepted.case.duePendingReason).toMatch(/2027/);
    expect(accepted.warning).toContain('待定');
    expect(jobText(t, accepted.printJobId)).toContain('待定');
    expect((await call(t.core, 'cases.mine', {})).pending).toHaveLength(1);
  });
});

describe("the clerk's cases by deadline", () => {
  it('moves a case from later to due soon, due today and overdue as days pass', async () => {
    const contact = await startContact(t.core, 'T-LIMIT');
    const { case: accepted } = await call(t.core, 'intake.accept', { id: contact.id, receivedMaterialIds: ['id', 'income'] });
    expect(accepted.dueDate).toBe('2026-10-29');
    const where = async (): Promise<string> => {
      const board = await call(t.core, 'cases.mine', {});
      const group = (Object.keys(board) as (keyof typeof board)[]).find((k) => board[k].some((c) => c.id === accepted.id));
      return group ?? 'none';
    };
    expect(await where()).toBe('later');
    t.clock.set(new Date('2026-10-27T02:00:00.000Z'));
    expect(await where()).toBe('dueSoon');
    t.clock.set(new Date('2026-10-29T02:00:00.000Z'));
    expect(await where()).toBe('dueToday');
    t.clock.set(new Date('2026-10-30T02:00:00.000Z'));
    expect(await where()).toBe('overdue');
  });
});

describe('referral (首问负责)', () => {
  it('prints where to go, and the contact stays owned by this clerk until closed', async () => {
    const contact = await startContact(t.core, 'T-REF');
    expect(contact.handledHere).toBe(false);
    expectError(await t.core.call('intake.accept', { id: contact.id, receivedMaterialIds: [] }), 'CONFLICT');
    const referred = await call(t.core, 'intake.refer', { id: contact.id });
    expect(referred.contact.status).toBe('referred');
    const slip = jobText(t, referred.printJobId);
    for (const expected of ['首问负责引导单', '区政务服务中心二楼 社会组织登记窗口', '滨江路 88 号', '0571-88880000', '工作日 9:00-17:00', '张*丰']) {
      expect(slip).toContain(expected);
    }
    expect((await call(t.core, 'intake.mine', {})).map((c) => c.id)).toContain(contact.id);
    await call(t.core, 'intake.close', { id: contact.id, reason: 'referralDone' });
    expect((await call(t.core, 'intake.mine', {})).map((c) => c.id)).not.toContain(contact.id);
  });

  it('to another window of this hall: the slip names the window and says it is in this hall, not the hall’s name as an address', async () => {
    const contact = await startContact(t.core, 'T-HALL');
    const slip = jobText(t, (await call(t.core, 'intake.refer', { id: contact.id })).printJobId).replace(/\s+/g, '');
    expect(slip).toContain('办理地点：本大厅9号窗口');
    expect(slip).toMatch(/地址：.*大厅内，无需另行前往/);
  });

  it('an item this window handles needs no referral', async () => {
    const contact = await startContact(t.core, 'T-SPOT');
    expectError(await t.core.call('intake.refer', { id: contact.id }), 'CONFLICT');
  });
});

describe('bad input is refused and writes nothing', () => {
  it.each<[string, (core: CounterCore, contact: Contact) => Promise<unknown>, string]>([
    ['unknown service item', (core) => core.call('intake.start', { itemCode: 'NO-SUCH', channel: 'walkIn', applicantName: '李四', applicantPhone: '', applicantIdNumber: '' }), 'NOT_FOUND'],
    ['wrong ID check digit', (core) => core.call('intake.start', { itemCode: 'T-SPOT', channel: 'walkIn', applicantName: '李四', applicantPhone: '', applicantIdNumber: '110105194912310021' }), 'VALIDATION'],
    ['accept with nothing ticked', (core, c) => core.call('intake.accept', { id: c.id, receivedMaterialIds: [] }), 'VALIDATION'],
    ['notify when nothing is missing', (core, c) => core.call('intake.notify', { id: c.id, receivedMaterialIds: ['id', 'income'], problems: [] }), 'VALIDATION'],
    ['a material the item does not have', (core, c) => core.call('intake.accept', { id: c.id, receivedMaterialIds: ['id', 'income', 'passport'] }), 'VALIDATION'],
    ['an unknown notification number', (core) => core.call('intake.resume', { slipNo: 'GZ20990101-3-001' }), 'NOT_FOUND'],
    ['an emoji in the name', (core) => core.call('intake.start', { itemCode: 'T-SPOT', channel: 'walkIn', applicantName: '李😀', applicantPhone: '', applicantIdNumber: '' }), 'VALIDATION'],
  ])('%s', async (_label, attempt, code) => {
    const contact = await startContact(t.core, 'T-LIMIT');
    const before = rowCounts(t.core.db);
    const result = (await attempt(t.core, contact)) as Awaited<ReturnType<CounterCore['dispatch']>>;
    const error = expectError(result, code as 'VALIDATION');
    expect(error.message.length).toBeGreaterThan(4);
    expect(rowCounts(t.core.db)).toEqual(before);
  });

  it('a closed contact cannot be notified or accepted', async () => {
    const contact = await startContact(t.core, 'T-LIMIT');
    await call(t.core, 'intake.close', { id: contact.id, reason: 'consulted' });
    expectError(await t.core.call('intake.notify', { id: contact.id, receivedMaterialIds: [], problems: [] }), 'CONFLICT');
    expectError(await t.core.call('intake.accept', { id: contact.id, receivedMaterialIds: ['id', 'income'] }), 'CONFLICT');
  });

  it('a non-conforming material is listed with its reason even though it was handed in', async () => {
    const contact = await startContact(t.core, 'T-LIMIT');
    const notified = await call(t.core, 'intake.notify', {
      id: contact.id,
      receivedMaterialIds: ['id', 'income'],
      problems: [{ materialId: 'income', problem: '未加盖公章' }],
    });
    expect(notified.contact.notification?.missing).toEqual([
      expect.objectContaining({ name: '家庭收入证明', problem: '未加盖公章' }),
    ]);
    expect(jobText(t, notified.printJobId)).toContain('未加盖公章');
  });
});
