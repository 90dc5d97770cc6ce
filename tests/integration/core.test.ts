import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { events as eventSchemas, METHOD_NAMES, methods, type EventName, type MethodName, type Staff } from '../../shared/contract';
import { DEFAULT_COMMITMENTS } from '../../shared/domain/commitments';
import { weakPinReason } from '../../shared/domain/pin';
import { CounterError, type ErrorCode } from '../../shared/result';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { seedDemo } from '../../electron/services/setup/demo';
import { LOCKOUT_MS, MAX_WRONG_PINS } from '../../electron/services/staff/session-service';
import {
  CHINESE,
  CLERK,
  HALL,
  MINUTE,
  START_TIME,
  SUPERVISOR,
  call,
  cleanupAll,
  completeSetup,
  createTestCore,
  expectError,
  expectOk,
  fileBytes,
  login,
  logout,
  makeTempDir,
  openCore,
  setUpWithClerk,
  FakeClock,
  type TestCore,
} from '../support/core';
import { allChanges, auditSince, maxSeq, rowCounts } from '../support/db';
import { expectLedger, ledgerOf, type Expected, type Ledger } from '../support/ledger-rows';
import { gifImage, imageSize, jpegImage, pngImage } from '../support/images';
import { UNKNOWN_ID, VALID_REQUESTS } from '../support/requests';

afterAll(cleanupAll);

/** Everything a call could write: every table's row count, the settings file, the photo files. */
function snapshot(t: TestCore): { rows: Record<string, number>; settings: string | null; photos: string[] } {
  return {
    rows: rowCounts(t.core.db),
    settings: fileBytes(t.settingsPath)?.toString('base64') ?? null,
    photos: existsSync(t.photosDir) ? readdirSync(t.photosDir).sort() : [],
  };
}


async function noWrites<T>(t: TestCore, run: () => Promise<T>): Promise<T> {
  const before = snapshot(t);
  const result = await run();
  expect(snapshot(t)).toEqual(before);
  return result;
}

describe('first-run setup', () => {
  it('creates the supervisor, the default commitments and marks settings complete', async () => {
    const t = createTestCore();
    expect(expectOk(await t.core.call('app.info', {})).setupComplete).toBe(false);
    expect(fileBytes(t.settingsPath)).toBeNull();

    const info = await completeSetup(t.core);
    expect(info).toMatchObject({ setupComplete: true, hallName: HALL.hallName, windowNo: HALL.windowNo, mode: 'host', version: 'test' });

    const settings = JSON.parse(readFileSync(t.settingsPath, 'utf8')) as Record<string, unknown>;
    expect(settings).toMatchObject({ ...HALL, setupComplete: true });
    expect(typeof settings.hallId).toBe('string');
    expect(settings.hallId).not.toBe('');
    expect(String(settings.pairingToken).length).toBeGreaterThanOrEqual(20);

    const session = await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    expect(session.staff).toMatchObject({ staffNo: SUPERVISOR.staffNo, name: SUPERVISOR.name, role: 'supervisor', active: true });
    const staff = await call(t.core, 'staff.list', {});
    expect(staff).toHaveLength(1);
    expect(await call(t.core, 'commitments.list', {})).toEqual(DEFAULT_COMMITMENTS);
    expect((await call(t.core, 'display.state', {})).commitments).toEqual(DEFAULT_COMMITMENTS);
  });

  it('cannot run twice', async () => {
    const t = createTestCore();
    await completeSetup(t.core);
    await noWrites(t, async () => expectError(await t.core.call('setup.complete', VALID_REQUESTS['setup.complete']), 'SETUP_DONE'));
  });
});

