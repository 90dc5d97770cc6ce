/**
 * 咨询电话 from the hall: the office settings a window pulls carry the
 * consultation phone, a joined window prints the hall's on its slips (read
 * back from the slip's ESC/POS bytes) and refuses its own edit of it naming
 * the hall; a row saved before the hall had the field still parses, and the
 * window keeps its own phone then. Real cores on SQLite files, a real hall on
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeSettingsSchema } from '../../shared/hall/console-reference';
import { REFERENCE_BODY_SCHEMAS } from '../../shared/hall/reference-bodies';
import { CLERK, SUPERVISOR, call, expectError, login, logout, type TestCore } from '../support/core';
import { WORKING_DAYS_ITEM, testCatalogue } from '../support/catalogue';
import { at } from '../support/civil';
import { readJobs, slipText } from '../support/escpos-reader';
import { startTestHall, type TestHall } from '../support/hall';
import { closeWindowsAndHall, joinHall, putHallReferences, windowCore } from '../support/hall-window';
import { BRIDE, DIVORCE_CHECKS, GROOM, MARRIED_ELSEWHERE } from '../support/requests';

let hall: TestHall;
let w: TestCore;
const OLD_OFFICE = { hallName: '市民中心婚姻登记处', department: '民政局', complaintPhone: '010-12345678', supervisionPhone: '12345', leaderOnDuty: '刘主任' };

beforeAll(async () => {
  hall = await startTestHall();
  w = await windowCore('1');
  await login(w.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(w.core, 'settings.update', { officePhone: '010-11112222', registrationOfficeCode: '110105' });
  await call(w.core, 'catalogue.import', { content: JSON.stringify(testCatalogue([WORKING_DAYS_ITEM])) });
  await logout(w.core);
  await joinHall(w, hall);
});
afterAll(() => closeWindowsAndHall(hall));

function printedSlip(jobId: string): string[] {
  const row = w.core.db.prepare('SELECT bytes FROM print_job WHERE id = ?').get(jobId) as { bytes: Buffer };
  return readJobs(row.bytes).flatMap((job) => slipText(job));
}

describe('咨询电话 from the hall', () => {
  it('the console form takes it (or leaves it out: windows keep their own) and checks it', () => {
    expect(officeSettingsSchema.parse({ ...OLD_OFFICE, officePhone: ' 010-88886666 ' }).officePhone).toBe('010-88886666');
    expect(officeSettingsSchema.parse(OLD_OFFICE)).toEqual(OLD_OFFICE);
    const bad = officeSettingsSchema.safeParse({ ...OLD_OFFICE, officePhone: '咨询' });
    expect(bad.success ? null : bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['officePhone', '电话号码只能包含数字和 + - ( )，长度 3 到 20 位']]);
  });

  it('a row saved before the field still parses; the window keeps its own phone then', async () => {
    expect(REFERENCE_BODY_SCHEMAS.officeSettings.parse(OLD_OFFICE)).toEqual(OLD_OFFICE);
    await putHallReferences(hall, { kind: 'officeSettings', key: 'office', body: OLD_OFFICE });
    await w.core.hallSync.syncNow();
    expect(w.core.ctx.settings.get()).toMatchObject({ hallName: '市民中心婚姻登记处', officePhone: '010-11112222' });
  });

  it('the hall\'s phone replaces the window\'s and is printed on its slips', async () => {
    await putHallReferences(hall, { kind: 'officeSettings', key: 'office', body: { ...OLD_OFFICE, officePhone: '010-88886666' } });
    await w.core.hallSync.syncNow();
    expect(w.core.ctx.settings.get().officePhone).toBe('010-88886666');
    await login(w.core, CLERK.staffNo, CLERK.pin);
    w.clock.set(at('2026-03-02'));
    const accepted = await call(w.core, 'divorce.accept', { parties: [GROOM, BRIDE], checks: DIVORCE_CHECKS, marriageCertificateNos: [MARRIED_ELSEWHERE] });
    await logout(w.core);
    const paper = printedSlip(accepted.printJobId);
    expect(paper[0]?.trim()).toBe('市民中心婚姻登记处');
    expect(paper).toContainEqual('咨询电话：010-88886666');
    expect(paper.join('\n')).not.toContain('010-11112222');
  });

  it('the window\'s own edit of it is refused naming the hall (fired in parallel), the unchanged value still saves', async () => {
    await login(w.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const answers = await Promise.all(Array.from({ length: 5 }, () => w.core.call('settings.update', { officePhone: '010-99990000' })));
    for (const a of answers) expect(expectError(a, 'FORBIDDEN').message).toBe('本窗口已加入测试大厅，单位信息由大厅统一管理，请在大厅管理台修改');
    expect((await call(w.core, 'settings.update', { officePhone: '010-88886666', idleLockMinutes: 7 })).idleLockMinutes).toBe(7);
    await logout(w.core);
    expect(w.core.ctx.settings.get().officePhone).toBe('010-88886666');
  });
});
