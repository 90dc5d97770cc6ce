/**
 * Statistics for supervisors (监督考评制): per clerk, window, day or month over a
 * range of hall dates. The measures are defined in shared/domain/stats.ts.
 */
import { z } from 'zod';
import { idField } from '../fields';
import { isRealDate, MAX_RANGE_DAYS, rangeDays, STATS_GROUPS } from '../domain/stats';
import { queueStatsResponseSchema, windowQueueStatsRequestSchema } from '../hall/queue-stats-contract';
import { exportFileSchema, exportFormatSchema } from './ledger';
import { method } from './method';

const hallDate = (what: string) =>
  z
    .string('请填写日期')
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what}格式应为 YYYY-MM-DD`)
    .refine(isRealDate, `${what}不存在`);

/** Whether both ends are real dates (the object's checks run even when a field failed its own). */
function bothDates(f: { from: unknown; to: unknown }): f is { from: string; to: string } {
  return typeof f.from === 'string' && typeof f.to === 'string' && isRealDate(f.from) && isRealDate(f.to);
}

export const statsFilterSchema = z
  .object({
    from: hallDate('开始日期'),
    to: hallDate('结束日期'),
    groupBy: z.enum(STATS_GROUPS, '统计方式只能是按工作人员、按窗口、按日或按月'),
    windowNo: z.string('请填写窗口号').pipe(z.string().trim().min(1, '请填写窗口号').max(10, '窗口号不能超过 10 个字')).optional(),
    staffId: idField.optional(),
  })
  .strict()
  .refine((f) => !bothDates(f) || f.from <= f.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((f) => !bothDates(f) || f.from > f.to || rangeDays(f.from, f.to) <= MAX_RANGE_DAYS, {
    message: `统计期间不能超过 ${MAX_RANGE_DAYS} 天`,
    path: ['to'],
  });
export type StatsFilter = z.infer<typeof statsFilterSchema>;

const count = z.number().int().min(0);

export const statsRowSchema = z.object({
  /** Staff id, window number, YYYY-MM-DD or YYYY-MM; '' for the totals. */
  key: z.string(),
  /** 李晓梅（C001）, 3 号窗口, 2026-09-01, 2026年9月, 合计. */
  label: z.string(),
  contacts: count,
  accepted: count,
  notified: count,
  referred: count,
  /** Minutes from receiving to acceptance, mean over the accepted cases; null without any. */
  avgHandlingMinutes: z.number().min(0).nullable(),
  /** Counts of levels 1 (非常满意) … 5 (非常不满意). */
  ratings: z.array(count).length(5),
  rated: count,
  notRated: count,
  /** (非常满意 + 满意 + 基本满意) / rated, in [0, 1]; null when nothing was rated. */
  satisfactionRate: z.number().min(0).max(1).nullable(),
  followUpsOpen: count,
  followUpsOverdue: count,
  /** 婚姻登记: marriages and reissues registered, divorce applications accepted, applications refused (by the day received). */
  marriages: count,
  reissues: count,
  divorceApplications: count,
  refusals: count,
  /** Divorces registered (by the day of registration, counted for the registrar). */
  divorces: count,
});
export type StatsRow = z.infer<typeof statsRowSchema>;

export const statsReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(STATS_GROUPS),
  /** The hall date the overdue follow-ups were judged against. */
  today: z.string(),
  rows: z.array(statsRowSchema),
  totals: statsRowSchema,
});
export type StatsReport = z.infer<typeof statsReportSchema>;

export const statsMethods = {
  'stats.report': method({ effect: 'read',
    access: 'supervisor',
    request: statsFilterSchema,
    response: statsReportSchema,
  }),
  'stats.export': method({ effect: 'write', audit: '导出统计', changesDisplay: false,
    access: 'supervisor',
    request: z
      .object({
        filter: statsFilterSchema,
        format: exportFormatSchema,
      })
      .strict(),
    /** Saved like a ledger export: a browser download in host mode, the save dialog under Electron. */
    response: exportFileSchema,
  }),
  // cases13: this window's queue figures, asked of the hall (its queue); says so when the window has not joined or the hall cannot be reached
  'stats.queue': method({ effect: 'read',
    access: 'supervisor',
    request: windowQueueStatsRequestSchema,
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('ok'), stats: queueStatsResponseSchema }),
      z.object({ status: z.literal('notJoined') }),
      z.object({ status: z.literal('unreachable'), message: z.string() }),
    ]),
  }),
} as const;
