/**
 * What each console route (shared/hall/console-contract.ts) does for the
 * logged-in supervisor. Login and logout are handled in http.ts (they set and
 * clear the cookie). Reference data editing and the queue's settings are in
 * reference-routes.ts, catalogue-bookings.ts and queue-settings.ts.
 */
import { CONSOLE_ROUTES, type ConsoleResponse, type ConsoleRouteName, type ConsoleSession } from '../../shared/hall/console-contract';
import { parseWith } from '../../shared/hall/contract';
import type { Pool } from '../db/pool';
import type { Hall } from '../store/windows';
import { board, setOfflineMinutes } from './board';
import { CATALOGUE_BOOKING_HANDLERS } from './catalogue-bookings';
import { QUEUE_SETTINGS_HANDLERS } from './queue-settings';
import { STAFF_CALENDAR_HANDLERS } from './reference-routes';
import { ledgerCsv, searchLedger } from './ledger';
import { saveScreenSettings, screenSettings } from '../store/queue-screen';
import { openCases } from './cases';
import { hallStatistics, hallStatisticsCsv } from './hall-stats';
import { queueStatistics, queueStatisticsCsv } from '../store/queue-stats';
import type { KioskPrintWorker } from '../print/worker';
import { PRINTER_HANDLERS } from './kiosk-printers';
import { issueEnrolmentCode } from './enrolment';

export interface ConsoleContext {
  pool: Pool;
  hall: Hall;
  /** The hall's clock (the hall server's context has it; tests set it). */
  now?: () => Date;
  /** Sends the kiosks' tickets (and the console's test pages) to their printers. */
  printWorker: KioskPrintWorker;
}

type Handler<N extends ConsoleRouteName> = (ctx: ConsoleContext, who: ConsoleSession, raw: unknown) => Promise<ConsoleResponse<N>>;

export const SESSION_HANDLERS: { [N in Exclude<ConsoleRouteName, 'login' | 'logout'>]: Handler<N> } = {
  me: async (_ctx, who) => who,
  board: (ctx) => board(ctx.pool, ctx.hall),
  settings: async (ctx, _who, raw) => {
    const req = parseWith(CONSOLE_ROUTES.settings.request, raw);
    return { offlineMinutes: await setOfflineMinutes(ctx.pool, ctx.hall.hallId, req.offlineMinutes) };
  },
  // a window's or a kiosk's code, audited (enrolment.ts)
  enrolmentCode: (ctx, who, raw) => issueEnrolmentCode(ctx, who, parseWith(CONSOLE_ROUTES.enrolmentCode.request, raw)),
  ledger: (ctx, _who, raw) => searchLedger(ctx.pool, ctx.hall.hallId, parseWith(CONSOLE_ROUTES.ledger.request, raw)),
  ledgerCsv: (ctx, _who, raw) => ledgerCsv(ctx.pool, ctx.hall.hallId, parseWith(CONSOLE_ROUTES.ledgerCsv.request, raw)),
  // ---- the hall screen (screen14)
  screenSettings: (ctx, _who, raw) => {
    parseWith(CONSOLE_ROUTES.screenSettings.request, raw);
    return screenSettings(ctx.pool, ctx.hall.hallId);
  },
  saveScreenSettings: async (ctx, _who, raw) => {
    const req = parseWith(CONSOLE_ROUTES.saveScreenSettings.request, raw);
    await saveScreenSettings(ctx.pool, ctx.hall.hallId, req);
    return req;
  },
  // ref13: reference data editing and the queue's settings
  ...STAFF_CALENDAR_HANDLERS,
  ...CATALOGUE_BOOKING_HANDLERS,
  ...QUEUE_SETTINGS_HANDLERS,
  // ---- cases13: open cases, statistics and queue statistics across windows
  openCases: (ctx, _who, raw) => openCases(ctx.pool, ctx.hall.hallId, parseWith(CONSOLE_ROUTES.openCases.request, raw)),
  stats: (ctx, _who, raw) => hallStatistics(ctx.pool, ctx.hall.hallId, parseWith(CONSOLE_ROUTES.stats.request, raw)),
  statsCsv: (ctx, _who, raw) => hallStatisticsCsv(ctx.pool, ctx.hall.hallId, parseWith(CONSOLE_ROUTES.statsCsv.request, raw)),
  queueStats: (ctx, _who, raw) => queueStatistics(ctx.pool, ctx.hall.hallId, withWindow(parseWith(CONSOLE_ROUTES.queueStats.request, raw))),
  queueStatsCsv: (ctx, _who, raw) => queueStatisticsCsv(ctx.pool, ctx.hall.hallId, withWindow(parseWith(CONSOLE_ROUTES.queueStatsCsv.request, raw))),
  // ---- kiosk printers and the kiosks' print jobs (kiosk-printers.ts)
  ...PRINTER_HANDLERS,
};

function withWindow<Q extends { windowNo?: string | undefined }>(q: Q): Q & { windowNo: string | undefined } {
  return { ...q, windowNo: q.windowNo || undefined };
}
