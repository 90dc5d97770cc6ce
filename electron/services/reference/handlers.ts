/** Handlers of the reference-data methods (catalogue and working-day calendar). */
import type { ReferenceMethodName, ReferenceRequest, ReferenceResponse } from '../../../shared/api/reference';
import type { CallContext, CoreContext } from '../context';
import { calendarOverview, deadline, deleteOverride, saveOverride } from './calendar-service';
import { activeCatalogue, catalogueVersions, importCatalogue } from './catalogue-service';

/**
 * The same shape as HandlersFor<ReferenceMethodName> in ../handlers.ts,
 * spelled out on referenceMethods so this file compiles before and after
 * the methods are composed into the contract.
 */
export type ReferenceHandlers = {
  [M in ReferenceMethodName]: (
    ctx: CoreContext,
    req: ReferenceRequest<M>,
    call: CallContext,
  ) => ReferenceResponse<M> | Promise<ReferenceResponse<M>>;
};

export const referenceHandlers: ReferenceHandlers = {
  'catalogue.get': (ctx) => activeCatalogue(ctx),
  'catalogue.versions': (ctx) => catalogueVersions(ctx),
  'catalogue.import': (ctx, req, call) => importCatalogue(ctx, call, req),
  'calendar.overrides': (ctx) => calendarOverview(ctx),
  'calendar.saveOverride': (ctx, req, call) => saveOverride(ctx, call, req),
  'calendar.deleteOverride': (ctx, req, call) => deleteOverride(ctx, call, req),
  'calendar.deadline': (ctx, req) => deadline(ctx, req),
};
