/**
 * Clerk login by staff number and PIN, with lockout after repeated wrong PINs,
 * screen lock and unlock, PIN change and logout. One open session per window.
 */
import type { ParsedRequestOf, Session } from '../../shared/contract';
import { CounterError } from '../../shared/result';
import { recordChange } from './db/ledger';
import { actorOf, type ActiveSession, type CallContext, type CoreContext } from './context';
import { newId } from './ids';
import { hashPin, verifyPin } from './pin-hash';
import { staffById, staffByNo, staffPayload, toStaff, type StaffRow } from './staff-repo';
import { assertStrongPin } from './staff-service';
import { closeShift, startShift } from './handover/shift-repo';

export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

/** Compared against when a staff number is unknown, so timing does not reveal which numbers exist. */
const UNKNOWN_STAFF_HASH = hashPin('000000');

interface SessionRow {
  id: string;
  staff_id: string;
  started_at: string;
  locked: number;
}

export function openSession(ctx: CoreContext): ActiveSession | null {
  const row = ctx.db
    .prepare(
      `SELECT s.id, s.staff_id, s.started_at, s.locked, st.staff_no, st.role
       FROM clerk_session s JOIN staff st ON st.id = s.staff_id
       WHERE s.ended_at IS NULL`,
    )
    .get() as (SessionRow & { staff_no: string; role: 'clerk' | 'supervisor' }) | undefined;
  if (!row) return null;
  return {
    id: row.id,
    staffId: row.staff_id,
    staffNo: row.staff_no,
    role: row.role,
    locked: row.locked === 1,
    startedAt: row.started_at,
  };
}

export function sessionView(ctx: CoreContext, session: ActiveSession | null): Session | null {
  if (!session) return null;
  const staff = staffById(ctx.db, session.staffId);
  if (!staff) return null;
  return { staff: toStaff(staff, ctx.clock.now()), locked: session.locked, startedAt: session.startedAt };
}

function minutesLeft(until: string, now: Date): number {
  return Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 60000));
}

function assertNotLocked(staff: StaffRow, now: Date): void {
  if (staff.locked_until && new Date(staff.locked_until).getTime() > now.getTime()) {
    throw new CounterError(
      'ACCOUNT_LOCKED',
      `该账号因连续输错 PIN 已被锁定，请 ${minutesLeft(staff.locked_until, now)} 分钟后再试，或请主管重置 PIN`,
    );
  }
}

function assertActive(staff: StaffRow): void {
  if (staff.active !== 1) throw new CounterError('ACCOUNT_DISABLED', '该账号已停用，请联系主管');
}

/** One message for an unknown staff number and a wrong PIN, so staff numbers cannot be probed. */
const LOGIN_WRONG = { message: '工号或 PIN 不正确，请核对后重试', fields: { pin: '工号或 PIN 不正确' } };
const COUNTERSIGN_WRONG = { message: '签收人的工号或 PIN 不正确，请核对后重试', fields: { 'countersign.pin': '工号或 PIN 不正确' } };

/** How a PIN check reports a wrong PIN: its audit action and, unless it is the session holder's own PIN, one fixed message. */
interface PinCheck {
  failedAction: string;
  /** A fixed message that reveals nothing about the account; null: say how many tries are left (the session holder's own PIN). */
  wrong: { message: string; fields: Record<string, string> } | null;
}

/**
 * Counts a wrong PIN; the fifth in a row locks the account. Runs inside the
 * caller's transaction and returns the error to throw (throwing would roll the count back).
 */