describe('the ledger: audit_log and change_log', () => {
  it('every state-changing call writes exactly matching audit and change rows', async () => {
    const t = createTestCore();
    const { core, clock } = t;
    const step = async (expected: readonly Expected[], run: () => Promise<unknown>): Promise<Ledger> => {
      clock.advance(MINUTE);
      const ledger = await ledgerOf(core, run);
      expectLedger(core, ledger, expected);
      for (const row of ledger.audit) expect(row.at).toBe(clock.now().toISOString());
      return ledger;
    };

    const setup = await step(
      [['staff.create', 'staff', 'insert'], ...DEFAULT_COMMITMENTS.map((): Expected => ['commitments.save', 'commitment', 'insert']), ['setup.complete', 'settings', 'update']],
      () => completeSetup(core),
    );
    expect(setup.audit.at(-1)?.actor_staff_no).toBe(SUPERVISOR.staffNo);

    const supervisorLogin = await step(
      [
        ['auth.login', 'clerk_session', 'insert'],
        ['shift.open', 'shift', 'insert'],
      ],
      () => login(core, SUPERVISOR.staffNo, SUPERVISOR.pin),
    );
    expect(supervisorLogin.audit[0]?.actor_staff_no).toBe(SUPERVISOR.staffNo);

    await step([['settings.update', 'settings', 'update']], () => call(core, 'settings.update', { leaderOnDuty: '张副局长', idleLockMinutes: 10 }));
    let clerk: Staff | undefined;
    const created = await step([['staff.create', 'staff', 'insert']], async () => {
      clerk = await call(core, 'staff.create', CLERK);
    });
    expect(created.audit[0]?.actor_staff_no).toBe(SUPERVISOR.staffNo);
    if (!clerk) throw new Error('no clerk');
    const clerkId = clerk.id;
    expect(created.changes[0]?.entity_id).toBe(clerkId);

    await step([['staff.update', 'staff', 'update']], () => call(core, 'staff.update', { id: clerkId, title: '首席登记员' }));
    await step([['staff.resetPin', 'staff', 'update']], () => call(core, 'staff.resetPin', { id: clerkId, newPin: '314159' }));
    const png = (await pngImage(400, 500)).toString('base64');
    await step([['staff.setPhoto', 'staff', 'update']], () => call(core, 'staff.setPhoto', { id: clerkId, imageBase64: png }));
    await step(
      [
        ...DEFAULT_COMMITMENTS.map((): Expected => ['commitments.save', 'commitment', 'delete']),
        ['commitments.save', 'commitment', 'insert'],
        ['commitments.save', 'commitment', 'insert'],
      ],
      () => call(core, 'commitments.save', { items: [{ text: '首问负责', timeLimit: '当场' }, { text: '限时办结', timeLimit: '5 个工作日' }] }),
    );
    await step([['auth.lock', 'clerk_session', 'update']], () => call(core, 'auth.lock', {}));
    await step([['auth.unlock', 'clerk_session', 'update']], () => call(core, 'auth.unlock', { pin: SUPERVISOR.pin }));
    await step([['auth.changePin', 'staff', 'update']], () => call(core, 'auth.changePin', { pin: SUPERVISOR.pin, newPin: '864209' }));
    await step([['window.open', 'clerk_session', 'update']], () => call(core, 'window.resume', {}));
    const returnAt = new Date(clock.now().getTime() + 60 * MINUTE).toISOString();
    await step([['window.pause', 'window_pause', 'insert']], () => call(core, 'window.pause', { reason: '临时离开', returnAt }));
    await step([['window.pause', 'window_pause', 'update']], () => call(core, 'window.pause', { reason: '业务培训', returnAt }));
    await step([['window.resume', 'window_pause', 'update']], () => call(core, 'window.resume', {}));
    await step([['window.pause', 'window_pause', 'insert']], () => call(core, 'window.pause', { reason: '午间休息', returnAt }));
    await step(
      [
        ['window.resume', 'window_pause', 'update'],
        ['shift.close.logout', 'shift', 'update'],
        ['auth.logout', 'clerk_session', 'update'],
      ],
      () => logout(core),
    );
    const failed = await step([['auth.loginFailed', 'staff', 'update']], async () =>
      expectError(await core.call('auth.login', { staffNo: CLERK.staffNo, pin: '000123' }), 'PIN_WRONG'),
    );
    expect(failed.changes[0]?.entity_id).toBe(clerkId);
    await step(
      [
        ['auth.login', 'clerk_session', 'insert'],
        ['shift.open', 'shift', 'insert'],
      ],
      () => login(core, CLERK.staffNo, '314159'),
    );

    // read-only methods write nothing
    await noWrites(t, async () => {
      for (const method of ['app.info', 'auth.current', 'commitments.list', 'display.state'] as const) expectOk(await core.call(method, {}));
    });

    // the outbox as a whole: strictly increasing seq, schema version, no secrets
    const all = allChanges(core.db);
    expect(all.length).toBeGreaterThan(20);
    all.forEach((row, i) => {
      if (i > 0) expect(row.seq).toBeGreaterThan(all[i - 1]?.seq ?? Infinity);
      expect(row.schema_version).toBe(MIGRATIONS.length);
      expect(row.payload).not.toMatch(/scrypt\$/);
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      for (const key of ['pin', 'newPin', 'pinHash', 'pin_hash', 'failedPins', 'failed_pins']) expect(payload).not.toHaveProperty(key);
    });
    const audit = auditSince(core.db, 0);
    expect(audit).toHaveLength(all.length);
    for (const row of audit) expect(row.detail).not.toMatch(/scrypt\$|135790|314159|864209|246810/);
  });

  it('a failing call writes nothing', async () => {
    const t = createTestCore();
    const { supervisor } = await setUpWithClerk(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'window.resume', {});
    const past = new Date(t.clock.now().getTime() - MINUTE).toISOString();

    const failing: [string, () => Promise<unknown>, ErrorCode][] = [
      ['duplicate staff number', () => t.core.call('staff.create', { ...CLERK, pin: '258036' }), 'CONFLICT'],
      ['duplicate staff number in other case', () => t.core.call('staff.create', { ...CLERK, staffNo: 'c001', pin: '258036' }), 'CONFLICT'],
      ['weak PIN for a new clerk', () => t.core.call('staff.create', { ...CLERK, staffNo: 'C009', pin: '123456' }), 'VALIDATION'],
      ['update of an unknown staff id', () => t.core.call('staff.update', { id: UNKNOWN_ID, name: '某某' }), 'NOT_FOUND'],
      ['PIN reset of an unknown staff id', () => t.core.call('staff.resetPin', { id: UNKNOWN_ID, newPin: '258036' }), 'NOT_FOUND'],
      ['photo of an unknown staff id', () => t.core.call('staff.photo', { id: UNKNOWN_ID }), 'NOT_FOUND'],
      ['demoting oneself', () => t.core.call('staff.update', { id: supervisor.id, role: 'clerk' }), 'CONFLICT'],
      ['resume without a pause', () => t.core.call('window.resume', {}), 'CONFLICT'],
      ['pause ending in the past', () => t.core.call('window.pause', { reason: '临时离开', returnAt: past }), 'VALIDATION'],
      ['second login on the window', () => t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }), 'CONFLICT'],
      ['setup again', () => t.core.call('setup.complete', VALID_REQUESTS['setup.complete']), 'SETUP_DONE'],
      ['bad window number', () => t.core.call('settings.update', { windowNo: '3 号窗口' }), 'VALIDATION'],
      ['changing PIN to the same', () => t.core.call('auth.changePin', { pin: SUPERVISOR.pin, newPin: SUPERVISOR.pin }), 'VALIDATION'],
    ];
    for (const [label, run, code] of failing) {
      const before = snapshot(t);
      const result = await run();
      expect(result, label).toMatchObject({ ok: false, error: { code } });
      expect(snapshot(t), label).toEqual(before);
    }
    const duplicate = expectError(await t.core.call('staff.create', { ...CLERK, pin: '258036' }), 'CONFLICT');
    expect(duplicate.fields?.staffNo).toBeDefined();
  });
});

