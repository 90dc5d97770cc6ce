/**
 * 统计分析 (supervisors, 监督考评制): per clerk, window, day or month over a date
 * range; a table with the totals and one of 婚姻登记, charts (charts.tsx),
 * footnotes defining each measure, and export to CSV/XLSX saved as a download.
 * Measures are defined in shared/domain/stats.ts.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Staff, StatsReport } from '../../../shared/contract';
import { presetRange, rangeDays, STATS_FOOTNOTES, STATS_GROUP_LABELS } from '../../../shared/domain/stats';
import { hallDate } from '../../../shared/domain/hall-time';
import type { RendererApi } from '../api';
import { coreNow } from '../core-clock';
import { ExportBox } from '../exports/ExportBox';
import { ErrorBanner, useAction } from '../ui';
import { barConfig, ChartCanvas, civilConfig, ratingConfig, trendConfig } from './charts';
import { StatsFilters, toFilter, type PresetId, type StatsForm } from './StatsFilters';
import { CivilStatsTable, StatsTable } from './StatsTable';
import { QueueStatsSection } from './QueueStatsSection';
import { QueryError } from '../QueryError';
import { useQuery } from '../useQuery';
import './stats.css';

export function StatsPanel({ api }: { api: RendererApi }) {
  const { run, error, busy } = useAction(api);
  const [today, setToday] = useState<string | null>(null);
  const [form, setForm] = useState<StatsForm | null>(null);
  const staffQuery = useQuery(api, 'staff.list', {});
  const staff: Staff[] = staffQuery.data ?? [];
  const [report, setReport] = useState<StatsReport | null>(null);
  const [trend, setTrend] = useState<StatsReport | null>(null);
  const [showExport, setShowExport] = useState(false);
  // built once per report, so a chart is redrawn only when its data changes
  const volume = useMemo(() => (report ? barConfig(report.rows) : null), [report]);
  const ratings = useMemo(() => (report ? ratingConfig(report.rows) : null), [report]);
  const satisfaction = useMemo(() => (trend ? trendConfig(trend.rows, trend.groupBy === 'month' ? 'month' : 'day') : null), [trend]);
  const civil = useMemo(() => (report ? civilConfig(report.rows) : null), [report]);

  const load = useCallback(
    async (f: StatsForm) => {
      const filter = toFilter(f);
      const main = await run('stats.report', filter);
      if (!main) return;
      setReport(main);
      if (main.groupBy === 'day' || main.groupBy === 'month') setTrend(main);
      else {
        // the satisfaction trend of the same range and scope, by day for up to two months, else by month
        const by = rangeDays(filter.from, filter.to) > 62 ? 'month' : 'day';
        setTrend((await run('stats.report', { ...filter, groupBy: by })) ?? null);
      }
    },
    [run],
  );

  useEffect(() => {
    // the hall's date comes from the workstation's clock, not the browser's
    void api.call('display.state', {}).then((r) => {
      const day = hallDate(r.ok ? r.value.serverTime : coreNow());
      setToday(day);
      const initial: StatsForm = { ...presetRange('thisMonth', day), groupBy: 'clerk', windowNo: '', staffId: '' };
      setForm(initial);
      void load(initial);
    });
  }, [api, load]);

  if (!form || !today) return <p className="muted">正在加载…</p>;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(form);
  };
  const preset = (id: PresetId) => {
    const next = { ...form, ...presetRange(id, today) };
    setForm(next);
    void load(next);
  };

  return (
    <div className="panel stats-panel">
      <section className="card">
        <div className="card-head">
          <h2>统计分析</h2>
          <button type="button" className="secondary" onClick={() => setShowExport(!showExport)}>
            {showExport ? '收起导出' : '导出…'}
          </button>
        </div>
        <StatsFilters form={form} setForm={setForm} staff={staff} error={error} busy={busy} onSubmit={submit} onPreset={preset} />
        {showExport ? (
          <ExportBox api={api} title="导出统计报表" produce={(exportRun, format) => exportRun('stats.export', { filter: toFilter(form), format })} />
        ) : null}
        <QueryError query={staffQuery} what="工作人员名单" />
        <ErrorBanner error={error} />
        {report ? (
          <>
            <p className="muted stats-range">
              统计期间：{report.from} 至 {report.to}，{STATS_GROUP_LABELS[report.groupBy]}；逾期按今天（{report.today}）判断。
            </p>
            {report.rows.length === 0 ? (
              <p className="muted">统计期间内没有记录。</p>
            ) : (
              <>
                <StatsTable report={report} />
                <CivilStatsTable report={report} />
              </>
            )}
          </>
        ) : null}
      </section>
      {report && report.rows.length > 0 ? (
        <section className="card stats-charts">
          {volume ? <ChartCanvas config={volume} label="接待量与受理量柱状图" testId="chart-volume" /> : null}
          {ratings ? <ChartCanvas config={ratings} label="评价分布堆叠柱状图" testId="chart-ratings" /> : null}
          {satisfaction ? <ChartCanvas config={satisfaction} label="满意率折线图" testId="chart-trend" /> : null}
          {civil ? <ChartCanvas config={civil} label="婚姻登记柱状图" testId="chart-civil" /> : null}
        </section>
      ) : null}
      {report ? <QueueStatsSection api={api} from={report.from} to={report.to} /> : null}
      <section className="card stats-notes">
        <h3>指标说明</h3>
        <ol>
          {STATS_FOOTNOTES.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}
