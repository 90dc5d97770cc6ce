/**
 * The queue's statistics as a table and two charts (counts per group; p50/p90
 * waiting per hour): shown by the window's 统计分析 (its own figures) and by
 * the hall console (every window). Definitions: shared/domain/queue-stats.ts.
 */
import type { ChartConfiguration } from 'chart.js';
import { QUEUE_STATS_FOOTNOTES, type QueueStatsRow } from '../../../shared/domain/queue-stats';
import { formatMinutes } from '../../../shared/domain/stats';
import type { QueueStatsResponse } from '../../../shared/hall/queue-stats-contract';
import { countBarsConfig } from './charts';
import { GroupedTable } from './GroupedTable';

const COLUMNS = ['取号', '叫号', '办结', '过号', '转移', '平均等候', '走到窗口', '平均办理', '平均空闲'];

function cells(r: QueueStatsRow): (number | string)[] {
  return [r.issued, r.called, r.served, r.passed, r.transferred, formatMinutes(r.waitingMinutes), formatMinutes(r.walkMinutes), formatMinutes(r.serviceMinutes), formatMinutes(r.idleMinutes)];
}

/** keyHeader: what a row is (工作人员, 窗口, 事项, 日期); keyLabel: how a key reads (e.g. "3 号窗口"). */
export function QueueStatsTable({ stats, keyHeader, keyLabel = (k) => k }: { stats: QueueStatsResponse; keyHeader: string; keyLabel?: (key: string) => string }) {
  return (
    <GroupedTable rows={stats.rows} total={stats.total} columns={COLUMNS} cells={cells} keyHeader={keyHeader} keyLabel={keyLabel} testId="queue-stats-table" caption="排队叫号（时长单位：分钟）" />
  );
}

export function queueCountsConfig(stats: QueueStatsResponse, keyLabel: (key: string) => string = (k) => k): ChartConfiguration<'bar'> {
  const rows = stats.rows;
  return countBarsConfig(
    rows.map((r) => keyLabel(r.key)),
    '叫号、办结、过号与转移',
    [
      { label: '叫号', data: rows.map((r) => r.called), backgroundColor: '#1f5fbf' },
      { label: '办结', data: rows.map((r) => r.served), backgroundColor: '#1a7f37' },
      { label: '过号', data: rows.map((r) => r.passed), backgroundColor: '#f0a030' },
      { label: '转移', data: rows.map((r) => r.transferred), backgroundColor: '#8e6bbf' },
    ],
  );
}

export function queueWaitingConfig(stats: QueueStatsResponse): ChartConfiguration<'bar'> {
  const hours = stats.hourly;
  return {
    type: 'bar',
    data: {
      labels: hours.map((h) => `${String(h.hour).padStart(2, '0')}:00`),
      datasets: [
        { label: '等候 P50（分钟）', data: hours.map((h) => Math.round(h.p50 * 10) / 10), backgroundColor: '#6aa5e8' },
        { label: '等候 P90（分钟）', data: hours.map((h) => Math.round(h.p90 * 10) / 10), backgroundColor: '#c62828' },
      ],
    },
    options: { maintainAspectRatio: false, plugins: { title: { display: true, text: '分时段等候时长（按取号时间）' } }, scales: { y: { beginAtZero: true } } },
  };
}

export function QueueStatsNotes() {
  return (
    <ol className="queue-stats-notes">
      {QUEUE_STATS_FOOTNOTES.map((f) => (
        <li key={f}>{f}</li>
      ))}
    </ol>
  );
}
