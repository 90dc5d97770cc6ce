/** Handlers for the shift handover methods. */
import type { handoverMethods } from '../../../shared/api/handover';
import { sessionOf } from '../context';
import type { HandlersFor } from '../handlers';
import { acknowledgeHandover, closeShiftWithHandover, correctHandover, currentSummary, getHandover, pendingHandover } from './handover-service';

export const handoverHandlers: HandlersFor<keyof typeof handoverMethods> = {
  'handover.summary': (ctx, _req, call) => currentSummary(ctx, sessionOf(call)),
  'handover.close': (ctx, req, call) => closeShiftWithHandover(ctx, call, sessionOf(call), req),
  'handover.pending': (ctx) => pendingHandover(ctx),
  'handover.acknowledge': (ctx, req, call) => acknowledgeHandover(ctx, call, sessionOf(call), req.id),
  'handover.correct': (ctx, req, call) => correctHandover(ctx, call, sessionOf(call), req),
  'handover.get': (ctx, req) => getHandover(ctx, req.id),
};