function registerWrongPin(ctx: CoreContext, call: CallContext, staff: StaffRow, check: PinCheck): CounterError {
  const now = ctx.clock.now();
  const at = now.toISOString();
  ctx.db.prepare('UPDATE staff SET failed_pins = failed_pins + 1 WHERE id = ?').run(staff.id);
  const { failed_pins } = ctx.db.prepare('SELECT failed_pins FROM staff WHERE id = ?').get(staff.id) as { failed_pins: number };
  const locks = failed_pins >= MAX_WRONG_PINS;
  if (locks) {
    const until = new Date(now.getTime() + LOCKOUT_MS).toISOString();
    ctx.db.prepare('UPDATE staff SET failed_pins = 0, locked_until = ?, updated_at = ? WHERE id = ?').run(until, at, staff.id);
  }
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: locks ? 'auth.accountLocked' : check.failedAction,
    entity: 'staff',
    entityId: staff.id,
    op: 'update',
    payload: staffPayload(staff),
    detail: { staffNo: staff.staff_no, failedPins: locks ? MAX_WRONG_PINS : failed_pins },
  });
  if (locks) {
    return new CounterError('ACCOUNT_LOCKED', `PIN 连续输错 ${MAX_WRONG_PINS} 次，账号已锁定 5 分钟，请稍后再试或请主管重置 PIN`);
  }
  if (check.wrong) return new CounterError('PIN_WRONG', check.wrong.message, check.wrong.fields);
  return new CounterError('PIN_WRONG', `PIN 不正确，还可以再试 ${MAX_WRONG_PINS - failed_pins} 次`, { pin: 'PIN 不正确' });
}

/**
 * The one PIN check: the (slow, async) hash first, then one transaction that
 * re-reads the account, refuses if it is locked by now (even the right PIN),
 * counts a wrong PIN and decides the lock, or runs onMatch. Parallel attempts
 * therefore cannot get past the lockout: after five wrong PINs every attempt
 * whose hash finishes later is refused.
 */
