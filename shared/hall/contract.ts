/**
 * The contract between a window and its hall server: every route, its request
 * schema and its response schema. Both sides validate with these schemas; the
 * answer is a Result (shared/result.ts) as JSON. Every route but enrolment is
 * authenticated with the window's credential (Authorization: Bearer …), and a
 * window only ever acts as itself.
 */
import { z } from 'zod';
import { CERTIFICATE_KINDS, type CertificateKind } from '../domain/certificate-number';
import { CounterError } from '../result';
import * as queue from './queue-contract';
import { queueDeskResponseSchema } from './queue-desk';
import { queueStatsResponseSchema, windowQueueStatsRequestSchema } from './queue-stats-contract';

/** A window's or a kiosk's number: 1 to 8 letters, digits or hyphens. */
export const DEVICE_NO_PATTERN = /^[A-Za-z0-9-]{1,8}$/;
/** What a bad number is told, naming what it numbers ('窗口号', '取号机编号'). */
export const deviceNoRule = (what: string): string => `${what}只能是 1 到 8 位字母、数字或短横线`;
export const windowNoSchema = z.string().trim().regex(DEVICE_NO_PATTERN, deviceNoRule('窗口号'));
/** A keyed lookup hash of a document number (HMAC-SHA256 with the hall's lookup key, hex). */
export const lookupHashSchema = z.string().regex(/^[0-9a-f]{64}$/, '查询摘要应为 64 位十六进制');
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, '哈希值应为 64 位十六进制');
const seqSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const certificateKindSchema = z.enum(CERTIFICATE_KINDS as readonly [CertificateKind, ...CertificateKind[]]);
const yearSchema = z.number().int().min(2000).max(9999);

// ---- enrolment ----------------------------------------------------------------

export const enrolRequestSchema = z.object({
  code: z.string().trim().min(1, '请输入登记码').max(40, '登记码不正确'),
  windowNo: windowNoSchema,
});

export const enrolResponseSchema = z.object({
  hallId: z.string(),
  hallName: z.string(),
  windowId: z.uuid(),
  windowNo: z.string(),
  /** The window's own credential: sent as Authorization: Bearer on every later request. Shown once. */
  credential: z.string(),
  /** The hall's document lookup key (hex): every window of the hall hashes document numbers with it. */
  lookupKey: z.string().regex(/^[0-9a-f]{64}$/),
});

// ---- push (window → hall) -----------------------------------------------------------

/** Most change-log rows in one push. */
export const MAX_PUSH_ROWS = 500;

/** A change-log row as the hall stores it (electron/services/db/ledger.ts writes them). */
export const changeRowSchema = z.object({
  id: z.uuid(),
  seq: seqSchema,
  schemaVersion: z.number().int().positive(),
  entity: z.string().min(1).max(64),
  entityId: z.string().min(1).max(200),
  op: z.enum(['insert', 'update', 'delete']),
  payload: z.record(z.string(), z.unknown()),
  /** The window's clock: informational, the hall stamps its own time. */
  createdAt: z.string().min(1).max(40),
});
export type ChangeRow = z.infer<typeof changeRowSchema>;

/** The hash chain's last row: its sequence number and hash (seq 0 and the genesis hash when empty). */
export const auditHeadSchema = z.object({ seq: z.number().int().nonnegative(), hash: sha256HexSchema });
export type AuditHead = z.infer<typeof auditHeadSchema>;

/** What the window is doing, sent with every push (the console's live board). */
export const windowStatusSchema = z.object({
  /** The clerk logged in at the window, or null. */
  staffNo: z.string().max(20).nullable(),
  staffName: z.string().max(40).nullable(),
  /** 在岗 / 暂停 (with whereabouts) / 未开放, as the window's public display shows it. */
  state: z.enum(['serving', 'paused', 'closed']),
  whereabouts: z.string().max(200).nullable(),
  /** The printer's problem in the clerk's words, or null when it prints. */
  printerProblem: z.string().max(200).nullable(),
});
export type WindowStatus = z.infer<typeof windowStatusSchema>;

/** How far behind the window's push is, after this batch: rows still waiting and the window time of the oldest. */
export const backlogSchema = z.object({ rows: z.number().int().nonnegative(), oldestAt: z.string().max(40).nullable() });
export type Backlog = z.infer<typeof backlogSchema>;

