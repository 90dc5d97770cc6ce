/** Handlers for the ledger methods of the contract: views, exports, archive and retention. */
import type { ledgerMethods } from '../../../shared/api/ledger';
import { hallToday, sessionOf } from '../context';
import type { HandlersFor } from '../handlers';
import { listArchiveRuns, runArchive } from './archive-service';
import { exportLedger } from './export-service';
import { assertMayView, queryLedger } from './query-service';
import { purgeOldFiles } from './retention-service';

export const ledgerHandlers: HandlersFor<keyof typeof ledgerMethods> = {
  'ledger.query': (ctx, req, call) => {
    assertMayView(req.filter, sessionOf(call));
    return queryLedger(ctx.db, req.filter, req.limit, { today: hallToday(ctx), vault: ctx.vault }, req.cursor);
  },
  'ledger.export': (ctx, req, call) => exportLedger(ctx, call, req),
  'archive.run': (ctx, req, call) => runArchive(ctx, call, req.olderThanMonths),
  'archive.list': (ctx) => {
    const s = ctx.settings.get();
    return { runs: listArchiveRuns(ctx), archiveAfterMonths: s.archiveAfterMonths, purgeScansAfterDays: s.purgeScansAfterDays };
  },
  'retention.purge': (ctx, req, call) => purgeOldFiles(ctx, call, req.olderThanDays),
};