describe('login and PIN lockout', () => {
  let t: TestCore;
  let clerk: Staff;
  beforeEach(async () => {
    t = createTestCore();
    ({ clerk } = await setUpWithClerk(t.core));
  });

  it('locks the account after five wrong PINs, refuses the right PIN during the lock, and lets in after 5 minutes', async () => {
    expect(MAX_WRONG_PINS).toBe(5);
    expect(LOCKOUT_MS).toBe(5 * MINUTE);
    for (let attempt = 1; attempt < MAX_WRONG_PINS; attempt++) {
      const error = expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: '975310' }), 'PIN_WRONG');
      expect(error.message).toBe('工号或 PIN 不正确，请核对后重试');
      expect(error.fields?.pin).toBeDefined();
    }
    const locked = expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: '975310' }), 'ACCOUNT_LOCKED');
    expect(locked.message).toContain('5 分钟');
    const lockAudit = auditSince(t.core.db, 0).filter((r) => r.entity_id === clerk.id && r.action.startsWith('auth.'));
    expect(lockAudit.map((r) => r.action)).toEqual([...Array<string>(4).fill('auth.loginFailed'), 'auth.accountLocked']);

    // the right PIN is refused while locked, and writes nothing
    await noWrites(t, async () => {
      const error = expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }), 'ACCOUNT_LOCKED');
      expect(error.message).toContain('请 5 分钟后再试');
    });
    t.clock.advance(4 * MINUTE + 30_000);
    expect(expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }), 'ACCOUNT_LOCKED').message).toContain('请 1 分钟后再试');

    t.clock.set(new Date(START_TIME.getTime() + LOCKOUT_MS));
    const session = await login(t.core, CLERK.staffNo, CLERK.pin);
    expect(session.staff.staffNo).toBe(CLERK.staffNo);
    expect(session.staff.lockedUntil).toBeNull();
    const row = t.core.db.prepare('SELECT failed_pins, locked_until FROM staff WHERE id = ?').get(clerk.id);
    expect(row).toEqual({ failed_pins: 0, locked_until: null });
  });

  it('a successful login resets the count of wrong PINs', async () => {
    for (let i = 0; i < 4; i++) expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: '975310' }), 'PIN_WRONG');
    await login(t.core, CLERK.staffNo, CLERK.pin);
    await logout(t.core);
    expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: '975310' }), 'PIN_WRONG');
    expect(t.core.db.prepare('SELECT failed_pins FROM staff WHERE id = ?').get(clerk.id)).toEqual({ failed_pins: 1 });
  });

  it('shows the lock to a supervisor and a PIN reset lifts it', async () => {
    for (let i = 0; i < 5; i++) await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: '975310' });
    t.clock.advance(MINUTE);
    // a locked clerk does not stop the supervisor from logging in
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const listed = (await call(t.core, 'staff.list', {})).find((s) => s.id === clerk.id);
    expect(listed?.lockedUntil).toBe(new Date(START_TIME.getTime() + LOCKOUT_MS).toISOString());
    await call(t.core, 'staff.resetPin', { id: clerk.id, newPin: '314159' });
    await logout(t.core);
    await login(t.core, CLERK.staffNo, '314159');
  });

  it('an unknown staff number gets PIN_WRONG and writes nothing', async () => {
    await noWrites(t, async () => {
      const error = expectError(await t.core.call('auth.login', { staffNo: 'NOBODY1', pin: CLERK.pin }), 'PIN_WRONG');
      expect(error.message).toBe('工号或 PIN 不正确，请核对后重试');
    });
  });

  it('staff numbers are matched without regard to case', async () => {
    const session = await login(t.core, CLERK.staffNo.toLowerCase(), CLERK.pin);
    expect(session.staff.staffNo).toBe(CLERK.staffNo);
  });

  it('a disabled account gets ACCOUNT_DISABLED', async () => {
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'staff.update', { id: clerk.id, active: false });
    await logout(t.core);
    await noWrites(t, async () => {
      expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }), 'ACCOUNT_DISABLED');
    });
  });
});