export const pushRequestSchema = z
  .object({
    windowNo: windowNoSchema,
    /** Rows in increasing seq; each is checked on its own, so one bad row cannot refuse the batch. */
    rows: z.array(z.looseObject({ seq: seqSchema })).max(MAX_PUSH_ROWS),
    auditHead: auditHeadSchema,
    /** The window's chain at the seq of the anchor the hall returned last (null before the first anchor). */
    auditAt: auditHeadSchema.nullable(),
    status: windowStatusSchema.optional(),
    backlog: backlogSchema.optional(),
  })
  .refine((r) => r.rows.every((row, i) => i === 0 || row.seq > (r.rows[i - 1]?.seq ?? 0)), { message: '变更记录须按序号递增', path: ['rows'] });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  /** Every row up to this seq is held by the hall (stored or quarantined): mark them sent, resend after it. */
  ackedSeq: z.number().int().nonnegative(),
  stored: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  /** The audit head the hall now holds for this window: send the chain's hash at its seq as auditAt next time. */
  auditAnchor: auditHeadSchema.nullable(),
  /** broken: the reported head does not extend the head the hall held (reported on the console). */
  auditStatus: z.enum(['ok', 'broken']),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---- pull (hall → window) ------------------------------------------------------------

export const REFERENCE_KINDS = ['catalogueVersion', 'calendarOverride', 'staff', 'commitment', 'officeSettings', 'peakDay', 'booking'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** What the opaque pull cursor holds (base64url JSON): a transaction id, and the last (kind, key) sent at it. */
export const pullCursorSchema = z.object({
  x: z.string().regex(/^\d{1,20}$/),
  k: z.string().optional(),
  y: z.string().optional(),
});
export type PullCursor = z.infer<typeof pullCursorSchema>;

export const pullQuerySchema = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const referenceRowSchema = z.object({
  kind: z.enum(REFERENCE_KINDS),
  key: z.string(),
  /** A tombstone: the hall deleted the row. */
  deleted: z.boolean(),
  body: z.record(z.string(), z.unknown()),
});
export type ReferenceRow = z.infer<typeof referenceRowSchema>;

export const pullResponseSchema = z.object({
  rows: z.array(referenceRowSchema),
  /** Pass back as ?cursor= next time. */
  cursor: z.string(),
  /** More rows are waiting: pull again at once. */
  more: z.boolean(),
});

// ---- certificate numbers ------------------------------------------------------------

export const certificateNextRequestSchema = z.object({ kind: certificateKindSchema, year: yearSchema });
export const certificateNextResponseSchema = z.object({ kind: certificateKindSchema, year: yearSchema, seq: seqSchema });

/** Largest block a window may lease for offline registration. */
export const MAX_LEASE = 100;
export const certificateLeaseRequestSchema = z.object({ kind: certificateKindSchema, year: yearSchema, count: z.number().int().min(1).max(MAX_LEASE) });
export const certificateLeaseResponseSchema = z.object({ leaseId: z.uuid(), kind: certificateKindSchema, year: yearSchema, firstSeq: seqSchema, lastSeq: seqSchema });

/** Numbers of the window's leased blocks it has used. */
export const certificateUsedRequestSchema = z.object({ kind: certificateKindSchema, year: yearSchema, seqs: z.array(seqSchema).min(1).max(MAX_LEASE) });
export const certificateUsedResponseSchema = z.object({ recorded: z.number().int().nonnegative() });

/** A certificate number typed at a window (a pre-printed certificate): claimed hall-wide before the registration's write. */
export const certificateClaimRequestSchema = z.object({ certificateNo: z.string().trim().toUpperCase().min(1).max(40) });
export const certificateClaimResponseSchema = z.object({ certificateNo: z.string() });

export const certificateGapsQuerySchema = z.object({ kind: certificateKindSchema, year: z.coerce.number().int().min(2000).max(9999) });
export const certificateGapsResponseSchema = z.object({
  lastSeq: z.number().int().nonnegative(),
  /** Allocated numbers nobody has recorded as used: unused lease numbers (leasedTo set) or numbers skipped. */
  gaps: z.array(z.object({ seq: seqSchema, leasedTo: z.string().nullable() })),
});

// ---- registry check across windows ------------------------------------------------

export const registryCheckRequestSchema = z.object({ hashes: z.array(lookupHashSchema).min(1).max(2) });
export const hallMarriageSchema = z.object({ caseId: z.string(), certificateNo: z.string(), registeredAt: z.string(), windowNo: z.string() });
export const registryCheckResponseSchema = z.object({
  /** One per hash asked, in order: the party's marriage registered in the hall and not dissolved there, or null. */
  parties: z.array(z.object({ hash: lookupHashSchema, marriage: hallMarriageSchema.nullable() })),
});

// ---- audit anchor ---------------------------------------------------------------------

export const auditBreakSchema = z.object({
  windowNo: z.string(),
  held: auditHeadSchema,
  reported: auditHeadSchema,
  reason: z.enum(['shorter', 'rewritten', 'unlinked']),
  detectedAt: z.string(),
});
export type AuditBreak = z.infer<typeof auditBreakSchema>;
export const auditAnchorResponseSchema = z.object({ head: auditHeadSchema.nullable(), breaks: z.array(auditBreakSchema) });

// ---- routes ------------------------------------------------------------------------------

const emptySchema = z.object({});

/** Every route: method, path, what it takes (JSON body, or query for GET) and what it answers. */
export const HALL_ROUTES = {
  enrol: { method: 'POST', path: '/api/enrol', request: enrolRequestSchema, response: enrolResponseSchema },
  push: { method: 'POST', path: '/api/push', request: pushRequestSchema, response: pushResponseSchema },
  pull: { method: 'GET', path: '/api/pull', request: pullQuerySchema, response: pullResponseSchema },
  certificateNext: { method: 'POST', path: '/api/certificates/next', request: certificateNextRequestSchema, response: certificateNextResponseSchema },
  certificateLease: { method: 'POST', path: '/api/certificates/lease', request: certificateLeaseRequestSchema, response: certificateLeaseResponseSchema },
  certificateUsed: { method: 'POST', path: '/api/certificates/used', request: certificateUsedRequestSchema, response: certificateUsedResponseSchema },
  certificateGaps: { method: 'GET', path: '/api/certificates/gaps', request: certificateGapsQuerySchema, response: certificateGapsResponseSchema },
  certificateClaim: { method: 'POST', path: '/api/certificates/claim', request: certificateClaimRequestSchema, response: certificateClaimResponseSchema },
  registryCheck: { method: 'POST', path: '/api/registry/check', request: registryCheckRequestSchema, response: registryCheckResponseSchema },
  auditAnchor: { method: 'GET', path: '/api/audit/anchor', request: emptySchema, response: auditAnchorResponseSchema },
  // ---- queue (issue 14; schemas in queue-contract.ts)
  queueTake: { method: 'POST', path: '/api/queue/take', request: queue.queueTakeRequestSchema, response: queue.queueTakeResponseSchema },
  queueWaiting: { method: 'GET', path: '/api/queue/waiting', request: emptySchema, response: queue.queueWaitingResponseSchema },
  queueCallNext: { method: 'POST', path: '/api/queue/call-next', request: queue.queueCallNextRequestSchema, response: queue.queueCallNextResponseSchema },
  queueCallTicket: { method: 'POST', path: '/api/queue/call-ticket', request: queue.queueCallTicketRequestSchema, response: queue.queueTicketResponseSchema },
  queueRecall: { method: 'POST', path: '/api/queue/recall', request: queue.queueRecallRequestSchema, response: queue.queueTicketResponseSchema },
  queuePass: { method: 'POST', path: '/api/queue/pass', request: queue.queueTicketActionRequestSchema, response: queue.queueTicketResponseSchema },
  queueCallBack: { method: 'POST', path: '/api/queue/call-back', request: queue.queueTicketActionRequestSchema, response: queue.queueTicketResponseSchema },
  queueTransfer: { method: 'POST', path: '/api/queue/transfer', request: queue.queueTransferRequestSchema, response: queue.queueTicketResponseSchema },
  queueStart: { method: 'POST', path: '/api/queue/start', request: queue.queueTicketActionRequestSchema, response: queue.queueStartResponseSchema },
  queueFinish: { method: 'POST', path: '/api/queue/finish', request: queue.queueTicketActionRequestSchema, response: queue.queueTicketResponseSchema },
  queuePreview: { method: 'GET', path: '/api/queue/preview', request: emptySchema, response: queue.queuePreviewResponseSchema },
  // ---- the window's caller (issue 14, caller14; schema in queue-desk.ts)
  queueDesk: { method: 'GET', path: '/api/queue/desk', request: emptySchema, response: queueDeskResponseSchema },
  // ---- cases13: the window's own queue figures for its 统计分析 (queue-stats-contract.ts)
  queueStats: { method: 'GET', path: '/api/queue/stats', request: windowQueueStatsRequestSchema, response: queueStatsResponseSchema },
} as const;

export type HallRouteName = keyof typeof HALL_ROUTES;

/** The routes an enrolled kiosk may call; every other route is a window's. */
export const KIOSK_ROUTES: ReadonlySet<HallRouteName> = new Set<HallRouteName>(['queueTake', 'queueWaiting']);
export type HallRequest<N extends HallRouteName> = z.infer<(typeof HALL_ROUTES)[N]['request']>;
export type HallResponse<N extends HallRouteName> = z.infer<(typeof HALL_ROUTES)[N]['response']>;

/** A request checked against its route's schema; a VALIDATION error naming the problems by field path when it does not fit. */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || '(request)'] ??= issue.message;
  throw new CounterError('VALIDATION', '请求内容不符合要求', fields);
}
