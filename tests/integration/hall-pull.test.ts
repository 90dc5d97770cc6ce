/**
 * The pull loop on real cores and a real hall: staff accounts (PIN hash,
 * role, disabling, lockout) and calendar overrides the hall owns reach every
 * joined window, and so do catalogue versions (newer only) and the
 * commitments, tombstones included; a page applied twice changes nothing
 * more; once joined, the window's own edits of hall-owned data are refused
 * with a message naming the hall.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../electron/services/staff/pin-hash';
import { builtInCatalogue } from '../../electron/services/reference/catalogue-service';
import { inTransaction } from '../../hall/db/pool';
import { deleteReference, type ReferenceWrite } from '../../hall/store/reference';
import type { StaffReference } from '../../shared/hall/reference-bodies';
import { CLERK, SUPERVISOR, call, expectError, login, logout, type TestCore } from '../support/core';
import { at } from '../support/civil';
import { startTestHall, type TestHall } from '../support/hall';
import { BRIDE, DIVORCE_CHECKS, GROOM, MARRIED_ELSEWHERE } from '../support/requests';
import { closeWindowsAndHall, joinHall, putHallReferences, windowCore } from '../support/hall-window';

let hall: TestHall;
beforeAll(async () => {
  hall = await startTestHall();
});
afterAll(() => closeWindowsAndHall(hall));

const put = (...writes: ReferenceWrite[]): Promise<void> => putHallReferences(hall, ...writes);

async function staff(staffNo: string, pin: string, changes: Partial<StaffReference> = {}): Promise<ReferenceWrite> {
  const body: StaffReference = { staffNo, name: '赵敏', title: '婚姻登记员', duties: '结婚登记', partyMember: false, role: 'clerk', active: true, pinHash: await hashPin(pin), lockedUntil: null, ...changes };
  return { kind: 'staff', key: staffNo, body };
}

async function syncAll(windows: TestCore[]): Promise<void> {
  await Promise.all(windows.map((t) => t.core.hallSync.syncNow()));
}

describe('pull', () => {
  let windows: TestCore[];
  beforeAll(async () => {
    windows = await Promise.all(['31', '32', '33'].map((no) => windowCore(no)));
    for (const t of windows) await joinHall(t, hall);
  });

  it('staff accounts from the hall work at every window: new PIN, disabling, lockout', async () => {
    await put(await staff('2001', '482915'), await staff(CLERK.staffNo, '724163', { name: CLERK.name, title: CLERK.title }));
    await syncAll(windows);
    for (const t of windows) {
      expect((await login(t.core, '2001', '482915')).staff.name).toBe('赵敏');
      await logout(t.core);
      // the hall's PIN replaces the window's own
      expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }), 'PIN_WRONG');
      await login(t.core, CLERK.staffNo, '724163');
      await logout(t.core);
    }

    const lockedUntil = new Date(windows[0]?.clock.now().getTime() ?? 0).toISOString().replace(/^\d{4}/, '2099');
    await put(await staff('2001', '482915', { active: false }), await staff(CLERK.staffNo, '724163', { name: CLERK.name, lockedUntil }));
    await syncAll(windows);
    // applied twice (the next page starts at the snapshot again): nothing changes
    await syncAll(windows);
    for (const t of windows) {
      expectError(await t.core.call('auth.login', { staffNo: '2001', pin: '482915' }), 'ACCOUNT_DISABLED');
      expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: '724163' }), 'ACCOUNT_LOCKED');
      const applied = t.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'hall.pull'").pluck().get() as number;
      expect(applied).toBeGreaterThanOrEqual(2);
    }
  });

  it('calendar overrides from the hall reach every window; a deleted one goes', async () => {
    await put(
      { kind: 'calendarOverride', key: '2026-10-10', body: { date: '2026-10-10', kind: 'workday', name: '国庆调休', source: '国务院办公厅通知', coversYear: false } },
      { kind: 'calendarOverride', key: '2026-12-31', body: { date: '2026-12-31', kind: 'restday', name: '年终盘点', source: '大厅通知', coversYear: false } },
    );
    await syncAll(windows);
    await inTransaction(hall.hall.pool, (client) => deleteReference(client, hall.hall.hall.hallId, 'calendarOverride', '2026-12-31'));
    await syncAll(windows);
    for (const t of windows) {
      await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
      const overview = await call(t.core, 'calendar.overrides', {});
      expect(overview.overrides.map((o) => [o.date, o.kind, o.name])).toEqual([['2026-10-10', 'workday', '国庆调休']]);
      expect(await call(t.core, 'hall.status', {})).toMatchObject({ lastError: null });
      await logout(t.core);
    }
  });

  it('a year’s arrangement pulled from the hall turns an open divorce’s 待定 dates into dates', async () => {
    const t = await windowCore('34');
    // the hall's own clerk (the earlier tests locked the window's clerk hall-wide)
    await put(await staff('2034', '592817'));
    await joinHall(t, hall);
    await t.core.hallSync.syncNow();
    t.clock.set(at('2026-12-20'));
    await login(t.core, '2034', '592817');
    const accepted = await call(t.core, 'divorce.accept', { parties: [BRIDE, GROOM], checks: DIVORCE_CHECKS, marriageCertificateNos: [MARRIED_ELSEWHERE] });
    const stored = () => t.core.db.prepare('SELECT cooling_off_end FROM civil_case WHERE id = ?').pluck().get(accepted.case.id);
    expect(stored()).toBeNull();
    await put({ kind: 'calendarOverride', key: '2027-01-01', body: { date: '2027-01-01', kind: 'restday', name: '元旦', source: '国务院办公厅通知', coversYear: true } });
    await t.core.hallSync.syncNow();
    expect(stored()).toBe((await call(t.core, 'marriage.get', { id: accepted.case.id })).divorce?.coolingOffEnd);
    expect(stored()).toMatch(/^2027-01-\d\d$/);
    await logout(t.core);
  });

  it('a newer catalogue version and the commitments from the hall are used at every window; an older version is not', async () => {
    const shipped = builtInCatalogue();
    const newer = { ...shipped, version: '2099.1', items: shipped.items.slice(0, 3) };
    const older = { ...shipped, version: '2000.1' };
    await put(
      { kind: 'catalogueVersion', key: newer.version, body: { catalogue: newer } },
      { kind: 'commitment', key: '0', body: { position: 0, text: '材料齐全当场办结', timeLimit: '当场' } },
      { kind: 'commitment', key: '1', body: { position: 1, text: '一次告知', timeLimit: '当场' } },
    );
    await syncAll(windows);
    await put({ kind: 'catalogueVersion', key: older.version, body: { catalogue: older } });
    await inTransaction(hall.hall.pool, (client) => deleteReference(client, hall.hall.hall.hallId, 'commitment', '1'));
    await syncAll(windows);
    for (const t of windows) {
      await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
      const catalogue = await call(t.core, 'catalogue.get', {});
      expect([catalogue.version, catalogue.items.length]).toEqual(['2099.1', 3]);
      expect(await call(t.core, 'commitments.list', {})).toEqual([{ text: '材料齐全当场办结', timeLimit: '当场' }]);
      await logout(t.core);
    }
  });

  it('a body the window cannot read is skipped and reported; the rows after it apply', async () => {
    await put({ kind: 'staff', key: 'BAD1', body: { staffNo: 'BAD1' } }, await staff('2002', '591736'));
    const t = windows[0];
    if (t === undefined) throw new Error('no window');
    await t.core.hallSync.syncNow();
    await login(t.core, '2002', '591736');
    await logout(t.core);
    const details = t.core.db.prepare("SELECT detail FROM audit_log WHERE action = 'hall.pull'").pluck().all() as string[];
    expect(details.some((d) => d.includes('staff BAD1'))).toBe(true);
  });

  it('once joined, the window\'s own edits of hall-owned data are refused, naming the hall', async () => {
    const t = windows[1];
    if (t === undefined) throw new Error('no window');
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const refusals = await Promise.all([
      t.core.call('staff.create', { ...CLERK, staffNo: 'C777' }),
      t.core.call('staff.create', { ...CLERK, staffNo: 'C777' }),
      t.core.call('calendar.saveOverride', { date: '2026-11-02', kind: 'restday', name: '停电', source: '大厅通知' }),
      t.core.call('calendar.deleteOverride', { date: '2026-10-10' }),
      t.core.call('commitments.save', { items: [{ text: '一次办好', timeLimit: '当场' }] }),
      t.core.call('auth.changePin', { pin: SUPERVISOR.pin, newPin: '864209' }),
    ]);
    for (const r of refusals) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('本窗口已加入测试大厅');
    }
    expect(t.core.db.prepare("SELECT count(*) FROM staff WHERE staff_no = 'C777'").pluck().get()).toBe(0);
    await logout(t.core);
  });
});
