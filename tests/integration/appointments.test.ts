/**
 * Appointments on a real core (real SQLite file, real settings file, the
 * real print queue sending to a fake TCP printer): import of the booking
 * export, capacity and peak days, check-in by code or either party's
 * document number, no-shows, the 预约凭条, and no plain number at rest.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CounterCore } from '../../electron/services/core/core';
import { residentIdCheckCharacter } from '../../shared/domain/id-number';
import { CLERK, MINUTE, SUPERVISOR, call, cleanupAll, createTestCore, expectError, fileBytes, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { readJobs } from '../support/escpos-reader';
import { FakePrinter } from '../support/fake-printer';
import { waitUntil } from '../support/print-core';

afterAll(cleanupAll);

const CATALOGUE = {
  version: '9999.2',
  issuedAt: '2026-01-01',
  items: [
    {
      code: 'T-MAR',
      name: '结婚登记',
      department: '民政局',
      windows: ['3'],
      materials: [
        { id: 'id-a', name: '本人居民身份证', standard: '原件', obtainFrom: '本人携带', required: true },
        { id: 'photo', name: '双方近期半身免冠合影照片', standard: '2 寸 3 张', obtainFrom: '照相馆', required: true },
        { id: 'extra', name: '户口簿', standard: '原件', obtainFrom: '本人携带', required: false },
      ],
      legalBasis: '《婚姻登记条例》',
      timeLimit: { kind: 'onTheSpot' },
      fee: '不收费',
      resultPickup: '当场领取',
    },
    {
      code: 'T-ELSE',
      name: '补领婚姻登记证',
      department: '民政局',
      windows: ['1'],
      materials: [{ id: 'id', name: '申请人居民身份证', standard: '原件', obtainFrom: '本人携带', required: true }],
      legalBasis: '《婚姻登记条例》',
      timeLimit: { kind: 'onTheSpot' },
      fee: '不收费',
      resultPickup: '当场领取',
    },
  ],
};

/** Wednesday 2026-08-19 (七夕), 09:00 in Beijing. */
const QIXI_MORNING = new Date('2026-08-19T01:00:00.000Z');
const HEADER = '预约号,预约日期,预约时段,事项编码,申请人姓名,证件类型,证件号码,联系电话,另一方姓名,另一方证件类型,另一方证件号码';

