/**
 * Access control: the PIN lockout under parallel attempts, one answer for an
 * unknown staff number and a wrong PIN, and who may change a contact.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/api/intake';
import type { Result } from '../../shared/result';
import { MAX_WRONG_PINS } from '../../electron/services/staff/session-service';
import { CLERK, SUPERVISOR, call, cleanupAll, createTestCore, expectError, expectOk, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { auditSince, maxSeq, rowCounts } from '../support/db';

afterAll(cleanupAll);

const WRONG = '975310';
const OTHER = { staffNo: 'C002', pin: '258036', name: '张伟', title: '婚姻登记员', duties: '结婚登记', partyMember: false, role: 'clerk' } as const;

/** How many results carry each outcome: 'OK' or the error code. */
function tally(results: readonly Result<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = r.ok ? 'OK' : r.error.code;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** `total` PINs fired together, all wrong but the one at `rightAt` (0-based). */
function fire<T>(total: number, rightAt: number, attempt: (pin: string) => Promise<Result<T>>, right: string): Promise<Result<T>[]> {
  return Promise.all(Array.from({ length: total }, (_, i) => attempt(i === rightAt ? right : WRONG)));
}

function lockedUntil(t: TestCore, staffNo: string): string | null {
  const row = t.core.db.prepare('SELECT locked_until FROM staff WHERE staff_no = ?').get(staffNo) as { locked_until: string | null };
  return row.locked_until;
}

describe('PIN lockout under parallel attempts', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = createTestCore();
    await setUpWithClerk(t.core);
  });

  it.each([
    [20, 19],
    [300, 249],
  ])('%i logins fired together, the right PIN at #%i: refused and the account locked', { timeout: 180_000 }, async (total, rightAt) => {
    const results = await fire(total, rightAt, (pin) => t.core.call('auth.login', { staffNo: CLERK.staffNo, pin }), CLERK.pin);
    const counts = tally(results);
    expect(counts).toEqual({ PIN_WRONG: MAX_WRONG_PINS - 1, ACCOUNT_LOCKED: total - MAX_WRONG_PINS + 1 });
    expectError(results[rightAt] as Result<unknown>, 'ACCOUNT_LOCKED');
    expect(expectOk(await t.core.call('auth.current', {}))).toBeNull();
    expect(lockedUntil(t, CLERK.staffNo)).not.toBeNull();
    // exactly five wrong PINs were counted: four failures and the lock
    const actions = auditSince(t.core.db, 0).filter((r) => r.action === 'auth.loginFailed' || r.action === 'auth.accountLocked');
    expect(actions.map((r) => r.action)).toEqual([...Array<string>(MAX_WRONG_PINS - 1).fill('auth.loginFailed'), 'auth.accountLocked']);
  });

  it('300 unlocks fired together, the right PIN at #250: refused, the session ended and the account locked', { timeout: 180_000 }, async () => {
    await login(t.core, CLERK.staffNo, CLERK.pin);
    await call(t.core, 'auth.lock', {});
    const results = await fire(300, 249, (pin) => t.core.call('auth.unlock', { pin }), CLERK.pin);
    const counts = tally(results);
    expect(counts.OK).toBeUndefined();
    expect(counts.PIN_WRONG).toBe(MAX_WRONG_PINS - 1);
    expectError(results[249] as Result<unknown>, 'ACCOUNT_LOCKED');
    expect(expectOk(await t.core.call('auth.current', {}))).toBeNull();
    expect(lockedUntil(t, CLERK.staffNo)).not.toBeNull();
    expect(auditSince(t.core.db, 0).filter((r) => r.action === 'auth.forcedLogout')).toHaveLength(1);
  });

  it('300 handover countersignatures fired together, the right PIN at #250: refused and the signer locked', { timeout: 180_000 }, async () => {
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'staff.create', OTHER);
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    const results = await fire(
      300,
      249,
      (pin) => t.core.call('handover.close', { kind: 'handover', notes: '', items: [], countersign: { staffNo: OTHER.staffNo, pin } }),
      OTHER.pin,
    );
    const counts = tally(results);
    expect(counts).toEqual({ PIN_WRONG: MAX_WRONG_PINS - 1, ACCOUNT_LOCKED: 300 - MAX_WRONG_PINS + 1 });
    expect(expectOk(await t.core.call('auth.current', {}))?.staff.staffNo).toBe(CLERK.staffNo);
    expect(lockedUntil(t, OTHER.staffNo)).not.toBeNull();
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM handover').get()).toEqual({ n: 0 });
  });
});

