/**
 * The console's open cases, statistics and queue statistics across windows
 * (request and response schemas of their CONSOLE_ROUTES, and of the window's
 * own queue figures on HALL_ROUTES). Rules: shared/domain/hall-open-cases.ts,
 * hall-stats.ts, queue-stats.ts.
 */
import { z } from 'zod';
import { HALL_STATS_GROUPS } from '../domain/hall-stats';
import { OPEN_CASE_KINDS } from '../domain/hall-open-cases';
import { QUEUE_STATS_GROUPS } from '../domain/queue-stats';
import { windowNoSchema } from './contract';
import { checkRange, dateSchema } from './queue-stats-contract';

export { queueStatsResponseSchema, type QueueStatsResponse } from './queue-stats-contract';

const optionalWindow = z.union([windowNoSchema, z.literal('')]).optional();

// ---- open cases ------------------------------------------------------------------------------

/** Most open cases listed on one page (the counts cover them all). */
export const OPEN_CASES_PAGE_MAX = 500;

export const openCasesQuerySchema = z.object({
  windowNo: optionalWindow,
  kind: z.union([z.enum(OPEN_CASE_KINDS), z.literal('')]).optional(),
  overdueOnly: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
});
export type OpenCasesQuery = z.input<typeof openCasesQuerySchema>;

export const openCaseRowSchema = z.object({
  entity: z.string(),
  entityId: z.string(),
  windowNo: z.string(),
  kind: z.enum(OPEN_CASE_KINDS),
  state: z.string(),
  refNo: z.string().nullable(),
  names: z.array(z.string()),
  item: z.string().nullable(),
  since: z.string().nullable(),
  due: z.string().nullable(),
  overdue: z.boolean(),
});
export type OpenCaseRow = z.infer<typeof openCaseRowSchema>;

const countSchema = z.object({ open: z.number().int().nonnegative(), overdue: z.number().int().nonnegative() });

export const openCasesResponseSchema = z.object({
  today: z.string(),
  /** Overdue first, then by due date. */
  rows: z.array(openCaseRowSchema),
  /** Open and overdue by window and by kind, under the window and kind filters (not overdueOnly). */
  byWindow: z.array(countSchema.extend({ windowNo: z.string() })),
  byKind: z.array(countSchema.extend({ kind: z.enum(OPEN_CASE_KINDS) })),
  total: countSchema,
});
export type OpenCasesResponse = z.infer<typeof openCasesResponseSchema>;

// ---- statistics ----------------------------------------------------------------------------------

const rangeFields = {
  from: dateSchema,
  to: dateSchema,
  windowNo: optionalWindow,
};

export const hallStatsQuerySchema = z.object({ ...rangeFields, groupBy: z.enum(HALL_STATS_GROUPS) }).superRefine(checkRange);
export type HallStatsQuery = z.input<typeof hallStatsQuerySchema>;

export const hallStatsRowSchema = z.object({
  key: z.string(),
  contacts: z.number().int(),
  accepted: z.number().int(),
  notified: z.number().int(),
  referred: z.number().int(),
  handlingMinutes: z.number().nullable(),
  distribution: z.array(z.number().int()),
  notRated: z.number().int(),
  satisfaction: z.number().nullable(),
  followUpsOpen: z.number().int(),
  followUpsOverdue: z.number().int(),
  marriages: z.number().int(),
  reissues: z.number().int(),
  divorcesAccepted: z.number().int(),
  divorcesRegistered: z.number().int(),
  refused: z.number().int(),
});
export type HallStatsRowView = z.infer<typeof hallStatsRowSchema>;
export const hallStatsResponseSchema = z.object({ rows: z.array(hallStatsRowSchema), total: hallStatsRowSchema });
export type HallStatsResponse = z.infer<typeof hallStatsResponseSchema>;

// ---- queue statistics (the rows' schema: queue-stats-contract.ts) ------------------------------------------------------------------------------

export const queueStatsQuerySchema = z.object({ ...rangeFields, groupBy: z.enum(QUEUE_STATS_GROUPS) }).superRefine(checkRange);
export type QueueStatsQuery = z.input<typeof queueStatsQuerySchema>;
