/** Handlers of the reference-data methods (catalogue and working-day calendar). */
import type { ReferenceMethodName } from '../../../shared/api/reference';
import type { HandlersFor } from '../core/handler';
import { calendarOverview, deadline, deleteOverride, saveOverride } from './calendar-service';
import { activeCatalogue, catalogueVersions, importCatalogue } from './catalogue-service';

export const referenceHandlers: HandlersFor<ReferenceMethodName> = {
  'catalogue.get': (ctx) => activeCatalogue(ctx),
  'catalogue.versions': (ctx) => catalogueVersions(ctx),
  'catalogue.import': (ctx, req, call) => importCatalogue(ctx, call, req),
  'calendar.overrides': (ctx) => calendarOverview(ctx),
  'calendar.saveOverride': (ctx, req, call) => saveOverride(ctx, call, req),
  'calendar.deleteOverride': (ctx, req, call) => deleteOverride(ctx, call, req),
  'calendar.deadline': (ctx, req) => deadline(ctx, req),
};
