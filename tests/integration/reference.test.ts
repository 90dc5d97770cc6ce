/**
 * Reference data through the real core: the service catalogue (shipped
 * default, import, versions) and the working-day calendar overrides, on a
 * real SQLite file in a temp directory.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { referenceMethods, type ReferenceMethodName, type ReferenceResponse } from '../../shared/api/reference';
import defaultCatalogue from '../../shared/catalogue/default-catalogue.json';
import type { CallerKind } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { CounterCore } from '../../electron/services/core/core';
import { loadWorkCalendar } from '../../electron/services/reference/calendar-service';
import { activeCatalogue, builtInCatalogue } from '../../electron/services/reference/catalogue-service';
import { addWorkingDays } from '../../shared/domain/working-days';
import { CLERK, SUPERVISOR, call, cleanupAll, createTestCore, expectError, expectOk, fileBytes, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { rowCounts } from '../support/db';
import { expectLedger, ledgerOf, type Expected, type Ledger } from '../support/ledger-rows';

afterAll(cleanupAll);

type RefRequest<M extends ReferenceMethodName> = z.input<(typeof referenceMethods)[M]['request']>;

/** core.call for the reference methods, typed from referenceMethods itself. */
async function ref<M extends ReferenceMethodName>(
  core: CounterCore,
  method: M,
  request: RefRequest<M>,
  caller: CallerKind = 'clerk',
): Promise<Result<ReferenceResponse<M>>> {
  // dispatch checked the response against referenceMethods[method].response
  return (await core.dispatch(method, request, caller)) as Result<ReferenceResponse<M>>;
}

async function refOk<M extends ReferenceMethodName>(core: CounterCore, method: M, request: RefRequest<M>): Promise<ReferenceResponse<M>> {
  return expectOk(await ref(core, method, request));
}

async function supervisorCore(): Promise<TestCore> {
  const t = createTestCore();
  await setUpWithClerk(t.core);
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  return t;
}


/** The reference methods are supervisor actions: their audit rows name the supervisor. */
function expectSupervisorLedger(core: CounterCore, ledger: Ledger, expected: readonly Expected[]): void {
  expectLedger(core, ledger, expected, SUPERVISOR.staffNo);
}

/** Every table's row count and the settings file, before and after. */
async function noWrites<T>(t: TestCore, run: () => Promise<T>): Promise<T> {
  const before = { rows: rowCounts(t.core.db), settings: fileBytes(t.settingsPath)?.toString('base64') ?? null };
  const result = await run();
  expect({ rows: rowCounts(t.core.db), settings: fileBytes(t.settingsPath)?.toString('base64') ?? null }).toEqual(before);
  return result;
}

type CatalogueFile = { version: string; issuedAt: string; items: Record<string, unknown>[] };

function catalogueFile(version: string, change?: (file: CatalogueFile) => void): string {
  const file = JSON.parse(JSON.stringify(defaultCatalogue)) as CatalogueFile;
  file.version = version;
  change?.(file);
  return JSON.stringify(file, null, 2);
}

const NEW_ITEM = {
  code: 'MZ-TKGY',
  name: '特困人员救助供养申请',
  department: '民政局社会救助科',
  windows: ['4'],
  materials: [{ id: 'application', name: '特困人员救助供养申请书', standard: '本人签名', obtainFrom: '本窗口领取', required: true }],
  legalBasis: '《社会救助暂行办法》第三章 特困人员供养',
  timeLimit: { kind: 'workingDays', days: 20 },
  fee: '不收费',
  resultPickup: '书面通知申请人',
};

