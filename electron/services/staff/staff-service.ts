/** Supervisor screens for staff: add, edit, reset PIN, set photo. */
import type { ParsedRequestOf, Staff } from '../../../shared/contract';
import { weakPinReason } from '../../../shared/domain/pin';
import { CounterError } from '../../../shared/result';
import { recordChange } from '../db/ledger';
import { actorOf, type CallContext, type CoreContext } from '../core/context';
import { newId } from '../core/ids';
import { hashPin } from './pin-hash';
import { PhotoStore } from './photos';
import {
  activeSupervisorCount,
  insertStaffRow,
  listStaff,
  resetPin,
  setPhotoFile,
  staffById,
  staffByNo,
  staffPayload,
  toStaff,
  unlockStaffRow,
  updateStaffRow,
  type NewStaff,
  type StaffRow,
} from './staff-repo';

export function assertStrongPin(pin: string, field: string): void {
  const reason = weakPinReason(pin);
  if (reason) throw new CounterError('VALIDATION', `请检查输入：${reason}`, { [field]: reason });
}

function requireStaff(ctx: CoreContext, id: string): StaffRow {
  const row = staffById(ctx.db, id);
  if (!row) throw new CounterError('NOT_FOUND', '找不到该工作人员，可能已被删除，请刷新列表');
  return row;
}

/** Inserts a staff row with its audit and change-log rows (inside the calling write's transaction). */
export function insertStaff(ctx: CoreContext, call: CallContext, input: NewStaff): StaffRow {
  if (staffByNo(ctx.db, input.staffNo)) {
    throw new CounterError('CONFLICT', `工号 ${input.staffNo} 已存在，请换一个工号`, { staffNo: '工号已存在' });
  }
  const at = ctx.clock.now().toISOString();
  const origin = ctx.origin();
  const id = newId();
  insertStaffRow(ctx.db, origin, { ...input, id, at });
  const row = requireStaff(ctx, id);
  recordChange(ctx.db, origin, actorOf(call), at, {
    action: 'staff.create',
    entity: 'staff',
    entityId: id,
    op: 'insert',
    payload: staffPayload(row),
  });
  return row;
}

/** staff.create and staff.resetPin, step one: the new PIN's hash. */
export async function hashNewPin(pin: string, field: string): Promise<string> {
  assertStrongPin(pin, field);
  return hashPin(pin);
}

export function createStaff(ctx: CoreContext, call: CallContext, req: ParsedRequestOf<'staff.create'>, pinHash: string): Staff {
  return toStaff(insertStaff(ctx, call, { ...req, pinHash }), ctx.clock.now());
}

export function listAllStaff(ctx: CoreContext): Staff[] {
  const now = ctx.clock.now();
  return listStaff(ctx.db).map((row) => toStaff(row, now));
}

export function updateStaff(ctx: CoreContext, call: CallContext, req: ParsedRequestOf<'staff.update'>): Staff {
  const before = requireStaff(ctx, req.id);
  const losesSupervisor = before.role === 'supervisor' && before.active === 1 && (req.role === 'clerk' || req.active === false);
  if (losesSupervisor && req.id === call.session?.staffId) {
    throw new CounterError('CONFLICT', '不能停用或降级自己正在使用的主管账号，请由另一位主管操作');
  }
  if (losesSupervisor && activeSupervisorCount(ctx.db) <= 1) {
    throw new CounterError('CONFLICT', '这是最后一个启用的主管账号，不能停用或降级；请先设置另一位主管');
  }
  const after = {
    name: req.name ?? before.name,
    title: req.title ?? before.title,
    duties: req.duties ?? before.duties,
    party_member: req.partyMember === undefined ? before.party_member : req.partyMember ? 1 : 0,
    role: req.role ?? before.role,
    active: req.active === undefined ? before.active : req.active ? 1 : 0,
  };
  const at = ctx.clock.now().toISOString();
  updateStaffRow(ctx.db, req.id, after, at);
  const updated = requireStaff(ctx, req.id);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'staff.update',
    entity: 'staff',
    entityId: req.id,
    op: 'update',
    payload: staffPayload(updated),
  });
  return toStaff(updated, ctx.clock.now());
}

export function resetStaffPin(ctx: CoreContext, call: CallContext, req: ParsedRequestOf<'staff.resetPin'>, pinHash: string): null {
  const row = requireStaff(ctx, req.id);
  const at = ctx.clock.now().toISOString();
  resetPin(ctx.db, req.id, pinHash, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'staff.resetPin',
    entity: 'staff',
    entityId: req.id,
    op: 'update',
    payload: staffPayload(row),
    detail: { unlocked: row.locked_until !== null },
  });
  return null;
}

/**
 * staff.unlock: a supervisor ends a lockout before its time. The change row
 * says so (unlocked), so a joined window's hall clears the lockout for every
 * window; an account not locked is left as it is (a repeated request writes nothing).
 */
export function unlockStaff(ctx: CoreContext, call: CallContext, id: string): Staff {
  const row = requireStaff(ctx, id);
  if (row.locked_until === null) return toStaff(row, ctx.clock.now());
  const at = ctx.clock.now().toISOString();
  unlockStaffRow(ctx.db, id, at);
  const updated = requireStaff(ctx, id);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'staff.unlock',
    entity: 'staff',
    entityId: id,
    op: 'update',
    payload: { ...staffPayload(updated), unlocked: true },
    detail: { staffNo: row.staff_no, lockedUntil: row.locked_until },
  });
  return toStaff(updated, ctx.clock.now());
}

/** staff.setPhoto, step one: the image made a badge JPEG and saved under a new name. */
export async function preparePhoto(ctx: CoreContext, req: ParsedRequestOf<'staff.setPhoto'>): Promise<{ fileName: string; bytes: number }> {
  requireStaff(ctx, req.id);
  const jpeg = await PhotoStore.normalise(Buffer.from(req.imageBase64, 'base64'));
  const fileName = `${req.id}-${newId()}.jpg`;
  ctx.photos.save(fileName, jpeg);
  return { fileName, bytes: jpeg.length };
}

/** staff.setPhoto, step two: the staff row points at the new file; the old file goes once this commits, the new one if it does not. */
export function setStaffPhoto(ctx: CoreContext, call: CallContext, req: ParsedRequestOf<'staff.setPhoto'>, photo: { fileName: string; bytes: number }): Staff {
  ctx.afterWrite({ rolledBack: () => ctx.photos.remove(photo.fileName) });
  const before = requireStaff(ctx, req.id);
  const at = ctx.clock.now().toISOString();
  setPhotoFile(ctx.db, req.id, photo.fileName, at);
  const updated = requireStaff(ctx, req.id);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'staff.setPhoto',
    entity: 'staff',
    entityId: req.id,
    op: 'update',
    payload: staffPayload(updated),
    detail: { previousPhoto: before.photo_file, bytes: photo.bytes },
  });
  const previous = before.photo_file;
  if (previous) ctx.afterWrite({ committed: () => ctx.photos.remove(previous) });
  return toStaff(updated, ctx.clock.now());
}

export function staffPhoto(ctx: CoreContext, req: ParsedRequestOf<'staff.photo'>): { dataUrl: string | null } {
  return { dataUrl: ctx.photos.dataUrl(requireStaff(ctx, req.id).photo_file) };
}