/** A valid resident ID number (GB 11643 check character) for person n. */
function idNumber(n: number, birth = '19900520'): string {
  const first17 = `110105${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

const A = idNumber(101);
const B = idNumber(102, '19920815');
const C = idNumber(103);
const D = idNumber(104, '19931111');

function line(code: string, date: string, slot: string, name: string, doc: string, partner: [string, string] | null = null, item = 'T-MAR'): string {
  return [code, date, slot, item, name, '居民身份证', doc, '13800138000', partner?.[0] ?? '', partner ? '居民身份证' : '', partner?.[1] ?? ''].join(',');
}

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join('\r\n');
}

async function asSupervisor<T>(core: CounterCore, fn: () => Promise<T>): Promise<T> {
  await logout(core);
  await login(core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  try {
    return await fn();
  } finally {
    await logout(core);
    await login(core, CLERK.staffNo, CLERK.pin);
  }
}

let t: TestCore;
beforeEach(async () => {
  t = createTestCore();
  t.clock.set(QIXI_MORNING);
  await setUpWithClerk(t.core);
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(t.core, 'catalogue.import', { content: JSON.stringify(CATALOGUE) });
  await call(t.core, 'settings.update', { appointmentSlotCapacity: 2, appointmentPeakCapacity: 3 });
  await logout(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
});

function count(sql: string, ...params: unknown[]): number {
  return (t.core.db.prepare(sql).get(...params) as { n: number }).n;
}

describe('import', () => {
  it('stores the good rows, reports every bad row by its line, and records the import', async () => {
    const content = csv(
      line('YY0001', '2026-08-19', '09:00-09:30', '张三', A, ['李四', B]),
      line('YY0002', '2026-02-30', '09:00-09:30', '王五', C),
      line('YY0003', '2026-08-19', '10:00-09:30', '赵六', C),
      line('YY0004', '2026-08-19', '09:30-10:00', '钱七', '110105199005201010'),
      line('YY0005', '2026-08-20', '09:00-09:30', '孙八', D),
      line('YY0001', '2026-08-19', '09:00-09:30', '张三', A),
    );
    const result = await call(t.core, 'appointments.import', { fileName: '预约导出.csv', content });
    expect(result).toMatchObject({ totalRows: 6, added: 2, updated: 0, rejected: 4 });
    expect(result.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.field])).toEqual([
      [3, 'date'],
      [4, 'slot'],
      [5, 'documentNumber'],
      [7, 'code'],
    ]);
    expect(count('SELECT COUNT(*) AS n FROM appointment')).toBe(2);
    const stored = t.core.db.prepare("SELECT * FROM appointment WHERE code = 'YY0001'").get() as Record<string, string>;
    expect(stored).toMatchObject({ document_masked: '110105********' + A.slice(14), partner_document_masked: '110105********' + B.slice(14), status: 'booked' });
    expect(stored.document_sealed).toMatch(/^v1:/);
    const imported = t.core.db.prepare('SELECT * FROM appointment_import WHERE id = ?').get(result.importId) as Record<string, unknown>;
    expect(imported).toMatchObject({ file_name: '预约导出.csv', total_rows: 6, added: 2, rejected: 4 });
    expect(JSON.parse(String(imported.problems))).toHaveLength(4);
    expect(count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'appointments.import'")).toBe(1);
    expect(count("SELECT COUNT(*) AS n FROM change_log WHERE entity = 'appointment'")).toBe(2);
  });

  it('a row with an unknown matter code or a matter this window does not handle is a row problem, not counted as added', async () => {
    const content = csv(
      line('YY0001', '2026-08-19', '09:00-09:30', '张三', A, ['李四', B]),
      line('YY0002', '2026-08-19', '09:00-09:30', '王五', C, null, 'XYZ-999'),
      line('YY0003', '2026-08-19', '09:30-10:00', '赵六', D, null, 'T-ELSE'),
      line('YY0004', '2026-08-19', '09:30-10:00', '钱七', idNumber(105)),
    );
    const result = await call(t.core, 'appointments.import', { fileName: '预约导出.csv', content });
    expect(result).toMatchObject({ totalRows: 4, added: 2, updated: 0, rejected: 2 });
    expect(result.problems.map((p) => [p.row, p.field, p.severity])).toEqual([
      [3, 'itemCode', 'error'],
      [4, 'itemCode', 'error'],
    ]);
    expect(result.problems[0]?.message).toContain('XYZ-999');
    expect(result.problems[1]?.message).toContain('补领婚姻登记证');
    expect(result.problems[1]?.message).toContain('1 号窗口');
    // what was counted as added is what the day lists
    const day = await call(t.core, 'appointments.day', {});
    expect(day.slots.flatMap((slot) => slot.appointments.map((a) => a.code))).toEqual(['YY0001', 'YY0004']);
    expect(count('SELECT COUNT(*) AS n FROM appointment')).toBe(2);
  });

  it('refuses an unreadable file as a whole: nothing half-saved', async () => {
    const before = count('SELECT COUNT(*) AS n FROM appointment_import');
    const error = expectError(await t.core.call('appointments.import', { fileName: 'a.csv', content: `${csv(line('YY0001', '2026-08-19', '09:00-09:30', '张三', A))}\r\n"YY0002,2026-08-19` }), 'VALIDATION');
    expect(error.message).toMatch(/引号没有结束/);
    expectError(await t.core.call('appointments.import', { fileName: 'a.csv', content: '预约号,姓名\r\nYY0001,张三' }), 'VALIDATION');
    expectError(await t.core.call('appointments.import', { fileName: 'a.json', content: '[{"code":' }), 'VALIDATION');
    expect(count('SELECT COUNT(*) AS n FROM appointment')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM appointment_import')).toBe(before);
    expect(count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'appointments.importRefused'")).toBe(3);
  });

  it('a refreshed export updates booked rows, leaves checked-in ones alone and says so', async () => {
    await call(t.core, 'appointments.import', {
      fileName: 'a.csv',
      content: csv(line('YY0001', '2026-08-19', '09:00-09:30', '张三', A), line('YY0002', '2026-08-19', '09:00-09:30', '王五', C)),
    });
    await call(t.core, 'appointments.checkIn', { code: 'yy0001' });
    const again = await call(t.core, 'appointments.import', {
      fileName: 'b.csv',
      content: csv(
        line('YY0001', '2026-08-19', '10:00-10:30', '张三', A),
        line('YY0002', '2026-08-19', '10:00-10:30', '王五', C),
        line('YY0003', '2026-08-19', '10:00-10:30', '赵六', D),
      ),
    });
    expect(again).toMatchObject({ totalRows: 3, added: 1, updated: 1, kept: 1, rejected: 0 });
    expect(again.problems).toEqual([{ row: 2, field: 'code', severity: 'warning', message: expect.stringMatching(/YY0001 在本窗口已签到/) }]);
    const rows = t.core.db.prepare('SELECT code, slot_start, status FROM appointment ORDER BY code').all();
    expect(rows).toEqual([
      { code: 'YY0001', slot_start: '09:00', status: 'checkedIn' },
      { code: 'YY0002', slot_start: '10:00', status: 'booked' },
      { code: 'YY0003', slot_start: '10:00', status: 'booked' },
    ]);
    // the same file once more changes nothing
    const same = await call(t.core, 'appointments.import', {
      fileName: 'b.csv',
      content: csv(line('YY0002', '2026-08-19', '10:00-10:30', '王五', C), line('YY0003', '2026-08-19', '10:00-10:30', '赵六', D)),
    });
    expect(same).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
  });

  it('imports rows beyond a slot capacity as over capacity, with the peak day capacity on 七夕', async () => {
    const five = (date: string): string[] => [1, 2, 3, 4, 5].map((i) => line(`${date.slice(5).replace('-', '')}-${i}`, date, '09:00-09:30', `申请人${i}`, idNumber(200 + i + Number(date.slice(8)))));
    const result = await call(t.core, 'appointments.import', { fileName: 'a.csv', content: csv(...five('2026-08-19'), ...five('2026-08-20')) });
    expect(result).toMatchObject({ added: 10, rejected: 0, overCapacity: 2 + 3 });
    const warnings = result.problems.filter((p) => p.severity === 'warning');
    expect(warnings.map((p) => p.row)).toEqual([5, 6, 9, 10, 11]);
    expect(warnings[0]?.message).toMatch(/已约满（每时段 3 人，七夕高峰日）/);
    expect(warnings[2]?.message).toMatch(/已约满（每时段 2 人）/);

    const qixi = await call(t.core, 'appointments.day', {});
    expect(qixi).toMatchObject({ date: '2026-08-19', peak: { name: '七夕' }, capacity: 3 });
    expect(qixi.slots).toHaveLength(1);
    expect(qixi.slots[0]).toMatchObject({ start: '09:00', end: '09:30', capacity: 3, booked: 5, overCapacity: true });
    expect(qixi.slots[0]?.appointments.map((a) => a.overCapacity)).toEqual([false, false, false, true, true]);
    const next = await call(t.core, 'appointments.day', { date: '2026-08-20' });
    expect(next).toMatchObject({ peak: null, capacity: 2 });
  });
});