describe('access rules', () => {
  const cases: [state: string, method: MethodName, code: ErrorCode][] = [
    ['before setup', 'staff.list', 'SETUP_REQUIRED'],
    ['before setup', 'settings.get', 'SETUP_REQUIRED'],
    ['before setup', 'commitments.list', 'SETUP_REQUIRED'],
    ['before setup', 'window.pause', 'SETUP_REQUIRED'],
    ['before setup', 'auth.logout', 'SETUP_REQUIRED'],
    ['before setup', 'auth.unlock', 'SETUP_REQUIRED'],
    ['logged out', 'staff.list', 'AUTH_REQUIRED'],
    ['logged out', 'commitments.list', 'AUTH_REQUIRED'],
    ['logged out', 'window.pause', 'AUTH_REQUIRED'],
    ['logged out', 'window.resume', 'AUTH_REQUIRED'],
    ['logged out', 'auth.lock', 'AUTH_REQUIRED'],
    ['logged out', 'auth.unlock', 'AUTH_REQUIRED'],
    ['logged out', 'auth.logout', 'AUTH_REQUIRED'],
    ['logged out', 'auth.changePin', 'AUTH_REQUIRED'],
    ['logged out', 'setup.complete', 'SETUP_DONE'],
    ['clerk', 'staff.list', 'FORBIDDEN'],
    ['clerk', 'staff.create', 'FORBIDDEN'],
    ['clerk', 'staff.update', 'FORBIDDEN'],
    ['clerk', 'staff.resetPin', 'FORBIDDEN'],
    ['clerk', 'staff.setPhoto', 'FORBIDDEN'],
    ['clerk', 'staff.photo', 'FORBIDDEN'],
    ['clerk', 'settings.get', 'FORBIDDEN'],
    ['clerk', 'settings.update', 'FORBIDDEN'],
    ['clerk', 'commitments.save', 'FORBIDDEN'],
    ['clerk locked', 'window.pause', 'SESSION_LOCKED'],
    ['clerk locked', 'window.resume', 'SESSION_LOCKED'],
    ['clerk locked', 'commitments.list', 'SESSION_LOCKED'],
    ['clerk locked', 'auth.lock', 'SESSION_LOCKED'],
    ['clerk locked', 'auth.changePin', 'SESSION_LOCKED'],
    ['clerk locked', 'staff.list', 'SESSION_LOCKED'],
  ];

  async function inState(state: string): Promise<TestCore> {
    const t = createTestCore();
    if (state === 'before setup') return t;
    await setUpWithClerk(t.core);
    if (state === 'logged out') return t;
    await login(t.core, CLERK.staffNo, CLERK.pin);
    if (state === 'clerk locked') await call(t.core, 'auth.lock', {});
    return t;
  }

  it.each(cases)('%s: %s → %s, checked before the request and writing nothing', async (state, method, code) => {
    const t = await inState(state);
    await noWrites(t, async () => {
      // even a well-formed request is refused, and so is garbage: access comes first
      expectError(await t.core.dispatch(method, VALID_REQUESTS[method], 'clerk'), code);
      expectError(await t.core.dispatch(method, { garbage: true }, 'clerk'), code);
    });
  });

  it('before setup the public methods answer', async () => {
    const t = await inState('before setup');
    expect(expectOk(await t.core.call('app.info', {})).setupComplete).toBe(false);
    expect(expectOk(await t.core.call('auth.current', {}))).toBeNull();
    expect(expectOk(await t.core.call('display.state', {})).status).toBe('closed');
    expectError(await t.core.call('auth.login', { staffNo: 'S001', pin: '246810' }), 'PIN_WRONG');
  });

  it('a locked session may still log out and unlock', async () => {
    const t = await inState('clerk locked');
    expect(expectOk(await t.core.call('auth.current', {}))?.locked).toBe(true);
    await call(t.core, 'auth.unlock', { pin: CLERK.pin });
    await call(t.core, 'auth.lock', {});
    await logout(t.core);
    expect(expectOk(await t.core.call('auth.current', {}))).toBeNull();
  });

  it('the public display may call only app.info, display.state and the rating pad, even with a supervisor logged in', async () => {
    const t = createTestCore();
    await completeSetup(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'window.resume', {});
    await noWrites(t, async () => {
      for (const method of METHOD_NAMES) {
        const result = await t.core.dispatch(method, VALID_REQUESTS[method], 'display');
        // a rating for a request this window never made is refused (the unpaired-pad case), writing nothing
        if (method === 'rating.submit') expect(expectError(result, 'FORBIDDEN').message).toBe('本评价器未与该窗口配对或评价已结束');
        else if (methods[method].display) expect(result.ok, method).toBe(true);
        else expect(expectError(result, 'FORBIDDEN').message).toBe('公共显示屏不能执行此操作');
      }
    });
    expect(expectOk(await t.core.call('display.state', {}, 'display')).clerk?.staffNo).toBe(SUPERVISOR.staffNo);
  });
});

describe('screen lock', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = createTestCore();
    await setUpWithClerk(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
  });

  it('locks and unlocks with the PIN; a correct unlock clears earlier wrong PINs', async () => {
    expect((await call(t.core, 'auth.lock', {})).locked).toBe(true);
    for (let i = 0; i < 4; i++) expectError(await t.core.call('auth.unlock', { pin: '975310' }), 'PIN_WRONG');
    expect((await call(t.core, 'auth.unlock', { pin: CLERK.pin })).locked).toBe(false);
    await call(t.core, 'auth.lock', {});
    const error = expectError(await t.core.call('auth.unlock', { pin: '975310' }), 'PIN_WRONG');
    expect(error.message).toContain('还可以再试 4 次');
  });

  it('five wrong PINs at unlock end the session and lock the account', async () => {
    await call(t.core, 'window.pause', { reason: '临时离开', returnAt: new Date(t.clock.now().getTime() + 10 * MINUTE).toISOString() });
    await call(t.core, 'auth.lock', {});
    for (let i = 0; i < 4; i++) expectError(await t.core.call('auth.unlock', { pin: '975310' }), 'PIN_WRONG');
    const seq = maxSeq(t.core.db, 'audit_log');
    expectError(await t.core.call('auth.unlock', { pin: '975310' }), 'ACCOUNT_LOCKED');
    expect(auditSince(t.core.db, seq).map((r) => r.action)).toEqual(['auth.accountLocked', 'window.resume', 'shift.close.logout', 'auth.forcedLogout']);
    expect(expectOk(await t.core.call('auth.current', {}))).toBeNull();
    const display = await call(t.core, 'display.state', {});
    expect(display).toMatchObject({ status: 'closed', clerk: null, pause: null });
    expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }), 'ACCOUNT_LOCKED');
    t.clock.advance(LOCKOUT_MS);
    await login(t.core, CLERK.staffNo, CLERK.pin);
  });

  it('a wrong current PIN when changing the PIN counts too', async () => {
    expectError(await t.core.call('auth.changePin', { pin: '975310', newPin: '314159' }), 'PIN_WRONG');
    await call(t.core, 'auth.changePin', { pin: CLERK.pin, newPin: '314159' });
    await logout(t.core);
    expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }), 'PIN_WRONG');
    await login(t.core, CLERK.staffNo, '314159');
  });
});

