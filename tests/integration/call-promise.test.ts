/**
 * "确定后电话告知" is promised only to someone whose phone was taken: a
 * divorce application whose dates are 待定 needs a party's phone, and a
 * receipt whose date is 待定 without a phone says how to ask instead.
 * Real SQLite file; slips decoded from the stored ESC/POS bytes.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { PartyInput } from '../../shared/contract';
import { CLERK, SUPERVISOR, call, cleanupAll, createTestCore, expectError, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { WORKING_DAYS_ITEM, testCatalogue } from '../support/catalogue';
import { at } from '../support/civil';
import { rowCounts } from '../support/db';
import { readJobs, slipText } from '../support/escpos-reader';
import { BRIDE, DIVORCE_CHECKS, GROOM, MARRIED_ELSEWHERE } from '../support/requests';

afterAll(cleanupAll);

/** The slip's text with its wrapped lines joined again (a long field continues under its value). */
function printedSlip(t: TestCore, jobId: string): string {
  const row = t.core.db.prepare('SELECT bytes FROM print_job WHERE id = ?').get(jobId) as { bytes: Buffer };
  return readJobs(row.bytes)
    .flatMap((job) => slipText(job))
    .join('\n')
    .replace(/\n\s*/g, '');
}

const NO_PHONE: PartyInput[] = [{ ...GROOM, phone: '' }, { ...BRIDE, phone: '' }];

let t: TestCore;
beforeEach(async () => {
  t = createTestCore();
  await setUpWithClerk(t.core);
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(t.core, 'settings.update', { registrationOfficeCode: '110105' });
  await call(t.core, 'catalogue.import', { content: JSON.stringify(testCatalogue([WORKING_DAYS_ITEM])) });
  await logout(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
});

describe('divorce receipt with dates 待定', () => {
  const accept = (parties: PartyInput[]) => t.core.call('divorce.accept', { parties, checks: DIVORCE_CHECKS, marriageCertificateNos: [MARRIED_ELSEWHERE] });

  it('is refused without a phone, on each phone field, writing nothing — also fired in parallel and repeated', async () => {
    // the cooling-off period runs into 2027, which the calendar does not cover
    t.clock.set(at('2026-12-20'));
    const before = rowCounts(t.core.db);
    const results = await Promise.all([...Array(6).keys()].map(() => accept(NO_PHONE)));
    for (const result of results) {
      const error = expectError(result, 'VALIDATION');
      expect(error.message).toContain('请至少填写一方的联系电话');
      expect(error.fields).toEqual({ 'parties.0.phone': '日期待定须电话告知，请至少填写一方电话', 'parties.1.phone': '日期待定须电话告知，请至少填写一方电话' });
    }
    expect(expectError(await accept(NO_PHONE), 'VALIDATION').message).toContain('确定后电话告知');
    const { request_log: _log, audit_log: _audit, ...after } = rowCounts(t.core.db);
    const { request_log: _log0, audit_log: _audit0, ...expected } = before;
    expect(after).toEqual(expected);
  });

  it('the live check flags both phones before the submit does, and never says the form is complete', async () => {
    t.clock.set(at('2026-12-20'));
    const check = async (parties: PartyInput[]) => {
      const result = await t.core.call('marriage.check', { kind: 'divorce', parties, checks: DIVORCE_CHECKS });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.fieldProblems.filter((p) => p.field === 'phone');
    };
    expect(await check(NO_PHONE)).toEqual([
      { party: 0, field: 'phone', message: '日期待定须电话告知，请至少填写一方电话' },
      { party: 1, field: 'phone', message: '日期待定须电话告知，请至少填写一方电话' },
    ]);
    expect(await check([{ ...GROOM, phone: '' }, BRIDE])).toEqual([]);
  });

  it('stored 待定 dates become dates when the next year’s arrangement is entered, as the case shows them (also when entered twice at once)', async () => {
    t.clock.set(at('2026-12-20'));
    const result = await accept([{ ...GROOM, phone: '' }, BRIDE]);
    if (!result.ok) throw new Error(result.error.message);
    const id = result.value.case.id;
    const stored = () => t.core.db.prepare('SELECT cooling_off_end, certificate_deadline FROM civil_case WHERE id = ?').get(id) as { cooling_off_end: string | null; certificate_deadline: string | null };
    expect(stored()).toEqual({ cooling_off_end: null, certificate_deadline: null });

    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const override = { date: '2027-01-01', kind: 'restday' as const, name: '元旦', source: '国务院办公厅关于2027年部分节假日安排的通知', coversYear: true };
    const saves = await Promise.all([t.core.call('calendar.saveOverride', override), t.core.call('calendar.saveOverride', override)]);
    for (const r of saves) expect(r.ok).toBe(true);
    const shown = await call(t.core, 'marriage.get', { id });
    const dates = stored();
    expect(dates.cooling_off_end).toMatch(/^2027-01-\d\d$/);
    expect(dates).toEqual({ cooling_off_end: shown.divorce?.coolingOffEnd ?? 'missing', certificate_deadline: shown.divorce?.certificateDeadline ?? 'missing' });

    // removing the arrangement again makes them 待定 again
    await call(t.core, 'calendar.deleteOverride', { date: '2027-01-01' });
    expect(stored()).toEqual({ cooling_off_end: null, certificate_deadline: null });
  });

  it('with one party’s phone is accepted and the receipt promises the call', async () => {
    t.clock.set(at('2026-12-20'));
    const result = await accept([{ ...GROOM, phone: '' }, BRIDE]);
    if (!result.ok) throw new Error(result.error.message);
    const slip = printedSlip(t, result.value.printJobId);
    expect(slip).toMatch(/冷静期届满：\s*待定（节假日安排未公布，确定后电话告知）/);
  });

  it('with dates known needs no phone', async () => {
    t.clock.set(at('2026-09-07'));
    const result = await accept(NO_PHONE);
    if (!result.ok) throw new Error(result.error.message);
    expect(printedSlip(t, result.value.printJobId)).not.toContain('电话告知');
  });
});

describe('受理回执 with the date 待定', () => {
  const acceptWith = async (applicantPhone: string): Promise<string> => {
    const contact = await call(t.core, 'intake.start', { itemCode: WORKING_DAYS_ITEM.code, channel: 'walkIn', applicantName: '张三丰', applicantPhone, applicantIdNumber: '' });
    const accepted = await call(t.core, 'intake.accept', { id: contact.id, receivedMaterialIds: WORKING_DAYS_ITEM.materials.filter((m) => m.required).map((m) => m.id) });
    expect(accepted.case.dueDate).toBeNull();
    return printedSlip(t, accepted.printJobId);
  };

  it('promises a call only when the applicant left a phone', async () => {
    t.clock.set(at('2026-12-21'));
    expect(await acceptWith('13800000000')).toMatch(/承诺办结：\s*待定（节假日安排未公布，确定后电话告知）/);
    const noPhone = await acceptWith('');
    expect(noPhone).not.toContain('电话告知');
    expect(noPhone).toMatch(/承诺办结：\s*待定（节假日安排未公布，确定后请凭本回执向本窗口查询）/);
  });
});
