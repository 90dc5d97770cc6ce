/**
 * Lockouts spread through a real hall between real windows: five wrong PINs
 * at window 1 lock the account at window 2 too (the lockout goes up in the
 * change log, the hall writes it into the staff row, window 2 pulls it); an
 * unlock at a window, or on the console, clears it at every window; and a
 * lock that a window decided offline before a console unlock does not lock
 * the account again when it arrives late.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HallClient } from '../../electron/services/hall-link/hall-client';
import { readHallLink } from '../../electron/services/hall-link/link-repo';
import { auditHead, unsentRows } from '../../electron/services/hall-link/sync-repo';
import { seedDemoStaff } from '../../hall/demo';
import { inTransaction } from '../../hall/db/pool';
import { putReference } from '../../hall/store/reference';
import { MAX_PUSH_ROWS } from '../../shared/hall/contract';
import type { StaffReference } from '../../shared/hall/reference-bodies';
import { CLERK, SUPERVISOR, call, expectError, login, logout, type TestCore } from '../support/core';
import { startTestHall, type TestHall } from '../support/hall';
import { consoleCall, consoleLogin } from '../support/hall-console';
import { closeWindowsAndHall, joinHall, windowCore } from '../support/hall-window';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

let hall: TestHall;
let w1: TestCore;
let w2: TestCore;
/** Window 3 reaches the hall through a proxy that can refuse it (the window offline). */
let w3: TestCore;
let proxy: TcpProxy;
let cookie: string;
beforeAll(async () => {
  hall = await startTestHall();
  await seedDemoStaff(hall.hall.pool, hall.hall.hall);
  cookie = await consoleLogin(hall.hall.url, '9001', '246810');
  proxy = await startTcpProxy(Number(new URL(hall.hall.url).port), 1313);
  proxy.setMode('healthy');
  w1 = await windowCore('1');
  w2 = await windowCore('2');
  w3 = await windowCore('3');
  for (const t of [w1, w2]) await joinHall(t, hall);
  await joinHall(w3, { ...hall, hall: { ...hall.hall, url: proxy.url } });
  // the clerk's account is the hall's: the same PIN hash at both windows
  const pinHash = w1.core.db.prepare('SELECT pin_hash FROM staff WHERE staff_no = ?').pluck().get(CLERK.staffNo) as string;
  const body: StaffReference = { staffNo: CLERK.staffNo, name: CLERK.name, title: CLERK.title, duties: CLERK.duties, partyMember: CLERK.partyMember, role: CLERK.role, active: true, pinHash, lockedUntil: null };
  await inTransaction(hall.hall.pool, (client) => putReference(client, hall.hall.hall.hallId, { kind: 'staff', key: CLERK.staffNo, body }));
  await sync(w1, w2, w3);
});
afterAll(async () => {
  await proxy?.close();
  await closeWindowsAndHall(hall);
});

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

    await consoleUnlock();
    await sync(w1, w2);
    await canLogIn(w1);
    await canLogIn(w2);
  });

  it('a lock decided offline before a console unlock does not lock again when it arrives, pushed in parallel and again; a lock after the unlock does', async () => {
    // window 3 is offline; its clerk locks the account there a minute before the supervisor unlocks it on the console
    proxy.setMode('refusing');
    w3.clock.set(new Date(Date.now() - 60_000));
    await lockAtWindow(w3);
    await consoleUnlock();
    proxy.setMode('healthy');
    const late = unsentRows(w3.core.db, MAX_PUSH_ROWS);
    expect(late.some((r) => r.entity === 'staff' && typeof r.payload.lockedUntil === 'string')).toBe(true);
    // the window's own rounds and the same batch sent twice more by hand, all at once
    const link = readHallLink(w3.core.db, w3.core.ctx.vault);
    if (link === null) throw new Error('window 3 has not joined');
    const client = new HallClient({ url: link.hallUrl, credential: link.credential });
    const replay = () => client.call('push', { windowNo: '3', rows: late, auditHead: auditHead(w3.core.db), auditAt: null });
    await Promise.all([w3.core.hallSync.syncNow(), replay(), w3.core.hallSync.syncNow(), replay()]);
    await replay();
    await sync(w3, w1, w2, w3);
    expect(await hallLockedUntil()).toBeNull();
    for (const t of [w1, w2, w3]) await canLogIn(t);

    // a lock decided after the unlock locks the account at every window
    w3.clock.set(new Date(Date.now() + 60_000));
    await lockAtWindow(w3);
    await sync(w3, w1, w2);
    expect(await hallLockedUntil()).toBe(w3.core.db.prepare('SELECT locked_until FROM staff WHERE staff_no = ?').pluck().get(CLERK.staffNo));
    for (const t of [w1, w2]) expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }), 'ACCOUNT_LOCKED');
  });
});

/** The supervisor lifts the clerk's lockout on the hall console. */
async function consoleUnlock(): Promise<void> {
  const unlocked = await consoleCall(hall.hall.url, 'staffUnlock', { staffNo: CLERK.staffNo }, cookie);
  expect(unlocked.ok).toBe(true);
}