describe('PIN policy', () => {
  it.each(['123456', '111111', '654321', '000000'])('refuses the weak PIN %s everywhere, writing nothing', async (pin) => {
    const fresh = createTestCore();
    await noWrites(fresh, async () => {
      const error = expectError(
        await fresh.core.call('setup.complete', { hall: HALL, supervisor: { ...SUPERVISOR, pin } }),
        'VALIDATION',
      );
      expect(error.fields?.['supervisor.pin']).toBe(weakPinReason(pin));
    });
    expect(fileBytes(fresh.settingsPath)).toBeNull();
    expect(expectOk(await fresh.core.call('app.info', {})).setupComplete).toBe(false);

    const t = createTestCore();
    const { clerk } = await setUpWithClerk(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await noWrites(t, async () => {
      expect(expectError(await t.core.call('staff.create', { ...CLERK, staffNo: 'C002', pin }), 'VALIDATION').fields?.pin).toBe(weakPinReason(pin));
      expect(expectError(await t.core.call('staff.resetPin', { id: clerk.id, newPin: pin }), 'VALIDATION').fields?.newPin).toBe(weakPinReason(pin));
      expect(expectError(await t.core.call('auth.changePin', { pin: SUPERVISOR.pin, newPin: pin }), 'VALIDATION').fields?.newPin).toBe(
        weakPinReason(pin),
      );
    });
  });
});

describe('supervisor guards', () => {
  it('a supervisor cannot demote or disable themself, nor the last active supervisor', async () => {
    const t = createTestCore();
    await completeSetup(t.core);
    const self = (await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin)).staff;
    await noWrites(t, async () => {
      expect(expectError(await t.core.call('staff.update', { id: self.id, role: 'clerk' }), 'CONFLICT').message).toContain('自己');
      expect(expectError(await t.core.call('staff.update', { id: self.id, active: false }), 'CONFLICT').message).toContain('自己');
    });
    // editing other fields of oneself is fine
    expect((await call(t.core, 'staff.update', { id: self.id, title: '主任', active: true, role: 'supervisor' })).title).toBe('主任');

    const second = await call(t.core, 'staff.create', { ...CLERK, staffNo: 'S002', role: 'supervisor' });
    expect((await call(t.core, 'staff.update', { id: second.id, role: 'clerk' })).role).toBe('clerk');
    await call(t.core, 'staff.update', { id: second.id, role: 'supervisor' });
    expect((await call(t.core, 'staff.update', { id: second.id, active: false })).active).toBe(false);
    await call(t.core, 'staff.update', { id: second.id, active: true });

    // The API cannot otherwise reach this state: the session holder's own account is no longer an active
    // supervisor (as if changed by another workstation), so the second supervisor is the last one.
    t.core.db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(self.id);
    await noWrites(t, async () => {
      expect(expectError(await t.core.call('staff.update', { id: second.id, role: 'clerk' }), 'CONFLICT').message).toContain('最后一个');
      expect(expectError(await t.core.call('staff.update', { id: second.id, active: false }), 'CONFLICT').message).toContain('最后一个');
    });
  });
});

describe('staff photos', () => {
  let t: TestCore;
  let clerk: Staff;
  beforeEach(async () => {
    t = createTestCore();
    ({ clerk } = await setUpWithClerk(t.core));
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  });

  it.each<[string, () => Promise<Buffer>, RegExp]>([
    ['text that is not an image', async () => Buffer.from('这不是照片，只是一段文字。This is not an image.'), /不是有效的图片/],
    ['a truncated PNG', async () => (await pngImage(800, 600)).subarray(0, 60), /图片|照片/],
    ['a tiny 50x50 PNG', () => pngImage(50, 50), /50×50/],
    ['a 99x400 PNG', () => pngImage(99, 400), /99×400/],
    ['a GIF', () => gifImage(200, 200), /只支持 JPG、PNG 或 WebP/],
  ])('refuses %s with BAD_IMAGE and writes nothing', async (_label, make, message) => {
    const imageBase64 = (await make()).toString('base64');
    await noWrites(t, async () => {
      expect(expectError(await t.core.call('staff.setPhoto', { id: clerk.id, imageBase64 }), 'BAD_IMAGE').message).toMatch(message);
    });
    expect(readdirSync(t.photosDir)).toEqual([]);
  });

  it('stores a real photo as a 360x480 JPEG and shows it on the display when that clerk logs in', async () => {
    const imageBase64 = (await pngImage(800, 600)).toString('base64');
    const updated = await call(t.core, 'staff.setPhoto', { id: clerk.id, imageBase64 });
    expect(updated.hasPhoto).toBe(true);

    const files = readdirSync(t.photosDir);
    expect(files).toHaveLength(1);
    const [file] = files;
    if (!file) throw new Error('no photo file');
    expect(file).toMatch(new RegExp(`^${clerk.id}-.+\\.jpg$`));
    const stored = readFileSync(join(t.photosDir, file));
    expect(await imageSize(stored)).toEqual({ format: 'jpeg', width: 360, height: 480 });

    const { dataUrl } = await call(t.core, 'staff.photo', { id: clerk.id });
    expect(dataUrl).toBe(`data:image/jpeg;base64,${stored.toString('base64')}`);
    const supervisorPhoto = await call(t.core, 'staff.photo', { id: (await call(t.core, 'auth.current', {}))?.staff.id ?? '' });
    expect(supervisorPhoto.dataUrl).toBeNull();

    await logout(t.core);
    expect((await call(t.core, 'display.state', {})).clerk).toBeNull();
    await login(t.core, CLERK.staffNo, CLERK.pin);
    const display = await call(t.core, 'display.state', {});
    expect(display.clerk?.photoDataUrl).toBe(dataUrl);
    expect(display.clerk).toMatchObject({ name: CLERK.name, staffNo: CLERK.staffNo, partyMember: true });
  });

  it('a new photo replaces the one on the display', async () => {
    await call(t.core, 'staff.setPhoto', { id: clerk.id, imageBase64: (await pngImage(800, 600)).toString('base64') });
    const first = (await call(t.core, 'staff.photo', { id: clerk.id })).dataUrl;
    const other = await jpegImage(300, 400);
    await call(t.core, 'staff.setPhoto', { id: clerk.id, imageBase64: other.toString('base64') });
    const second = (await call(t.core, 'staff.photo', { id: clerk.id })).dataUrl;
    expect(second).not.toBe(first);
    expect(second?.startsWith('data:image/jpeg;base64,')).toBe(true);
    // the replaced file is removed: one photo on disk for one staff member
    expect(readdirSync(t.photosDir)).toHaveLength(1);
  });
});

