/**
 * Clerk login by staff number and PIN, with lockout after repeated wrong PINs,
 * screen lock and unlock, PIN change and logout. One open session per window.
 * Each write here is a handler step: the PIN is hashed in a prepare step and
 * decided in the write's transaction (pin-check.ts).
 */
import type { AuditAction } from '../../../shared/audit/labels';
import type { ParsedRequestOf, Session } from '../../../shared/contract';
import { CounterError } from '../../../shared/result';
import { recordChange } from '../db/ledger';
import { actorOf, RecordedRefusal, retell, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { newId } from '../core/ids';
import { hashPin } from './pin-hash';
import { clearWrongPins, COUNTERSIGN_WRONG, LOGIN_WRONG, provePin, settlePin, type PinCheck, type PinProof } from './pin-check';
import { endSessionRow, insertSession, lockedFlag, openSessionRow, sessionPayload, setLockedFlag } from './session-repo';
import { setPin, staffById, staffByNo, staffPayload, toStaff, type StaffRow } from './staff-repo';
import { assertStrongPin } from './staff-service';
import { closeShift, startShift } from '../handover/shift-repo';
import { endPause, openPause } from '../window/window-repo';

export { LOCKOUT_MS, MAX_WRONG_PINS } from './pin-check';

export function openSession(ctx: CoreContext): ActiveSession | null {
  const row = openSessionRow(ctx.db);
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

const LOGIN_CHECK: PinCheck = { failedAction: 'auth.loginFailed', wrong: LOGIN_WRONG };
const OWN_PIN_CHECK: PinCheck = { failedAction: 'auth.pinFailed', wrong: null };
const COUNTERSIGN_CHECK: PinCheck = { failedAction: 'handover.countersignFailed', wrong: COUNTERSIGN_WRONG };

function refuseIfSessionOpen(ctx: CoreContext, message: (holder: string) => string): void {
  const current = openSession(ctx);
  if (!current) return;
  const holder = staffById(ctx.db, current.staffId);
  throw new CounterError('CONFLICT', message(`${holder?.name ?? '其他工作人员'}（${current.staffNo}）`));
}

/** auth.login, step one: the PIN hash. */
export async function proveLogin(ctx: CoreContext, req: ParsedRequestOf<'auth.login'>): Promise<PinProof> {
  // before the staff number is looked at: the answer must not depend on whether it exists
  refuseIfSessionOpen(ctx, (holder) => `本窗口已由 ${holder} 登录，请先退出登录`);
  return provePin(ctx, staffByNo(ctx.db, req.staffNo), req.pin);
}

/** auth.login, step two (in the write's transaction): the session and the shift. */
export function login(ctx: CoreContext, call: CallContext, proof: PinProof): Session {
  const id = newId();
  settlePin(ctx, call, proof, LOGIN_CHECK, (current) => {
    refuseIfSessionOpen(ctx, (holder) => `本窗口刚刚已由 ${holder} 登录，请刷新后重试`);
    const at = ctx.clock.now().toISOString();
    const origin = ctx.origin();
    clearWrongPins(ctx, current.id);
    // a supervisor often logs in only to change settings: the window opens when they start serving
    insertSession(ctx.db, origin, { id, staffId: current.id, at, serving: current.role !== 'supervisor' });
    const actor = { id: current.id, staffNo: current.staff_no };
    recordChange(ctx.db, origin, actor, at, {
      action: 'auth.login',
      entity: 'clerk_session',
      entityId: id,
      op: 'insert',
      payload: sessionPayload(ctx.db, id),
    });
    startShift(ctx, { caller: call.caller, session: { id, staffId: current.id, staffNo: current.staff_no, role: current.role, locked: false, startedAt: at } }, current.id, at);
  });
  const session = sessionView(ctx, openSession(ctx));
  if (!session) throw new CounterError('INTERNAL', '登录状态未能保存，请重试');
  return session;
}

/** Why a session ends; a handover or the day's close also ends the shift that way. */
export type SessionEnd = 'logout' | 'pinLockout' | 'handover' | 'dayEnd';

/** Ends the open session, any pause and the shift, inside the caller's write. */
export function endSession(ctx: CoreContext, call: CallContext, reason: SessionEnd): void {
  const session = openSession(ctx);
  if (!session) return;
  const at = ctx.clock.now().toISOString();
  const origin = ctx.origin();
  const pause = openPause(ctx.db);
  if (pause) {
    endPause(ctx.db, pause.id, at);
    recordChange(ctx.db, origin, actorOf(call), at, {
      action: 'window.resume',
      entity: 'window_pause',
      entityId: pause.id,
      op: 'update',
      payload: { id: pause.id, endedAt: at },
      detail: { because: reason },
    });
  }
  endSessionRow(ctx.db, session.id, reason, at);
  closeShift(ctx, call, reason === 'pinLockout' ? 'logout' : reason, at);
  recordChange(ctx.db, origin, actorOf(call), at, {
    action: reason === 'pinLockout' ? 'auth.forcedLogout' : 'auth.logout',
    entity: 'clerk_session',
    entityId: session.id,
    op: 'update',
    payload: sessionPayload(ctx.db, session.id),
  });
}

export function setLocked(ctx: CoreContext, call: CallContext, session: ActiveSession, locked: boolean, action: AuditAction): Session {
  const at = ctx.clock.now().toISOString();
  // checked here, not before the caller's PIN check: a logout or another unlock may have come in while it ran
  const current = lockedFlag(ctx.db, session.id);
  if (current === undefined) throw new CounterError('AUTH_REQUIRED', '登录已结束，请重新登录');
  if (!locked) clearWrongPins(ctx, session.staffId);
  // already so (a second click, a second screen): nothing to record
  if (current !== (locked ? 1 : 0)) {
    setLockedFlag(ctx.db, session.id, locked, at);
    recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
      action,
      entity: 'clerk_session',
      entityId: session.id,
      op: 'update',
      payload: sessionPayload(ctx.db, session.id),
    });
  }
  const view = sessionView(ctx, openSession(ctx));
  if (!view) throw new CounterError('AUTH_REQUIRED', '登录已结束，请重新登录');
  return view;
}