describe('one answer for an unknown staff number and a wrong PIN', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = createTestCore();
    await setUpWithClerk(t.core);
  });

  it('login: same code, message and fields; the failed attempt on a real account names it in the audit', async () => {
    const seq = maxSeq(t.core.db, 'audit_log');
    const wrong = expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: WRONG }), 'PIN_WRONG');
    const unknown = expectError(await t.core.call('auth.login', { staffNo: 'NOBODY1', pin: WRONG }), 'PIN_WRONG');
    expect(unknown).toEqual(wrong);
    expect(wrong.message).toBe('工号或 PIN 不正确，请核对后重试');
    expect(wrong.message).not.toMatch(/再试|\d/);
    const rows = auditSince(t.core.db, seq);
    expect(rows.map((r) => [r.action, JSON.parse(r.detail).staffNo])).toEqual([['auth.loginFailed', CLERK.staffNo]]);

    // while the window is in use, a real and an unknown number get the same answer too
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const busyReal = expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: WRONG }), 'CONFLICT');
    expect(expectError(await t.core.call('auth.login', { staffNo: 'NOBODY1', pin: WRONG }), 'CONFLICT')).toEqual(busyReal);
  });

  it('countersign: same code, message and fields for an unknown number and a wrong PIN', async () => {
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'staff.create', OTHER);
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    const attempt = (staffNo: string) => t.core.call('handover.close', { kind: 'handover', notes: '', items: [], countersign: { staffNo, pin: WRONG } });
    const wrong = expectError(await attempt(OTHER.staffNo), 'PIN_WRONG');
    const unknown = expectError(await attempt('NOBODY1'), 'PIN_WRONG');
    expect(unknown).toEqual(wrong);
    expect(wrong.message).not.toMatch(/再试|\d/);
  });

  it('a disabled account is told so only with the right PIN', async () => {
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const clerk = (await call(t.core, 'staff.list', {})).find((s) => s.staffNo === CLERK.staffNo);
    await call(t.core, 'staff.update', { id: clerk?.id ?? '', active: false });
    await logout(t.core);
    expect(expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: WRONG }), 'PIN_WRONG').message).toBe('工号或 PIN 不正确，请核对后重试');
    expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }), 'ACCOUNT_DISABLED');
  });
});