describe('window status', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = createTestCore();
    await setUpWithClerk(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
  });

  const inMinutes = (minutes: number): string => new Date(t.clock.now().getTime() + minutes * MINUTE).toISOString();

  it.each<[string, () => string, string]>([
    ['in the past', () => inMinutes(-1), '预计返回时间已经过去（现在是 09:00），请填写现在之后的时间'],
    ['exactly now', () => inMinutes(0), '预计返回时间已经过去（现在是 09:00），请填写现在之后的时间'],
    ['more than 12 hours ahead', () => inMinutes(12 * 60 + 1), '预计返回时间不能超过 12 小时之后'],
  ])('refuses a return time %s', async (_label, returnAt, problem) => {
    await noWrites(t, async () => {
      const error = expectError(await t.core.call('window.pause', { reason: '临时离开', returnAt: returnAt() }), 'VALIDATION');
      expect(error.fields?.returnAt).toBe(problem);
    });
    expect((await call(t.core, 'display.state', {})).status).toBe('serving');
  });

  it('pause shows the whereabouts sign; resume serves; logout closes', async () => {
    expect((await call(t.core, 'display.state', {})).status).toBe('serving');
    // a return time with the Beijing offset is stored as the same instant
    const returnAt = '2026-03-02T09:30:00+08:00';
    const paused = await call(t.core, 'window.pause', { reason: '业务培训', returnAt });
    expect(paused).toMatchObject({ status: 'paused', pause: { reason: '业务培训', returnAt: '2026-03-02T01:30:00.000Z' } });
    expect(await call(t.core, 'display.state', {})).toMatchObject({ status: 'paused', pause: { reason: '业务培训' } });
    expect(expectOk(await t.core.call('display.state', {}, 'display')).status).toBe('paused');

    const resumed = await call(t.core, 'window.resume', {});
    expect(resumed).toMatchObject({ status: 'serving', pause: null });
    expectError(await t.core.call('window.resume', {}), 'CONFLICT');

    await call(t.core, 'window.pause', { reason: '午间休息', returnAt: inMinutes(60) });
    await logout(t.core);
    const closed = await call(t.core, 'display.state', {});
    expect(closed).toMatchObject({ status: 'closed', clerk: null, pause: null, hallName: HALL.hallName, windowNo: HALL.windowNo });
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM window_pause WHERE ended_at IS NULL').get()).toEqual({ n: 0 });

    await login(t.core, CLERK.staffNo, CLERK.pin);
    expect((await call(t.core, 'display.state', {})).status).toBe('serving');
  });

  it('an idle-locked screen shows 暂停服务 (暂时离开), or the sign the clerk put up; unlocking serves again', async () => {
    await call(t.core, 'auth.lock', {});
    expect(await call(t.core, 'display.state', {})).toMatchObject({ status: 'paused', clerk: { name: CLERK.name }, pause: { reason: '暂时离开', returnAt: null } });
    expect(expectOk(await t.core.call('display.state', {}, 'display')).status).toBe('paused');
    await call(t.core, 'auth.unlock', { pin: CLERK.pin });
    expect(await call(t.core, 'display.state', {})).toMatchObject({ status: 'serving', pause: null });

    await call(t.core, 'window.pause', { reason: '业务培训', returnAt: inMinutes(30) });
    await call(t.core, 'auth.lock', {});
    expect(await call(t.core, 'display.state', {})).toMatchObject({ status: 'paused', pause: { reason: '业务培训', returnAt: inMinutes(30) } });
  });

  it("a supervisor's configuration login leaves the window closed until they start serving, once however often asked", async () => {
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    expect(await call(t.core, 'display.state', {})).toMatchObject({ status: 'closed', clerk: null, pause: null });
    await call(t.core, 'settings.update', { idleLockMinutes: 3 });
    expect((await call(t.core, 'display.state', {})).status).toBe('closed');
    await call(t.core, 'auth.lock', {});
    expect((await call(t.core, 'display.state', {})).status).toBe('closed');
    await call(t.core, 'auth.unlock', { pin: SUPERVISOR.pin });
    const refused = expectError(await t.core.call('window.pause', { reason: '临时离开', returnAt: inMinutes(10) }), 'CONFLICT');
    expect(refused.message).toContain('开始对外服务');

    const seq = maxSeq(t.core.db, 'audit_log');
    const [first, second] = await Promise.all([t.core.call('window.resume', {}), t.core.call('window.resume', {})]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(expectError(await t.core.call('window.resume', {}), 'CONFLICT').message).toContain('没有暂停');
    expect(auditSince(t.core.db, seq).map((r) => r.action)).toEqual(['window.open']);
    expect(await call(t.core, 'display.state', {})).toMatchObject({ status: 'serving', clerk: { name: SUPERVISOR.name } });
    await call(t.core, 'window.pause', { reason: '临时离开', returnAt: inMinutes(10) });
    expect((await call(t.core, 'display.state', {})).status).toBe('paused');

    // the next login starts closed again
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    expect((await call(t.core, 'display.state', {})).status).toBe('closed');
  });

  it('the display shows the server time from the core clock', async () => {
    t.clock.advance(17 * MINUTE);
    expect((await call(t.core, 'display.state', {})).serverTime).toBe(t.clock.now().toISOString());
  });
});

