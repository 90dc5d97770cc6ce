/**
 * The hall console's editing of the hall-owned reference data and of the
 * queue's settings, against a real hall on a real PostgreSQL: every write
 * checked with Chinese messages, one transaction each, audited; 20 parallel
 * and repeated saves of one row leave one row with one consistent body; and
 * a window pulls what the console wrote.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin as windowHashPin, verifyPin as windowVerifyPin } from '../../electron/services/staff/pin-hash';
import { seedDemoStaff } from '../../hall/demo';
import { inTransaction } from '../../hall/db/pool';
import { putReference } from '../../hall/store/reference';
import { residentIdCheckCharacter } from '../../shared/domain/id-number';
import type { ConsoleRouteName } from '../../shared/hall/console-contract';
import type { QueueMatterSave } from '../../shared/hall/console-reference';
import type { ReferenceRow } from '../../shared/hall/contract';
import { enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { consoleCall, consoleLogin, type ConsoleResult } from '../support/hall-console';
import { enrolKiosk, take, TestClock } from '../support/queue';

const clock = new TestClock(new Date('2026-08-19T02:00:00Z')); // 10:00 at the hall
let t: TestHall;
let base: string;
let cookie: string;
let w1: EnrolledWindow;

const CATALOGUE = JSON.parse(readFileSync(new URL('../../shared/catalogue/default-catalogue.json', import.meta.url), 'utf8')) as { version: string; items: unknown[] };

function send<N extends ConsoleRouteName>(name: N, input: Record<string, unknown>, as: string | null = cookie): Promise<ConsoleResult<N>> {
  return consoleCall(base, name, input, as);
}

async function ok<N extends ConsoleRouteName>(name: N, input: Record<string, unknown>): Promise<Extract<ConsoleResult<N>, { ok: true }>['value']> {
  const r = await send(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.status} ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value;
}

function expectRefused(r: ConsoleResult<ConsoleRouteName>, code: string, field?: string): string {
  if (r.ok) throw new Error('expected a refusal');
  expect(r.error.code).toBe(code);
  if (field !== undefined) expect(r.error.fields?.[field], JSON.stringify(r.error)).toMatch(/[\u4e00-\u9fff]/);
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
  return r.error.message;
}

async function rows(kind: string, key?: string): Promise<{ key: string; body: Record<string, unknown>; deleted: boolean; xid: string; window_no: string | null }[]> {
  const { rows: found } = await t.hall.pool.query<{ key: string; body: Record<string, unknown>; deleted: boolean; xid: string; window_no: string | null }>(
    `SELECT key, body, deleted, xid::text AS xid, window_no FROM reference_row WHERE kind = $1 ${key === undefined ? '' : 'AND key = $2'} ORDER BY key`,
    key === undefined ? [kind] : [kind, key],
  );
  return found;
}

async function audits(action: string, key: string): Promise<number> {
  const { rows: found } = await t.hall.pool.query<{ n: string }>('SELECT count(*) AS n FROM console_audit WHERE action = $1 AND key = $2', [action, key]);
  return Number(found[0]?.n);
}

async function pullAll(w: EnrolledWindow): Promise<ReferenceRow[]> {
  const all: ReferenceRow[] = [];
  let cursor = '';
  for (;;) {
    const page = await value(t.hall, 'pull', { cursor }, w.credential);
    all.push(...page.rows);
    cursor = page.cursor;
    if (!page.more) return all;
  }
}

const staff = (staffNo: string, over: Record<string, unknown> = {}) => ({ staffNo, name: '赵敏', title: '科员', duties: '结婚登记', partyMember: false, role: 'clerk', active: true, ...over });

beforeAll(async () => {
  t = await startTestHall({ clock: clock.now });
  base = t.hall.url;
  await seedDemoStaff(t.hall.pool, t.hall.hall);
  cookie = await consoleLogin(base, '9001', '246810');
  w1 = await enrolWindow(t.hall, '1');
});
afterAll(async () => {
  await t?.stop();
});

describe('staff accounts', () => {
  it('adds an account with a PIN in the windows\u2019 scrypt form, edits it keeping the PIN, and a window pulls it', async () => {
    expectRefused(await send('staffSave', staff('2001')), 'VALIDATION', 'pin');
    expectRefused(await send('staffSave', staff('2001', { name: '', pin: '12' })), 'VALIDATION', 'name');
    const added = await ok('staffSave', staff('2001', { pin: '135790' }));
    expect(added.staff.find((s) => s.staffNo === '2001')).toMatchObject({ name: '赵敏', role: 'clerk', active: true, lockedUntil: null });
    expect(JSON.stringify(added)).not.toContain('scrypt');
    const [row] = await rows('staff', '2001');
    expect(await windowVerifyPin('135790', String(row?.body.pinHash))).toBe(true);

    await ok('staffSave', staff('2001', { title: '副科长', duties: '离婚登记' }));
    const [edited] = await rows('staff', '2001');
    expect(edited?.body).toMatchObject({ title: '副科长', duties: '离婚登记', pinHash: row?.body.pinHash });
    const pulled = (await pullAll(w1)).filter((r) => r.kind === 'staff' && r.key === '2001');
    expect(pulled.at(-1)?.body).toMatchObject({ title: '副科长' });
    expect(await audits('staff.save+pin', '2001')).toBe(1);
    expect(await audits('staff.save', '2001')).toBe(1);
  });

  it('disables an account and refuses to disable or demote the supervisor\u2019s own', async () => {
    await ok('staffSave', staff('2001', { active: false }));
    expect((await rows('staff', '2001'))[0]?.body.active).toBe(false);
    expectRefused(await send('staffSave', staff('9001', { role: 'supervisor', active: false })), 'CONFLICT');
    expectRefused(await send('staffSave', staff('9001', { role: 'clerk' })), 'CONFLICT');
  });

  it('resets a PIN and unlocks a locked account (the lockout lifts at every window)', async () => {
    const body = { staffNo: '9100', name: '钱主管', title: '', duties: '', partyMember: false, role: 'supervisor' as const, active: true, pinHash: await windowHashPin('111111'), lockedUntil: '2099-01-01T00:00:00.000Z' };
    await inTransaction(t.hall.pool, (client) => putReference(client, t.hall.hall.hallId, { kind: 'staff', key: '9100', body }));
    expect(await consoleCall(base, 'login', { staffNo: '9100', pin: '111111' }, null)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    await ok('staffUnlock', { staffNo: '9100' });
    expect((await rows('staff', '9100'))[0]?.body.lockedUntil).toBeNull();
    await consoleLogin(base, '9100', '111111');
    await ok('staffPin', { staffNo: '9100', pin: '222222' });
    expect(await consoleCall(base, 'login', { staffNo: '9100', pin: '111111' }, null)).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } });
    await consoleLogin(base, '9100', '222222');
    expect(await windowVerifyPin('222222', String((await rows('staff', '9100'))[0]?.body.pinHash))).toBe(true);
    expectRefused(await send('staffPin', { staffNo: '7777', pin: '123456' }), 'NOT_FOUND');
    expectRefused(await send('staffPin', { staffNo: '9100', pin: '12a456' }), 'VALIDATION', 'pin');
  });

  it('20 parallel saves of one account leave one row with one of the saved bodies; a repeat changes nothing', async () => {
    const saves = Array.from({ length: 20 }, (_, i) => send('staffSave', staff('2002', { title: `职务${i % 4}`, pin: '246802' })));
    for (const r of await Promise.all(saves)) expect(r.ok).toBe(true);
    const found = await rows('staff', '2002');
    expect(found).toHaveLength(1);
    expect(['职务0', '职务1', '职务2', '职务3']).toContain(found[0]?.body.title);
    expect(await windowVerifyPin('246802', String(found[0]?.body.pinHash))).toBe(true);
    await ok('staffSave', staff('2002', { title: '定稿' }));
    const xid = (await rows('staff', '2002'))[0]?.xid;
    const repeats = await Promise.all(Array.from({ length: 20 }, () => send('staffSave', staff('2002', { title: '定稿' }))));
    expect(repeats.every((r) => r.ok)).toBe(true);
    expect((await rows('staff', '2002'))[0]?.xid).toBe(xid);
  });

  it('refuses every write without a supervisor\u2019s session', async () => {
    expect(await send('staffSave', staff('2003', { pin: '123456' }), null)).toMatchObject({ ok: false, status: 401 });
    expect(await send('queueSettingsSave', {}, null)).toMatchObject({ ok: false, status: 401 });
    // an upload route takes a file-sized body, but only from a logged-in supervisor
    expect(await send('bookingImport', { fileName: 'a.csv', content: 'x'.repeat(200_000) }, null)).toMatchObject({ ok: false, status: 401 });
    expect(await rows('staff', '2003')).toHaveLength(0);
  });
});

describe('commitments, office settings, calendar and peak days', () => {
  const items = (n: number, tag = '') => Array.from({ length: n }, (_, i) => ({ text: `承诺${tag}${i + 1}`, timeLimit: '当场办结' }));

  it('keeps the commitments as an ordered list: a shorter list deletes the positions past its end', async () => {
    expect((await ok('commitmentsSave', { items: items(3) })).items.map((c) => c.text)).toEqual(['承诺1', '承诺2', '承诺3']);
    expect((await ok('commitmentsSave', { items: items(2, 'B') })).items.map((c) => c.text)).toEqual(['承诺B1', '承诺B2']);
    expect((await rows('commitment')).map((r) => [r.key, r.deleted])).toEqual([['0', false], ['1', false], ['2', true]]);
    expectRefused(await send('commitmentsSave', { items: [{ text: '', timeLimit: '1 天' }] }), 'VALIDATION', 'items.0.text');
  });

  it('20 parallel list saves leave one whole list, never a mix', async () => {
    const tags = ['X', 'Y', 'Z', 'W'];
    await Promise.all(Array.from({ length: 20 }, (_, i) => ok('commitmentsSave', { items: items(2 + (i % 4), tags[i % 4]) })));
    const live = (await rows('commitment')).filter((r) => !r.deleted);
    const texts = live.map((r) => String(r.body.text));
    const tag = texts[0]?.slice(2, 3) ?? '';
    expect(texts).toEqual(items(2 + tags.indexOf(tag)).map((_, i) => `承诺${tag}${i + 1}`));
  });

  it('saves the office settings under key office, checked, once under parallel saves', async () => {
    const office = { hallName: '示范区婚姻登记处', department: '民政局', complaintPhone: '010-12345678', supervisionPhone: '12345', leaderOnDuty: '王建国' };
    expectRefused(await send('officeSave', { ...office, hallName: '' }), 'VALIDATION', 'hallName');
    const saved = await Promise.all(Array.from({ length: 20 }, () => send('officeSave', office)));
    expect(saved.every((r) => r.ok)).toBe(true);
    expect(await rows('officeSettings')).toEqual([expect.objectContaining({ key: 'office', body: office })]);
    expect(await audits('officeSettings.save', 'office')).toBe(1);
    expect((await pullAll(w1)).some((r) => r.kind === 'officeSettings' && r.key === 'office')).toBe(true);
  });

  it('adds and removes calendar overrides and peak days; a repeated removal is harmless', async () => {
    const day = { date: '2026-10-08', kind: 'restday', name: '国庆节', source: '国务院办公厅通知', coversYear: false };
    expectRefused(await send('calendarOverrideSave', { ...day, date: '2026-02-30' }), 'VALIDATION', 'date');
    const added = await Promise.all(Array.from({ length: 20 }, () => send('calendarOverrideSave', day)));
    expect(added.every((r) => r.ok)).toBe(true);
    expect((await rows('calendarOverride')).filter((r) => !r.deleted)).toHaveLength(1);
    const removed = await Promise.all(Array.from({ length: 5 }, () => send('calendarOverrideDelete', { date: day.date })));
    expect(removed.every((r) => r.ok && r.value.overrides.length === 0)).toBe(true);
    expect(await audits('calendarOverride.delete', day.date)).toBe(1);

    expectRefused(await send('peakDaySave', { kind: 'solar', month: 2, day: 30, name: '' }), 'VALIDATION');
    expectRefused(await send('peakDaySave', { kind: 'solar', month: null, day: 1, name: '' }), 'VALIDATION', 'month');
    const peak = await ok('peakDaySave', { kind: 'lunar', month: 7, day: 7, name: '七夕' });
    expect(peak.peakDays).toEqual([{ kind: 'lunar', month: 7, day: 7, name: '七夕' }]);
    expect((await rows('peakDay')).map((r) => r.key)).toEqual(['lunar-7-7']);
    expect((await ok('peakDayDelete', { kind: 'lunar', month: 7, day: 7 })).peakDays).toEqual([]);
  });
});

describe('catalogue and bookings', () => {
  it('publishes a checked catalogue version, refuses a bad or older one, and is idempotent under parallel uploads', async () => {
    const bad = await send('catalogueUpload', { catalogue: { ...CATALOGUE, items: [] } });
    expect(expectRefused(bad, 'VALIDATION', 'catalogue')).toContain('事项目录');
    const uploads = await Promise.all(Array.from({ length: 20 }, () => send('catalogueUpload', { catalogue: CATALOGUE })));
    expect(uploads.every((r) => r.ok)).toBe(true);
    expect(await rows('catalogueVersion')).toHaveLength(1);
    expect((await ok('catalogue', {})).current).toMatchObject({ version: CATALOGUE.version, items: CATALOGUE.items.length });
    const newer = await ok('catalogueUpload', { catalogue: { ...CATALOGUE, version: '2026.2' } });
    expect(newer.current?.version).toBe('2026.2');
    expectRefused(await send('catalogueUpload', { catalogue: CATALOGUE }), 'CONFLICT', 'catalogue');
    expectRefused(await send('catalogueUpload', { catalogue: { ...CATALOGUE, version: '2026.2', issuedAt: '2026-03-01' } }), 'CONFLICT', 'catalogue');
  });

  const id = (n: number) => {
    const first17 = `11010519900520${String(n).padStart(3, '0')}`;
    return first17 + residentIdCheckCharacter(first17);
  };
  const csv = [
    '预约号,预约日期,预约时段,事项编码,申请人姓名,证件类型,证件号码,联系电话,另一方姓名,另一方证件类型,另一方证件号码',
    `yy0001,2026-08-19,09:00-09:30,MAR-REG,张三,居民身份证,${id(1)},13800138000,李四,居民身份证,${id(2)}`,
    `YY0002,2026-08-19,10:00-10:30,DIV-REG,王五,居民身份证,${id(3)},13800138001,,,`,
    `YY0003,2026-02-30,10:00-10:30,DIV-REG,赵六,居民身份证,${id(4)},13800138002,,,`,
  ].join('\r\n');

  it('imports the day\u2019s bookings for the window that calls each matter; bad rows are reported; parallel imports store each booking once', async () => {
    await ok('queueMatterSave', matterOf('MAR-REG', '结婚登记', 'A', ['1', '2']));
    await ok('queueMatterSave', matterOf('DIV-REG', '离婚登记', 'B', ['1']));
    const results = await Promise.all(Array.from({ length: 20 }, () => send('bookingImport', { fileName: '预约导出.csv', content: csv })));
    for (const r of results) expect(r).toMatchObject({ ok: true, value: { records: 3, imported: 2 } });
    const first = results[0];
    if (!first?.ok) throw new Error('import failed');
    expect(first.value.problems).toEqual([expect.objectContaining({ row: 4, field: 'date' })]);
    expect(first.value.byWindow).toEqual([{ windowNo: null, count: 1 }, { windowNo: '1', count: 1 }]);
    expect((await rows('booking')).map((r) => [r.key, r.window_no])).toEqual([['YY0001', null], ['YY0002', '1']]);
    expect((await ok('bookings', { date: '2026-08-19' })).bookings.map((b) => [b.code, b.name])).toEqual([['YY0001', '张三'], ['YY0002', '王五']]);
    const w2 = await enrolWindow(t.hall, '2');
    expect((await pullAll(w2)).filter((r) => r.kind === 'booking').map((r) => r.key)).toEqual(['YY0001']);
    expect(
      (await pullAll(w1))
        .filter((r) => r.kind === 'booking')
        .map((r) => r.key)
        .sort(),
    ).toEqual(['YY0001', 'YY0002']);
    expectRefused(await send('bookingImport', { fileName: 'a.csv', content: '' }), 'VALIDATION', 'content');
  });
});

function matterOf(matter: string, name: string, prefix: string, windowNos: string[], over: Partial<QueueMatterSave> = {}): QueueMatterSave {
  return { matter, name, prefix, windowNos, issueFrom: null, issueUntil: null, dailyCap: null, weight: 1, waitingAlert: null, ...over };
}

describe('the queue\u2019s settings', () => {
  it('saves the policy and each matter with Chinese checks, shows the sentence, and is one row under parallel saves', async () => {
    expectRefused(await send('queueSettingsSave', { appointmentsInSlotFirst: true, greenFirst: true, normalPerPriority: 0, recallCap: 3, waitingAlert: null }), 'VALIDATION', 'normalPerPriority');
    expectRefused(await send('queueMatterSave', { ...matterOf('MAR-REG', '结婚登记', 'a1', ['1']) }), 'VALIDATION', 'prefix');
    expectRefused(await send('queueMatterSave', { ...matterOf('MAR-REG', '结婚登记', 'A', ['1']), weight: null }), 'VALIDATION', 'weight');
    expectRefused(await send('queueMatterSave', { ...matterOf('MAR-REG', '结婚登记', 'A', ['1'], { issueFrom: '12:00', issueUntil: '08:00' }) }), 'VALIDATION', 'issueUntil');
    const policy = { appointmentsInSlotFirst: true, greenFirst: false, normalPerPriority: 4, recallCap: 2, waitingAlert: 30 };
    const saved = await Promise.all(Array.from({ length: 20 }, () => send('queueSettingsSave', policy)));
    expect(saved.every((r) => r.ok)).toBe(true);
    const config = await ok('queueConfig', {});
    expect(config.settings).toEqual(policy);
    expect(config.sentence).toBe('预约在时段内优先；普通号每 4 个插 1 个优先号');
    expect(await audits('queue.settings', 'settings')).toBe(1);

    const matters = await Promise.all(Array.from({ length: 20 }, (_, i) => send('queueMatterSave', matterOf('MAR-REG', '结婚登记', 'A', ['2', '1', '1'], { dailyCap: 100, issueFrom: '08:30', issueUntil: '16:30', weight: 1 + (i % 2), waitingAlert: 5 }))));
    expect(matters.every((r) => r.ok)).toBe(true);
    const { rows: stored } = await t.hall.pool.query<{ window_nos: string[]; daily_cap: number; waiting_alert: number }>("SELECT window_nos, daily_cap, waiting_alert FROM queue_matter WHERE matter = 'MAR-REG'");
    expect(stored).toEqual([{ window_nos: ['1', '2'], daily_cap: 100, waiting_alert: 5 }]);
    await ok('queueMatterSave', matterOf('MAR-REG', '结婚登记', 'A', ['1', '2'], { weight: 2, waitingAlert: 1 }));
    expect((await ok('queueConfig', {})).sentence).toContain('结婚登记权重 2');
  });

  it('previews the next calls hall-wide and for one window, and the per-matter alert level shows in the waiting counts', async () => {
    await ok('queueSettingsSave', { appointmentsInSlotFirst: true, greenFirst: true, normalPerPriority: 2, recallCap: 3, waitingAlert: null });
    await ok('queueMatterSave', matterOf('MAR-REG', '结婚登记', 'A', ['1', '2'], { waitingAlert: 1 }));
    await ok('queueMatterSave', matterOf('DIV-REG', '离婚登记', 'B', ['3']));
    const kiosk = await enrolKiosk(t.hall, 'K1');
    await enrolWindow(t.hall, '3');
    const a1 = await take(t.hall, kiosk, 'MAR-REG');
    clock.set('2026-08-19T02:01:00Z');
    const b1 = await take(t.hall, kiosk, 'DIV-REG');
    clock.set('2026-08-19T02:02:00Z');
    const a2 = await take(t.hall, kiosk, 'MAR-REG', 'green');
    clock.set('2026-08-19T02:05:00Z');

    const hall = await ok('queuePreview', { windowNo: '' });
    expect(hall.sentence).toBe('预约在时段内优先；绿色通道优先；普通号每 2 个插 1 个优先号');
    expect(hall.calls.map((c) => c.code)).toEqual([a2.code, a1.code, b1.code]);
    expect(hall.calls[0]).toMatchObject({ matterName: '结婚登记', kind: 'green' });
    expect((await ok('queuePreview', { windowNo: '1' })).calls.map((c) => c.code)).toEqual([a2.code, a1.code]);
    expect((await ok('queuePreview', { windowNo: '3' })).calls.map((c) => c.code)).toEqual([b1.code]);
    expectRefused(await send('queuePreview', { windowNo: '9' }), 'NOT_FOUND', 'windowNo');

    const waiting = await value(t.hall, 'queueWaiting', {}, w1.credential);
    expect(waiting.matters.find((m) => m.matter === 'MAR-REG')).toMatchObject({ waiting: 2, alert: true });
    expect(waiting.matters.find((m) => m.matter === 'DIV-REG')).toMatchObject({ waiting: 1, alert: false });
  });

  it('lists who changed what, newest first', async () => {
    const { entries } = await ok('consoleAudit', {});
    expect(entries[0]).toMatchObject({ staffNo: '9001', staffName: '王建国', action: 'queue.matter', key: 'DIV-REG' });
    expect(entries.some((e) => e.action === 'booking.import')).toBe(true);
  });
});
