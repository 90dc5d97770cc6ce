/** Handlers for the statistics methods of the contract (supervisors). */
import type { statsMethods } from '../../../shared/api/stats';
import { preparedWrite, type HandlersFor } from '../handler';
import { recordStatsExport, writeStatsExport } from './export-service';
import { statsReport } from './report-service';

export const statsHandlers: HandlersFor<keyof typeof statsMethods> = {
  'stats.report': (ctx, req) => statsReport(ctx.db, req, ctx.clock.now()),
  'stats.export': preparedWrite({ prepare: (ctx, req) => writeStatsExport(ctx, req), commit: (ctx, req, call, written) => recordStatsExport(ctx, call, req, written) }),
};