describe('events', () => {
  it('publishes display.changed and session.changed only when they change', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    const seen: { event: EventName; payload: unknown }[] = [];
    const stop = t.core.onEvent((event, payload) => {
      seen.push({ event, payload });
    });
    const next = async (run: () => Promise<unknown>): Promise<{ event: EventName; payload: unknown }[]> => {
      seen.length = 0;
      await run();
      for (const { event, payload } of seen) expect(eventSchemas[event].safeParse(payload).success, event).toBe(true);
      return [...seen];
    };
    const statusOf = (list: { event: EventName; payload: unknown }[]): unknown =>
      list.map(({ event, payload }) => (event === 'display.changed' ? eventSchemas[event].parse(payload).status : payload === null ? null : 'session'));

    expect(statusOf(await next(() => login(t.core, CLERK.staffNo, CLERK.pin)))).toEqual(['serving', 'session']);
    const paused = await next(() => call(t.core, 'window.pause', { reason: '临时离开', returnAt: new Date(t.clock.now().getTime() + 5 * MINUTE).toISOString() }));
    expect(statusOf(paused)).toEqual(['paused']);
    expect(statusOf(await next(() => call(t.core, 'window.resume', {})))).toEqual(['serving']);
    // an idle-locked screen: the display shows 暂停服务 (暂时离开)
    const locked = await next(() => call(t.core, 'auth.lock', {}));
    expect(statusOf(locked)).toEqual(['paused', 'session']);
    expect(eventSchemas['session.changed'].parse(locked[1]?.payload)?.locked).toBe(true);
    expect(statusOf(await next(() => call(t.core, 'auth.unlock', { pin: CLERK.pin })))).toEqual(['serving', 'session']);

    // nothing changes: no events
    expect(await next(() => call(t.core, 'display.state', {}))).toEqual([]);
    expect(await next(async () => t.core.call('window.pause', { reason: '临时离开', returnAt: '2020-01-01T00:00:00Z' }))).toEqual([]);
    expect(await next(async () => t.core.call('window.resume', {}))).toEqual([]);

    expect(statusOf(await next(() => logout(t.core)))).toEqual(['closed', null]);

    stop();
    expect(await next(() => login(t.core, CLERK.staffNo, CLERK.pin))).toEqual([]);
  });
});

describe('restart', () => {
  it('a core re-opened after a login restores the session, locked', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    const before = await login(t.core, CLERK.staffNo, CLERK.pin);
    expect(before.locked).toBe(false);

    const seq = maxSeq(t.core.db, 'audit_log');
    const core = t.reopen();
    const restored = expectOk(await core.call('auth.current', {}));
    expect(restored).toMatchObject({ locked: true, startedAt: before.startedAt, staff: { id: before.staff.id } });
    expect(auditSince(core.db, seq).map((r) => r.action)).toEqual(['auth.lockOnRestart']);
    expect(await call(core, 'display.state', {})).toMatchObject({ status: 'paused', pause: { reason: '暂时离开', returnAt: null } });
    expectError(await core.call('window.pause', { reason: '临时离开', returnAt: '2026-03-02T09:30:00+08:00' }), 'SESSION_LOCKED');

    // re-opening an already locked session writes nothing more
    const again = t.reopen();
    expect(maxSeq(again.db, 'audit_log')).toBe(seq + 1);
    expect((await call(again, 'auth.unlock', { pin: CLERK.pin })).locked).toBe(false);
  });

  it('a core re-opened with nobody logged in writes nothing', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    const before = rowCounts(t.core.db);
    const core = t.reopen();
    expect(rowCounts(core.db)).toEqual(before);
    expect(expectOk(await core.call('auth.current', {}))).toBeNull();
  });
});