/** The session holder's PIN, step one: the hash (a locked account is decided in step two, where the lock ends the session). */
export function proveOwnPin(ctx: CoreContext, session: ActiveSession, pin: string): Promise<PinProof> {
  const staff = staffById(ctx.db, session.staffId);
  if (!staff) throw new CounterError('AUTH_REQUIRED', '登录已结束，请重新登录');
  return provePin(ctx, staff, pin, false);
}

/**
 * The session holder's PIN, step two: wrong PINs count towards the lockout
 * like at login, and the lock ends the session. onMatch runs in the same transaction.
 */
function settleOwnPin<T>(ctx: CoreContext, call: CallContext, session: ActiveSession, proof: PinProof, onMatch: (staff: StaffRow) => T): T {
  try {
    return settlePin(ctx, call, proof, OWN_PIN_CHECK, (current) => {
      if (openSession(ctx)?.id !== session.id) throw new CounterError('AUTH_REQUIRED', '登录已结束，请重新登录');
      return onMatch(current);
    });
  } catch (error) {
    if (error instanceof CounterError && error.code === 'ACCOUNT_LOCKED' && openSession(ctx)?.id === session.id) {
      endSession(ctx, call, 'pinLockout');
      throw RecordedRefusal.of(error);
    }
    throw error;
  }
}

/** A countersignature (another staff member's PIN typed at this window), step one. */
export async function proveCountersign(ctx: CoreContext, staffNo: string, pin: string): Promise<PinProof> {
  try {
    return await provePin(ctx, staffByNo(ctx.db, staffNo), pin);
  } catch (error) {
    throw countersignError(error);
  }
}

/** A countersignature, step two: wrong PINs count towards that person's lockout, as at login; onMatch runs in the same transaction. */
export function settleCountersign<T>(ctx: CoreContext, call: CallContext, proof: PinProof, onMatch: (signer: StaffRow) => T): T {
  try {
    return settlePin(ctx, call, proof, COUNTERSIGN_CHECK, onMatch);
  } catch (error) {
    throw countersignError(error);
  }
}

function countersignError(error: unknown): unknown {
  if (error instanceof CounterError && error.code === 'ACCOUNT_LOCKED') return retell(error, `签收人${error.message}`, { 'countersign.pin': '已锁定' });
  if (error instanceof CounterError && error.code === 'ACCOUNT_DISABLED') return retell(error, '签收人的账号已停用', { 'countersign.staffNo': '已停用' });
  return error;
}

export function unlock(ctx: CoreContext, call: CallContext, session: ActiveSession, proof: PinProof): Session {
  return settleOwnPin(ctx, call, session, proof, () => setLocked(ctx, call, session, false, 'auth.unlock'));
}

/** auth.changePin, step one: the current PIN's hash and the new PIN's. */
export async function proveChangePin(ctx: CoreContext, session: ActiveSession, req: ParsedRequestOf<'auth.changePin'>): Promise<{ proof: PinProof; newHash: string }> {
  assertStrongPin(req.newPin, 'newPin');
  const [proof, newHash] = await Promise.all([proveOwnPin(ctx, session, req.pin), hashPin(req.newPin)]);
  return { proof, newHash };
}

export function changePin(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'auth.changePin'>, prepared: { proof: PinProof; newHash: string }): null {
  const staff = settleOwnPin(ctx, call, session, prepared.proof, (current) => current);
  if (req.newPin === req.pin) throw new CounterError('VALIDATION', '请检查输入：新 PIN 不能与原 PIN 相同', { newPin: '与原 PIN 相同' });
  const at = ctx.clock.now().toISOString();
  // settleOwnPin has checked, in this transaction, that the stored PIN is still the one just confirmed
  setPin(ctx.db, staff.id, prepared.newHash, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'auth.changePin',
    entity: 'staff',
    entityId: staff.id,
    op: 'update',
    payload: staffPayload(staff),
  });
  return null;
}

/** After a restart an open session is kept (the display stays right) but locked until the PIN is given. */
export function lockRestoredSession(ctx: CoreContext): void {
  const session = openSession(ctx);
  if (session && !session.locked) {
    setLocked(ctx, { caller: 'clerk', session }, session, true, 'auth.lockOnRestart');
  }
}
