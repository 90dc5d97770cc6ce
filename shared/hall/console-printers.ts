/**
 * The console's kiosk printers screen (取号机与打印机): each kiosk's ESC/POS
 * network printer (host, port, paper width) set by the supervisor, a test
 * page, and the kiosks' ticket print jobs with retry and cancel where they
 * cannot print a ticket twice. The requests and answers of those console
 * routes (CONSOLE_ROUTES), and the one rule of what a job's stored status
 * means to the supervisor (printJobState).
 */
import { z } from 'zod';
import { parsePrinterUri } from '../print/printer-uri';

export const kioskNoSchema = z.string().trim().regex(/^[A-Za-z0-9-]{1,8}$/, '取号机编号只能是 1 到 8 位字母、数字或短横线');

/** A network printer as the form sends it; checked with the printers' own address rule (shared/print/printer-uri.ts). */
export const printerAddressSchema = z
  .object({
    host: z.string().trim().min(1, '请输入打印机的 IP 地址').max(100, '打印机地址过长'),
    port: z.number('请输入端口').int('端口应为 1–65535 的整数').min(1, '端口应为 1–65535 的整数').max(65535, '端口应为 1–65535 的整数'),
    paperWidth: z.union([z.literal(58), z.literal(80)], { error: '纸宽只能是 58 或 80' }),
  })
  .strict()
  .superRefine((p, ctx) => {
    const parsed = parsePrinterUri(`tcp://${p.host}:${p.port}`);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['host'], message: parsed.message });
  });
export type PrinterAddress = z.infer<typeof printerAddressSchema>;

/** tcp://HOST:PORT of a checked address (the form kiosk_printer stores). */
export function printerUri(p: Pick<PrinterAddress, 'host' | 'port'>): string {
  return `tcp://${p.host.toLowerCase()}:${p.port}`;
}

/** Sets a kiosk's printer, or with null takes it away (the kiosk then prints nothing; its number shows on screen). */
export const kioskPrinterSaveSchema = z.object({ kioskNo: kioskNoSchema, printer: printerAddressSchema.nullable() }).strict();
export const kioskTestPrintSchema = z.object({ kioskNo: kioskNoSchema, printer: printerAddressSchema }).strict();
/** printed: the printer took every byte and answered; otherwise the printer's problem in the supervisor's words. */
export const kioskTestPrintResponseSchema = z.object({ printed: z.boolean(), message: z.string() });

export const kioskViewSchema = z.object({
  kioskNo: z.string(),
  /** An enrolled (paired) kiosk; false for a printer set for a kiosk number not paired yet. */
  enrolled: z.boolean(),
  lastContactAt: z.string().nullable(),
  /** No contact for longer than the board's offline setting, or never. */
  offline: z.boolean(),
  printer: z.object({ host: z.string(), port: z.number().int(), paperWidth: z.union([z.literal(58), z.literal(80)]) }).nullable(),
  /** Who set the printer: a supervisor's name, or null when `npm run hall -- --kiosk-printer` set it. */
  setBy: z.string().nullable(),
  setAt: z.string().nullable(),
  /** The kiosk's jobs waiting to print and failed ones. */
  waiting: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type KioskView = z.infer<typeof kioskViewSchema>;
export const kioskPrintersResponseSchema = z.object({ kiosks: z.array(kioskViewSchema) });

// ---- print jobs -----------------------------------------------------------------------------------

/** How a job is stored (kiosk_print_job.status, hall migrations 10 and 15). */
export const JOB_STATUSES = ['queued', 'sending', 'sent', 'unconfirmed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** What the supervisor sees: 等待打印 / 正在打印 / 打印失败 / 已打印 / 已取消. */
export const JOB_STATES = ['waiting', 'printing', 'failed', 'printed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const JOB_STATE_LABELS: Record<JobState, string> = { waiting: '等待打印', printing: '正在打印', failed: '打印失败', printed: '已打印', cancelled: '已取消' };

export interface JobStateView {
  state: JobState;
  /** Send it again: only a job of which nothing reached the printer. */
  canRetry: boolean;
  /** Take it off the queue (or off the failed list): never while it is being sent, never once printed. */
  canCancel: boolean;
}

/**
 * A stored job status as the supervisor sees it. A job given up ('failed')
 * never had a byte written (it was waiting for its printer), so it may be
 * sent again; one 'unconfirmed' may be on paper already, so it is failed
 * without retry (never print twice): it can only be cancelled (dismissed).
 */
export function printJobState(status: JobStatus): JobStateView {
  switch (status) {
    case 'queued':
      return { state: 'waiting', canRetry: false, canCancel: true };
    case 'sending':
      return { state: 'printing', canRetry: false, canCancel: false };
    case 'sent':
      return { state: 'printed', canRetry: false, canCancel: false };
    case 'unconfirmed':
      return { state: 'failed', canRetry: false, canCancel: true };
    case 'failed':
      return { state: 'failed', canRetry: true, canCancel: true };
    case 'cancelled':
      return { state: 'cancelled', canRetry: false, canCancel: false };
  }
}

/** The stored statuses a state gathers (the jobs list's filter). */
export function statusesOf(state: JobState): JobStatus[] {
  return JOB_STATUSES.filter((s) => printJobState(s).state === state);
}

export const printJobViewSchema = z.object({
  id: z.string(),
  kioskNo: z.string(),
  ticketCode: z.string(),
  ticketDay: z.string(),
  printer: z.string(),
  state: z.enum(JOB_STATES),
  /** The printer's problem or why the job stopped, in Chinese; null when none. */
  message: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  canRetry: z.boolean(),
  canCancel: z.boolean(),
});
export type PrintJobView = z.infer<typeof printJobViewSchema>;

export const PRINT_JOBS_PAGE = 100;
export const printJobsQuerySchema = z.object({ state: z.union([z.enum(JOB_STATES), z.literal('')]).optional(), kioskNo: z.union([kioskNoSchema, z.literal('')]).optional() });
export const printJobsResponseSchema = z.object({
  /** The newest PRINT_JOBS_PAGE jobs matching the filter. */
  jobs: z.array(printJobViewSchema),
  /** Every job of the kiosk filter by state. */
  counts: z.object({ waiting: z.number().int(), printing: z.number().int(), failed: z.number().int(), printed: z.number().int(), cancelled: z.number().int() }),
});
export type PrintJobsResponse = z.infer<typeof printJobsResponseSchema>;
export const printJobActionSchema = z.object({ id: z.uuid('打印任务不存在') }).strict();

const post = <Q extends z.ZodType, R extends z.ZodType>(path: string, request: Q, response: R) => ({ method: 'POST', path: `/console/api/${path}`, session: true, request, response }) as const;
const get = <Q extends z.ZodType, R extends z.ZodType>(path: string, request: Q, response: R) => ({ method: 'GET', path: `/console/api/${path}`, session: true, request, response }) as const;

/** The kiosk printers screen's routes (spread at the end of CONSOLE_ROUTES). */
export const PRINTER_ROUTES = {
  kioskPrinters: get('kiosk-printers', z.object({}), kioskPrintersResponseSchema),
  kioskPrinterSave: post('kiosk-printers', kioskPrinterSaveSchema, kioskPrintersResponseSchema),
  kioskTestPrint: post('kiosk-printers/test', kioskTestPrintSchema, kioskTestPrintResponseSchema),
  printJobs: get('print-jobs', printJobsQuerySchema, printJobsResponseSchema),
  printJobRetry: post('print-jobs/retry', printJobActionSchema, printJobViewSchema),
  printJobCancel: post('print-jobs/cancel', printJobActionSchema, printJobViewSchema),
} as const;
