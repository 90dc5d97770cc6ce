/** Handlers for the shift handover methods. */
import type { handoverMethods } from '../../../shared/api/handover';
import { sessionOf } from '../core/context';
import { preparedWrite, type HandlersFor } from '../core/handler';
import { acknowledgeHandover, closeShiftWithHandover, proveHandover, correctHandover, currentSummary, getHandover, pendingHandover } from './handover-service';

export const handoverHandlers: HandlersFor<keyof typeof handoverMethods> = {
  'handover.summary': (ctx, _req, call) => currentSummary(ctx, sessionOf(call)),
  'handover.close': preparedWrite({
    prepare: (ctx, req, call) => proveHandover(ctx, sessionOf(call), req),
    commit: (ctx, req, call, proof) => closeShiftWithHandover(ctx, call, sessionOf(call), req, proof),
  }),
  'handover.pending': (ctx) => pendingHandover(ctx),
  'handover.acknowledge': (ctx, req, call) => acknowledgeHandover(ctx, call, sessionOf(call), req.id),
  'handover.correct': (ctx, req, call) => correctHandover(ctx, call, sessionOf(call), req),
  'handover.get': (ctx, req) => getHandover(ctx, req.id),
};
