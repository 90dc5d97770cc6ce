/**
 * 统计分析 (supervisors, 监督考评制): per clerk, window, day or month over a date
 * range; a table with the totals, charts (chart.js on a canvas: bars of contacts
 * and accepted cases, stacked bars of the rating distribution, a line of the
 * satisfaction rate by day or month), footnotes defining each measure, and
 * export to CSV/XLSX. Measures are defined in shared/domain/stats.ts.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Staff, StatsFilter, StatsReport, StatsRow } from '../../../shared/contract';
import {
  DISTRIBUTION_LABELS,
  formatMinutes,
  formatRate,
  hallDay,
  presetRange,
  rangeDays,
  STATS_FOOTNOTES,
  STATS_GROUP_LABELS,
  STATS_GROUPS,
  type StatsGroupBy,
} from '../../../shared/domain/stats';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import './stats.css';

// only what the three charts use (no eval anywhere in chart.js: fine under script-src 'self')
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip, Title);
Chart.defaults.font.family = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif";
Chart.defaults.animation = false;

const LEVEL_COLOURS = ['#1a7f37', '#4caf50', '#a3c75d', '#f0a030', '#c62828'];
const GROUP_HEADER: Record<StatsGroupBy, string> = { clerk: '工作人员', window: '窗口', day: '日期', month: '月份' };
const PRESETS = [
  { id: 'thisMonth', label: '本月' },
  { id: 'lastMonth', label: '上月' },
  { id: 'thisYear', label: '今年' },
] as const;

/** One chart on a canvas; rebuilt when the configuration changes, destroyed on unmount. */
function ChartCanvas<T extends ChartType>({ config, label, testId }: { config: ChartConfiguration<T>; label: string; testId: string }) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return undefined;
    const chart = new Chart(canvas, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="stats-chart">
      <canvas ref={ref} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}

function barConfig(rows: StatsRow[]): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        { label: '接待量', data: rows.map((r) => r.contacts), backgroundColor: '#1f5fbf' },
        { label: '受理量', data: rows.map((r) => r.accepted), backgroundColor: '#6aa5e8' },
      ],
    },
    options: { maintainAspectRatio: false, plugins: { title: { display: true, text: '接待量与受理量' } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}

function ratingConfig(rows: StatsRow[]): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        ...DISTRIBUTION_LABELS.map((label, i) => ({ label, data: rows.map((r) => r.ratings[i] ?? 0), backgroundColor: LEVEL_COLOURS[i] ?? '#999' })),
        { label: '未评价', data: rows.map((r) => r.notRated), backgroundColor: '#b8c0ca' },
      ],
    },
    options: {
      maintainAspectRatio: false,
      plugins: { title: { display: true, text: '评价分布' } },
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
}

function trendConfig(rows: StatsRow[], by: 'day' | 'month'): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        {
          label: '满意率（%）',
          data: rows.map((r) => (r.satisfactionRate === null ? null : Math.round(r.satisfactionRate * 1000) / 10)),
          borderColor: '#1a7f37',
          backgroundColor: '#1a7f37',
          spanGaps: true,
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      plugins: { title: { display: true, text: by === 'day' ? '满意率（按日）' : '满意率（按月）' } },
      scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
    },
  };
}

