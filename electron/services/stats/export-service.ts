/**
 * Statistics exports to CSV or XLSX, produced like a ledger export (the
 * exports folder, offered once to the session as a download): one row per
 * group, the 合计 row, then the footnotes defining each measure.
 */
import type { StatsReport, StatsRow } from '../../../shared/api/stats';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract';
import { DISTRIBUTION_LABELS, formatMinutes, formatRate, STATS_FOOTNOTES, STATS_GROUP_LABELS } from '../../../shared/domain/stats';
import { hallStamp } from '../../../shared/domain/hall-time';
import type { CoreContext } from '../core/context';
import { produceExport, type WrittenExport } from '../ledger/export-service';
import { csvSink, xlsxSink } from '../ledger/sinks';
import { statsReport } from './report-service';

const CIVIL_HEADER = ['结婚登记', '补领婚姻登记证', '离婚申请受理', '离婚登记', '不予登记'];
const GROUP_HEADER = { clerk: '工作人员', window: '窗口', day: '日期', month: '月份' } as const;

export function statsHeader(report: StatsReport): string[] {
  return [
    GROUP_HEADER[report.groupBy],
    '接待量',
    '受理量',
    '告知量',
    '引导量',
    '平均办理时长（分钟）',
    ...DISTRIBUTION_LABELS,
    '已评价',
    '未评价',
    '满意率',
    '整改中',
    '整改逾期',
    ...CIVIL_HEADER,
  ];
}

export function statsValues(row: StatsRow): string[] {
  return [
    row.label,
    String(row.contacts),
    String(row.accepted),
    String(row.notified),
    String(row.referred),
    formatMinutes(row.avgHandlingMinutes),
    ...row.ratings.map(String),
    String(row.rated),
    String(row.notRated),
    formatRate(row.satisfactionRate),
    String(row.followUpsOpen),
    String(row.followUpsOverdue),
    ...[row.marriages, row.reissues, row.divorceApplications, row.divorces, row.refusals].map(String),
  ];
}

/** stats.export, step one (outside the write's transaction): writes the file; recordExport() is step two. */
export async function writeStatsExport(ctx: CoreContext, req: ParsedRequestOf<'stats.export'>): Promise<WrittenExport<ResponseOf<'stats.export'>>> {
  const report = statsReport(ctx.db, req.filter, ctx.clock.now());
  const at = ctx.clock.now().toISOString();
  const fileName = `统计报表_${STATS_GROUP_LABELS[report.groupBy]}_${report.from}至${report.to}_${hallStamp(at)}.${req.format}`;
  const header = statsHeader(report);
  const lines = [...report.rows.map(statsValues), statsValues(report.totals), [], [`统计期间：${report.from} 至 ${report.to}（北京时间）`], ...STATS_FOOTNOTES.map((f) => [`注：${f}`])];
  const { path, bytes } = await produceExport(
    ctx,
    req.format,
    (file) => (req.format === 'csv' ? csvSink(file, header) : xlsxSink(file, '统计报表', header)),
    async (sink) => {
      for (const values of lines) await sink.add(values);
    },
  );
  const rows = report.rows.length;
  return { path, fileName, bytes, response: { fileName, rows, bytes }, detail: { filter: req.filter, format: req.format, fileName, rows, bytes } };
}