describe('the day at the window', () => {
  it('lists only what this window handles, beside today’s walk-ins', async () => {
    await call(t.core, 'appointments.import', {
      fileName: 'a.csv',
      content: csv(line('YY0001', '2026-08-19', '09:00-09:30', '张三', A), line('YY0002', '2026-08-19', '09:00-09:30', '王五', C, null, 'T-ELSE')),
    });
    const walkIn = await call(t.core, 'intake.start', { itemCode: 'T-MAR', channel: 'walkIn', applicantName: '周九', applicantPhone: '', applicantIdNumber: '' });
    const day = await call(t.core, 'appointments.day', {});
    expect(day.slots.flatMap((s) => s.appointments.map((a) => a.code))).toEqual(['YY0001']);
    expect(day.slots[0]?.appointments[0]).toMatchObject({ itemName: '结婚登记', applicantName: '张三', documentMasked: expect.stringMatching(/^110105\*{8}/), status: 'booked' });
    expect(day.walkIns).toEqual([{ contactId: walkIn.id, number: walkIn.number, applicantName: '周九', itemName: '结婚登记', receivedAt: walkIn.receivedAt, status: 'open' }]);
  });
});

describe('check-in', () => {
  beforeEach(async () => {
    await call(t.core, 'appointments.import', {
      fileName: 'a.csv',
      content: csv(line('YY0001', '2026-08-19', '09:00-09:30', '张三', A, ['李四', B]), line('YY0002', '2026-08-20', '14:00-14:30', '王五', C), line('YY0003', '2026-08-19', '09:00-09:30', '赵六', D, null, 'T-ELSE')),
    });
  });

  it('by appointment code: an appointment contact for the booked item', async () => {
    const { appointment, contact } = await call(t.core, 'appointments.checkIn', { code: ' yy0001 ' });
    expect(appointment).toMatchObject({ code: 'YY0001', status: 'checkedIn', checkedInAt: QIXI_MORNING.toISOString(), contactId: contact.id });
    expect(contact).toMatchObject({ channel: 'appointment', itemCode: 'T-MAR', applicantName: '张三', applicantIdMasked: appointment.documentMasked, status: 'open' });
    const error = expectError(await t.core.call('appointments.checkIn', { code: 'YY0001' }), 'CONFLICT');
    expect(error.message).toMatch(/已于 2026年8月19日 09:00 签到/);
    expect(count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'appointments.checkIn'")).toBe(1);
  });

  it.each([
    ['the applicant', A],
    ['the partner, typed with a lower-case x and spaces', ` ${B.slice(0, 6)} ${B.slice(6)} `.toLowerCase()],
  ])('by the document number of %s', async (_who, number) => {
    const { appointment } = await call(t.core, 'appointments.checkIn', { documentNumber: number });
    expect(appointment.code).toBe('YY0001');
  });

  it('refuses another day, naming the booked date, and an unknown code or number', async () => {
    const error = expectError(await t.core.call('appointments.checkIn', { documentNumber: C }), 'CONFLICT');
    expect(error.message).toMatch(/2026年8月20日 14:00-14:30，不是今天/);
    expectError(await t.core.call('appointments.checkIn', { code: 'YY9999' }), 'NOT_FOUND');
    const unknown = expectError(await t.core.call('appointments.checkIn', { documentNumber: idNumber(999) }), 'NOT_FOUND');
    expect(unknown.message).not.toContain(idNumber(999));
    expect(expectError(await t.core.call('appointments.checkIn', { code: 'YY0001', documentNumber: A } as never), 'VALIDATION').message).toMatch(/只填写预约号或证件号码中的一项/);
    // a matter handled elsewhere is not imported at all; a stored one whose matter moved since is refused at check-in
    expectError(await t.core.call('appointments.checkIn', { code: 'YY0003' }), 'NOT_FOUND');
    t.core.db.prepare("UPDATE appointment SET item_code = 'T-ELSE' WHERE code = 'YY0001'").run();
    expect(expectError(await t.core.call('appointments.checkIn', { code: 'YY0001' }), 'CONFLICT').message).toMatch(/1 号窗口/);
  });

  it('marks a no-show only after the slot has ended (Beijing time); a no-show may still check in that day', async () => {
    const id = (t.core.db.prepare("SELECT id FROM appointment WHERE code = 'YY0001'").get() as { id: string }).id;
    t.clock.set(new Date('2026-08-19T01:29:00.000Z')); // 09:29
    expect(expectError(await t.core.call('appointments.markNoShow', { id }), 'CONFLICT').message).toMatch(/尚未结束/);
    t.clock.advance(MINUTE); // 09:30
    const noShow = await call(t.core, 'appointments.markNoShow', { id });
    expect(noShow.status).toBe('noShow');
    expectError(await t.core.call('appointments.markNoShow', { id }), 'CONFLICT');
    const later = await call(t.core, 'appointments.checkIn', { code: 'YY0001' });
    expect(later.appointment.status).toBe('checkedIn');
    expect(expectError(await t.core.call('appointments.markNoShow', { id }), 'CONFLICT').message).toMatch(/已于/);
    const tomorrow = (t.core.db.prepare("SELECT id FROM appointment WHERE code = 'YY0002'").get() as { id: string }).id;
    expectError(await t.core.call('appointments.markNoShow', { id: tomorrow }), 'CONFLICT');
  });
});

describe('slip and data at rest', () => {
  let printer: FakePrinter | undefined;
  beforeEach(async () => {
    printer = await FakePrinter.start();
  });
  afterEach(async () => {
    await printer?.stop();
  });

  it('prints the 预约凭条 with masked parties, QR code and what to bring', async () => {
    await asSupervisor(t.core, () => call(t.core, 'printer.configure', { printer: printer?.uri ?? '', paperWidth: 80 }));
    await call(t.core, 'appointments.import', { fileName: 'a.csv', content: csv(line('YY0001', '2026-08-19', '09:00-09:30', '张三丰', A, ['李小四', B])) });
    const id = (t.core.db.prepare("SELECT id FROM appointment WHERE code = 'YY0001'").get() as { id: string }).id;
    const { printJobId } = await call(t.core, 'appointments.printSlip', { id });
    await waitUntil(() => (t.core.db.prepare('SELECT status FROM print_job WHERE id = ?').get(printJobId) as { status: string }).status === 'sent', 8000, 'slip sent');
    const jobs = readJobs(printer?.data ?? Buffer.alloc(0));
    expect(jobs).toHaveLength(1);
    const text = jobs[0]?.lines.map((l) => l.text).join('\n') ?? '';
    for (const expected of ['预约凭条', 'YY0001', '2026年8月19日', '09:00-09:30', '结婚登记', '张*丰', '李*四', `110105********${A.slice(14)}`, `110105********${B.slice(14)}`, '3 号窗口', '本人居民身份证', '双方近期半身免冠合影照片', '12345']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('户口簿'); // optional material
    expect(text).not.toContain(A);
    expect(jobs[0]?.qrs.map((q) => q.data)).toEqual(['YY0001']);
  });

  it('leaves no plain document number in the SQLite file or its WAL', async () => {
    await call(t.core, 'appointments.import', {
      fileName: 'a.csv',
      content: csv(line('YY0001', '2026-08-19', '09:00-09:30', '张三', A, ['李四', B]), line('YY0002', '2026-08-19', '09:00-09:30', '王五', C)),
    });
    await call(t.core, 'appointments.checkIn', { documentNumber: B });
    await t.core.call('appointments.import', { fileName: 'bad.csv', content: csv(line('YY0003', '2026-08-19', '09:00-09:30', '赵六', `${D.slice(0, 17)}0`)) });
    const files = [t.databasePath, `${t.databasePath}-wal`].map((p) => fileBytes(p) ?? Buffer.alloc(0));
    expect(files[0]?.length).toBeGreaterThan(0);
    for (const bytes of files) {
      for (const number of [A, B, C, D, D.slice(0, 17)]) expect(bytes.includes(Buffer.from(number)), number).toBe(false);
    }
    expect(readFileSync(t.databasePath).length).toBeGreaterThan(0);
  });
});
