/**
 * The kinds of reference row a window applies since migration 19, on real
 * cores and a real hall: bookings (into the appointments, numbers sealed at
 * once, for the window that handles the matter), the office's identity and
 * the peak days; the display pushed at once when the hall changes what it
 * shows; the window's own edits of these refused once joined, naming the
 * hall, the window number included; and a window that pulled before the
 * upgrade (its cursor past rows it skipped) gets them after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisplayState } from '../../shared/contract';
import { residentIdCheckCharacter } from '../../shared/domain/id-number';
import type { BookingReference } from '../../shared/hall/reference-bodies';
import { openDatabase } from '../../electron/services/db/connection';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { inTransaction } from '../../hall/db/pool';
import { deleteReference, pull, type ReferenceWrite } from '../../hall/store/reference';
import { CLERK, SUPERVISOR, call, expectError, login, logout, type TestCore } from '../support/core';
import { startTestHall, type TestHall } from '../support/hall';
import { closeWindowsAndHall, joinHall, putHallReferences, windowCore } from '../support/hall-window';

let hall: TestHall;
let w1: TestCore;
let w2: TestCore;
beforeAll(async () => {
  hall = await startTestHall();
  w1 = await windowCore('1');
  w2 = await windowCore('2');
  for (const t of [w1, w2]) await joinHall(t, hall);
});
afterAll(() => closeWindowsAndHall(hall));

const put = (...writes: ReferenceWrite[]): Promise<void> => putHallReferences(hall, ...writes);

/** A valid resident ID number (GB 11643 check character) for person n. */
function idNumber(n: number, birth = '19900520'): string {
  const first17 = `110105${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

function booking(code: string, n: number, windowNo: string, changes: Partial<BookingReference> = {}): ReferenceWrite {
  const body: BookingReference = {
    code,
    date: '2026-03-02',
    slotStart: '14:00',
    slotEnd: '15:00',
    itemCode: 'MAR-REG',
    applicant: { name: '张三', documentType: 'residentId', documentNumber: idNumber(n) },
    phone: '13800138000',
    partner: { name: '李四', documentType: 'residentId', documentNumber: idNumber(n + 1, '19920815') },
    ...changes,
  };
  return { kind: 'booking', key: code, body, windowNo };
}

async function sync(...windows: TestCore[]): Promise<void> {
  await Promise.all(windows.map((t) => t.core.hallSync.syncNow()));
}

function changeRows(t: TestCore, entity: string): number {
  return t.core.db.prepare('SELECT count(*) FROM change_log WHERE entity = ?').pluck().get(entity) as number;
}

describe('bookings from the hall', () => {
  it('reach the window that handles the matter, sealed at once, and check in by document number; applied twice, nothing more', async () => {
    await put(booking('HB001', 201, '1'), booking('HB002', 203, '2'));
    await sync(w1, w2);
    // a second round over the same rows (the cursor may send them again) changes nothing
    await w1.core.db.prepare('UPDATE hall_sync SET pull_cursor = NULL').run();
    await sync(w1, w2);
    await login(w1.core, CLERK.staffNo, CLERK.pin);
    const day = await call(w1.core, 'appointments.day', {});
    const shown = day.slots.flatMap((s) => s.appointments);
    expect(shown.map((a) => [a.code, a.applicantName])).toEqual([['HB001', '张三']]);
    expect(shown[0]?.documentMasked).toContain('*');
    const stored = w1.core.db.prepare("SELECT document_sealed, partner_document_sealed FROM appointment WHERE code = 'HB001'").get() as Record<string, string>;
    expect(JSON.stringify(stored)).not.toContain(idNumber(201));
    expect(JSON.stringify(stored)).not.toContain(idNumber(202, '19920815'));
    expect(changeRows(w1, 'appointment')).toBe(1);
    const { appointment } = await call(w1.core, 'appointments.checkIn', { documentNumber: idNumber(201) });
    expect(appointment).toMatchObject({ code: 'HB001', status: 'checkedIn' });
    await logout(w1.core);
    expect(w2.core.db.prepare('SELECT code FROM appointment').pluck().all()).toEqual(['HB002']);
  });

  it('a booking taken back at the hall is cancelled at the window unless checked in', async () => {
    await inTransaction(hall.hall.pool, async (client) => {
      await deleteReference(client, hall.hall.hall.hallId, 'booking', 'HB001');
      await deleteReference(client, hall.hall.hall.hallId, 'booking', 'HB002');
    });
    await sync(w1, w2);
    expect(w1.core.db.prepare("SELECT status FROM appointment WHERE code = 'HB001'").pluck().get()).toBe('checkedIn');
    expect(w2.core.db.prepare("SELECT status FROM appointment WHERE code = 'HB002'").pluck().get()).toBe('cancelled');
  });

  it('a booking with a bad document number is skipped and reported; the rows after it apply', async () => {
    await put(booking('HB003', 205, '2', { applicant: { name: '王五', documentType: 'residentId', documentNumber: '110105199005201234' } }), booking('HB004', 207, '2'));
    await sync(w2);
    expect(w2.core.db.prepare("SELECT code FROM appointment WHERE code IN ('HB003', 'HB004')").pluck().all()).toEqual(['HB004']);
    const status = await (async () => {
      await login(w2.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
      const s = await call(w2.core, 'hall.status', {});
      await logout(w2.core);
      return s;
    })();
    expect(status.lastError).toContain('HB003');
  });

  it('a booking the hall imported after the window\'s last pull is pulled when it is checked in by code; twenty check-ins at once check it in once', async () => {
    await login(w2.core, CLERK.staffNo, CLERK.pin);
    await w2.core.hallSync.idle();
    await put(booking('HB005', 209, '2'));
    // no write and no pull since the booking was imported: only the check-in can bring it
    const answers = await Promise.all(Array.from({ length: 20 }, () => w2.core.call('appointments.checkIn', { code: 'HB005' })));
    const checkedIn = answers.filter((a) => a.ok);
    expect(checkedIn).toHaveLength(1);
    expect(checkedIn[0]?.ok && checkedIn[0].value.appointment).toMatchObject({ code: 'HB005', status: 'checkedIn', applicantName: '张三' });
    for (const refused of answers.filter((a) => !a.ok)) expect(expectError(refused, 'CONFLICT').message).toContain('HB005 已于');
    expect(w2.core.db.prepare("SELECT count(*) FROM contact WHERE channel = 'appointment'").pluck().get()).toBe(1);
    // a code the hall has not handed down either: refused as before, after asking the hall
    expectError(await w2.core.call('appointments.checkIn', { code: 'HB999' }), 'NOT_FOUND');
    await logout(w2.core);
  });
});

describe('office settings and peak days from the hall', () => {
  it('replace the window\'s own and reach the public display at once', async () => {
    await login(w1.core, CLERK.staffNo, CLERK.pin);
    const shown: DisplayState[] = [];
    const off = w1.core.onEvent((event, payload) => {
      if (event === 'display.changed') shown.push(payload as DisplayState);
    });
    const office = { hallName: '市民中心婚姻登记处', department: '民政局', complaintPhone: '010-12345678', supervisionPhone: '12345', leaderOnDuty: '刘主任' };
    await put(
      { kind: 'officeSettings', key: 'office', body: office },
      { kind: 'peakDay', key: 'solar-10-1', body: { kind: 'solar', month: 10, day: 1, name: '国庆' } },
      { kind: 'peakDay', key: 'lunar-7-7', body: { kind: 'lunar', month: 7, day: 7, name: '七夕' } },
    );
    await sync(w1, w2);
    await put({ kind: 'staff', key: CLERK.staffNo, body: await clerkBody({ title: '首席登记员' }) }, { kind: 'commitment', key: '0', body: { position: 0, text: '当场办结', timeLimit: '当场' } });
    await sync(w1);
    off();
    for (const t of [w1, w2]) {
      expect(t.core.ctx.settings.get()).toMatchObject({ ...office, windowNo: t === w1 ? '1' : '2' });
      expect(t.core.ctx.settings.get().appointmentPeakDays.map((r) => r.name)).toEqual(['七夕', '国庆']);
    }
    expect(shown.some((d) => d.hallName === office.hallName && d.leaderOnDuty === '刘主任')).toBe(true);
    expect(shown.at(-1)).toMatchObject({ clerk: { title: '首席登记员' }, commitments: [{ text: '当场办结', timeLimit: '当场' }] });
    await logout(w1.core);
  });

  it('once joined, the window\'s own edits of them are refused naming the hall, the window number too; its own settings still save', async () => {
    await login(w2.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const requests = [
      { hallName: '别的名字' },
      { hallName: '别的名字' },
      { appointmentPeakDays: [] },
      { windowNo: '9' },
      { windowNo: '9' },
    ];
    const answers = await Promise.all(requests.map((r) => w2.core.call('settings.update', r)));
    const messages = answers.map((a) => expectError(a, 'FORBIDDEN').message);
    expect(messages.slice(0, 3)).toEqual([
      '本窗口已加入测试大厅，单位信息由大厅统一管理，请在大厅管理台修改',
      '本窗口已加入测试大厅，单位信息由大厅统一管理，请在大厅管理台修改',
      '本窗口已加入测试大厅，预约高峰日由大厅统一管理，请在大厅管理台修改',
    ]);
    for (const m of messages.slice(3)) expect(m).toMatch(/^本窗口已作为 2 号窗口加入测试大厅，窗口号由大厅登记时确定/);
    const imports = await Promise.all([0, 1].map(() => w2.core.call('appointments.import', { fileName: 'a.csv', content: 'x' })));
    for (const a of imports) expect(expectError(a, 'FORBIDDEN').message).toBe('本窗口已加入测试大厅，预约数据由大厅统一管理，请在大厅管理台修改');
    expect(w2.core.ctx.settings.get()).toMatchObject({ hallName: '市民中心婚姻登记处', windowNo: '2' });
    const saved = await Promise.all([0, 1].map(() => call(w2.core, 'settings.update', { idleLockMinutes: 9, hallName: '市民中心婚姻登记处' })));
    expect(saved.map((s) => s.idleLockMinutes)).toEqual([9, 9]);
    await logout(w2.core);
  });
});

/** The schema version before migration 19 (hall-owned kinds). */
const BEFORE_19 = 18;

describe('a window that pulled before the upgrade', () => {
  it('gets the rows it skipped: migration 19 starts its pull over', async () => {
    await put(booking('HB010', 211, '1'));
    const link = w1.core.db.prepare('SELECT hall_id, window_id, window_no FROM hall_link').get() as { hall_id: string; window_id: string; window_no: string };
    // what the version before did: it pulled past the booking without applying it
    let cursor: string | undefined;
    for (;;) {
      const page = await pull(hall.hall.pool, { hallId: link.hall_id, windowId: link.window_id, windowNo: link.window_no, deviceKind: 'window' }, cursor);
      cursor = page.cursor;
      if (!page.more) break;
    }
    const file = w1.databasePath;
    w1.core.close();
    const db = openDatabase(file);
    db.prepare('UPDATE hall_sync SET pull_cursor = ?').run(cursor);
    db.exec('ALTER TABLE hall_sync DROP COLUMN hall_peak_days');
    db.pragma(`user_version = ${BEFORE_19}`);
    db.close();
    // without the migration the cursor stays past the booking: nothing comes
    const stale = openDatabase(file, MIGRATIONS.slice(0, BEFORE_19));
    expect(stale.prepare('SELECT pull_cursor FROM hall_sync').pluck().get()).toBe(cursor);
    stale.close();
    // the upgrade: migration 19 alone (what the later ones made is still there), then the version the app expects
    const upgraded = openDatabase(file, MIGRATIONS.slice(0, BEFORE_19 + 1));
    upgraded.pragma(`user_version = ${MIGRATIONS.length}`);
    upgraded.close();

    const core = w1.reopen();
    expect(core.db.prepare('SELECT pull_cursor FROM hall_sync').pluck().get()).toBeNull();
    await core.hallSync.syncNow();
    await core.hallSync.syncNow();
    expect(core.db.prepare("SELECT status FROM appointment WHERE code = 'HB010'").pluck().get()).toBe('booked');
    // rows applied before change nothing more: the checked-in booking and its one change row stay
    expect(core.db.prepare("SELECT status FROM appointment WHERE code = 'HB001'").pluck().get()).toBe('checkedIn');
    expect(core.ctx.settings.get().appointmentPeakDays.map((r) => r.name)).toEqual(['七夕', '国庆']);
  });
});

async function clerkBody(changes: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { rows } = await hall.hall.pool.query<{ body: Record<string, unknown> }>("SELECT body FROM reference_row WHERE hall_id = $1 AND kind = 'staff' AND key = $2", [hall.hall.hall.hallId, CLERK.staffNo]);
  const pinHash = w1.core.db.prepare('SELECT pin_hash FROM staff WHERE staff_no = ?').pluck().get(CLERK.staffNo) as string;
  return { staffNo: CLERK.staffNo, name: CLERK.name, title: CLERK.title, duties: CLERK.duties, partyMember: CLERK.partyMember, role: CLERK.role, active: true, pinHash, lockedUntil: null, ...rows[0]?.body, ...changes };
}
