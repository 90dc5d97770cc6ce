/** Handlers for the statistics methods of the contract (supervisors). */
import type { statsMethods } from '../../../shared/api/stats';
import { preparedWrite, type HandlersFor } from '../core/handler';
import { recordExport } from '../ledger/export-service';
import { writeStatsExport } from './export-service';
import { queueFigures } from './queue-figures';
import { statsReport } from './report-service';

export const statsHandlers: HandlersFor<keyof typeof statsMethods> = {
  'stats.report': (ctx, req) => statsReport(ctx.db, req, ctx.clock.now()),
  'stats.export': preparedWrite({ prepare: (ctx, req) => writeStatsExport(ctx, req), commit: (ctx, _req, call, written) => recordExport(ctx, call, 'stats.export', written) }),
  'stats.queue': (ctx, req) => queueFigures(ctx, req),
};
