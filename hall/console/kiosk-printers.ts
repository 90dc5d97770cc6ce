/** The console's kiosk printers screen (取号机与打印机): the routes of shared/hall/console-printers.ts. */
import { CONSOLE_ROUTES, type ConsoleResponse, type ConsoleSession } from '../../shared/hall/console-contract';
import type { PRINTER_ROUTES } from '../../shared/hall/console-printers';
import { parseWith } from '../../shared/hall/contract';
import { kioskTestPrint, listKiosks, saveKioskPrinter } from '../print/kiosk-printers';
import { cancelPrintJob, listPrintJobs, retryPrintJob } from '../print/print-jobs';
import { offlineMinutes } from './board';
import type { ConsoleContext } from './routes';

type Name = keyof typeof PRINTER_ROUTES;
type Handler<N extends Name> = (ctx: ConsoleContext, who: ConsoleSession, raw: unknown) => Promise<ConsoleResponse<N>>;

async function kiosks(ctx: ConsoleContext): Promise<ConsoleResponse<'kioskPrinters'>> {
  return { kiosks: await listKiosks(ctx.pool, ctx.hall.hallId, await offlineMinutes(ctx.pool, ctx.hall.hallId)) };
}

export const PRINTER_HANDLERS: { [N in Name]: Handler<N> } = {
  kioskPrinters: (ctx, _who, raw) => {
    parseWith(CONSOLE_ROUTES.kioskPrinters.request, raw);
    return kiosks(ctx);
  },
  kioskPrinterSave: async (ctx, who, raw) => {
    const req = parseWith(CONSOLE_ROUTES.kioskPrinterSave.request, raw);
    // the kiosk's waiting jobs may have moved to the new address
    if (await saveKioskPrinter(ctx.pool, ctx.hall.hallId, who, req.kioskNo, req.printer)) ctx.printWorker.kick();
    return kiosks(ctx);
  },
  kioskTestPrint: (ctx, who, raw) => {
    const req = parseWith(CONSOLE_ROUTES.kioskTestPrint.request, raw);
    return kioskTestPrint(ctx.printWorker, ctx.hall, who, req.kioskNo, req.printer, ctx.now?.() ?? new Date());
  },
  printJobs: (ctx, _who, raw) => {
    const req = parseWith(CONSOLE_ROUTES.printJobs.request, raw);
    return listPrintJobs(ctx.pool, ctx.hall.hallId, { state: req.state || null, kioskNo: req.kioskNo || null });
  },
  printJobRetry: async (ctx, who, raw) => {
    const job = await retryPrintJob(ctx.pool, ctx.hall.hallId, who, parseWith(CONSOLE_ROUTES.printJobRetry.request, raw).id);
    ctx.printWorker.kick();
    return job;
  },
  printJobCancel: (ctx, who, raw) => cancelPrintJob(ctx.pool, ctx.hall.hallId, who, parseWith(CONSOLE_ROUTES.printJobCancel.request, raw).id),
};
