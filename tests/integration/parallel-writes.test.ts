/**
 * Writes that await (scrypt, file I/O) before they write, sent in parallel as
 * separate actions (different request ids): the state check that guards the
 * write holds when the write happens, not only before the await.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CLERK, SUPERVISOR, call, cleanupAll, createTestCore, expectError, expectOk, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { downloaded } from '../support/downloads';
import { applyReferenceRows } from '../../electron/services/hall-link/apply-reference';
import { writeTransaction } from '../../electron/services/db/connection';
import { hashPin } from '../../electron/services/staff/pin-hash';

afterAll(cleanupAll);

const PARALLEL = 20;

let t: TestCore;
beforeEach(async () => {
  t = createTestCore();
  await setUpWithClerk(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
});

function auditCount(action: string): number {
  return t.core.db.prepare('SELECT COUNT(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;
}

describe('unlocking', () => {
  it('20 unlocks at once unlock once: one audit row, every call answered with the unlocked session', async () => {
    await call(t.core, 'auth.lock', {});
    const results = await Promise.all(Array.from({ length: PARALLEL }, () => t.core.call('auth.unlock', { pin: CLERK.pin }, 'clerk', randomUUID())));
    for (const r of results) expect(expectOk(r).locked).toBe(false);
    expect(auditCount('auth.unlock')).toBe(1);
  });

  it('an unlock whose PIN check is overtaken by a logout is refused and records nothing', async () => {
    await call(t.core, 'auth.lock', {});
    const unlocking = t.core.call('auth.unlock', { pin: CLERK.pin });
    await logout(t.core); // runs while the unlock's PIN is being hashed
    expectError(await unlocking, 'AUTH_REQUIRED');
    expect(auditCount('auth.unlock')).toBe(0);
    expect(t.core.db.prepare('SELECT locked FROM clerk_session ORDER BY rowid DESC LIMIT 1').pluck().get()).toBe(1);
  });
});

describe('changing the PIN', () => {
  it('two changes at once from the same old PIN: one takes effect, the other is refused in Chinese', async () => {
    const pins = ['258036', '369147'];
    const results = await Promise.all(pins.map((newPin) => t.core.call('auth.changePin', { pin: CLERK.pin, newPin }, 'clerk', randomUUID())));
    const won = results.findIndex((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toBeGreaterThanOrEqual(0);
    expect(lost).toHaveLength(1);
    for (const r of lost) expect(expectError(r, 'CONFLICT').message).toContain('PIN 刚刚已被修改');
    expect(auditCount('auth.changePin')).toBe(1);
    await logout(t.core);
    // the PIN the clerk was told is in effect is the one that works
    expectOk(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: pins[won] ?? '' }));
  });
});

describe('a PIN check overtaken by the hall', () => {
  /** What the hall's pull does to the clerk's row: the same staff member under the hall's hash of `pin`. */
  async function hallStoresPin(pin: string): Promise<() => void> {
    const pinHash = await hashPin(pin);
    const body = { staffNo: CLERK.staffNo, name: CLERK.name, title: CLERK.title, duties: CLERK.duties, partyMember: CLERK.partyMember, role: CLERK.role, active: true, pinHash, lockedUntil: null };
    return () => writeTransaction(t.core.db, () => applyReferenceRows(t.core.ctx, [{ kind: 'staff', key: CLERK.staffNo, deleted: false, body }], t.clock.now().toISOString()));
  }

  it('a login while the first pull after joining stores the same PIN under the hall\'s hash logs in', async () => {
    await logout(t.core);
    const logins = auditCount('auth.login');
    const pull = await hallStoresPin(CLERK.pin);
    const logging = t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }, 'clerk', randomUUID());
    pull(); // runs while the login's PIN is being hashed against the window's own hash
    expect(expectOk(await logging).staff.staffNo).toBe(CLERK.staffNo);
    expect(auditCount('auth.login')).toBe(logins + 1);
  });

  it('a login while the hall stores a different PIN is refused as changed, and not counted as a wrong PIN', async () => {
    await logout(t.core);
    const pull = await hallStoresPin('864209');
    const logging = t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }, 'clerk', randomUUID());
    pull();
    expect(expectError(await logging, 'CONFLICT').message).toContain('PIN 刚刚已被修改');
    expect(t.core.db.prepare('SELECT failed_pins FROM staff WHERE staff_no = ?').pluck().get(CLERK.staffNo)).toBe(0);
    expectOk(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: '864209' }));
  });
});

describe('exports at once', () => {
  beforeEach(async () => {
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  });

  it('five ledger exports in the same second write five files, each downloaded once; none overwrites another', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.core.call('ledger.export', { filter: { category: 'contacts' }, format: 'csv', fullValues: false }, 'clerk', randomUUID())),
    );
    const files = results.map((r) => expectOk(r));
    expect(new Set(files.map((f) => f.download)).size).toBe(5);
    expect(readdirSync(join(t.dataDir, 'exports'))).toHaveLength(5);
    const contents = await Promise.all(files.map((f) => downloaded(t.core, f)));
    expect(new Set(contents.map((c) => c.toString('utf8'))).size).toBe(1);
    expect(readdirSync(join(t.dataDir, 'exports'))).toEqual([]);
    expect(auditCount('ledger.export')).toBe(5);
  });

  it('five statistics exports in the same second write five files', async () => {
    const request = { filter: { from: '2026-03-01', to: '2026-03-31', groupBy: 'window' as const }, format: 'csv' as const };
    const results = await Promise.all(Array.from({ length: 5 }, () => t.core.call('stats.export', request, 'clerk', randomUUID())));
    const files = results.map((r) => expectOk(r));
    expect(new Set(files.map((f) => f.download)).size).toBe(5);
    expect(readdirSync(join(t.dataDir, 'exports'))).toHaveLength(5);
  });
});