describe('首问负责: another clerk may not change a contact', () => {
  let t: TestCore;
  let contact: Contact;
  const start = (name: string): Promise<Contact> =>
    call(t.core, 'intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: name, applicantPhone: '13800000000', applicantIdNumber: '' });

  beforeEach(async () => {
    t = createTestCore();
    await setUpWithClerk(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'staff.create', OTHER);
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    contact = await start('赵一');
    await logout(t.core);
  });

  it('clerk 2 can neither read nor close, refer or accept clerk 1\'s contact; nothing is written', async () => {
    await login(t.core, OTHER.staffNo, OTHER.pin);
    const before = rowCounts(t.core.db);
    expectError(await t.core.call('intake.get', { id: contact.id }), 'FORBIDDEN');
    const refused = await Promise.all([
      ...Array.from({ length: 5 }, () => t.core.call('intake.close', { id: contact.id, reason: 'consulted' })),
      t.core.call('intake.refer', { id: contact.id }),
      t.core.call('intake.accept', { id: contact.id, receivedMaterialIds: ['id-card', 'application'] }),
      t.core.call('intake.notify', { id: contact.id, receivedMaterialIds: ['id-card'], problems: [] }),
    ]);
    expect(tally(refused)).toEqual({ FORBIDDEN: 8 });
    expect(expectError(refused[0] as Result<unknown>, 'FORBIDDEN').message).toContain(`${CLERK.name}（${CLERK.staffNo}）`);
    expect(rowCounts(t.core.db)).toEqual(before);
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    expect((await call(t.core, 'intake.get', { id: contact.id })).status).toBe('open');
  });

  it('a supervisor may close it, once however often it is sent, and the audit row says whose contact it was', async () => {
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    expect((await call(t.core, 'intake.get', { id: contact.id })).owner.staffNo).toBe(CLERK.staffNo);
    const seq = maxSeq(t.core.db, 'audit_log');
    const results = await Promise.all(Array.from({ length: 10 }, () => t.core.call('intake.close', { id: contact.id, reason: 'withdrawn' })));
    expect(tally(results)).toEqual({ OK: 1, CONFLICT: 9 });
    expectError(await t.core.call('intake.close', { id: contact.id, reason: 'withdrawn' }), 'CONFLICT');
    const rows = auditSince(t.core.db, seq).filter((r) => r.action === 'intake.close');
    expect(rows.map((r) => [r.actor_staff_no, JSON.parse(r.detail)])).toEqual([[SUPERVISOR.staffNo, { supervisorForOwner: CLERK.staffNo }]]);
  });

  it('the applicant back with the notification slip is served by whoever is at the window; clerk 1 stays the first contact', async () => {
    await login(t.core, CLERK.staffNo, CLERK.pin);
    const { contact: notified } = await call(t.core, 'intake.notify', { id: contact.id, receivedMaterialIds: ['id-card'], problems: [] });
    const slipNo = notified.notification?.slipNo ?? '';
    await logout(t.core);
    await login(t.core, OTHER.staffNo, OTHER.pin);
    // awaiting materials is still clerk 1's to close
    expectError(await t.core.call('intake.close', { id: contact.id, reason: 'withdrawn' }), 'FORBIDDEN');
    expect((await call(t.core, 'intake.resume', { slipNo })).id).toBe(contact.id);
    const seq = maxSeq(t.core.db, 'audit_log');
    const results = await Promise.all(Array.from({ length: 5 }, () => t.core.call('intake.accept', { id: contact.id, receivedMaterialIds: ['id-card', 'application'] })));
    expect(tally(results)).toEqual({ OK: 1, CONFLICT: 4 });
    const accepted = results.find((r) => r.ok);
    expect(accepted?.ok && accepted.value.contact.owner.staffNo).toBe(CLERK.staffNo);
    expect(accepted?.ok && accepted.value.case.id).toBeTruthy();
    const rows = auditSince(t.core.db, seq).filter((r) => r.action === 'intake.accept' && r.entity === 'contact');
    expect(rows.map((r) => [r.actor_staff_no, JSON.parse(r.detail)])).toEqual([[OTHER.staffNo, { resumedForOwner: CLERK.staffNo }]]);
  });
});

describe('the LAN clerk pairing setting', () => {
  it('is off by default; turning it on, ten times at once and again, makes one token that the audit trail does not carry', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const before = await call(t.core, 'settings.get', {});
    expect(before).toMatchObject({ allowLanClerk: false, clerkPairingToken: '' });
    const seq = maxSeq(t.core.db, 'audit_log');
    const results = await Promise.all(Array.from({ length: 10 }, () => t.core.call('settings.update', { allowLan: true, allowLanClerk: true })));
    const tokens = new Set(results.map((r) => expectOk(r).clerkPairingToken));
    expect(tokens.size).toBe(1);
    const [token] = [...tokens];
    expect(token?.length).toBeGreaterThanOrEqual(20);
    expect(token).not.toBe(before.pairingToken);
    expect((await call(t.core, 'settings.update', { allowLanClerk: true })).clerkPairingToken).toBe(token);
    const rows = auditSince(t.core.db, seq).filter((r) => r.action === 'settings.update');
    expect(rows).toHaveLength(1);
    expect(rows.map((r) => r.detail).join('')).not.toContain(token ?? '');
  });
});
