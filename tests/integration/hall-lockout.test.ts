/**
 * Lockouts spread through a real hall between two real windows: five wrong
 * PINs at window 1 lock the account at window 2 too (the lockout goes up in
 * the change log, the hall writes it into the staff row, window 2 pulls it);
 * an unlock at a window, or on the console, clears it at every window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../hall/db/pool';
import { putReference } from '../../hall/store/reference';
import { setLockout } from '../../hall/store/staff-lockout';
import type { StaffReference } from '../../shared/hall/reference-bodies';
import { CLERK, SUPERVISOR, call, expectError, login, logout, type TestCore } from '../support/core';
import { startTestHall, type TestHall } from '../support/hall';
import { closeWindowsAndHall, joinHall, windowCore } from '../support/hall-window';

let hall: TestHall;
let w1: TestCore;
let w2: TestCore;
beforeAll(async () => {
  hall = await startTestHall();
  w1 = await windowCore('1');
  w2 = await windowCore('2');
  for (const t of [w1, w2]) await joinHall(t, hall);
  // the clerk's account is the hall's: the same PIN hash at both windows
  const pinHash = w1.core.db.prepare('SELECT pin_hash FROM staff WHERE staff_no = ?').pluck().get(CLERK.staffNo) as string;
  const body: StaffReference = { staffNo: CLERK.staffNo, name: CLERK.name, title: CLERK.title, duties: CLERK.duties, partyMember: CLERK.partyMember, role: CLERK.role, active: true, pinHash, lockedUntil: null };
  await inTransaction(hall.hall.pool, (client) => putReference(client, hall.hall.hall.hallId, { kind: 'staff', key: CLERK.staffNo, body }));
  await sync(w1, w2);
});
afterAll(() => closeWindowsAndHall(hall));

/** Rounds one after another, so each window pulls what the one before pushed. */
async function sync(...windows: TestCore[]): Promise<void> {
  for (const t of windows) await t.core.hallSync.syncNow();
}

async function hallLockedUntil(): Promise<string | null> {
  const { rows } = await hall.hall.pool.query<{ locked: string | null }>("SELECT body->>'lockedUntil' AS locked FROM reference_row WHERE hall_id = $1 AND kind = 'staff' AND key = $2", [
    hall.hall.hall.hallId,
    CLERK.staffNo,
  ]);
  return rows[0]?.locked ?? null;
}

async function lockAtWindow(t: TestCore): Promise<void> {
  const attempts = await Promise.all(Array.from({ length: 7 }, () => t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: '000111' })));
  expect(attempts.filter((a) => !a.ok && a.error.code === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(2);
  expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }), 'ACCOUNT_LOCKED');
}

async function canLogIn(t: TestCore): Promise<void> {
  await login(t.core, CLERK.staffNo, CLERK.pin);
  await logout(t.core);
}

describe('lockouts across the hall', () => {
  it('a lockout decided at window 1 reaches the hall and window 2; an unlock at window 2 clears it at window 1', async () => {
    await lockAtWindow(w1);
    await sync(w1, w2);
    expect(await hallLockedUntil()).toBe(w1.core.db.prepare('SELECT locked_until FROM staff WHERE staff_no = ?').pluck().get(CLERK.staffNo));
    expectError(await w2.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }), 'ACCOUNT_LOCKED');

    await login(w2.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const id = w2.core.db.prepare('SELECT id FROM staff WHERE staff_no = ?').pluck().get(CLERK.staffNo) as string;
    const unlocked = await Promise.all([0, 1, 2].map(() => call(w2.core, 'staff.unlock', { id })));
    expect(unlocked.map((s) => s.lockedUntil)).toEqual([null, null, null]);
    expect(await call(w2.core, 'staff.unlock', { id })).toMatchObject({ lockedUntil: null });
    await logout(w2.core);
    // one unlock row however often it was asked for
    expect(w2.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'staff.unlock'").pluck().get()).toBe(1);
    await sync(w2, w1);
    expect(await hallLockedUntil()).toBeNull();
    await canLogIn(w1);
    await canLogIn(w2);
  });

  it('a lockout decided at window 2 reaches window 1; an unlock on the console clears it at every window', async () => {
    await lockAtWindow(w2);
    await sync(w2, w1);
    expectError(await w1.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }), 'ACCOUNT_LOCKED');

    await inTransaction(hall.hall.pool, (client) => setLockout(client, hall.hall.hall.hallId, CLERK.staffNo, null));
    await sync(w1, w2);
    await canLogIn(w1);
    await canLogIn(w2);
  });
});
