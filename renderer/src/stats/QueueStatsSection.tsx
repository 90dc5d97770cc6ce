/**
 * 统计分析 → 排队叫号: this window's queue figures from the hall (waiting,
 * walk-to-window, service and idle times; p50/p90 waiting per hour) for the
 * screen's date range. Says 未加入大厅 / 大厅连接不上 when it cannot ask.
 */
import { useMemo, useState } from 'react';
import type { RendererApi } from '../api';
import { TabRow } from '../kit/choices';
import { QueryError } from '../QueryError';
import { useQuery } from '../useQuery';
import { ChartCanvas } from './charts';
import { QueueStatsNotes, QueueStatsTable, queueCountsConfig, queueWaitingConfig } from './queue-stats-view';

const GROUPS = [
  { key: 'clerk', label: '按工作人员', header: '工作人员' },
  { key: 'matter', label: '按事项', header: '事项' },
  { key: 'day', label: '按日', header: '日期' },
] as const;
type Group = (typeof GROUPS)[number]['key'];

export function QueueStatsSection({ api, from, to }: { api: RendererApi; from: string; to: string }) {
  const [groupBy, setGroupBy] = useState<Group>('clerk');
  const query = useQuery(api, 'stats.queue', { from, to, groupBy });
  const answer = query.data;
  const stats = answer?.status === 'ok' ? answer.stats : null;
  const counts = useMemo(() => (stats ? queueCountsConfig(stats) : null), [stats]);
  const waiting = useMemo(() => (stats ? queueWaitingConfig(stats) : null), [stats]);

  return (
    <section className="card" aria-labelledby="queue-stats-title" data-testid="queue-stats">
      <div className="card-head">
        <h3 id="queue-stats-title">排队叫号（本窗口）</h3>
        <TabRow tabs={GROUPS} value={groupBy} onChange={setGroupBy} />
      </div>
      <QueryError query={query} what="排队统计" />
      {answer?.status === 'notJoined' && <p className="muted">未加入大厅：排队叫号由大厅服务器管理，请在“系统设置 → 大厅连接”中加入大厅后查看。</p>}
      {answer?.status === 'unreachable' && <div className="banner banner-warn">{answer.message}</div>}
      {stats && stats.rows.length === 0 && <p className="muted">统计期间内本窗口没有叫号记录。</p>}
      {stats && stats.rows.length > 0 && (
        <>
          <QueueStatsTable stats={stats} keyHeader={GROUPS.find((g) => g.key === groupBy)?.header ?? ''} />
          <div className="stats-charts">
            {counts && <ChartCanvas config={counts} label="本窗口叫号办结柱状图" testId="chart-window-queue-counts" />}
            {waiting && <ChartCanvas config={waiting} label="本窗口分时段等候柱状图" testId="chart-window-queue-waiting" />}
          </div>
          <QueueStatsNotes />
        </>
      )}
    </section>
  );
}
