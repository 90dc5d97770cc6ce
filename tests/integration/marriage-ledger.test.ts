/**
 * The 婚姻登记 ledger and statistics through the public API on a real SQLite
 * file: a registration, a refusal, a divorce application through its stages
 * and a reissue, found by name, document number (keyed hash), case number and
 * certificate number; the full-value CSV keeps 18-digit ID numbers as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerFilter, PartyInput } from '../../shared/contract';
import { at, idFor } from '../support/civil';
import { CLERK, SUPERVISOR, call, cleanupAll, createTestCore, expectError, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { downloaded } from '../support/downloads';
import { BRIDE, DIVORCE_CHECKS, GROOM, MARRIAGE_CHECKS } from '../support/requests';

afterAll(cleanupAll);

const UNDER_AGE: PartyInput = { ...GROOM, name: '周小川', birthDate: '2005-06-01', documentNumber: idFor('2005-06-01', 'male') };
const SUN_LI: PartyInput = { ...BRIDE, name: '孙丽', birthDate: '1996-02-02', documentNumber: idFor('1996-02-02', 'female') };
const WANG_FANG: PartyInput = { ...BRIDE, name: '王芳', birthDate: '1988-08-08', documentNumber: idFor('1988-08-08', 'female'), phone: '01062345678' };

let t: TestCore;
const ids = { marriage: '', refusal: '', divorce: '', reissue: '' };
const caseNos = { marriage: '', refusal: '', divorce: '', reissue: '' };
let certificateNo = '';

async function rows(filter: Omit<LedgerFilter, 'category'>): Promise<string[][]> {
  const page = await call(t.core, 'ledger.query', { filter: { category: 'marriages', ...filter }, limit: 50 });
  return page.rows.map((r) => r.values);
}
const caseNosOf = async (filter: Omit<LedgerFilter, 'category'>): Promise<string[]> => (await rows(filter)).map((r) => r[0] ?? '');

beforeAll(async () => {
  t = createTestCore();
  await setUpWithClerk(t.core);
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(t.core, 'settings.update', { registrationOfficeCode: '110105' });
  await logout(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);

  t.clock.set(at('2026-09-01'));
  const married = await call(t.core, 'marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: [true, true] });
  certificateNo = married.case.certificateNo ?? '';
  t.clock.set(at('2026-09-01', '10:00'));
  const refused = await call(t.core, 'marriage.refuse', { kind: 'marriage', parties: [UNDER_AGE, SUN_LI], checks: MARRIAGE_CHECKS, reasons: ['underAge'], note: '' });
  t.clock.set(at('2026-09-02'));
  const divorce = await call(t.core, 'divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos: [certificateNo] });
  t.clock.set(at('2026-09-03'));
  const reissue = { originalKind: 'marriage' as const, originalDate: '2012-05-20', originalCertificateNo: 'J110105-2012-000321', reason: '结婚证遗失' };
  const reissued = await call(t.core, 'marriage.register', { kind: 'reissue', parties: [WANG_FANG], checks: MARRIAGE_CHECKS, reissue });
  for (const [key, done] of [['marriage', married], ['refusal', refused], ['divorce', divorce], ['reissue', reissued]] as const) {
    ids[key] = done.case.id;
    caseNos[key] = done.case.caseNo;
  }
  t.clock.set(at('2026-09-10'));
});

describe('婚姻登记 ledger', () => {
  it('lists registrations, refusals, divorce applications with their stage and reissues, newest first, masked', async () => {
    const all = await rows({});
    expect(all.map((r) => [r[0], r[2], r[3]])).toEqual([
      [caseNos.reissue, '补领结婚证', '已登记'],
      [caseNos.divorce, '离婚登记', '离婚冷静期'],
      [caseNos.refusal, '结婚登记', '不予登记'],
      [caseNos.marriage, '结婚登记', '已登记'],
    ]);
    const marriage = all[3] ?? [];
    expect(marriage[4]).toBe(certificateNo);
    expect(marriage[5]).toBe('张伟、李娜');
    expect(marriage[6]).toBe('110105********1239、110105********0021');
    expect(marriage[7]).toBe('138****0001、138****0002');
    expect(all[2]?.[10]).toContain('未达法定婚龄');
    expect(all[1]?.[9]).toMatch(/^冷静期至 2026-10-\d\d；领证截止 2026-11-\d\d$/);
    expect(all[1]?.[10]).toBe(`结婚证字号 ${certificateNo}`);
    expect(all[0]?.[10]).toBe('原登记日期 2012-05-20，原证字号 J110105-2012-000321，结婚证遗失');
    expect(all[0]?.[11]).toBe(`${CLERK.name}（${CLERK.staffNo}）`);
    expect(JSON.stringify(all)).not.toMatch(/19900307|19951123|19960202/);
  });

  it('finds each record by a name, a document number (keyed hash), a case number and a certificate number', async () => {
    expect(await caseNosOf({ search: '孙丽' })).toEqual([caseNos.refusal]);
    expect(await caseNosOf({ search: '孙' })).toEqual([caseNos.refusal]);
    expect(await caseNosOf({ search: '张伟' })).toEqual([caseNos.divorce, caseNos.marriage]);
    expect(await caseNosOf({ documentNumber: '１１０１０５ 19951123 0021' })).toEqual([caseNos.divorce, caseNos.marriage]);
    expect(await caseNosOf({ documentNumber: SUN_LI.documentNumber })).toEqual([caseNos.refusal]);
    expect(await caseNosOf({ documentNumber: idFor('1970-01-01', 'male') })).toEqual([]);
    expect(await caseNosOf({ search: caseNos.refusal })).toEqual([caseNos.refusal]);
    expect(await caseNosOf({ search: caseNos.refusal.toLowerCase() })).toEqual([caseNos.refusal]);
    expect(await caseNosOf({ search: certificateNo })).toEqual([caseNos.marriage]);
    expect(await caseNosOf({ search: certificateNo.slice(0, 12) })).toEqual([caseNos.marriage]);
    expect(await caseNosOf({ search: 'BJ110105' })).toEqual([caseNos.reissue]);
    // the database holds the numbers sealed: the search went by the keyed hash
    expect(caseNos.marriage).toMatch(/^HY20260901-\d+-001$/);
  });

  it('filters by stage on the hall date of the core clock: 冷静期 → 待领证 → 已登记', async () => {
    expect(await caseNosOf({ status: 'coolingOff' })).toEqual([caseNos.divorce]);
    expect(await caseNosOf({ status: 'refused' })).toEqual([caseNos.refusal]);
    t.clock.set(at('2026-10-20'));
    expect(await caseNosOf({ status: 'coolingOff' })).toEqual([]);
    expect(await caseNosOf({ status: 'awaitingRegistration' })).toEqual([caseNos.divorce]);
    expect((await rows({ search: caseNos.divorce }))[0]?.[3]).toBe('待领证');
    await call(t.core, 'divorce.register', { id: ids.divorce, bothPresent: true });
    const registered = (await rows({ search: caseNos.divorce }))[0] ?? [];
    expect(registered[3]).toBe('已登记');
    expect(registered[4]).toMatch(/^L110105-2026-\d{6}$/);
    expect(registered[12]).toBe(`${CLERK.name}（${CLERK.staffNo}）`);
    expect(await caseNosOf({ status: 'registered' })).toEqual([caseNos.reissue, caseNos.divorce, caseNos.marriage]);
    expectError(await t.core.call('ledger.query', { filter: { category: 'marriages', status: 'open' }, limit: 50 }), 'VALIDATION');
  });

  it('exports masked by default; a full-value CSV writes 18-digit ID numbers and a leading-0 phone as text for Excel', async () => {
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const masked = (await downloaded(t.core, await call(t.core, 'ledger.export', { filter: { category: 'marriages' }, format: 'csv', fullValues: false }))).toString('utf8');
    expect(masked).not.toMatch(/19900307|19951123|19880808/);
    expect(masked).toContain('110105********1239、110105********0021');
    const result = await call(t.core, 'ledger.export', { filter: { category: 'marriages', search: '王芳' }, format: 'csv', fullValues: true });
    expect(result.fileName).toMatch(/^婚姻登记台账_\d{8}-\d{6}\.csv$/);
    const csv = (await downloaded(t.core, result)).toString('utf8');
    const line = csv.split('\r\n').find((l) => l.startsWith(caseNos.reissue)) ?? '';
    // ="…" is what Excel and WPS both keep as text; a bare 18-digit number turns into 1.10105E+17
    expect(line).toContain(`,"=""${WANG_FANG.documentNumber}""",`);
    expect(line).toContain(`,"=""01062345678""",`);
    const audit = t.core.db.prepare("SELECT detail FROM audit_log WHERE action = 'ledger.export.fullValues' ORDER BY seq DESC LIMIT 1").get() as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ category: 'marriages', format: 'csv' });
  });
});

describe('婚姻登记 statistics', () => {
  const civil = (r: { marriages: number; reissues: number; divorceApplications: number; divorces: number; refusals: number } | undefined) =>
    r ? [r.marriages, r.reissues, r.divorceApplications, r.divorces, r.refusals] : null;

  it('counts registrations, reissues, divorce applications, divorces and refusals by day, month, clerk and window', async () => {
    const range = { from: '2026-09-01', to: '2026-10-31' };
    const byMonth = await call(t.core, 'stats.report', { ...range, groupBy: 'month' });
    expect(byMonth.rows.map((r) => [r.key, civil(r)])).toEqual([
      ['2026-09', [1, 1, 1, 0, 1]],
      ['2026-10', [0, 0, 0, 1, 0]],
    ]);
    expect(civil(byMonth.totals)).toEqual([1, 1, 1, 1, 1]);
    const byDay = await call(t.core, 'stats.report', { from: '2026-09-01', to: '2026-09-03', groupBy: 'day' });
    expect(byDay.rows.map((r) => [r.key, civil(r)])).toEqual([
      ['2026-09-01', [1, 0, 0, 0, 1]],
      ['2026-09-02', [0, 0, 1, 0, 0]],
      ['2026-09-03', [0, 1, 0, 0, 0]],
    ]);
    const byClerk = await call(t.core, 'stats.report', { ...range, groupBy: 'clerk' });
    expect(byClerk.rows.map((r) => [r.label, civil(r)])).toEqual([[`${CLERK.name}（${CLERK.staffNo}）`, [1, 1, 1, 1, 1]]]);
    const byWindow = await call(t.core, 'stats.report', { ...range, groupBy: 'window' });
    expect(byWindow.rows.map((r) => civil(r))).toEqual([[1, 1, 1, 1, 1]]);
    const otherWindow = await call(t.core, 'stats.report', { ...range, groupBy: 'window', windowNo: '99' });
    expect(civil(otherWindow.totals)).toEqual([0, 0, 0, 0, 0]);
  });

  it('exports the counts with the other measures', async () => {
    const result = await call(t.core, 'stats.export', { filter: { from: '2026-09-01', to: '2026-10-31', groupBy: 'month' }, format: 'csv' });
    const lines = (await downloaded(t.core, result)).toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/,结婚登记,补领婚姻登记证,离婚申请受理,离婚登记,不予登记$/);
    expect(lines[1]).toMatch(/^2026年9月,.*,1,1,1,0,1$/);
    expect(lines[3]).toMatch(/^合计,.*,1,1,1,1,1$/);
  });
});
