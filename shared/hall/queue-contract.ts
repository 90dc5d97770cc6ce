/**
 * The queue routes' schemas (排队叫号, DESIGN.md §8), listed in HALL_ROUTES
 * (contract.ts). A kiosk takes tickets and reads the waiting counts; a window
 * calls, recalls, passes, calls back, transfers, starts and finishes tickets,
 * only ever as itself. Every write can be repeated: the same request (or a
 * double click) answers the same ticket and changes nothing more.
 */
import { z } from 'zod';
import { PRIORITY_KINDS } from '../domain/queue-policy';

const matterSchema = z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, '事项编码不正确');
const windowNoSchema = z.string().trim().regex(/^[A-Za-z0-9-]{1,8}$/, '窗口号只能是 1 到 8 位字母、数字或短横线');
/** The clerk at the window, for the per-clerk statistics. */
const staffNoSchema = z.string().trim().min(1).max(20).optional();

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'passed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const queueTicketSchema = z.object({
  id: z.uuid(),
  /** 'A001' */
  code: z.string(),
  /** The hall date the ticket was numbered on. */
  day: z.string(),
  matter: z.string(),
  matterName: z.string(),
  kind: z.enum(PRIORITY_KINDS),
  status: z.enum(TICKET_STATUSES),
  /** The window that called it last, or null. */
  windowNo: z.string().nullable(),
  /** Transferred to this window: only it calls the ticket. */
  targetWindowNo: z.string().nullable(),
  takenAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  recallCount: z.number().int().nonnegative(),
  /** '请 A001 号到 3 号窗口办理' while called or serving; null otherwise. */
  announcement: z.string().nullable(),
});
export type QueueTicket = z.infer<typeof queueTicketSchema>;

const ticketResponseSchema = z.object({ ticket: queueTicketSchema });

// ---- kiosk --------------------------------------------------------------------------

/** A document number read by the kiosk's ID card reader. */
const readDocumentSchema = z.string().trim().toUpperCase().regex(/^[0-9A-Z]{5,30}$/, '证件号码读取不完整，请重新刷证');

/**
 * requestId: made once per ticket screen by the kiosk, so a double tap or a resend takes one ticket.
 * By matter (walk-in or 绿色通道), by appointment code, or by the ID card read at the kiosk (today's booking of that document number).
 * A matter ticket taken after an ID card read found no booking carries the number, for 开始办理 at the window.
 */
export const queueTakeRequestSchema = z.union([
  z.object({ requestId: z.uuid(), matter: matterSchema, priority: z.enum(['normal', 'green']).default('normal'), documentNumber: readDocumentSchema.optional() }).strict(),
  z.object({ requestId: z.uuid(), appointmentCode: z.string().trim().min(1, '请输入或扫描预约号').max(40, '预约号不能超过 40 位') }).strict(),
  z.object({ requestId: z.uuid(), documentNumber: readDocumentSchema }).strict(),
]);
export const queueTakeResponseSchema = z.object({
  ticket: queueTicketSchema,
  /** Tickets of the matter waiting before this one when it was taken. */
  ahead: z.number().int().nonnegative(),
  /** The windows calling the matter (empty: every window). */
  windows: z.array(z.string()),
  /** What to bring: the matter's materials in the hall's catalogue (empty when the catalogue lacks the matter). */
  bring: z.array(z.string()),
  /** The ticket was queued for the kiosk's printer (false: the kiosk has no printer; the screen is the ticket). */
  printing: z.boolean(),
});

export const queueWaitingResponseSchema = z.object({
  matters: z.array(
    z.object({
      matter: z.string(),
      name: z.string(),
      prefix: z.string(),
      windows: z.array(z.string()),
      waiting: z.number().int().nonnegative(),
      /** More waiting than the supervisor's alert level. */
      alert: z.boolean(),
    }),
  ),
  /** The asking window's current ticket (called or serving); null for a kiosk or an idle window. */
  current: queueTicketSchema.nullable(),
});

// ---- the window's caller --------------------------------------------------------------

export const queueCallNextRequestSchema = z.object({ staffNo: staffNoSchema }).strict();
/** null: nobody is waiting for this window's matters. */
export const queueCallNextResponseSchema = z.object({ ticket: queueTicketSchema.nullable() });

const ticketActionSchema = z.object({ ticketId: z.uuid(), staffNo: staffNoSchema }).strict();
export const queueTicketActionRequestSchema = ticketActionSchema;
export const queueTicketResponseSchema = ticketResponseSchema;

/** 开始办理: the ticket, and the ID card number read at the kiosk for it (a walk-in ticket; null when none was read). */
export const queueStartResponseSchema = ticketResponseSchema.extend({ documentNumber: z.string().nullable() });

/** recall: the recall number this press makes (the ticket's recallCount + 1), so a double click recalls once. */
export const queueRecallRequestSchema = z.object({ ticketId: z.uuid(), recall: z.number().int().min(1).max(100), staffNo: staffNoSchema }).strict();

/** Call a specific ticket of today by its code (指定叫号). */
export const queueCallTicketRequestSchema = z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}\d{3,6}$/, '请输入正确的号码，如 A015'), staffNo: staffNoSchema }).strict();

/** Back to waiting with its place (taken time) kept: for another matter, and/or for one window only. */
export const queueTransferRequestSchema = z
  .object({ ticketId: z.uuid(), matter: matterSchema.optional(), windowNo: windowNoSchema.optional(), staffNo: staffNoSchema })
  .strict()
  .refine((r) => r.matter !== undefined || r.windowNo !== undefined, { message: '请选择转移到的事项或窗口', path: ['matter'] });

/** The policy as a sentence and the next calls it would make for the asking window now (the supervisor's preview). */
export const queuePreviewResponseSchema = z.object({
  sentence: z.string(),
  calls: z.array(z.object({ id: z.uuid(), code: z.string(), matter: z.string(), kind: z.enum(PRIORITY_KINDS) })),
});
