/**
 * Data the hall owns once a window has joined it (staff accounts and PINs,
 * the calendar overrides, the catalogue, the service commitments): the
 * window's own edits are refused, naming the hall, because the next pull
 * would overwrite them. A window that has not joined edits them as before.
 */
import type { WriteMethodName } from '../../../shared/contract';
import { CounterError } from '../../../shared/result';
import type { CoreContext } from '../core/context';
import type { WriteHandler } from '../core/handler';
import { readHallLink } from './link-repo';

function refuseIfJoined(ctx: CoreContext, what: string): void {
  const link = readHallLink(ctx.db, ctx.vault);
  if (link !== null) throw new CounterError('FORBIDDEN', `本窗口已加入${link.hallName}，${what}由大厅统一管理，请在大厅管理台修改`);
}

/** The write, refused once the window has joined a hall. */
export function hallOwned<M extends WriteMethodName>(what: string, write: WriteHandler<M>): WriteHandler<M> {
  if (typeof write === 'function') {
    return (ctx, req, call) => {
      refuseIfJoined(ctx, what);
      return write(ctx, req, call);
    };
  }
  return {
    prepare: (ctx, req, call) => {
      refuseIfJoined(ctx, what);
      return write.prepare(ctx, req, call);
    },
    commit: (ctx, req, call, prepared) => {
      refuseIfJoined(ctx, what);
      return write.commit(ctx, req, call, prepared);
    },
  };
}