function StatsTable({ report }: { report: StatsReport }) {
  const cells = (r: StatsRow) => [
    r.contacts,
    r.accepted,
    r.notified,
    r.referred,
    formatMinutes(r.avgHandlingMinutes),
    ...r.ratings,
    r.notRated,
    formatRate(r.satisfactionRate),
    r.followUpsOpen,
    r.followUpsOverdue,
  ];
  return (
    <div className="stats-table-wrap">
      <table className="table stats-table" data-testid="stats-table">
        <thead>
          <tr>
            <th>{GROUP_HEADER[report.groupBy]}</th>
            <th>接待量¹</th>
            <th>受理量²</th>
            <th>告知量²</th>
            <th>引导量²</th>
            <th>平均办理时长（分钟）³</th>
            {DISTRIBUTION_LABELS.map((l) => (
              <th key={l}>{l}⁴</th>
            ))}
            <th>未评价⁴</th>
            <th>满意率⁵</th>
            <th>整改中⁶</th>
            <th>逾期⁶</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {cells(r).map((v, i) => (
                <td key={i} className={i === cells(r).length - 1 && r.followUpsOverdue > 0 ? 'stats-overdue' : undefined}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{report.totals.label}</th>
            {cells(report.totals).map((v, i) => (
              <td key={i}>{v}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function ExportBox({ api, filter }: { api: RendererApi; filter: StatsFilter }) {
  const { run, error, busy } = useAction(api);
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [directory, setDirectory] = useState('');
  const [file, setFile] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFile(null);
    const done = await run('stats.export', { filter, format, directory });
    if (done) setFile(done.file);
  };
  return (
    <form className="stats-export" onSubmit={submit} noValidate aria-label="导出统计">
      <h3>导出统计报表</h3>
      <div className="stats-export-row">
        <Field label="格式">
          <select name="format" value={format} onChange={(e) => setFormat(e.target.value === 'csv' ? 'csv' : 'xlsx')}>
            <option value="xlsx">Excel（XLSX）</option>
            <option value="csv">CSV</option>
          </select>
        </Field>
        <Field label="导出到文件夹" error={fieldError(error, 'directory')} hint="填写完整路径，如 D:\统计导出">
          <input name="directory" value={directory} maxLength={400} placeholder="D:\统计导出" onChange={(e) => setDirectory(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在导出…' : '导出'}
        </button>
      </div>
      <ErrorBanner error={error && !fieldError(error, 'directory') ? error : null} />
      {file ? <Notice>已导出：{file}</Notice> : null}
    </form>
  );
}

interface Form {
  from: string;
  to: string;
  groupBy: StatsGroupBy;
  windowNo: string;
  staffId: string;
}

function toFilter(form: Form): StatsFilter {
  const filter: StatsFilter = { from: form.from, to: form.to, groupBy: form.groupBy };
  if (form.windowNo.trim()) filter.windowNo = form.windowNo.trim();
  if (form.staffId) filter.staffId = form.staffId;
  return filter;
}

export function StatsPanel({ api }: { api: RendererApi }) {
  const { run, error, busy } = useAction(api);
  const [today, setToday] = useState<string | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const staffQuery = useQuery(api, 'staff.list', {});
  const staff: Staff[] = staffQuery.data ?? [];
  const [report, setReport] = useState<StatsReport | null>(null);
  const [trend, setTrend] = useState<StatsReport | null>(null);
  const [showExport, setShowExport] = useState(false);
  // built once per report, so a chart is redrawn only when its data changes
  const volume = useMemo(() => (report ? barConfig(report.rows) : null), [report]);
  const ratings = useMemo(() => (report ? ratingConfig(report.rows) : null), [report]);
  const satisfaction = useMemo(() => (trend ? trendConfig(trend.rows, trend.groupBy === 'month' ? 'month' : 'day') : null), [trend]);

  const load = useCallback(
    async (f: Form) => {
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
      const day = hallDay(r.ok ? r.value.serverTime : new Date().toISOString());
      setToday(day);
      const initial: Form = { ...presetRange('thisMonth', day), groupBy: 'clerk', windowNo: '', staffId: '' };
      setForm(initial);
      void load(initial);
    });
  }, [api, load]);

  if (!form || !today) return <p className="muted">正在加载…</p>;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(form);
  };
  const preset = (id: (typeof PRESETS)[number]['id']) => {
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
        <div className="stats-presets" role="group" aria-label="统计期间">
          {PRESETS.map((p) => (
            <button key={p.id} type="button" className="secondary" onClick={() => preset(p.id)}>
              {p.label}
            </button>
          ))}
        </div>
        <form className="stats-filters" onSubmit={submit} noValidate aria-label="统计条件">
          <Field label="开始日期" error={fieldError(error, 'from')}>
            <input type="date" name="from" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
          </Field>
          <Field label="结束日期" error={fieldError(error, 'to')}>
            <input type="date" name="to" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
          </Field>
          <Field label="统计方式">
            <select name="groupBy" value={form.groupBy} onChange={(e) => setForm({ ...form, groupBy: STATS_GROUPS.find((g) => g === e.target.value) ?? 'clerk' })}>
              {STATS_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {STATS_GROUP_LABELS[g]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="窗口号" error={fieldError(error, 'windowNo')}>
            <input name="windowNo" value={form.windowNo} maxLength={10} placeholder="全部" onChange={(e) => setForm({ ...form, windowNo: e.target.value })} />
          </Field>
          <Field label="工作人员" error={fieldError(error, 'staffId')}>
            <select name="staffId" value={form.staffId} onChange={(e) => setForm({ ...form, staffId: e.target.value })}>
              <option value="">全部</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}（{s.staffNo}）
                </option>
              ))}
            </select>
          </Field>
          <div className="stats-filter-actions">
            <button type="submit" className="primary" disabled={busy}>
              统计
            </button>
          </div>
        </form>
        {showExport ? <ExportBox api={api} filter={toFilter(form)} /> : null}
        <QueryError query={staffQuery} what="工作人员名单" />
        <ErrorBanner error={error} />
        {report ? (
          <>
            <p className="muted stats-range">
              统计期间：{report.from} 至 {report.to}，{STATS_GROUP_LABELS[report.groupBy]}；逾期按今天（{report.today}）判断。
            </p>
            {report.rows.length === 0 ? <p className="muted">统计期间内没有记录。</p> : <StatsTable report={report} />}
          </>
        ) : null}
      </section>
      {report && report.rows.length > 0 ? (
        <section className="card stats-charts">
          {volume ? <ChartCanvas config={volume} label="接待量与受理量柱状图" testId="chart-volume" /> : null}
          {ratings ? <ChartCanvas config={ratings} label="评价分布堆叠柱状图" testId="chart-ratings" /> : null}
          {satisfaction ? <ChartCanvas config={satisfaction} label="满意率折线图" testId="chart-trend" /> : null}
        </section>
      ) : null}
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