async function checkPin<T>(ctx: CoreContext, call: CallContext, staff: StaffRow, pin: string, check: PinCheck, onMatch: (current: StaffRow) => T): Promise<T> {
  assertNotLocked(staff, ctx.clock.now()); // cheap early refusal; decided again below
  const matches = await verifyPin(pin, staff.pin_hash);
  const outcome = ctx.db.transaction((): { value: T } | { error: CounterError } => {
    const current = staffById(ctx.db, staff.id);
    if (!current) throw new CounterError('NOT_FOUND', '找不到该工作人员，请刷新后重试');
    assertNotLocked(current, ctx.clock.now());
    if (!matches || current.pin_hash !== staff.pin_hash) return { error: registerWrongPin(ctx, call, current, check) };
    assertActive(current);
    return { value: onMatch(current) };
  })();
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/**
 * An unknown staff number: a PIN is hashed as for a real one and the answer is
 * a wrong PIN's. Nothing is written, so anonymous requests cannot fill the audit trail.
 */
async function refuseUnknownStaff(pin: string, check: PinCheck): Promise<never> {
  await verifyPin(pin, await UNKNOWN_STAFF_HASH);
  const wrong = check.wrong ?? LOGIN_WRONG;
  throw new CounterError('PIN_WRONG', wrong.message, wrong.fields);
}

function clearWrongPins(ctx: CoreContext, staffId: string): void {
  ctx.db.prepare('UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ? AND (failed_pins > 0 OR locked_until IS NOT NULL)').run(staffId);
}

function sessionPayload(ctx: CoreContext, id: string): Record<string, unknown> {
  return ctx.db.prepare('SELECT id, staff_id AS staffId, window_no AS windowNo, started_at AS startedAt, ended_at AS endedAt, end_reason AS endReason, locked, serving FROM clerk_session WHERE id = ?').get(id) as Record<string, unknown>;
}

export async function login(ctx: CoreContext, call: CallContext, req: ParsedRequestOf<'auth.login'>): Promise<Session> {
  const check: PinCheck = { failedAction: 'auth.loginFailed', wrong: LOGIN_WRONG };
  // before the staff number is looked at: the answer must not depend on whether it exists
  const current = openSession(ctx);
  if (current) {
    const holder = staffById(ctx.db, current.staffId);
    throw new CounterError('CONFLICT', `本窗口已由 ${holder?.name ?? '其他工作人员'}（${current.staffNo}）登录，请先退出登录`);
  }
  const staff = staffByNo(ctx.db, req.staffNo);
  if (!staff) return refuseUnknownStaff(req.pin, check);
  assertNotLocked(staff, ctx.clock.now());
  const id = newId();
  await checkPin(ctx, call, staff, req.pin, check, (current) => {
    if (openSession(ctx)) throw new CounterError('CONFLICT', '本窗口刚刚已有工作人员登录，请刷新后重试');
    const at = ctx.clock.now().toISOString();
    const origin = ctx.origin();
    clearWrongPins(ctx, current.id);
    ctx.db
      .prepare(
        `INSERT INTO clerk_session (id, hall_id, window_no, staff_id, started_at, serving, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      // a supervisor often logs in only to change settings: the window opens when they start serving
      .run(id, origin.hallId, origin.windowNo, current.id, at, current.role === 'supervisor' ? 0 : 1, at, at);
    const actor = { id: current.id, staffNo: current.staff_no };
    recordChange(ctx.db, origin, actor, at, {
      action: 'auth.login',
      entity: 'clerk_session',
      entityId: id,
      op: 'insert',
      payload: sessionPayload(ctx, id),
    });
    startShift(ctx, { caller: call.caller, session: { id, staffId: current.id, staffNo: current.staff_no, role: current.role, locked: false, startedAt: at } }, current.id, at);
  });
  const session = sessionView(ctx, openSession(ctx));
  if (!session) throw new CounterError('INTERNAL', '登录状态未能保存，请重试');
  return session;
}

/** Why a session ends; a handover or the day's close also ends the shift that way. */
export type SessionEnd = 'logout' | 'pinLockout' | 'handover' | 'dayEnd';

/** Ends the open session, any pause and the shift as one change (nested in the caller's transaction if there is one). */
export function endSession(ctx: CoreContext, call: CallContext, reason: SessionEnd): void {
  const session = openSession(ctx);
  if (!session) return;
  const at = ctx.clock.now().toISOString();
  const origin = ctx.origin();
  ctx.db.transaction(() => {
    const pause = ctx.db.prepare('SELECT id FROM window_pause WHERE ended_at IS NULL').get() as
      | { id: string }
      | undefined;
    if (pause) {
      ctx.db.prepare('UPDATE window_pause SET ended_at = ?, updated_at = ? WHERE id = ?').run(at, at, pause.id);
      recordChange(ctx.db, origin, actorOf(call), at, {
        action: 'window.resume',
        entity: 'window_pause',
        entityId: pause.id,
        op: 'update',
        payload: { id: pause.id, endedAt: at },
        detail: { because: reason },
      });
    }
    ctx.db
      .prepare('UPDATE clerk_session SET ended_at = ?, end_reason = ?, updated_at = ? WHERE id = ?')
      .run(at, reason, at, session.id);
    closeShift(ctx, call, reason === 'pinLockout' ? 'logout' : reason, at);
    recordChange(ctx.db, origin, actorOf(call), at, {
      action: reason === 'pinLockout' ? 'auth.forcedLogout' : 'auth.logout',
      entity: 'clerk_session',
      entityId: session.id,
      op: 'update',
      payload: sessionPayload(ctx, session.id),
    });
  })();
}

export function setLocked(ctx: CoreContext, call: CallContext, session: ActiveSession, locked: boolean, action: string): Session {
  const at = ctx.clock.now().toISOString();
  ctx.db.transaction(() => {
    // checked here, not before the caller's PIN check: a logout or another unlock may have come in while it ran
    const current = ctx.db.prepare('SELECT locked FROM clerk_session WHERE id = ? AND ended_at IS NULL').pluck().get(session.id) as number | undefined;
    if (current === undefined) throw new CounterError('AUTH_REQUIRED', '登录已结束，请重新登录');
    if (!locked) clearWrongPins(ctx, session.staffId);
    if (current === (locked ? 1 : 0)) return; // already so (a second click, a second screen): nothing to record
    ctx.db.prepare('UPDATE clerk_session SET locked = ?, updated_at = ? WHERE id = ?').run(locked ? 1 : 0, at, session.id);
    recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
      action,
      entity: 'clerk_session',
      entityId: session.id,
      op: 'update',
      payload: sessionPayload(ctx, session.id),
    });
  })();
  const view = sessionView(ctx, openSession(ctx));
  if (!view) throw new CounterError('AUTH_REQUIRED', '登录已结束，请重新登录');
  return view;
}

/**
 * Checks the session holder's PIN; wrong PINs count towards the lockout like
 * at login, and the lock ends the session. onMatch runs in the same transaction.
 */
async function confirmPin<T>(ctx: CoreContext, call: CallContext, session: ActiveSession, pin: string, onMatch: (staff: StaffRow) => T): Promise<T> {
  const staff = staffById(ctx.db, session.staffId);
  if (!staff) throw new CounterError('AUTH_REQUIRED', '登录已结束，请重新登录');
  try {
    return await checkPin(ctx, call, staff, pin, { failedAction: 'auth.pinFailed', wrong: null }, (current) => {
      if (openSession(ctx)?.id !== session.id) throw new CounterError('AUTH_REQUIRED', '登录已结束，请重新登录');
      return onMatch(current);
    });
  } catch (error) {
    if (error instanceof CounterError && error.code === 'ACCOUNT_LOCKED' && openSession(ctx)?.id === session.id) endSession(ctx, call, 'pinLockout');
    throw error;
  }
}

/**
 * Checks another staff member's PIN typed at this window (a countersignature).
 * Wrong PINs count towards that person's lockout, as at login; onMatch runs in the same transaction.
 */
export async function verifyCountersign<T>(ctx: CoreContext, call: CallContext, staffNo: string, pin: string, onMatch: (signer: StaffRow) => T): Promise<T> {
  const check: PinCheck = { failedAction: 'handover.countersignFailed', wrong: COUNTERSIGN_WRONG };
  const staff = staffByNo(ctx.db, staffNo);
  if (!staff) return refuseUnknownStaff(pin, check);
  try {
    return await checkPin(ctx, call, staff, pin, check, onMatch);
  } catch (error) {
    if (error instanceof CounterError && error.code === 'ACCOUNT_LOCKED') throw new CounterError(error.code, `签收人${error.message}`, { 'countersign.pin': '已锁定' });
    if (error instanceof CounterError && error.code === 'ACCOUNT_DISABLED') throw new CounterError(error.code, '签收人的账号已停用', { 'countersign.staffNo': '已停用' });
    throw error;
  }
}

export async function unlock(ctx: CoreContext, call: CallContext, session: ActiveSession, pin: string): Promise<Session> {
  await confirmPin(ctx, call, session, pin, () => setLocked(ctx, call, session, false, 'auth.unlock'));
  const view = sessionView(ctx, openSession(ctx));
  if (!view) throw new CounterError('AUTH_REQUIRED', '登录已结束，请重新登录');
  return view;
}

export async function changePin(
  ctx: CoreContext,
  call: CallContext,
  session: ActiveSession,
  req: ParsedRequestOf<'auth.changePin'>,
): Promise<null> {
  assertStrongPin(req.newPin, 'newPin');
  const staff = await confirmPin(ctx, call, session, req.pin, (current) => current);
  if (req.newPin === req.pin) throw new CounterError('VALIDATION', '请检查输入：新 PIN 不能与原 PIN 相同', { newPin: '与原 PIN 相同' });
  const pinHash = await hashPin(req.newPin);
  const at = ctx.clock.now().toISOString();
  ctx.db.transaction(() => {
    // only over the PIN just confirmed: a change that came in while this one hashed has replaced it
    const changed = ctx.db.prepare('UPDATE staff SET pin_hash = ?, failed_pins = 0, updated_at = ? WHERE id = ? AND pin_hash = ?').run(pinHash, at, staff.id, staff.pin_hash);
    if (changed.changes === 0) throw new CounterError('CONFLICT', 'PIN 刚刚已被修改（可能在另一个窗口或重复提交），本次修改未生效，请用新的 PIN 重试');
    recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
      action: 'auth.changePin',
      entity: 'staff',
      entityId: staff.id,
      op: 'update',
      payload: staffPayload(staff),
    });
  })();
  return null;
}

/** After a restart an open session is kept (the display stays right) but locked until the PIN is given. */
export function lockRestoredSession(ctx: CoreContext): void {
  const session = openSession(ctx);
  if (session && !session.locked) {
    setLocked(ctx, { caller: 'clerk', session }, session, true, 'auth.lockOnRestart');
  }
}
