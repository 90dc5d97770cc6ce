/** The service commitments (亮承诺) shown on the public display, edited by a supervisor. */
import type { Commitment } from '../../shared/contract';
import { recordChange } from './db/ledger';
import { actorOf, type CallContext, type CoreContext } from './context';
import { newId } from './ids';

export function listCommitments(ctx: CoreContext): Commitment[] {
  return ctx.db
    .prepare('SELECT text, time_limit AS timeLimit FROM commitment ORDER BY position')
    .all() as Commitment[];
}

/** Replaces the ordered list; call inside a transaction when part of a larger change. */
export function replaceCommitments(ctx: CoreContext, call: CallContext, items: readonly Commitment[]): void {
  const origin = ctx.origin();
  const at = ctx.clock.now().toISOString();
  const old = ctx.db.prepare('SELECT id FROM commitment').all() as { id: string }[];
  for (const { id } of old) {
    ctx.db.prepare('DELETE FROM commitment WHERE id = ?').run(id);
    recordChange(ctx.db, origin, actorOf(call), at, {
      action: 'commitments.save',
      entity: 'commitment',
      entityId: id,
      op: 'delete',
      payload: { id },
    });
  }
  items.forEach((item, position) => {
    const id = newId();
    ctx.db
      .prepare(
        `INSERT INTO commitment (id, hall_id, window_no, position, text, time_limit, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, origin.hallId, origin.windowNo, position, item.text, item.timeLimit, at, at);
    recordChange(ctx.db, origin, actorOf(call), at, {
      action: 'commitments.save',
      entity: 'commitment',
      entityId: id,
      op: 'insert',
      payload: { id, position, text: item.text, timeLimit: item.timeLimit },
    });
  });
}

export function saveCommitments(ctx: CoreContext, call: CallContext, items: readonly Commitment[]): Commitment[] {
  ctx.db.transaction(() => replaceCommitments(ctx, call, items))();
  return listCommitments(ctx);
}