describe('the service catalogue', () => {
  it('is the shipped one until a supervisor imports a newer version', async () => {
    const t = await supervisorCore();
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    const catalogue = await refOk(t.core, 'catalogue.get', {});
    expect(catalogue).toEqual(builtInCatalogue());
    expect(catalogue.version).toBe('2026.1');
    expect(activeCatalogue(t.core.ctx)).toBe(activeCatalogue(t.core.ctx));
  });

  it('needs a logged-in clerk; importing and the version list need a supervisor', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    await noWrites(t, async () => {
      expectError(await ref(t.core, 'catalogue.get', {}), 'AUTH_REQUIRED');
      expectError(await ref(t.core, 'catalogue.get', {}, 'display'), 'FORBIDDEN');
    });
    await login(t.core, CLERK.staffNo, CLERK.pin);
    await noWrites(t, async () => {
      expectError(await ref(t.core, 'catalogue.import', { content: catalogueFile('2026.2') }), 'FORBIDDEN');
      expectError(await ref(t.core, 'catalogue.versions', {}), 'FORBIDDEN');
      expectError(await ref(t.core, 'calendar.saveOverride', { date: '2026-10-12', kind: 'restday', name: '停工', source: '区政府通知' }), 'FORBIDDEN');
      expectError(await ref(t.core, 'calendar.deleteOverride', { date: '2026-10-12' }), 'FORBIDDEN');
    });
  });

  it('imports a newer version, with its audit and change-log rows, and keeps it after a restart', async () => {
    const t = await supervisorCore();
    const first = await ledgerOf(t.core, async () => {
      const result = await refOk(t.core, 'catalogue.import', { content: catalogueFile('2026.2', (f) => f.items.push(NEW_ITEM)) });
      expect(result).toEqual({ version: '2026.2', items: builtInCatalogue().items.length + 1 });
    });
    expectSupervisorLedger(t.core, first, [['catalogue.import', 'catalogue_version', 'insert']]);
    const payload = JSON.parse(first.changes[0]?.payload ?? '{}') as Record<string, unknown>;
    expect(payload).toMatchObject({ version: '2026.2', active: true, items: builtInCatalogue().items.length + 1, issuedAt: '2026-01-05' });
    expect(JSON.parse(String(payload.content))).toMatchObject({ version: '2026.2' });
    expect(JSON.parse(first.audit[0]?.detail ?? '{}')).toMatchObject({ previousVersion: '2026.1', fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const catalogue = await refOk(t.core, 'catalogue.get', {});
    expect(catalogue.version).toBe('2026.2');
    expect(catalogue.items.at(-1)).toEqual(NEW_ITEM);
    expect(activeCatalogue(t.core.ctx).version).toBe('2026.2');

    const second = await ledgerOf(t.core, () => refOk(t.core, 'catalogue.import', { content: catalogueFile('2026.10') }));
    expectSupervisorLedger(t.core, second, [
      ['catalogue.import', 'catalogue_version', 'update'],
      ['catalogue.import', 'catalogue_version', 'insert'],
    ]);
    expect(JSON.parse(second.changes[0]?.payload ?? '{}')).toMatchObject({ version: '2026.2', active: false });

    const versions = await refOk(t.core, 'catalogue.versions', {});
    expect(versions.map((v) => [v.version, v.active, v.builtIn, v.importedBy])).toEqual([
      ['2026.10', true, false, `${SUPERVISOR.name}（${SUPERVISOR.staffNo}）`],
      ['2026.2', false, false, `${SUPERVISOR.name}（${SUPERVISOR.staffNo}）`],
      ['2026.1', false, true, null],
    ]);

    t.reopen();
    // the session survives the restart, locked
    await call(t.core, 'auth.unlock', { pin: SUPERVISOR.pin });
    expect((await refOk(t.core, 'catalogue.get', {})).version).toBe('2026.10');
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM catalogue_version WHERE active = 1').get()).toEqual({ n: 1 });
  });

  it('refuses an equal or older version (CONFLICT) and writes nothing', async () => {
    const t = await supervisorCore();
    await noWrites(t, async () => {
      const same = expectError(await ref(t.core, 'catalogue.import', { content: catalogueFile('2026.1') }), 'CONFLICT');
      expect(same.message).toContain('2026.1');
      expectError(await ref(t.core, 'catalogue.import', { content: catalogueFile('2025.12') }), 'CONFLICT');
    });
    await refOk(t.core, 'catalogue.import', { content: catalogueFile('2026.3') });
    await noWrites(t, async () => {
      expectError(await ref(t.core, 'catalogue.import', { content: catalogueFile('2026.2') }), 'CONFLICT');
      expectError(await ref(t.core, 'catalogue.import', { content: catalogueFile('2026.3') }), 'CONFLICT');
    });
  });

  it('lists every problem of a broken file (VALIDATION: the first few in the message, all in fields) and writes nothing', async () => {
    const t = await supervisorCore();
    const broken = catalogueFile('2026.2', (f) => {
      f.issuedAt = '2026-13-01';
      for (const item of f.items) delete item.legalBasis;
    });
    const error = await noWrites(t, async () => expectError(await ref(t.core, 'catalogue.import', { content: broken }), 'VALIDATION'));
    const count = 1 + builtInCatalogue().items.length;
    expect(error.message).toContain(`目录文件有 ${count} 处问题，未导入`);
    expect(error.message).toContain('目录：“发布日期”应为真实存在的日期');
    expect(error.message).toContain('第 1 项（结婚登记）：缺少“法律依据”');
    expect(error.message).toContain(`另有 ${count - 5} 处`);
    expect(Object.keys(error.fields ?? {})).toEqual(Array.from({ length: count }, (_, i) => `problem.${i + 1}`));
    expect(error.fields?.[`problem.${count}`]).toBe(`第 ${count - 1} 项（社会团体成立登记）：缺少“法律依据”`);

    const notJson = await noWrites(t, async () => expectError(await ref(t.core, 'catalogue.import', { content: '{"version": "2026.2",' }), 'VALIDATION'));
    expect(notJson.message).toContain('不是有效的 JSON');
    expect(notJson.fields?.['problem.1']).toContain('第 1 行');
  });

  it('refuses a file over 2 MB at the boundary', async () => {
    const t = await supervisorCore();
    const big = catalogueFile('2026.2', (f) => {
      (f.items[0] as Record<string, unknown>).notes = '注'.repeat(800_000);
    });
    const error = await noWrites(t, async () => expectError(await ref(t.core, 'catalogue.import', { content: big }), 'VALIDATION'));
    expect(error.message).toContain('请检查输入：目录文件不能超过 2 MB');
  });
});

describe('the working-day calendar', () => {
  it('answers deadlines from chinese-days and says 待定 for an uncovered year', async () => {
    const t = await supervisorCore();
    const overview = await refOk(t.core, 'calendar.overrides', {});
    expect(overview.overrides).toEqual([]);
    expect(overview.statutoryYears).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(overview.coveredYears).toEqual(overview.statutoryYears);
    expect(overview.statutorySource).toMatch(/^chinese-days /);

    expect(await refOk(t.core, 'calendar.deadline', { start: '2026-09-25', workingDays: 20 })).toEqual({ date: '2026-10-29' });
    expect(await refOk(t.core, 'calendar.deadline', { start: '2026-09-01', calendarDays: 30 })).toEqual({ date: '2026-10-08' });
    expect(await refOk(t.core, 'calendar.deadline', { start: '2026-10-08', calendarDays: 30 })).toEqual({ date: '2026-11-09' });
    expect(await refOk(t.core, 'calendar.deadline', { start: '2026-03-02', workingDays: 0 })).toEqual({ date: '2026-03-02' });
    const pending = await refOk(t.core, 'calendar.deadline', { start: '2026-12-28', workingDays: 5 });
    expect(pending).toMatchObject({ pending: true, year: 2027 });
    expect('reason' in pending && pending.reason).toContain('2027 年');

    await noWrites(t, async () => {
      expectError(await ref(t.core, 'calendar.deadline', { start: '2026-02-30', workingDays: 1 }), 'VALIDATION');
      expectError(await ref(t.core, 'calendar.deadline', { start: '2026-03-02' }), 'VALIDATION');
      expectError(await ref(t.core, 'calendar.deadline', { start: '2026-03-02', workingDays: 1, calendarDays: 1 }), 'VALIDATION');
      expectError(await ref(t.core, 'calendar.deadline', { start: '2026-03-02', workingDays: -1 }), 'VALIDATION');
    });
  });

  it('a supervisor enters 2027 from the State Council notice: overrides are upserted, audited, and move deadlines at once', async () => {
    const t = await supervisorCore();
    const notice = '国办发明电〔2026〕X号';
    const before = loadWorkCalendar(t.core.ctx);

    const inserted = await ledgerOf(t.core, () =>
      refOk(t.core, 'calendar.saveOverride', { date: '2027-01-01', kind: 'restday', name: '元旦', source: notice, coversYear: true }),
    );
    expectSupervisorLedger(t.core, inserted, [['calendar.saveOverride', 'calendar_override', 'insert']]);
    expect(JSON.parse(inserted.changes[0]?.payload ?? '{}')).toMatchObject({ date: '2027-01-01', kind: 'restday', name: '元旦', source: notice, coversYear: true });
    expect(loadWorkCalendar(t.core.ctx)).not.toBe(before);
    expect(addWorkingDays(loadWorkCalendar(t.core.ctx), '2026-12-28', 5)).toEqual({ date: '2027-01-05' });
    expect(await refOk(t.core, 'calendar.deadline', { start: '2026-12-28', workingDays: 5 })).toEqual({ date: '2027-01-05' });

    const overview = await refOk(t.core, 'calendar.overrides', {});
    expect(overview.coveredYears.at(-1)).toBe(2027);
    expect(overview.overrides).toEqual([
      expect.objectContaining({ date: '2027-01-01', kind: 'restday', name: '元旦', source: notice, coversYear: true, enteredBy: `${SUPERVISOR.name}（${SUPERVISOR.staffNo}）` }),
    ]);

    // the same date again: an update, with what it was in the audit detail
    const updated = await ledgerOf(t.core, () =>
      refOk(t.core, 'calendar.saveOverride', { date: '2027-01-01', kind: 'restday', name: '元旦（更正）', source: notice, coversYear: true }),
    );
    expectSupervisorLedger(t.core, updated, [['calendar.saveOverride', 'calendar_override', 'update']]);
    expect(JSON.parse(updated.audit[0]?.detail ?? '{}')).toEqual({ before: { kind: 'restday', name: '元旦', source: notice, coversYear: true } });
    expect((await refOk(t.core, 'calendar.overrides', {})).overrides).toHaveLength(1);

    // a local closure inside 2026 moves the DESIGN example by one day
    await refOk(t.core, 'calendar.saveOverride', { date: '2026-10-12', kind: 'restday', name: '台风停工', source: '区人民政府通告' });
    expect(await refOk(t.core, 'calendar.deadline', { start: '2026-09-25', workingDays: 20 })).toEqual({ date: '2026-10-30' });

    const deleted = await ledgerOf(t.core, () => refOk(t.core, 'calendar.deleteOverride', { date: '2026-10-12' }));
    expectSupervisorLedger(t.core, deleted, [['calendar.deleteOverride', 'calendar_override', 'delete']]);
    expect(await refOk(t.core, 'calendar.deadline', { start: '2026-09-25', workingDays: 20 })).toEqual({ date: '2026-10-29' });
    await noWrites(t, async () => expectError(await ref(t.core, 'calendar.deleteOverride', { date: '2026-10-12' }), 'NOT_FOUND'));

    // unflagging the year makes 2027 待定 again
    await refOk(t.core, 'calendar.saveOverride', { date: '2027-01-01', kind: 'restday', name: '元旦', source: notice });
    expect(await refOk(t.core, 'calendar.deadline', { start: '2026-12-28', workingDays: 5 })).toMatchObject({ pending: true, year: 2027 });

    // and the overrides survive a restart
    t.reopen();
    // the session survives the restart, locked
    await call(t.core, 'auth.unlock', { pin: SUPERVISOR.pin });
    expect((await refOk(t.core, 'calendar.overrides', {})).overrides.map((o) => o.date)).toEqual(['2027-01-01']);
  });

  it('refuses bad overrides with Chinese messages and writes nothing', async () => {
    const t = await supervisorCore();
    await noWrites(t, async () => {
      const flag2026 = expectError(
        await ref(t.core, 'calendar.saveOverride', { date: '2026-10-12', kind: 'restday', name: '停工', source: '区政府通知', coversYear: true }),
        'VALIDATION',
      );
      expect(flag2026.fields?.coversYear).toContain('内置数据');
      const badDate = expectError(await ref(t.core, 'calendar.saveOverride', { date: '2027-02-29', kind: 'restday', name: '停工', source: '通知' }), 'VALIDATION');
      expect(Object.keys(badDate.fields ?? {})).toEqual(['date']);
      expect(badDate.message).toContain('请检查输入：日期应为真实存在的日期');
      expectError(await ref(t.core, 'calendar.saveOverride', { date: '1999-10-01', kind: 'restday', name: '国庆', source: '通知' }), 'VALIDATION');
      expectError(await ref(t.core, 'calendar.saveOverride', { date: '2027-10-01', kind: 'holiday' as 'restday', name: '国庆', source: '通知' }), 'VALIDATION');
      expectError(await ref(t.core, 'calendar.saveOverride', { date: '2027-10-01', kind: 'restday', name: '', source: '通知' }), 'VALIDATION');
      expectError(await ref(t.core, 'calendar.saveOverride', { date: '2027-10-01', kind: 'restday', name: '国庆', source: '' }), 'VALIDATION');
    });
  });

});
