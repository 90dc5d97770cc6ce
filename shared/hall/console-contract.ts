/**
 * The hall console's own API (/console/api/…): the supervisor's page served
 * by the hall talks to it with a session cookie (HttpOnly, SameSite=Strict),
 * never with a window credential. Both sides validate with these schemas; the
 * answer is a Result (shared/result.ts) as JSON, except the CSV export.
 */
import { z } from 'zod';
import { auditBreakSchema, DEVICE_NO_PATTERN, deviceNoRule, windowNoSchema } from './contract';
import { SCREEN_NAME_MODES } from './screen-contract';
import { REFERENCE_ROUTES } from './console-reference';
import { PRINTER_ROUTES } from './console-printers';
import { hallStatsQuerySchema, hallStatsResponseSchema, openCasesQuerySchema, openCasesResponseSchema, queueStatsQuerySchema, queueStatsResponseSchema } from './console-work-contract';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

// ---- login ------------------------------------------------------------------------------

export const consoleLoginRequestSchema = z.object({
  staffNo: z.string().trim().min(1, '请输入工号').max(16, '工号不正确'),
  pin: z.string().min(1, '请输入 PIN').max(12, 'PIN 不正确'),
});
export const consoleSessionSchema = z.object({ staffNo: z.string(), name: z.string(), hallName: z.string() });
export type ConsoleSession = z.infer<typeof consoleSessionSchema>;

// ---- live board -------------------------------------------------------------------------

export const boardWindowSchema = z.object({
  windowNo: z.string(),
  enrolledAt: z.string(),
  lastContactAt: z.string().nullable(),
  /** No contact for longer than the offline setting (or never): shown red. */
  offline: z.boolean(),
  staffNo: z.string().nullable(),
  staffName: z.string().nullable(),
  /** unknown: the window has not reported its status yet. */
  state: z.enum(['serving', 'paused', 'closed', 'unknown']),
  whereabouts: z.string().nullable(),
  printerProblem: z.string().nullable(),
  /** Change-log rows still waiting at the window after its last push, and how old the oldest is. */
  backlogRows: z.number().int().nonnegative().nullable(),
  lagMinutes: z.number().int().nonnegative().nullable(),
  ackedSeq: z.number().int().nonnegative(),
  auditBroken: z.boolean(),
  quarantined: z.number().int().nonnegative(),
  /** cases13: the window's open cases and how many of them are overdue (the open-cases screen's rule). */
  openCases: z.number().int().nonnegative(),
  overdueCases: z.number().int().nonnegative(),
});
export type BoardWindow = z.infer<typeof boardWindowSchema>;

export const quarantinedRowSchema = z.object({ windowNo: z.string(), seq: z.number().int(), reason: z.string(), receivedAt: z.string() });

export const boardResponseSchema = z.object({
  hallName: z.string(),
  now: z.string(),
  offlineMinutes: z.number().int(),
  windows: z.array(boardWindowSchema),
  auditBreaks: z.array(auditBreakSchema),
  quarantined: z.array(quarantinedRowSchema),
});
export type BoardResponse = z.infer<typeof boardResponseSchema>;

export const OFFLINE_MINUTES_MAX = 1440;
export const consoleSettingsSchema = z.object({
  offlineMinutes: z.number().int('请输入整数分钟').min(1, '至少 1 分钟').max(OFFLINE_MINUTES_MAX, '最多 1440 分钟'),
});

// ---- enrolment -----------------------------------------------------------------------------

/** What a code enrols: a window (窗口工作台) or a kiosk (取号机); its number is windowNo either way. */
export const ENROLMENT_DEVICE_KINDS = ['window', 'kiosk'] as const;
/** The number is checked with the kind, so a kiosk's bad number is told as 取号机编号, not 窗口号. */
export const enrolmentCodeRequestSchema = z
  .object({ windowNo: z.string().trim().max(100), deviceKind: z.enum(ENROLMENT_DEVICE_KINDS).default('window') })
  .superRefine((r, ctx) => {
    if (!DEVICE_NO_PATTERN.test(r.windowNo)) ctx.addIssue({ code: 'custom', path: ['windowNo'], message: deviceNoRule(r.deviceKind === 'kiosk' ? '取号机编号' : '窗口号') });
  });
export const enrolmentCodeResponseSchema = z.object({ windowNo: z.string(), deviceKind: z.enum(ENROLMENT_DEVICE_KINDS), code: z.string(), validHours: z.number().int() });

// ---- ledgers ----------------------------------------------------------------------------------

export const CONSOLE_LEDGERS = ['contacts', 'marriages'] as const;
export type ConsoleLedger = (typeof CONSOLE_LEDGERS)[number];
export const LEDGER_PAGE_MAX = 200;
/** Most rows in one CSV export. */
export const LEDGER_EXPORT_MAX = 100_000;

