/** The windows' measures across the hall: the table (as the window's 统计分析) and its chart. */
import type { ChartConfiguration } from 'chart.js';
import { DISTRIBUTION_LABELS, formatMinutes, formatRate } from '../../../shared/domain/stats';
import type { HallStatsResponse, HallStatsRowView } from '../../../shared/hall/console-work-contract';
import { countBarsConfig } from '../../../renderer/src/stats/charts';
import { GroupedTable } from '../../../renderer/src/stats/GroupedTable';

const COLUMNS = ['接待', '受理', '告知', '引导', '平均办理(分钟)', ...DISTRIBUTION_LABELS, '未评价', '满意率', '整改中', '整改逾期', '结婚登记', '补领', '离婚受理', '离婚登记', '不予登记'];

function cells(r: HallStatsRowView): (number | string)[] {
  return [r.contacts, r.accepted, r.notified, r.referred, formatMinutes(r.handlingMinutes), ...r.distribution, r.notRated, formatRate(r.satisfaction), r.followUpsOpen, r.followUpsOverdue, r.marriages, r.reissues, r.divorcesAccepted, r.divorcesRegistered, r.refused];
}

export function HallStatsTable({ stats, keyHeader, keyLabel }: { stats: HallStatsResponse; keyHeader: string; keyLabel: (key: string) => string }) {
  return <GroupedTable rows={stats.rows} total={stats.total} columns={COLUMNS} cells={cells} keyHeader={keyHeader} keyLabel={keyLabel} testId="hall-stats-table" />;
}

export function hallStatsConfig(stats: HallStatsResponse, keyLabel: (key: string) => string): ChartConfiguration<'bar'> {
  const rows = stats.rows;
  return countBarsConfig(
    rows.map((r) => keyLabel(r.key)),
    '各组业务量',
    [
      { label: '接待量', data: rows.map((r) => r.contacts), backgroundColor: '#1f5fbf' },
      { label: '受理量', data: rows.map((r) => r.accepted), backgroundColor: '#6aa5e8' },
      { label: '婚姻登记', data: rows.map((r) => r.marriages + r.reissues + r.divorcesRegistered), backgroundColor: '#c62828' },
      { label: '整改中', data: rows.map((r) => r.followUpsOpen), backgroundColor: '#f0a030' },
    ],
  );
}
