/** The service commitments (亮承诺) shown on the public display, edited by a supervisor. */
import type { Commitment } from '../../../shared/contract';
import { commitmentIds, commitmentsInOrder, deleteCommitment, insertCommitment } from './commitments-repo';
import { recordChange } from '../db/ledger';
import { actorOf, type CallContext, type CoreContext } from '../core/context';
import { newId } from '../core/ids';

export function listCommitments(ctx: CoreContext): Commitment[] {
  return commitmentsInOrder(ctx.db);
}

/** Replaces the ordered list (inside the calling write's transaction). */
export function replaceCommitments(ctx: CoreContext, call: CallContext, items: readonly Commitment[]): void {
  const origin = ctx.origin();
  const at = ctx.clock.now().toISOString();
  for (const id of commitmentIds(ctx.db)) {
    deleteCommitment(ctx.db, id);
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
    insertCommitment(ctx.db, origin, { id, position, text: item.text, timeLimit: item.timeLimit, at });
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
  replaceCommitments(ctx, call, items);
  return listCommitments(ctx);
}
