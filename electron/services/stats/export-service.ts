/**
 * Statistics exports to CSV or XLSX, written with the ledger's sinks (temporary
 * file in the chosen folder, renamed at the end, removed on failure): one row
 * per group, the 合计 row, then the footnotes defining each measure.
 */
import { rmSync } from 'node:fs';
import type { StatsReport, StatsRow } from '../../../shared/api/stats';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract';
import { hallStamp } from '../../../shared/domain/hall-time';
import { DISTRIBUTION_LABELS, formatMinutes, formatRate, STATS_FOOTNOTES, STATS_GROUP_LABELS } from '../../../shared/domain/stats';
import { actorOf, type CallContext, type CoreContext } from '../context';
import { recordEvent } from '../db/ledger';
import { assertExportFolder, writeExportFile } from '../ledger/export-service';
import { statsReport } from './report-service';

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
  ];
}

/** stats.export, step one (outside the write's transaction): writes the file. */
export async function writeStatsExport(ctx: CoreContext, req: ParsedRequestOf<'stats.export'>): Promise<ResponseOf<'stats.export'>> {
  const report = statsReport(ctx.db, req.filter, ctx.clock.now());
  const directory = req.directory;
  await assertExportFolder(directory);
  const at = ctx.clock.now().toISOString();
  const name = `统计报表_${STATS_GROUP_LABELS[report.groupBy]}_${report.from}至${report.to}_${hallStamp(at)}`;
  const lines = [...report.rows.map(statsValues), statsValues(report.totals), [], [`统计期间：${report.from} 至 ${report.to}（北京时间）`], ...STATS_FOOTNOTES.map((f) => [`注：${f}`])];
  const { file, bytes } = await writeExportFile({ directory, name, format: req.format, sheetName: '统计报表', header: statsHeader(report) }, async (sink) => {
    for (const values of lines) await sink.add(values);
  });
  return { file, rows: report.rows.length, bytes };
}

/** stats.export, step two (in the write's transaction): the audit row; a file whose row is not committed is removed. */
export function recordStatsExport(ctx: CoreContext, call: CallContext, req: ParsedRequestOf<'stats.export'>, written: ResponseOf<'stats.export'>): ResponseOf<'stats.export'> {
  ctx.afterWrite({ rolledBack: () => rmSync(written.file, { force: true }) });
  recordEvent(ctx.db, ctx.origin(), actorOf(call), ctx.clock.now().toISOString(), {
    action: 'stats.export',
    entity: 'stats',
    entityId: null,
    detail: { filter: req.filter, format: req.format, ...written },
  });
  return written;
}
