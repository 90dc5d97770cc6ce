/** Handlers of the reference-data methods (catalogue and working-day calendar). */
import type { ReferenceMethodName } from '../../../shared/api/reference';
import type { HandlersFor } from '../core/handler';
import { hallOwned } from '../hall-link/hall-owned';
import { calendarOverview, deadline, deleteOverride, saveOverride } from './calendar-service';
import { activeCatalogue, catalogueVersions, importCatalogue } from './catalogue-service';

export const referenceHandlers: HandlersFor<ReferenceMethodName> = {
  'catalogue.get': (ctx) => activeCatalogue(ctx),
  'catalogue.versions': (ctx) => catalogueVersions(ctx),
  'catalogue.import': hallOwned('事项目录', (ctx, req, call) => importCatalogue(ctx, call, req)),
  'calendar.overrides': (ctx) => calendarOverview(ctx),
  'calendar.saveOverride': hallOwned('节假日安排', (ctx, req, call) => saveOverride(ctx, call, req)),
  'calendar.deleteOverride': hallOwned('节假日安排', (ctx, req, call) => deleteOverride(ctx, call, req)),
  'calendar.deadline': (ctx, req) => deadline(ctx, req),
};
