/**
 * What each console route (shared/hall/console-contract.ts) does for the
 * logged-in supervisor. Login and logout are handled in http.ts (they set and
 * clear the cookie). Reference data editing (catalogue, calendar, staff,
 * commitments, bookings import) will add its routes here, in its own block.
 */
import { CONSOLE_ROUTES, type ConsoleResponse, type ConsoleRouteName, type ConsoleSession } from '../../shared/hall/console-contract';
import { parseWith } from '../../shared/hall/contract';
import type { Pool } from '../db/pool';
import { createEnrolmentCode, type Hall } from '../store/windows';
import { board, setOfflineMinutes } from './board';
import { ledgerCsv, searchLedger } from './ledger';
import { openCases } from './cases';
import { hallStatistics, hallStatisticsCsv } from './hall-stats';
import { queueStatistics, queueStatisticsCsv } from '../store/queue-stats';

export interface ConsoleContext {
  pool: Pool;
  hall: Hall;
}

/** Hours an enrolment code made on the console stays valid. */
export const ENROLMENT_CODE_HOURS = 24;

type Handler<N extends ConsoleRouteName> = (ctx: ConsoleContext, who: ConsoleSession, raw: unknown) => Promise<ConsoleResponse<N>>;

export const SESSION_HANDLERS: { [N in Exclude<ConsoleRouteName, 'login' | 'logout'>]: Handler<N> } = {
  me: async (_ctx, who) => who,
  board: (ctx) => board(ctx.pool, ctx.hall),
  settings: async (ctx, _who, raw) => {
    const req = parseWith(CONSOLE_ROUTES.settings.request, raw);
    return { offlineMinutes: await setOfflineMinutes(ctx.pool, ctx.hall.hallId, req.offlineMinutes) };
  },
  enrolmentCode: async (ctx, _who, raw) => {
    const req = parseWith(CONSOLE_ROUTES.enrolmentCode.request, raw);
    const code = await createEnrolmentCode(ctx.pool, ctx.hall.hallId, req.windowNo, ENROLMENT_CODE_HOURS * 60);
    return { windowNo: req.windowNo, code, validHours: ENROLMENT_CODE_HOURS };
  },
  ledger: (ctx, _who, raw) => searchLedger(ctx.pool, ctx.hall.hallId, parseWith(CONSOLE_ROUTES.ledger.request, raw)),
  ledgerCsv: (ctx, _who, raw) => ledgerCsv(ctx.pool, ctx.hall.hallId, parseWith(CONSOLE_ROUTES.ledgerCsv.request, raw)),
  // ---- cases13: open cases, statistics and queue statistics across windows
  openCases: (ctx, _who, raw) => openCases(ctx.pool, ctx.hall.hallId, parseWith(CONSOLE_ROUTES.openCases.request, raw)),
  stats: (ctx, _who, raw) => hallStatistics(ctx.pool, ctx.hall.hallId, parseWith(CONSOLE_ROUTES.stats.request, raw)),
  statsCsv: (ctx, _who, raw) => hallStatisticsCsv(ctx.pool, ctx.hall.hallId, parseWith(CONSOLE_ROUTES.statsCsv.request, raw)),
  queueStats: (ctx, _who, raw) => queueStatistics(ctx.pool, ctx.hall.hallId, withWindow(parseWith(CONSOLE_ROUTES.queueStats.request, raw))),
  queueStatsCsv: (ctx, _who, raw) => queueStatisticsCsv(ctx.pool, ctx.hall.hallId, withWindow(parseWith(CONSOLE_ROUTES.queueStatsCsv.request, raw))),
};

function withWindow<Q extends { windowNo?: string | undefined }>(q: Q): Q & { windowNo: string | undefined } {
  return { ...q, windowNo: q.windowNo || undefined };
}
