/** Shifts: logging in at a window opens one; logging out, handing over or closing the day ends it. */
import { recordChange } from '../db/ledger';
import { actorOf, type CallContext, type CoreContext } from '../core/context';
import { newId } from '../core/ids';

export type ShiftCloseKind = 'handover' | 'dayEnd' | 'logout';

export interface ShiftRow {
  id: string;
  staff_id: string;
  opened_at: string;
  closed_at: string | null;
}

export function openShift(ctx: CoreContext): ShiftRow | undefined {
  return ctx.db.prepare('SELECT id, staff_id, opened_at, closed_at FROM shift WHERE closed_at IS NULL').get() as ShiftRow | undefined;
}

function shiftPayload(ctx: CoreContext, id: string): Record<string, unknown> {
  return ctx.db.prepare('SELECT * FROM shift WHERE id = ?').get(id) as Record<string, unknown>;
}

/** Closes the open shift, if any; call inside a transaction. */
export function closeShift(ctx: CoreContext, call: CallContext, kind: ShiftCloseKind, at: string): ShiftRow | undefined {
  const shift = openShift(ctx);
  if (!shift) return undefined;
  ctx.db.prepare('UPDATE shift SET closed_at = ?, close_kind = ?, updated_at = ? WHERE id = ?').run(at, kind, at, shift.id);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, { action: `shift.close.${kind}`, entity: 'shift', entityId: shift.id, op: 'update', payload: shiftPayload(ctx, shift.id) });
  return shift;
}

/** Opens a shift for the clerk who just logged in (a shift left open by a crash is closed first); call inside the login transaction. */
export function startShift(ctx: CoreContext, call: CallContext, staffId: string, at: string): void {
  closeShift(ctx, call, 'logout', at);
  const origin = ctx.origin();
  const id = newId();
  ctx.db
    .prepare('INSERT INTO shift (id, hall_id, window_no, staff_id, opened_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, origin.hallId, origin.windowNo, staffId, at, at, at);
  recordChange(ctx.db, origin, actorOf(call), at, { action: 'shift.open', entity: 'shift', entityId: id, op: 'insert', payload: shiftPayload(ctx, id) });
}
