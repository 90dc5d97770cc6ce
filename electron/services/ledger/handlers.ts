/** Handlers for the ledger methods of the contract: views, exports, archive and retention. */
import type { ledgerMethods } from '../../../shared/api/ledger';
import { hallToday, sessionOf } from '../core/context';
import { preparedWrite, type HandlersFor } from '../core/handler';
import { listArchiveRuns, runArchive } from './archive-service';
import { recordExport, writeLedgerExport } from './export-service';
import { assertMayView, queryLedger } from './query-service';
import { purgeOldFiles } from './retention-service';

export const ledgerHandlers: HandlersFor<keyof typeof ledgerMethods> = {
  'ledger.query': (ctx, req, call) => {
    assertMayView(req.filter, sessionOf(call));
    return queryLedger(ctx.db, req.filter, req.limit, { today: hallToday(ctx), vault: ctx.vault }, req.cursor);
  },
  'ledger.export': preparedWrite({ prepare: (ctx, req, call) => writeLedgerExport(ctx, call, req), commit: (ctx, _req, call, written) => recordExport(ctx, call, 'ledger.export', written) }),
  'archive.run': preparedWrite({ prepare: async (ctx, req, call) => runArchive(ctx, call, req.olderThanMonths), commit: (_ctx, _req, _call, outcome) => outcome }),
  'archive.list': (ctx) => {
    const s = ctx.settings.get();
    return { runs: listArchiveRuns(ctx), archiveAfterMonths: s.archiveAfterMonths, purgeScansAfterDays: s.purgeScansAfterDays };
  },
  'retention.purge': (ctx, req, call) => purgeOldFiles(ctx, call, req.olderThanDays),
};
