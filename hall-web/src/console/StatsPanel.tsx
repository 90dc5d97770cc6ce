/**
 * Statistics across windows: the windows' 统计分析 measures (业务统计) and the
 * queue's (排队统计), per window, clerk, matter or day over a date range, with
 * a chart, the table and a CSV export.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { HALL_STATS_GROUP_LABELS, HALL_STATS_GROUPS, type HallStatsGroupBy } from '../../../shared/domain/hall-stats';
import { hallDate } from '../../../shared/domain/hall-time';
import { presetRange } from '../../../shared/domain/stats';
import type { HallStatsResponse, QueueStatsResponse } from '../../../shared/hall/console-work-contract';
import type { ApiError } from '../../../shared/result';
import { LabelOptions, TabRow } from '../../../renderer/src/kit/choices';
import { ChartCanvas } from '../../../renderer/src/stats/charts';
import { QueueStatsNotes, QueueStatsTable, queueCountsConfig, queueWaitingConfig } from '../../../renderer/src/stats/queue-stats-view';
import { consoleCall, routeUrl } from '../api';
import { ErrorBanner } from '../ui';
import { Card } from './Card';
import { HallStatsTable, hallStatsConfig } from './HallStatsTable';
import { WindowNoFilter } from './WindowNoFilter';
import '../../../renderer/src/stats/stats.css';

const TABS = [
  { key: 'service', label: '业务统计' },
  { key: 'queue', label: '排队统计' },
] as const;
type Tab = (typeof TABS)[number]['key'];
interface Form {
  from: string;
  to: string;
  windowNo: string;
  groupBy: HallStatsGroupBy;
}

const KEY_HEADER: Record<HallStatsGroupBy, string> = { window: '窗口', clerk: '工作人员', matter: '事项', day: '日期' };

export function StatsPanel() {
  const [tab, setTab] = useState<Tab>('service');
  const [form, setForm] = useState<Form>(() => ({ ...presetRange('thisMonth', hallDate(new Date())), windowNo: '', groupBy: 'window' }));
  const [query, setQuery] = useState<Form>(form);
  const [service, setService] = useState<HallStatsResponse | null>(null);
  const [queue, setQueue] = useState<QueueStatsResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const keyLabel = useCallback((k: string) => (query.groupBy === 'window' ? `${k} 号窗口` : k), [query.groupBy]);
  const serviceChart = useMemo(() => (service ? hallStatsConfig(service, keyLabel) : null), [service, keyLabel]);
  const queueCounts = useMemo(() => (queue ? queueCountsConfig(queue, keyLabel) : null), [queue, keyLabel]);
  const queueWaiting = useMemo(() => (queue ? queueWaitingConfig(queue) : null), [queue]);

  useEffect(() => {
    const req = { from: query.from, to: query.to, windowNo: query.windowNo.trim(), groupBy: query.groupBy };
    void (tab === 'service' ? consoleCall('stats', req) : consoleCall('queueStats', req)).then((r) => {
      if (!r.ok) return setError(r.error);
      setError(null);
      if ('hourly' in r.value) setQueue(r.value);
      else setService(r.value);
    });
  }, [tab, query]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ ...form });
  };
  const csv = routeUrl(tab === 'service' ? 'statsCsv' : 'queueStatsCsv', { from: query.from, to: query.to, windowNo: query.windowNo.trim(), groupBy: query.groupBy });
  const shown = tab === 'service' ? service : queue;

  return (
    <div className="panel stats-panel">
      <Card id="stats-title" title="大厅统计" actions={<TabRow tabs={TABS} value={tab} onChange={setTab} />}>
        <form className="console-filters" onSubmit={submit}>
          {(['from', 'to'] as const).map((k) => (
            <label key={k}>
              <span className="field-label">{k === 'from' ? '从' : '到'}</span>
              <input name={k} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} placeholder="年-月-日" inputMode="numeric" maxLength={10} className="date" />
            </label>
          ))}
          <WindowNoFilter value={form.windowNo} onChange={(windowNo) => setForm({ ...form, windowNo })} />
          <label>
            <span className="field-label">分组</span>
            <select name="groupBy" value={form.groupBy} onChange={(e) => setForm({ ...form, groupBy: e.target.value as HallStatsGroupBy })}>
              <LabelOptions keys={HALL_STATS_GROUPS} labels={HALL_STATS_GROUP_LABELS} />
            </select>
          </label>
          <button type="submit" className="primary">
            统计
          </button>
          <a className="console-export" href={csv} download>
            导出 CSV
          </a>
        </form>
        <ErrorBanner error={error} withFields />
        {shown && shown.rows.length === 0 && <p className="muted">统计期间内没有记录。</p>}
        {tab === 'service' && service && service.rows.length > 0 && <HallStatsTable stats={service} keyHeader={KEY_HEADER[query.groupBy]} keyLabel={keyLabel} />}
        {tab === 'queue' && queue && queue.rows.length > 0 && <QueueStatsTable stats={queue} keyHeader={KEY_HEADER[query.groupBy]} keyLabel={keyLabel} />}
      </Card>
      {shown && shown.rows.length > 0 && (
        <section className="card stats-charts">
          {tab === 'service' && serviceChart && <ChartCanvas config={serviceChart} label="大厅业务量柱状图" testId="chart-hall-stats" />}
          {tab === 'queue' && queueCounts && <ChartCanvas config={queueCounts} label="叫号办结柱状图" testId="chart-queue-counts" />}
          {tab === 'queue' && queueWaiting && <ChartCanvas config={queueWaiting} label="分时段等候柱状图" testId="chart-queue-waiting" />}
        </section>
      )}
      {tab === 'queue' && (
        <section className="card">
          <QueueStatsNotes />
        </section>
      )}
    </div>
  );
}
