/**
 * The queue's statistics as the hall answers them (console and the window's
 * own figures on HALL_ROUTES queueStats). Kept apart from contract.ts, which
 * imports it, so neither imports the other's dependants.
 */
import { z } from 'zod';
import { MAX_RANGE_DAYS, rangeDays } from '../domain/stats';

export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** from ≤ to, at most MAX_RANGE_DAYS days. */
export function checkRange(r: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (r.from > r.to) ctx.addIssue({ code: 'custom', message: '开始日期不能晚于结束日期', path: ['to'] });
  else if (rangeDays(r.from, r.to) > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', message: `统计区间最长 ${MAX_RANGE_DAYS} 天`, path: ['to'] });
}

export const queueStatsRowSchema = z.object({
  key: z.string(),
  issued: z.number().int(),
  called: z.number().int(),
  served: z.number().int(),
  passed: z.number().int(),
  transferred: z.number().int(),
  waitingMinutes: z.number().nullable(),
  walkMinutes: z.number().nullable(),
  serviceMinutes: z.number().nullable(),
  idleMinutes: z.number().nullable(),
});
export const queueStatsResponseSchema = z.object({
  rows: z.array(queueStatsRowSchema),
  total: queueStatsRowSchema,
  hourly: z.array(z.object({ hour: z.number().int(), count: z.number().int(), p50: z.number(), p90: z.number() })),
});
export type QueueStatsResponse = z.infer<typeof queueStatsResponseSchema>;

/** The window's own queue figures: its calls only, by clerk, matter or day. */
export const windowQueueStatsRequestSchema = z.object({ from: dateSchema, to: dateSchema, groupBy: z.enum(['clerk', 'matter', 'day']) }).strict().superRefine(checkRange);
export type WindowQueueStatsRequest = z.input<typeof windowQueueStatsRequestSchema>;
