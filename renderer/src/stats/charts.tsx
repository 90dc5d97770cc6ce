/** The statistics charts (chart.js on a canvas): volume, rating distribution, satisfaction trend, 婚姻登记. */
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
  type ChartDataset,
  type ChartType,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import type { StatsRow } from '../../../shared/contract';
import { DISTRIBUTION_LABELS } from '../../../shared/domain/stats';

// only what the three charts use (no eval anywhere in chart.js: fine under script-src 'self')
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip, Title);
Chart.defaults.font.family = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif";
Chart.defaults.animation = false;

const LEVEL_COLOURS = ['#1a7f37', '#4caf50', '#a3c75d', '#f0a030', '#c62828'];

/** One chart on a canvas; rebuilt when the configuration changes, destroyed on unmount. */
export function ChartCanvas<T extends ChartType>({ config, label, testId }: { config: ChartConfiguration<T>; label: string; testId: string }) {
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

/** Bars of counts (whole numbers from zero), one dataset a measure, under a title: the shape of every count chart. */
export function countBarsConfig(labels: string[], title: string, datasets: ChartDataset<'bar'>[]): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: { labels, datasets },
    options: { maintainAspectRatio: false, plugins: { title: { display: true, text: title } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}

export function barConfig(rows: StatsRow[]): ChartConfiguration<'bar'> {
  return countBarsConfig(
    rows.map((r) => r.label),
    '接待量与受理量',
    [
      { label: '接待量', data: rows.map((r) => r.contacts), backgroundColor: '#1f5fbf' },
      { label: '受理量', data: rows.map((r) => r.accepted), backgroundColor: '#6aa5e8' },
    ],
  );
}

export function ratingConfig(rows: StatsRow[]): ChartConfiguration<'bar'> {
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

export function trendConfig(rows: StatsRow[], by: 'day' | 'month'): ChartConfiguration<'line'> {
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

export function civilConfig(rows: StatsRow[]): ChartConfiguration<'bar'> {
  return countBarsConfig(
    rows.map((r) => r.label),
    '婚姻登记',
    [
      { label: '结婚登记', data: rows.map((r) => r.marriages), backgroundColor: '#c62828' },
      { label: '离婚登记', data: rows.map((r) => r.divorces), backgroundColor: '#6d4c41' },
      { label: '离婚申请受理', data: rows.map((r) => r.divorceApplications), backgroundColor: '#bcaaa4' },
      { label: '不予登记', data: rows.map((r) => r.refusals), backgroundColor: '#f0a030' },
    ],
  );
}