describe('the settings file', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['idleLockMinutes is text', { idleLockMinutes: 'abc' }, '无操作自动锁屏分钟数'],
    ['idleLockMinutes is zero', { idleLockMinutes: 0 }, '无操作自动锁屏分钟数'],
    ['idleLockMinutes is too large', { idleLockMinutes: 500 }, '无操作自动锁屏分钟数'],
    ['windowNo has a space', { windowNo: '3 号' }, '窗口号'],
    ['allowLan is a number', { allowLan: 1 }, '允许局域网访问'],
    ['setupComplete is a string', { hallName: '大厅', setupComplete: 'yes' }, 'setupComplete'],
  ])('with a malformed value (%s) is refused and left untouched', (_label, content, field) => {
    const dataDir = makeTempDir();
    const settingsPath = join(dataDir, 'settings.json');
    writeFileSync(settingsPath, `${JSON.stringify(content, null, 2)}\n`);
    const before = readFileSync(settingsPath);

    let error: unknown;
    try {
      openCore(dataDir, new FakeClock());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CounterError);
    if (!(error instanceof CounterError)) return;
    expect(error.message).toMatch(CHINESE);
    expect(error.message).toContain('设置文件');
    expect(error.message).toContain(settingsPath);
    expect(error.message).toContain(field);
    expect(error.message).toContain('程序未改动任何数据');

    expect(readFileSync(settingsPath).equals(before)).toBe(true);
    expect(readdirSync(dataDir)).toEqual(['settings.json']); // no database was created either
  });
});

describe('demo seeding', () => {
  /** The demo accounts as README.md documents them for `npm run start:host -- --demo`. */
  function readmeAccounts(): { role: string; name: string; staffNo: string; pin: string }[] {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\|\s*(supervisor|clerk)\s*\|\s*([^|]+?)\s*\|\s*([A-Za-z0-9]+)\s*\|\s*(\d{6})\s*\|\s*$/gm)];
    return rows.map(([, role = '', name = '', staffNo = '', pin = '']) => ({ role, name, staffNo, pin }));
  }
  const README_ACCOUNTS = readmeAccounts();

  it('creates four staff with photos, and the documented PINs log in', async () => {
    expect(README_ACCOUNTS).toHaveLength(4);
    const t = createTestCore();
    expect(await seedDemo(t.core)).toBe(true);
    expect(readdirSync(t.photosDir).filter((f) => f.endsWith('.jpg'))).toHaveLength(4);
    expect(expectOk(await t.core.call('auth.current', {}))).toBeNull();

    for (const account of README_ACCOUNTS) {
      expect(weakPinReason(account.pin)).toBeNull();
      const session = await login(t.core, account.staffNo, account.pin);
      expect(session.staff).toMatchObject({ staffNo: account.staffNo, name: account.name, role: account.role, hasPhoto: true, active: true });
      // a supervisor's login opens the window only once they start serving
      if (account.role === 'supervisor') expect((await call(t.core, 'display.state', {})).status).toBe('closed');
      if (account.role === 'supervisor') await call(t.core, 'window.resume', {});
      const display = await call(t.core, 'display.state', {});
      expect(display.status).toBe('serving');
      expect(display.clerk?.photoDataUrl?.startsWith('data:image/jpeg;base64,')).toBe(true);
      if (account.role === 'supervisor') {
        const staff = await call(t.core, 'staff.list', {});
        expect(staff.map((s) => s.staffNo).sort()).toEqual(README_ACCOUNTS.map((a) => a.staffNo).sort());
        expect(staff.every((s) => s.hasPhoto)).toBe(true);
      }
      await logout(t.core);
    }
    const before = rowCounts(t.core.db);
    expect(await seedDemo(t.core)).toBe(false);
    expect(rowCounts(t.core.db)).toEqual(before);
  });
});

describe('settings.update', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = createTestCore();
    await completeSetup(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  });

  it('a request that changes nothing writes nothing', async () => {
    const before = { rows: rowCounts(t.core.db), file: fileBytes(t.settingsPath) };
    await call(t.core, 'settings.update', {});
    await call(t.core, 'settings.update', { hallName: HALL.hallName, idleLockMinutes: 5 });
    expect(rowCounts(t.core.db)).toEqual(before.rows);
    expect(fileBytes(t.settingsPath)?.equals(before.file ?? Buffer.alloc(0))).toBe(true);
  });

  it('records only the fields that changed, with their old values, and the file follows', async () => {
    const seq = maxSeq(t.core.db, 'audit_log');
    const view = await call(t.core, 'settings.update', { hallName: HALL.hallName, leaderOnDuty: '赵副局长', idleLockMinutes: 10 });
    expect(view.leaderOnDuty).toBe('赵副局长');
    const [audit, ...more] = auditSince(t.core.db, seq);
    expect(more).toHaveLength(0);
    expect(audit?.action).toBe('settings.update');
    expect(JSON.parse(audit?.detail ?? '{}')).toEqual({ before: { leaderOnDuty: HALL.leaderOnDuty, idleLockMinutes: 5 }, after: { leaderOnDuty: '赵副局长', idleLockMinutes: 10 } });
    expect(JSON.parse(readFileSync(t.settingsPath, 'utf8'))).toMatchObject({ leaderOnDuty: '赵副局长', idleLockMinutes: 10 });
  });
});

describe('setup that the ledger refuses', () => {
  it('leaves the settings file as it was', async () => {
    const t = createTestCore();
    await completeSetup(t.core);
    // the settings file is lost (restored from an old backup, say) while the ledger keeps the supervisor
    const stale = { ...JSON.parse(readFileSync(t.settingsPath, 'utf8')), setupComplete: false, hallName: '旧名称' };
    writeFileSync(t.settingsPath, JSON.stringify(stale));
    const core = t.reopen();
    const rows = rowCounts(core.db);
    expectError(await core.call('setup.complete', { hall: HALL, supervisor: SUPERVISOR }), 'CONFLICT');
    expect(JSON.parse(readFileSync(t.settingsPath, 'utf8'))).toEqual(stale);
    expect(rowCounts(core.db)).toEqual(rows);
  });
});
