/**
 * Shift handover on a real ledger: the summary from the shift's work, the
 * countersignature with the incoming clerk's own PIN, the printed handover
 * slip, the next clerk's acknowledgement, and corrections that never edit.
 */
import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/api/intake';
import type { RequestOf } from '../../shared/contract';
import type { CounterCore } from '../../electron/services/core/core';
import { CLERK, MINUTE, SUPERVISOR, call, cleanupAll, createTestCore, expectError, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { rowCounts } from '../support/db';
import { BRIDE, DIVORCE_CHECKS, GROOM, MARRIAGE_CHECKS, MARRIED_ELSEWHERE } from '../support/requests';

afterAll(cleanupAll);

const NEXT = { staffNo: 'C002', pin: '258036', name: '张伟', title: '登记员', duties: '', partyMember: false, role: 'clerk' } as const;

async function start(core: CounterCore, itemCode: string, name: string): Promise<Contact> {
  return call(core, 'intake.start', { itemCode, channel: 'walkIn', applicantName: name, applicantPhone: '', applicantIdNumber: '' });
}

let t: TestCore;
beforeEach(async () => {
  t = createTestCore();
  t.clock.set(new Date('2026-09-29T01:00:00.000Z')); // Tue 09:00 in Beijing
  await setUpWithClerk(t.core);
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(t.core, 'staff.create', NEXT);
  await call(t.core, 'settings.update', { registrationOfficeCode: '110105' });
  await logout(t.core);
  t.clock.advance(MINUTE);
  await login(t.core, CLERK.staffNo, CLERK.pin);
  // a shift with contacts of each kind
  const notified = await start(t.core, 'MAR-RECORD', '赵一');
  await call(t.core, 'intake.notify', { id: notified.id, receivedMaterialIds: ['id-card'], problems: [] });
  const referred = await start(t.core, 'SOC-ORG-REG', '钱二');
  await call(t.core, 'intake.refer', { id: referred.id });
  const accepted = await start(t.core, 'MAR-RECORD', '孙三');
  await call(t.core, 'intake.accept', { id: accepted.id, receivedMaterialIds: ['id-card', 'application'] });
  // (补领 goes through the 婚姻登记 form: the record-consultation matter stands for a case completed in the shift)
  const done = await start(t.core, 'MAR-RECORD', '李四');
  const { case: doneCase } = await call(t.core, 'intake.accept', { id: done.id, receivedMaterialIds: ['id-card', 'application'] });
  await call(t.core, 'cases.complete', { id: doneCase.id });
  const consulted = await start(t.core, 'MAR-RECORD', '周五');
  await call(t.core, 'intake.close', { id: consulted.id, reason: 'consulted' });
  // the applicant rates the consultation on the display: 不满意
  await call(t.core, 'rating.request', { contactId: consulted.id });
  const asked = await t.core.call('rating.current', {}, 'display');
  if (!asked.ok || !asked.value) throw new Error('no rating request on the display');
  const rated = await t.core.call('rating.submit', { requestId: asked.value.requestId, level: 2, reasons: ['等候时间长'] }, 'display');
  if (!rated.ok) throw new Error(rated.error.message);
  t.clock.advance(60 * MINUTE);
});

function jobText(jobId: string): string {
  const row = t.core.db.prepare('SELECT bytes FROM print_job WHERE id = ?').get(jobId) as { bytes: Buffer };
  return iconv.decode(row.bytes, 'gb18030');
}

/** Logs the clerk out (ending the shift) and back in at a Beijing date and time: a new shift. */
async function newShiftAt(date: string, time = '09:00'): Promise<void> {
  await logout(t.core);
  t.clock.set(new Date(`${date}T${time}:00+08:00`));
  await login(t.core, CLERK.staffNo, CLERK.pin);
}

describe('the shift summary', () => {
  it('counts the shift from the ledger and lists the open work', async () => {
    const s = await call(t.core, 'handover.summary', {});
    expect(s.counts).toEqual({ received: 5, notified: 1, referred: 1, accepted: 2, completed: 1, closed: 1 });
    expect(s.inProgress).toBe(0);
    // rated and not rated only: the shift had one 不满意, which the clerk may not learn
    expect(s.ratings).toEqual({ rated: 1, notRated: 0 });
    expect(JSON.stringify(s)).not.toMatch(/bad|差评|不满意/);
    expect(s.openCasesTotal).toBe(1);
    expect(s.openCases[0]).toMatchObject({ applicantName: '孙三', dueDate: '2026-10-09', overdue: false });
    expect(s.awaitingTotal).toBe(1);
    expect(s.awaitingMaterials[0]?.applicantName).toBe('赵一');
    expect(s.clerk.staffNo).toBe(CLERK.staffNo);
  });
});

describe('closing the shift', () => {
  it('is countersigned by the next clerk, printed, ends the session, and the next clerk acknowledges it', async () => {
    const { handover, printJobId } = await call(t.core, 'handover.close', {
      kind: 'handover',
      notes: '1 件档案已调取，明天上午出具证明',
      items: [{ what: '代保管结婚证', quantity: '2 本', note: '李四补领后取回' }],
      countersign: { staffNo: NEXT.staffNo, pin: NEXT.pin },
    });
    expect(handover.countersignedBy.staffNo).toBe(NEXT.staffNo);
    expect(await call(t.core, 'auth.current', {})).toBeNull();
    const shift = t.core.db.prepare('SELECT close_kind FROM shift ORDER BY opened_at DESC LIMIT 1').get() as { close_kind: string };
    expect(shift.close_kind).toBe('handover');
    const slip = jobText(printJobId);
    for (const expected of ['交接班单', CLERK.name, NEXT.name, '已评价 1 次，未评价 0 次', '在办受理件 1 件', '孙*', '已告知待补材料 1 件', '赵*', '代保管结婚证', '2 本', '明天上午出具证明']) {
      expect(slip).toContain(expected);
    }
    expect(slip).not.toContain('孙三');
    expect(slip).not.toMatch(/差评 \d|不满意/);
    // no printer: said once (未接打印机，打印内容存入数据目录), not "未接打印机（…）：未接打印机，…"
    expect(slip.match(/未接打印机/g)).toHaveLength(1);

    await login(t.core, NEXT.staffNo, NEXT.pin);
    const pending = await call(t.core, 'handover.pending', {});
    expect(pending?.id).toBe(handover.id);
    const acknowledged = await call(t.core, 'handover.acknowledge', { id: handover.id });
    expect(acknowledged.acknowledgedBy?.staffNo).toBe(NEXT.staffNo);
    expect(await call(t.core, 'handover.pending', {})).toBeNull();
    expectError(await t.core.call('handover.acknowledge', { id: handover.id }), 'CONFLICT');
  });

  it('refuses a countersignature by the same clerk, a wrong PIN, and unfinished contacts, writing nothing', async () => {
    const attempt = (staffNo: string, pin: string) => t.core.call('handover.close', { kind: 'handover', notes: '', items: [], countersign: { staffNo, pin } });
    let before = rowCounts(t.core.db);
    expectError(await attempt(CLERK.staffNo, CLERK.pin), 'VALIDATION');
    expect(rowCounts(t.core.db)).toEqual(before);

    const wrong = expectError(await attempt(NEXT.staffNo, '000123'), 'PIN_WRONG');
    expect(wrong.message).toContain('签收人');
    expect(rowCounts(t.core.db).handover).toBe(0);
    expect(await call(t.core, 'auth.current', {})).not.toBeNull();

    const open = await start(t.core, 'MAR-RECORD', '吴六');
    before = rowCounts(t.core.db);
    expect(expectError(await attempt(NEXT.staffNo, NEXT.pin), 'CONFLICT').message).toContain('1 位正在接待');
    expect(rowCounts(t.core.db)).toEqual(before);
    await call(t.core, 'intake.close', { id: open.id, reason: 'withdrawn' });
    await call(t.core, 'handover.close', { kind: 'handover', notes: '', items: [], countersign: { staffNo: NEXT.staffNo, pin: NEXT.pin } });
  });

  it('20 closes at once with different request ids give one signed handover and one slip; the others are refused in Chinese', async () => {
    const request: RequestOf<'handover.close'> = { kind: 'handover', notes: '', items: [], countersign: { staffNo: NEXT.staffNo, pin: NEXT.pin } };
    const before = rowCounts(t.core.db);
    // two screens, or a click, a reload and a click: each send is a new action with its own id
    const results = await Promise.all(Array.from({ length: 20 }, () => t.core.call('handover.close', request, 'clerk', randomUUID())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok)) expect(expectError(refused, 'CONFLICT').message).toContain('不能重复交班');
    const after = rowCounts(t.core.db);
    expect(after.handover).toBe(1);
    expect((after.print_job ?? 0) - (before.print_job ?? 0)).toBe(1);
    expect(t.core.db.prepare("SELECT COUNT(*) FROM shift WHERE close_kind = 'handover'").pluck().get()).toBe(1);
  });

  it('a reception started while the countersignature is being checked stops the handover', async () => {
    const closing = t.core.call('handover.close', { kind: 'handover', notes: '', items: [], countersign: { staffNo: NEXT.staffNo, pin: NEXT.pin } });
    // the PIN check awaits scrypt; the clerk starts a reception meanwhile
    await start(t.core, 'MAR-RECORD', '吴六');
    expect(expectError(await closing, 'CONFLICT').message).toContain('1 位正在接待');
    expect(rowCounts(t.core.db).handover).toBe(0);
    expect(await call(t.core, 'auth.current', {})).not.toBeNull();
  });

  it('at day end needs a supervisor', async () => {
    const close = (staffNo: string, pin: string) => t.core.call('handover.close', { kind: 'dayEnd', notes: '今日无遗留', items: [], countersign: { staffNo, pin } });
    expectError(await close(NEXT.staffNo, NEXT.pin), 'FORBIDDEN');
    const { handover } = await call(t.core, 'handover.close', { kind: 'dayEnd', notes: '今日无遗留', items: [], countersign: { staffNo: SUPERVISOR.staffNo, pin: SUPERVISOR.pin } });
    expect(handover.kind).toBe('dayEnd');
    const shift = t.core.db.prepare('SELECT close_kind FROM shift ORDER BY opened_at DESC LIMIT 1').get() as { close_kind: string };
    expect(shift.close_kind).toBe('dayEnd');
  });
});

describe('a signed handover is final', () => {
  it('cannot be edited or deleted in the database; a correction is a new entry that references it', async () => {
    const { handover } = await call(t.core, 'handover.close', { kind: 'handover', notes: '原说明', items: [], countersign: { staffNo: NEXT.staffNo, pin: NEXT.pin } });
    expect(() => t.core.db.prepare('UPDATE handover SET notes = ? WHERE id = ?').run('改过的说明', handover.id)).toThrow(/final/);
    expect(() => t.core.db.prepare('DELETE FROM handover WHERE id = ?').run(handover.id)).toThrow(/final/);

    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const { handover: correction, printJobId } = await call(t.core, 'handover.correct', {
      id: handover.id,
      notes: '补充：代保管结婚证 2 本漏记',
      items: [{ what: '代保管结婚证', quantity: '2 本', note: '' }],
    });
    expect(correction).toMatchObject({ kind: 'correction', correctsId: handover.id, from: { staffNo: CLERK.staffNo }, countersignedBy: { staffNo: SUPERVISOR.staffNo } });
    expect(jobText(printJobId)).toContain('交接班更正单');
    expect((await call(t.core, 'handover.get', { id: handover.id })).notes).toBe('原说明');
  });
});

describe('marriage registration in the handover', () => {
  it('counts the registrations, refusals, divorce acceptances and withdrawals of the shift', async () => {
    await call(t.core, 'marriage.refuse', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, reasons: ['notVoluntary'], note: '' });
    const married = await call(t.core, 'marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: [true, true] });
    const marriageCertificateNos = [married.case.certificateNo ?? ''];
    const first = await call(t.core, 'divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos });
    await call(t.core, 'divorce.withdraw', { id: first.case.id, documentNumber: BRIDE.documentNumber });
    await call(t.core, 'divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos });
    const s = await call(t.core, 'handover.summary', {});
    expect(s.registry).toEqual({ marriages: 1, reissues: 0, divorcesAccepted: 2, divorcesRegistered: 0, refused: 1, withdrawn: 1, expiringDivorces: [] });
    // the intake counts are untouched by the registry's work
    expect(s.counts).toEqual({ received: 5, notified: 1, referred: 1, accepted: 2, completed: 1, closed: 1 });

    // the next shift starts from zero
    await newShiftAt('2026-09-30');
    expect((await call(t.core, 'handover.summary', {})).registry).toMatchObject({ marriages: 0, refused: 0, divorcesAccepted: 0, withdrawn: 0 });
  });

  it('hands over the accepted divorces whose certificate deadline is within 5 days, and prints them masked', async () => {
    // received 2026-09-29 → cooling-off ends 2026-10-29 → certificates by 2026-11-30 (28 Nov is a Saturday)
    const accepted = await call(t.core, 'divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos: [MARRIED_ELSEWHERE] });
    expect(accepted.case.divorce?.certificateDeadline).toBe('2026-11-30');

    await newShiftAt('2026-11-24');
    expect((await call(t.core, 'handover.summary', {})).registry?.expiringDivorces).toEqual([]);

    await newShiftAt('2026-11-25');
    const s = await call(t.core, 'handover.summary', {});
    expect(s.registry?.expiringDivorces).toEqual([{ caseNo: accepted.case.caseNo, names: '张伟、李娜', certificateDeadline: '2026-11-30' }]);
    // accepted in an earlier shift: listed for the window, not counted as this shift's work
    expect(s.registry?.divorcesAccepted).toBe(0);

    const { printJobId } = await call(t.core, 'handover.close', { kind: 'handover', notes: '', items: [], countersign: { staffNo: NEXT.staffNo, pin: NEXT.pin } });
    const slip = jobText(printJobId);
    for (const expected of ['婚姻登记：结婚 0', '离婚受理 0', '即将到期的离婚申请 1 件', accepted.case.caseNo, '2026-11-30', '张*、李*']) {
      expect(slip).toContain(expected);
    }
    expect(slip).not.toContain('李娜');

    // registered: no longer expiring
    await login(t.core, CLERK.staffNo, CLERK.pin);
    await call(t.core, 'divorce.register', { id: accepted.case.id, bothPresent: true });
    const after = await call(t.core, 'handover.summary', {});
    expect(after.registry).toMatchObject({ divorcesRegistered: 1, expiringDivorces: [] });
  });

  it('still reads back and corrects a handover signed before the summary had the registry', async () => {
    const { handover } = await call(t.core, 'handover.close', { kind: 'handover', notes: '旧格式', items: [], countersign: { staffNo: NEXT.staffNo, pin: NEXT.pin } });
    const row = t.core.db.prepare('SELECT * FROM handover WHERE id = ?').get(handover.id) as Record<string, unknown>;
    const summary = JSON.parse(row.summary as string) as Record<string, unknown>;
    expect(summary).toHaveProperty('registry');
    delete summary.registry;
    const oldId = '01890a5d-ac96-774b-bcce-b302099a8058';
    t.core.db
      .prepare(
        `INSERT INTO handover (id, hall_id, window_no, shift_id, kind, from_staff_id, summary, notes, items, countersigned_by, countersigned_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'handover', ?, ?, ?, '[]', ?, ?, ?, ?)`,
      )
      .run(oldId, row.hall_id, row.window_no, row.shift_id, row.from_staff_id, JSON.stringify(summary), '旧格式', row.countersigned_by, row.countersigned_at, row.created_at, row.updated_at);

    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const old = await call(t.core, 'handover.get', { id: oldId });
    expect(old.notes).toBe('旧格式');
    expect(old.summary.registry).toBeUndefined();
    expect(old.summary.counts.received).toBe(5);

    const { printJobId } = await call(t.core, 'handover.correct', { id: oldId, notes: '补充说明', items: [] });
    const slip = jobText(printJobId);
    expect(slip).toContain('交接班更正单');
    expect(slip).not.toContain('婚姻登记：结婚');
    expect(slip).not.toContain('即将到期');
  });
});

describe('ratings stay secret from the clerk', () => {
  it('a handover signed before the levels were dropped still reads back, without its bad-rating count, everywhere a clerk looks', async () => {
    const { handover } = await call(t.core, 'handover.close', { kind: 'handover', notes: '', items: [], countersign: { staffNo: NEXT.staffNo, pin: NEXT.pin } });
    // an older signed handover, as earlier versions stored it: the summary JSON with a bad-rating count
    const stored = t.core.db.prepare('SELECT * FROM handover WHERE id = ?').get(handover.id) as Record<string, unknown>;
    const summary = JSON.parse(String(stored.summary)) as { ratings: Record<string, number> };
    summary.ratings = { rated: 1, bad: 1, notRated: 0 };
    const oldId = '01890a5d-ac96-774b-bcce-b302099a8058';
    const columns = Object.keys(stored).filter((c) => c !== 'print_job_id' && c !== 'acknowledged_by' && c !== 'acknowledged_at');
    t.core.db
      .prepare(`INSERT INTO handover (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => (c === 'id' ? oldId : c === 'summary' ? JSON.stringify(summary) : c === 'countersigned_at' ? new Date(t.clock.now().getTime() + MINUTE).toISOString() : stored[c])));

    await login(t.core, NEXT.staffNo, NEXT.pin);
    const pending = await call(t.core, 'handover.pending', {});
    expect(pending?.id).toBe(oldId);
    expect(pending?.summary.ratings).toEqual({ rated: 1, notRated: 0 });
    expect((await call(t.core, 'handover.get', { id: oldId })).summary.ratings).toEqual({ rated: 1, notRated: 0 });
    expect(JSON.stringify(await call(t.core, 'handover.acknowledge', { id: oldId }))).not.toContain('bad');
    const ledger = await call(t.core, 'ledger.query', { filter: { category: 'handovers' }, limit: 50 });
    const texts = ledger.rows.map((r) => r.values.join(' | '));
    expect(texts).toHaveLength(2);
    for (const text of texts) {
      expect(text).toContain('已评价 1 次，未评价 0 次');
      expect(text).not.toMatch(/差评|bad|\{/);
    }
    await logout(t.core);
    // a supervisor's correction reprints the old summary: still without the levels
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const { printJobId } = await call(t.core, 'handover.correct', { id: oldId, notes: '补充说明', items: [] });
    const slip = jobText(printJobId);
    expect(slip).toContain('已评价 1 次，未评价 0 次');
    expect(slip).not.toMatch(/差评 \d|不满意/);
  });
});
