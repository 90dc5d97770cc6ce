/** Handlers for the statistics methods of the contract (supervisors). */
import type { statsMethods } from '../../../shared/api/stats';
import type { HandlersFor } from '../handlers';
import { exportStats } from './export-service';
import { statsReport } from './report-service';

export const statsHandlers: HandlersFor<keyof typeof statsMethods> = {
  'stats.report': (ctx, req) => statsReport(ctx.db, req, ctx.clock.now()),
  'stats.export': (ctx, req, call) => exportStats(ctx, call, req),
};