export const ledgerQuerySchema = z
  .object({
    ledger: z.enum(CONSOLE_LEDGERS),
    /** A full name, or the start of a case / contact number or a certificate number. */
    q: z.string().trim().max(40, '查询内容过长').optional(),
    windowNo: z.union([windowNoSchema, z.literal('')]).optional(),
    from: z.union([dateSchema, z.literal('')]).optional(),
    to: z.union([dateSchema, z.literal('')]).optional(),
    limit: z.coerce.number().int().min(1).max(LEDGER_PAGE_MAX).optional(),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type LedgerQuery = z.infer<typeof ledgerQuerySchema>;

export const ledgerRowSchema = z.object({
  entityId: z.string(),
  windowNo: z.string(),
  day: z.string().nullable(),
  at: z.string().nullable(),
  refNo: z.string().nullable(),
  certificateNo: z.string().nullable(),
  names: z.array(z.string()),
  item: z.string().nullable(),
  status: z.string().nullable(),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

export const ledgerResponseSchema = z.object({
  rows: z.array(ledgerRowSchema),
  /** Every row the filters match (the page shows the newest `limit`). */
  total: z.number().int().nonnegative(),
  /** Matching rows by window: they add up to total. */
  counts: z.array(z.object({ windowNo: z.string(), count: z.number().int().nonnegative() })),
});
export type LedgerResponse = z.infer<typeof ledgerResponseSchema>;

// ---- the hall screen (综合屏) ------------------------------------------------------------------------

/** names: none (the default: the screen is public) or the booked applicant's masked name; announceTimes: the voice says each call 1–3 times. */
export const screenSettingsSchema = z.object({ names: z.enum(SCREEN_NAME_MODES), announceTimes: z.number().int().min(1, '至少播报 1 遍').max(3, '最多播报 3 遍') }).strict();

// ---- routes --------------------------------------------------------------------------------------

const emptySchema = z.object({});

/** Every console route; `session: false` routes answer without a logged-in supervisor. */
export const CONSOLE_ROUTES = {
  login: { method: 'POST', path: '/console/api/login', session: false, request: consoleLoginRequestSchema, response: consoleSessionSchema },
  logout: { method: 'POST', path: '/console/api/logout', session: false, request: emptySchema, response: emptySchema },
  me: { method: 'GET', path: '/console/api/me', session: true, request: emptySchema, response: consoleSessionSchema },
  board: { method: 'GET', path: '/console/api/board', session: true, request: emptySchema, response: boardResponseSchema },
  settings: { method: 'POST', path: '/console/api/settings', session: true, request: consoleSettingsSchema, response: consoleSettingsSchema },
  enrolmentCode: { method: 'POST', path: '/console/api/enrolment-codes', session: true, request: enrolmentCodeRequestSchema, response: enrolmentCodeResponseSchema },
  ledger: { method: 'GET', path: '/console/api/ledger', session: true, request: ledgerQuerySchema, response: ledgerResponseSchema },
  /** The same query as ledger, answered as a CSV file (UTF-8 with BOM) of up to LEDGER_EXPORT_MAX rows. */
  ledgerCsv: { method: 'GET', path: '/console/api/ledger.csv', session: true, request: ledgerQuerySchema, response: z.string() },
  // ---- the hall screen (screen14): names on the screen, announcement repeats
  screenSettings: { method: 'GET', path: '/console/api/screen-settings', session: true, request: emptySchema, response: screenSettingsSchema },
  saveScreenSettings: { method: 'POST', path: '/console/api/screen-settings', session: true, request: screenSettingsSchema, response: screenSettingsSchema },
  // ref13: reference data editing and the queue's settings (shared/hall/console-reference.ts)
  ...REFERENCE_ROUTES,
  // ---- cases13: open cases, statistics and queue statistics across windows (console-work-contract.ts)
  openCases: { method: 'GET', path: '/console/api/open-cases', session: true, request: openCasesQuerySchema, response: openCasesResponseSchema },
  stats: { method: 'GET', path: '/console/api/stats', session: true, request: hallStatsQuerySchema, response: hallStatsResponseSchema },
  statsCsv: { method: 'GET', path: '/console/api/stats.csv', session: true, request: hallStatsQuerySchema, response: z.string() },
  queueStats: { method: 'GET', path: '/console/api/queue-stats', session: true, request: queueStatsQuerySchema, response: queueStatsResponseSchema },
  queueStatsCsv: { method: 'GET', path: '/console/api/queue-stats.csv', session: true, request: queueStatsQuerySchema, response: z.string() },
  // ---- kiosk printers and the kiosks' print jobs (console-printers.ts)
  ...PRINTER_ROUTES,
} as const;

export type ConsoleRouteName = keyof typeof CONSOLE_ROUTES;
export type ConsoleRequest<N extends ConsoleRouteName> = z.input<(typeof CONSOLE_ROUTES)[N]['request']>;
export type ConsoleResponse<N extends ConsoleRouteName> = z.infer<(typeof CONSOLE_ROUTES)[N]['response']>;

// ---- the board pushed (server-sent events, hall/console/board-feed.ts)

/** The board's push, behind the session cookie like the board: every message's data is a board answer, sent on opening and after each change the board shows. */
export const BOARD_EVENTS = { method: 'GET', path: '/console/api/board/events', request: emptySchema, response: boardResponseSchema } as const;
