/**
 * Marriage registration, refusal, reissue and divorce with the cooling-off
 * period on a real SQLite file; slips read back from the stored ESC/POS
 * bytes; the clock moved by hand through the periods.
 */
import iconv from 'iconv-lite';
import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { CivilCase, PartyInput } from '../../shared/contract';
import { CLERK, START_TIME, SUPERVISOR, call, cleanupAll, createTestCore, expectError, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { at, idFor } from '../support/civil';
import { rowCounts } from '../support/db';
import { BRIDE, DIVORCE_CHECKS, GROOM, MARRIAGE_CHECKS, MARRIED_ELSEWHERE } from '../support/requests';

/** Both parties checked in 全国婚姻登记信息系统 (联网核查). */
const BOTH: [boolean, boolean] = [true, true];

afterAll(cleanupAll);

function groomBorn(birthDate: string): PartyInput {
  return { ...GROOM, birthDate, documentNumber: idFor(birthDate, 'male') };
}

function jobText(t: TestCore, jobId: string): string {
  const row = t.core.db.prepare('SELECT bytes FROM print_job WHERE id = ?').get(jobId) as { bytes: Buffer };
  return iconv.decode(row.bytes, 'gb18030');
}

async function officeReady(t: TestCore, code = '110105'): Promise<void> {
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(t.core, 'settings.update', { registrationOfficeCode: code });
  await logout(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
}

let t: TestCore;

beforeEach(async () => {
  t = createTestCore();
  await setUpWithClerk(t.core);
});

describe('marriage registration', () => {
  it('registers on the spot with the next certificate number and prints a masked completion slip', async () => {
    await officeReady(t);
    const review = await call(t.core, 'marriage.check', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS });
    expect(review).toMatchObject({ fieldProblems: [], problems: [], suggestedRefusals: [] });
    expect(review.derived.map((d) => [d.birthDate, d.sex, d.age])).toEqual([
      ['1990-03-07', 'male', 35],
      ['1995-11-23', 'female', 30],
    ]);

    const first = await call(t.core, 'marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: BOTH });
    expect(first.case).toMatchObject({ kind: 'marriage', status: 'registered', certificateNo: 'J110105-2026-000001', registrar: { staffNo: CLERK.staffNo } });
    expect(first.case.parties.map((p) => p.documentNumberMasked)).toEqual(['110105********1239', '110105********0021']);
    const slip = jobText(t, first.printJobId);
    for (const expected of ['结婚登记办结单', '结婚证字号', 'J110105-2026-000001', '张*', '李*', '110105********1239', '签收']) expect(slip).toContain(expected);
    expect(slip).not.toContain(GROOM.documentNumber);
    expect(slip).not.toContain('张伟');

    const bride2 = { ...BRIDE, documentNumber: idFor('1996-01-01', 'female'), birthDate: '1996-01-01', name: '王芳' };
    const groom2 = { ...groomBorn('1991-06-30'), name: '赵强' };
    const second = await call(t.core, 'marriage.register', { kind: 'marriage', parties: [groom2, bride2], checks: MARRIAGE_CHECKS, nationalCheck: BOTH });
    expect(second.case.certificateNo).toBe('J110105-2026-000002');
  });

  it('takes a typed certificate number that fits the format, and refuses one that does not or is used', async () => {
    await officeReady(t);
    const typed = await call(t.core, 'marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: BOTH, certificateNo: 'j110105-2026-000050' });
    expect(typed.case.certificateNo).toBe('J110105-2026-000050');
    const before = rowCounts(t.core.db);
    const other = [{ ...groomBorn('1991-06-30'), name: '赵强' }, { ...BRIDE, documentNumber: idFor('1996-01-01', 'female'), birthDate: '1996-01-01' }];
    const wrong = expectError(await t.core.call('marriage.register', { kind: 'marriage', parties: other, checks: MARRIAGE_CHECKS, nationalCheck: BOTH, certificateNo: 'L110105-2026-000051' }), 'VALIDATION');
    expect(wrong.fields).toHaveProperty('certificateNo');
    expectError(await t.core.call('marriage.register', { kind: 'marriage', parties: other, checks: MARRIAGE_CHECKS, nationalCheck: BOTH, certificateNo: 'J110105-2026-000050' }), 'CONFLICT');
    expect(rowCounts(t.core.db)).toEqual(before);
  });

  it('cannot number certificates before the office code is set', async () => {
    await login(t.core, CLERK.staffNo, CLERK.pin);
    const before = rowCounts(t.core.db);
    const error = expectError(await t.core.call('marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: BOTH }), 'CONFLICT');
    expect(error.message).toContain('登记机关代码');
    expect(rowCounts(t.core.db)).toEqual(before);
  });

  // the clock is 2026-03-02: a groom born 2004-03-03 is 22 tomorrow
  const BAD_FORMS: [string, PartyInput[], 'VALIDATION' | 'CONFLICT', RegExp][] = [
    ['wrong check digit', [{ ...GROOM, documentNumber: '110105199003071238' }, BRIDE], 'VALIDATION', /校验位/],
    ['impossible birth date 0230', [{ ...GROOM, documentNumber: '11010519900230123X', birthDate: '1990-02-28' }, BRIDE], 'VALIDATION', /不是真实存在的日期/],
    ['birth date in the future', [{ ...GROOM, documentNumber: idFor('2026-05-01', 'male'), birthDate: '2026-05-01' }, BRIDE], 'VALIDATION', /晚于今天/],
    ['typed birth date contradicting the number', [{ ...GROOM, birthDate: '1990-03-08' }, BRIDE], 'VALIDATION', /出生日期与证件号码不符/],
    ['typed sex contradicting the number', [GROOM, { ...BRIDE, sex: 'male' }], 'VALIDATION', /性别与居民身份证号码不符/],
    ['under age by one day', [groomBorn('2004-03-03'), BRIDE], 'CONFLICT', /未满 22 周岁，2026年3月3日年满 22 周岁/],
    ['born 29 February, 22 only on 1 March in a common year', [groomBorn('2004-02-29'), BRIDE], 'CONFLICT', /2026年3月1日年满 22 周岁/],
    ['duplicate party', [GROOM, { ...GROOM }], 'CONFLICT', /证件号码相同/],
    ['one party only', [GROOM], 'CONFLICT', /双方/],
    ['a party already married', [{ ...GROOM, priorStatus: 'married' }, BRIDE], 'CONFLICT', /有配偶/],
  ];

  it.each(BAD_FORMS)('%s: a clear Chinese message, nothing saved', async (_name, parties, code, message) => {
    await officeReady(t);
    t.clock.set(at('2026-02-28'));
    const before = rowCounts(t.core.db);
    const error = expectError(await t.core.call('marriage.register', { kind: 'marriage', parties, checks: MARRIAGE_CHECKS, nationalCheck: BOTH }), code);
    expect(error.message).toMatch(message);
    expect(rowCounts(t.core.db)).toEqual(before);
  });

  it('registers on the birthday itself, and a 29 February birth on 1 March', async () => {
    await officeReady(t);
    t.clock.set(at('2026-03-03'));
    await call(t.core, 'marriage.register', { kind: 'marriage', parties: [groomBorn('2004-03-03'), BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: BOTH });
    t.clock.set(at('2026-03-01'));
    const leap = { ...groomBorn('2004-02-29'), name: '赵强' };
    const bride = { ...BRIDE, documentNumber: idFor('2000-01-01', 'female'), birthDate: '2000-01-01', name: '王芳' };
    await call(t.core, 'marriage.register', { kind: 'marriage', parties: [leap, bride], checks: MARRIAGE_CHECKS, nationalCheck: BOTH });
  });

  it('applies the autonomous-region ages from the settings', async () => {
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'settings.update', { registrationOfficeCode: '650102', marriageAgeMale: 20, marriageAgeFemale: 18 });
    expectError(await t.core.call('settings.update', { marriageAgeMale: 23 }), 'VALIDATION');
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    const young = { ...groomBorn('2005-01-15'), documentNumber: idFor('2005-01-15', 'male') };
    const review = await call(t.core, 'marriage.check', { kind: 'marriage', parties: [young, BRIDE], checks: MARRIAGE_CHECKS });
    expect(review.problems).toEqual([]);
  });

  it('asks for presence, declarations and photos (photos only when the office requires them)', async () => {
    await officeReady(t);
    const none = { ...MARRIAGE_CHECKS, bothPresent: false, declarationsSigned: false, photosProvided: false };
    const review = await call(t.core, 'marriage.check', { kind: 'marriage', parties: [GROOM, BRIDE], checks: none });
    expect(review.problems.map((p) => p.code).sort()).toEqual(['declarationMissing', 'notPresent', 'photosMissing']);
    expect(review.suggestedRefusals).toContain('notInPerson');
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'settings.update', { marriagePhotosRequired: false });
    const noPhotos = await call(t.core, 'marriage.check', { kind: 'marriage', parties: [GROOM, BRIDE], checks: { ...MARRIAGE_CHECKS, photosProvided: false } });
    expect(noPhotos.problems).toEqual([]);
  });

  it('refuses in writing: the reasons are recorded and printed on the 不予登记告知书', async () => {
    await officeReady(t);
    const parties = [groomBorn('2005-06-01'), BRIDE];
    const review = await call(t.core, 'marriage.check', { kind: 'marriage', parties, checks: MARRIAGE_CHECKS });
    expect(review.suggestedRefusals).toEqual(['underAge']);
    expectError(await t.core.call('marriage.refuse', { kind: 'marriage', parties, checks: MARRIAGE_CHECKS, reasons: ['other'], note: '' }), 'VALIDATION');
    const refused = await call(t.core, 'marriage.refuse', { kind: 'marriage', parties, checks: MARRIAGE_CHECKS, reasons: ['underAge'], note: '男方 2027年6月1日 年满 22 周岁' });
    expect(refused.case).toMatchObject({ status: 'refused', certificateNo: null, refusal: { reasons: ['underAge'], note: '男方 2027年6月1日 年满 22 周岁' } });
    const slip = jobText(t, refused.printJobId);
    for (const expected of ['不予登记告知书', '未达法定婚龄', '第一千零四十七条', '行政复议', '2027年6月1日']) expect(slip).toContain(expected);
  });

  it('reissues a certificate to one party with a BJ number', async () => {
    await officeReady(t);
    const reissue = { originalKind: 'marriage' as const, originalDate: '2015-05-20', originalCertificateNo: 'J110105-2015-000321', reason: '结婚证遗失' };
    expectError(await t.core.call('marriage.register', { kind: 'reissue', parties: [BRIDE], checks: { ...MARRIAGE_CHECKS, bothPresent: false } , reissue }), 'CONFLICT');
    const done = await call(t.core, 'marriage.register', { kind: 'reissue', parties: [BRIDE], checks: MARRIAGE_CHECKS, reissue });
    expect(done.case).toMatchObject({ kind: 'reissue', status: 'registered', certificateNo: 'BJ110105-2026-000001', reissue });
    expect(jobText(t, done.printJobId)).toContain('补领结婚证办结单');
  });

  it('finds a person by document number however it is typed, audits the lookup without the number', async () => {
    await officeReady(t);
    const registered = await call(t.core, 'marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: BOTH });
    const spaced = '１１０１０５ 19951123 0021';
    const found = await call(t.core, 'marriage.find', { documentNumber: spaced });
    expect(found.map((c) => c.id)).toEqual([registered.case.id]);
    expect(await call(t.core, 'marriage.find', { documentNumber: idFor('1980-01-01', 'male') })).toEqual([]);
    const audit = t.core.db.prepare("SELECT detail FROM audit_log WHERE action = 'marriage.find'").all() as { detail: string }[];
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => a.detail).join('')).not.toMatch(/19951123/);
  });

  it('keeps no document number in plain text anywhere in the database files', async () => {
    await officeReady(t);
    await call(t.core, 'marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: BOTH });
    t.core.db.pragma('wal_checkpoint(PASSIVE)');
    const files = [t.databasePath, `${t.databasePath}-wal`].filter(existsSync).map((f) => readFileSync(f));
    for (const bytes of files) {
      for (const secret of [GROOM.documentNumber, BRIDE.documentNumber, '199003071239', '199511230021']) expect(bytes.includes(secret)).toBe(false);
    }
    const sealed = t.core.db.prepare('SELECT document_sealed FROM civil_party ORDER BY position').all() as { document_sealed: string }[];
    expect(sealed.map((s) => t.core.ctx.vault.open(s.document_sealed))).toEqual([GROOM.documentNumber, BRIDE.documentNumber]);
  });
});

describe('divorce with the cooling-off period', () => {
  async function accept(date: string, parties: PartyInput[] = [GROOM, BRIDE]): Promise<{ case: CivilCase; printJobId: string }> {
    t.clock.set(at(date));
    return call(t.core, 'divorce.accept', { parties, checks: DIVORCE_CHECKS, marriageCertificateNos: [MARRIED_ELSEWHERE] });
  }

  beforeEach(async () => {
    await officeReady(t);
  });

  it('prints both end dates on the receipt: received 2026-09-01 → cooling-off ends 2026-10-08 → certificates by 2026-11-09', async () => {
    const accepted = await accept('2026-09-01');
    expect(accepted.case.status).toBe('accepted');
    expect(accepted.case.divorce).toMatchObject({ coolingOffEnd: '2026-10-08', certificateDeadline: '2026-11-09', stage: 'coolingOff', pendingReason: null });
    const receipt = jobText(t, accepted.printJobId);
    for (const expected of ['离婚登记申请受理回执', '冷静期届满', '2026年10月8日', '申领离婚证截止', '2026年11月9日', '视为撤回']) expect(receipt).toContain(expected);
    const list = await call(t.core, 'divorce.list', {});
    expect(list.coolingOff.map((c) => c.id)).toEqual([accepted.case.id]);
  });

  it('refuses acceptance without the agreement or the marriage certificates, and a second open application', async () => {
    t.clock.set(at('2026-09-01'));
    const before = rowCounts(t.core.db);
    const missing = expectError(await t.core.call('divorce.accept', { parties: [GROOM, BRIDE], checks: { ...DIVORCE_CHECKS, agreementSubmitted: false }, marriageCertificateNos: [MARRIED_ELSEWHERE] }), 'CONFLICT');
    expect(missing.message).toContain('离婚协议');
    expect(rowCounts(t.core.db)).toEqual(before);
    await accept('2026-09-01');
    expectError(await t.core.call('divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos: [MARRIED_ELSEWHERE] }), 'CONFLICT');
  });

  it('either party alone withdraws during the cooling-off period; the case can then never be completed', async () => {
    const accepted = await accept('2026-09-01');
    t.clock.set(at('2026-09-20'));
    expect(expectError(await t.core.call('divorce.register', { id: accepted.case.id, bothPresent: true }), 'CONFLICT').message).toContain('冷静期尚未届满');
    t.clock.set(at('2026-10-08', '16:30'));
    const withdrawn = await call(t.core, 'divorce.withdraw', { id: accepted.case.id, documentNumber: BRIDE.documentNumber });
    expect(withdrawn.case).toMatchObject({ status: 'withdrawn', divorce: { withdrawnByParty: 1 } });
    const slip = jobText(t, withdrawn.printJobId);
    for (const expected of ['撤回离婚登记申请确认单', '撤回人：女方 李*', '须重新申请']) expect(slip).toContain(expected);
    const before = rowCounts(t.core.db);
    t.clock.set(at('2026-10-09'));
    expect(expectError(await t.core.call('divorce.register', { id: accepted.case.id, bothPresent: true }), 'CONFLICT').message).toContain('女方撤回');
    expectError(await t.core.call('divorce.withdraw', { id: accepted.case.id, documentNumber: GROOM.documentNumber }), 'CONFLICT');
    expect(rowCounts(t.core.db)).toEqual(before);
  });

  it('after the cooling-off period: no more withdrawal, both present register and get the L certificate number', async () => {
    const accepted = await accept('2026-09-01');
    t.clock.set(at('2026-10-09'));
    expect(expectError(await t.core.call('divorce.withdraw', { id: accepted.case.id, documentNumber: GROOM.documentNumber }), 'CONFLICT').message).toContain('不能再单方撤回');
    expectError(await t.core.call('divorce.register', { id: accepted.case.id, bothPresent: false }), 'CONFLICT');
    const list = await call(t.core, 'divorce.list', {});
    expect(list.awaitingRegistration.map((c) => [c.id, c.divorce?.daysLeft])).toEqual([[accepted.case.id, 31]]);
    t.clock.set(at('2026-11-09', '16:59'));
    const done = await call(t.core, 'divorce.register', { id: accepted.case.id, bothPresent: true });
    expect(done.case).toMatchObject({ status: 'registered', certificateNo: 'L110105-2026-000001' });
    expect(jobText(t, done.printJobId)).toContain('离婚登记办结单');
  });

  it('nobody comes back: deemed withdrawn on its own the day after the deadline, by the system, also after a restart', async () => {
    const first = await accept('2026-09-01');
    const second = await accept('2026-09-20', [{ ...groomBorn('1985-01-01'), name: '赵强' }, { ...BRIDE, documentNumber: idFor('1986-02-02', 'female'), birthDate: '1986-02-02' }]);
    t.clock.set(at('2026-11-09', '23:59'));
    expect((await call(t.core, 'marriage.get', { id: first.case.id })).status).toBe('accepted');
    t.clock.set(at('2026-11-10', '00:01'));
    // the core sweeps on start: reopen instead of calling anything
    t.reopen();
    const row = t.core.db.prepare('SELECT status, deemed_withdrawn_at FROM civil_case WHERE id = ?').get(first.case.id) as { status: string; deemed_withdrawn_at: string };
    expect(row.status).toBe('deemedWithdrawn');
    const audit = t.core.db.prepare("SELECT actor_id FROM audit_log WHERE action = 'divorce.deemedWithdrawn' AND entity_id = ?").all(first.case.id) as { actor_id: string | null }[];
    expect(audit).toEqual([{ actor_id: null }]);
    // the restored session comes back locked
    await call(t.core, 'auth.unlock', { pin: CLERK.pin });
    expect(expectError(await t.core.call('divorce.register', { id: first.case.id, bothPresent: true }), 'CONFLICT').message).toContain('视为撤回');
    const list = await call(t.core, 'divorce.list', {});
    expect(list.awaitingRegistration.map((c) => c.id)).toEqual([second.case.id]);
  });

  it('a deadline in a year the calendar does not cover is 待定, with a warning, and withdrawal stays open', async () => {
    const accepted = await call(t.core, 'divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos: [MARRIED_ELSEWHERE] }).then(async () => {
      t.clock.set(at('2026-12-20'));
      const other = [{ ...groomBorn('1985-01-01'), name: '赵强' }, { ...BRIDE, documentNumber: idFor('1986-02-02', 'female'), birthDate: '1986-02-02' }];
      return t.core.call('divorce.accept', { parties: other, checks: DIVORCE_CHECKS, marriageCertificateNos: [MARRIED_ELSEWHERE] });
    });
    if (!accepted.ok) throw new Error(accepted.error.message);
    expect(accepted.value.warning).toContain('待定');
    expect(accepted.value.case.divorce).toMatchObject({ coolingOffEnd: null, certificateDeadline: null, stage: 'unknown' });
    expect(jobText(t, accepted.value.printJobId)).toContain('待定');
    t.clock.set(at('2027-01-19'));
    const withdrawn = await call(t.core, 'divorce.withdraw', { id: accepted.value.case.id, documentNumber: idFor('1985-01-01', 'male') });
    expect(withdrawn.case.status).toBe('withdrawn');
  });

  it('a case whose certificate deadline alone is 待定 is counted under 日期待定 as well', async () => {
    // cooling-off ends Mon 2026-12-21 (2026 is covered); 30 days more fall in 2027, which is not
    const accepted = await accept('2026-11-20');
    expect(accepted.case.divorce).toMatchObject({ coolingOffEnd: '2026-12-21', certificateDeadline: null, stage: 'coolingOff' });
    const list = await call(t.core, 'divorce.list', {});
    expect(list.coolingOff.map((c) => c.id)).toEqual([accepted.case.id]);
    expect(list.pending.map((c) => c.id)).toEqual([accepted.case.id]);
  });
});

describe('registry integrity: nobody with a spouse in this ledger marries again', () => {
  const register = (parties: PartyInput[], nationalCheck: [boolean, boolean] = BOTH) =>
    t.core.call('marriage.register', { kind: 'marriage', parties, checks: MARRIAGE_CHECKS, nationalCheck });
  const registered = (): number => (t.core.db.prepare("SELECT COUNT(*) AS n FROM civil_case WHERE kind = 'marriage' AND status = 'registered'").get() as { n: number }).n;
  const thirdParty = (): PartyInput => ({ ...BRIDE, documentNumber: idFor('1996-01-01', 'female'), birthDate: '1996-01-01', name: '王芳' });

  beforeEach(async () => {
    await officeReady(t);
  });

  it('the same couple twice: the check and the registration say 有配偶 and name the earlier registration, also after a restart', async () => {
    const first = await call(t.core, 'marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: BOTH });
    expect(first.case.certificateNo).toBe('J110105-2026-000001');
    t.clock.set(at('2026-06-01'));
    const review = await call(t.core, 'marriage.check', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS });
    expect(review.problems.map((p) => [p.code, p.party])).toEqual([
      ['hasSpouse', 0],
      ['hasSpouse', 1],
    ]);
    expect(review.suggestedRefusals).toEqual(['hasSpouse']);
    const [groomProblem, brideProblem] = review.problems.map((p) => p.message);
    for (const expected of ['男方张伟有配偶', '2026年3月2日', 'J110105-2026-000001', '李*', '110105********0021']) expect(groomProblem).toContain(expected);
    expect(brideProblem).toContain('110105********1239');
    expect(groomProblem).not.toContain(BRIDE.documentNumber);

    const before = rowCounts(t.core.db);
    const again = expectError(await register([GROOM, BRIDE]), 'CONFLICT');
    expect(again.message).toMatch(/有配偶.*J110105-2026-000001/);
    expect(rowCounts(t.core.db)).toEqual(before);

    // the lookup goes through the vault's keyed hash, which survives a restart
    t.reopen();
    await call(t.core, 'auth.unlock', { pin: CLERK.pin });
    expect(expectError(await register([GROOM, BRIDE]), 'CONFLICT').message).toContain('有配偶');
    expect(registered()).toBe(1);
  });

  it('a married person cannot marry a third party; a party who typed 有配偶 is reported once', async () => {
    await call(t.core, 'marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: BOTH });
    const error = expectError(await register([GROOM, thirdParty()]), 'CONFLICT');
    expect(error.message).toContain('男方张伟有配偶');
    expect(error.message).not.toContain('女方王芳有配偶');
    const stated = await call(t.core, 'marriage.check', { kind: 'marriage', parties: [{ ...GROOM, priorStatus: 'married' }, thirdParty()], checks: MARRIAGE_CHECKS });
    expect(stated.problems.filter((p) => p.code === 'hasSpouse')).toHaveLength(1);
    expect(registered()).toBe(1);
  });

  it('twenty parallel registrations of the same couple: exactly one registration', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => register([GROOM, BRIDE])));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(expectError(r, 'CONFLICT').message).toContain('有配偶');
    expect(registered()).toBe(1);
  });

  it('parallel registrations of one groom with twenty different brides: exactly one registration', async () => {
    const brides = Array.from({ length: 20 }, (_, i) => {
      const birthDate = `1996-01-${String(i + 1).padStart(2, '0')}`;
      return { ...BRIDE, documentNumber: idFor(birthDate, 'female'), birthDate };
    });
    const results = await Promise.all(brides.map((bride) => register([GROOM, bride])));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(registered()).toBe(1);
  });

  it('after a divorce registered here, both may marry again', async () => {
    const married = await call(t.core, 'marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: BOTH });
    t.clock.set(at('2026-09-01'));
    const accepted = await call(t.core, 'divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos: [married.case.certificateNo ?? ''] });
    t.clock.set(at('2026-10-09'));
    // still married until the divorce is registered
    expectError(await register([GROOM, thirdParty()]), 'CONFLICT');
    await call(t.core, 'divorce.register', { id: accepted.case.id, bothPresent: true });
    const review = await call(t.core, 'marriage.check', { kind: 'marriage', parties: [GROOM, thirdParty()], checks: MARRIAGE_CHECKS });
    expect(review.problems).toEqual([]);
    expect((await register([{ ...GROOM, priorStatus: 'divorced' }, thirdParty()])).ok).toBe(true);
  });
});

describe('national check (全国婚姻登记信息系统联网核查) before a marriage is registered', () => {
  beforeEach(async () => {
    await officeReady(t);
  });

  it('refuses without both ticks, naming what to tick; nothing is saved', async () => {
    const before = rowCounts(t.core.db);
    const none = expectError(await t.core.call('marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS }), 'VALIDATION');
    expect(none.message).toContain('全国婚姻登记信息系统');
    expect(none.message).toContain('男方已在全国婚姻登记信息系统联网核查');
    expect(none.message).toContain('女方已在全国婚姻登记信息系统联网核查');
    expect(none.fields).toHaveProperty('nationalCheck');
    const half = expectError(await t.core.call('marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: [true, false] }), 'VALIDATION');
    expect(half.message).toContain('女方已在全国婚姻登记信息系统联网核查');
    expect(half.message).not.toContain('男方已在');
    expect(rowCounts(t.core.db)).toEqual(before);
  });

  it('records who confirmed it and when, in the case and its audit row, never on the slip', async () => {
    const done = await call(t.core, 'marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: BOTH });
    expect(done.case.nationalCheck).toEqual({ checkedAt: START_TIME.toISOString(), checkedBy: { name: CLERK.name, staffNo: CLERK.staffNo } });
    const audit = t.core.db.prepare("SELECT actor_staff_no, detail FROM audit_log WHERE action = 'marriage.register' AND entity_id = ?").get(done.case.id) as { actor_staff_no: string; detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ nationalCheck: { parties: [true, true], checkedByStaffNo: CLERK.staffNo, checkedAt: START_TIME.toISOString() } });
    const slip = jobText(t, done.printJobId);
    expect(slip).not.toContain('联网核查');
    expect(slip).not.toContain('全国婚姻登记信息系统');
  });
});

describe('divorce needs the marriage', () => {
  const other = (): PartyInput[] => [
    { ...groomBorn('1985-01-01'), name: '赵强' },
    { ...BRIDE, documentNumber: idFor('1986-02-02', 'female'), birthDate: '1986-02-02', name: '王芳' },
  ];

  async function marry(parties: PartyInput[]): Promise<CivilCase> {
    return (await call(t.core, 'marriage.register', { kind: 'marriage', parties, checks: MARRIAGE_CHECKS, nationalCheck: BOTH })).case;
  }

  beforeEach(async () => {
    await officeReady(t);
  });

  it('offers the couple’s marriage of this ledger and records it; another couple’s or a wrong number is refused', async () => {
    const ours = await marry([GROOM, BRIDE]);
    const theirs = await marry(other());
    t.clock.set(at('2026-09-01'));
    const review = await call(t.core, 'marriage.check', { kind: 'divorce', parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS });
    expect(review.ledgerMarriage).toEqual({ certificateNo: ours.certificateNo, registeredAt: ours.registeredAt });
    expect(review.problems).toEqual([]);

    const before = rowCounts(t.core.db);
    const accept = (numbers: string[]) => t.core.call('divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos: numbers });
    const foreign = expectError(await accept([theirs.certificateNo ?? '']), 'CONFLICT');
    expect(foreign.message).toContain('与本次申请的双方不符');
    expect(foreign.fields).toHaveProperty('marriageCertificateNos');
    expect(expectError(await accept([MARRIED_ELSEWHERE]), 'CONFLICT').message).toContain(`本登记处记录双方的结婚证字号为 ${ours.certificateNo}`);
    expectError(await t.core.call('divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos: [] }), 'VALIDATION');
    expect(rowCounts(t.core.db)).toEqual(before);

    const accepted = await call(t.core, 'divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos: [(ours.certificateNo ?? '').toLowerCase()] });
    expect(accepted.case.marriage).toEqual({ certificateNos: [ours.certificateNo], caseId: ours.id });
  });

  it('a party married here to someone else cannot divorce a third person', async () => {
    await marry([GROOM, BRIDE]);
    const [, otherBride] = other();
    const parties = [GROOM, otherBride as PartyInput];
    const review = await call(t.core, 'marriage.check', { kind: 'divorce', parties, checks: DIVORCE_CHECKS });
    expect(review.ledgerMarriage).toBeNull();
    expect(review.problems.map((p) => [p.code, p.party])).toEqual([['spouseElsewhere', 0]]);
    expect(expectError(await t.core.call('divorce.accept', { parties, checks: DIVORCE_CHECKS, marriageCertificateNos: [MARRIED_ELSEWHERE] }), 'CONFLICT').message).toContain('配偶不是本次申请的另一方');
  });

  it('ten parallel acceptances of the same couple: exactly one application', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.core.call('divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos: [MARRIED_ELSEWHERE] })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((t.core.db.prepare("SELECT COUNT(*) AS n FROM civil_case WHERE kind = 'divorce'").get() as { n: number }).n).toBe(1);
  });

  it('withdrawal identifies the party by their document: a number of neither party is refused; parallel withdrawals withdraw once', async () => {
    t.clock.set(at('2026-09-01'));
    const accepted = await call(t.core, 'divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos: [MARRIED_ELSEWHERE] });
    t.clock.set(at('2026-09-10'));
    const before = rowCounts(t.core.db);
    const stranger = expectError(await t.core.call('divorce.withdraw', { id: accepted.case.id, documentNumber: idFor('1980-01-01', 'male') }), 'VALIDATION');
    expect(stranger.message).toContain('均不符');
    expect(stranger.fields).toHaveProperty('documentNumber');
    expect(rowCounts(t.core.db)).toEqual(before);

    // typed with spaces and full-width digits, as a reader or a clerk may: the bride
    const typed = '１１０１０５ 19951123 0021';
    const results = await Promise.all(Array.from({ length: 5 }, () => t.core.call('divorce.withdraw', { id: accepted.case.id, documentNumber: typed })));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    const withdrawn = await call(t.core, 'marriage.get', { id: accepted.case.id });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', divorce: { withdrawnByParty: 1 } });
  });
});

describe('marriage matters go through the 婚姻登记 forms, not the generic intake', () => {
  const DIVORCE_MATERIALS = ['man-id-card', 'woman-id-card', 'marriage-certificates', 'agreement', 'single-photos'];

  beforeEach(async () => {
    await officeReady(t);
  });

  it('a divorce booking checked in from 今日预约 cannot be accepted through 接待受理; the form gets both parties', async () => {
    const header = '预约号,预约日期,预约时段,事项编码,申请人姓名,证件类型,证件号码,联系电话,另一方姓名,另一方证件类型,另一方证件号码';
    const row = ['YY0301', '2026-03-02', '09:00-09:30', 'DIV-REG', '张伟', '居民身份证', GROOM.documentNumber, '13800000001', '李娜', '居民身份证', BRIDE.documentNumber].join(',');
    await call(t.core, 'appointments.import', { fileName: '预约.csv', content: `${header}\r\n${row}` });
    const { contact } = await call(t.core, 'appointments.checkIn', { code: 'YY0301' });

    const before = rowCounts(t.core.db);
    const refused = expectError(await t.core.call('intake.accept', { id: contact.id, receivedMaterialIds: DIVORCE_MATERIALS }), 'CONFLICT');
    expect(refused.message).toContain('婚姻登记');
    expect(rowCounts(t.core.db)).toEqual(before);
    expect((await call(t.core, 'intake.get', { id: contact.id })).status).toBe('open');

    const prefill = await call(t.core, 'marriage.prefill', { contactId: contact.id });
    expect(prefill).toEqual({
      kind: 'divorce',
      parties: [
        { name: '张伟', documentType: 'residentId', documentNumber: GROOM.documentNumber, phone: '13800000001' },
        { name: '李娜', documentType: 'residentId', documentNumber: BRIDE.documentNumber, phone: '' },
      ],
    });
    const audit = t.core.db.prepare("SELECT detail FROM audit_log WHERE action = 'marriage.prefill'").all() as { detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).not.toContain('19900307');

    const accepted = await call(t.core, 'divorce.accept', { contactId: contact.id, parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos: [MARRIED_ELSEWHERE] });
    expect(accepted.case.divorce?.coolingOffEnd).not.toBeNull();
    expect((await call(t.core, 'divorce.list', {})).coolingOff.map((c) => c.id)).toEqual([accepted.case.id]);
  });

  it('a walk-in 补领 started in 接待受理 is refused there too and carries the typed number to the form', async () => {
    const contact = await call(t.core, 'intake.start', { itemCode: 'MAR-REISSUE', channel: 'walkIn', applicantName: '李娜', applicantPhone: '13800000002', applicantIdNumber: BRIDE.documentNumber });
    expectError(await t.core.call('intake.accept', { id: contact.id, receivedMaterialIds: ['id-card', 'application', 'photos', 'marriage-proof'] }), 'CONFLICT');
    expect(await call(t.core, 'marriage.prefill', { contactId: contact.id })).toEqual({
      kind: 'reissue',
      parties: [{ name: '李娜', documentType: 'residentId', documentNumber: BRIDE.documentNumber, phone: '13800000002' }],
    });
    const plain = await call(t.core, 'intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: '李娜', applicantPhone: '', applicantIdNumber: '' });
    expectError(await t.core.call('marriage.prefill', { contactId: plain.id }), 'CONFLICT');
  });
});
