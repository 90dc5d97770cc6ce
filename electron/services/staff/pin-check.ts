/**
 * The one PIN check, in the two steps of a write (electron/services/core/handlers.ts):
 * provePin() runs the slow hash outside the transaction; settlePin() then,
 * inside the write's transaction, re-reads the account, refuses if it is
 * locked by now (even the right PIN), counts a wrong PIN and decides the lock,
 * or runs onMatch. Parallel attempts therefore cannot get past the lockout:
 * after five wrong PINs every attempt whose hash finishes later is refused.
 */
import type { AuditAction } from '../../../shared/audit/labels';
import { CounterError } from '../../../shared/result';
import { recordChange } from '../db/ledger';
import { actorOf, RecordedRefusal, type CallContext, type CoreContext } from '../core/context';
import { verifyPin, verifyPinNow, hashPin } from './pin-hash';
import { clearWrongPinCount, countWrongPin, lockStaff, staffById, staffPayload, type StaffRow } from './staff-repo';

export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

/** Compared against when a staff number is unknown, so timing does not reveal which numbers exist. */
const UNKNOWN_STAFF_HASH = hashPin('000000');

function minutesLeft(until: string, now: Date): number {
  return Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 60000));
}

export function assertNotLocked(staff: StaffRow, now: Date): void {
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
export const LOGIN_WRONG = { message: '工号或 PIN 不正确，请核对后重试', fields: { pin: '工号或 PIN 不正确' } };
export const COUNTERSIGN_WRONG = { message: '签收人的工号或 PIN 不正确，请核对后重试', fields: { 'countersign.pin': '工号或 PIN 不正确' } };

/** How a PIN check reports a wrong PIN: its audit action and, unless it is the session holder's own PIN, one fixed message. */
export interface PinCheck {
  failedAction: AuditAction;
  /** A fixed message that reveals nothing about the account; null: say how many tries are left (the session holder's own PIN). */
  wrong: { message: string; fields: Record<string, string> } | null;
}

/** Counts a wrong PIN; the fifth in a row locks the account. Runs inside the write's transaction and returns the refusal. */
function registerWrongPin(ctx: CoreContext, call: CallContext, staff: StaffRow, check: PinCheck): CounterError {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const failed_pins = countWrongPin(ctx.db, staff.id);
  const locks = failed_pins >= MAX_WRONG_PINS;
  const until = locks ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
  if (until !== null) lockStaff(ctx.db, staff.id, until, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: locks ? 'auth.accountLocked' : check.failedAction,
    entity: 'staff',
    entityId: staff.id,
    op: 'update',
    // a lockout goes to the hall with its end, so every window of the hall refuses the account too
    payload: until === null ? staffPayload(staff) : { ...staffPayload(staff), lockedUntil: until },
    detail: { staffNo: staff.staff_no, failedPins: locks ? MAX_WRONG_PINS : failed_pins },
  });
  if (locks) {
    return new CounterError('ACCOUNT_LOCKED', `PIN 连续输错 ${MAX_WRONG_PINS} 次，账号已锁定 5 分钟，请稍后再试或请主管重置 PIN`);
  }
  if (check.wrong) return new CounterError('PIN_WRONG', check.wrong.message, check.wrong.fields);
  return new CounterError('PIN_WRONG', `PIN 不正确，还可以再试 ${MAX_WRONG_PINS - failed_pins} 次`, { pin: 'PIN 不正确' });
}

/** What the slow hash found, for settlePin() to decide on inside the transaction. */
/** `pin` is kept for the rare second check in settlePin() (the stored hash changed while it was hashed). */
export type PinProof = { staff: StaffRow; matches: boolean; pin: string } | { staff: null };

/**
 * Hashes the PIN against the account's stored hash (outside any transaction).
 * An unknown staff number is hashed against a dummy PIN, so timing does not
 * tell which numbers exist. `early`: refuse an account already locked before
 * hashing (the decision is taken again in settlePin).
 */
export async function provePin(ctx: CoreContext, staff: StaffRow | undefined, pin: string, early = true): Promise<PinProof> {
  if (!staff) {
    await verifyPin(pin, await UNKNOWN_STAFF_HASH);
    return { staff: null };
  }
  if (early) assertNotLocked(staff, ctx.clock.now());
  return { staff, pin, matches: await verifyPin(pin, staff.pin_hash) };
}

/**
 * Decides a PIN check inside the write's transaction. An unknown staff number
 * gets a wrong PIN's answer and writes nothing, so anonymous requests cannot
 * fill the audit trail; a wrong PIN is counted and refused with the count kept.
 */
export function settlePin<T>(ctx: CoreContext, call: CallContext, proof: PinProof, check: PinCheck, onMatch: (current: StaffRow) => T): T {
  if (proof.staff === null) {
    const wrong = check.wrong ?? LOGIN_WRONG;
    throw new CounterError('PIN_WRONG', wrong.message, wrong.fields);
  }
  const current = staffById(ctx.db, proof.staff.id);
  if (!current) throw new CounterError('NOT_FOUND', '找不到该工作人员，请刷新后重试');
  assertNotLocked(current, ctx.clock.now());
  // the stored hash changed while this PIN was hashed: the hall's first pull after joining stores the same PIN
  // under the hall's hash, so the PIN is checked again against what is stored now (rare, so on this thread)
  const matches = current.pin_hash === proof.staff.pin_hash ? proof.matches : verifyPinNow(proof.pin, current.pin_hash);
  if (!matches) {
    // right for the old hash, wrong for the new one: the PIN was changed meanwhile (another window, a second PIN change)
    if (proof.matches) throw new CounterError('CONFLICT', 'PIN 刚刚已被修改（可能在另一个窗口或重复提交），本次操作未生效，请用新的 PIN 重试');
    throw RecordedRefusal.of(registerWrongPin(ctx, call, current, check));
  }
  assertActive(current);
  return onMatch(current);
}

export function clearWrongPins(ctx: CoreContext, staffId: string): void {
  clearWrongPinCount(ctx.db, staffId);
}
