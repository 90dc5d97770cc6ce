/** The pure statistics helpers: satisfaction rate, averages, hall-time buckets, ranges and presets. */
import { describe, expect, it } from 'vitest';
import {
  average,
  bucketKey,
  bucketLabel,
  bucketsOf,
  formatMinutes,
  formatRate,
  isRealDate,
  presetRange,
  rangeDays,
  rangeInstants,
  DISTRIBUTION_LABELS,
  LEVEL_AT,
  ratingIndex,
  satisfactionRate,
} from '../../shared/domain/stats';
import { isBadRating, ratingLabel } from '../../shared/domain/rating';

describe('satisfactionRate', () => {
  it.each([
    { dist: [0, 0, 0, 0, 0], rate: null },
    { dist: [1, 0, 0, 0, 0], rate: 1 },
    { dist: [0, 0, 1, 0, 0], rate: 1 },
    { dist: [0, 0, 0, 1, 1], rate: 0 },
    { dist: [1, 1, 1, 1, 0], rate: 0.75 },
    { dist: [10, 5, 3, 1, 1], rate: 0.9 },
  ])('$dist → $rate', ({ dist, rate }) => {
    expect(satisfactionRate(dist)).toBe(rate);
  });
});

describe('levels', () => {
  it('reads stored levels as the rating module defines them, best first, the last two bad', () => {
    expect(DISTRIBUTION_LABELS).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(LEVEL_AT.map((l) => [ratingLabel(l), isBadRating(l), ratingIndex(l)])).toEqual(DISTRIBUTION_LABELS.map((label, i) => [label, i >= 3, i]));
    expect(new Set(LEVEL_AT)).toEqual(new Set([1, 2, 3, 4, 5]));
  });
  it.each([0, 6, -1, 2.5])('level %s is not counted', (l) => {
    expect(ratingIndex(l)).toBe(-1);
  });
});

describe('averages and formats', () => {
  it.each([
    { total: 0, count: 0, mean: null, shown: '—' },
    { total: 45, count: 3, mean: 15, shown: '15.0' },
    { total: 10, count: 3, mean: 10 / 3, shown: '3.3' },
  ])('$total / $count', ({ total, count, mean, shown }) => {
    expect(average(total, count)).toBe(mean);
    expect(formatMinutes(average(total, count))).toBe(shown);
  });
  it.each([
    [null, '—'],
    [1, '100.0%'],
    [1 / 3, '33.3%'],
    [0.9995, '100.0%'],
    [0, '0.0%'],
  ] as const)('rate %s → %s', (rate, shown) => {
    expect(formatRate(rate)).toBe(shown);
  });
});

describe('hall-time buckets', () => {
  it.each([
    { iso: '2026-09-30T15:59:59.999Z', day: '2026-09-30', month: '2026-09' },
    { iso: '2026-09-30T16:00:00.000Z', day: '2026-10-01', month: '2026-10' },
    { iso: '2025-12-31T16:00:00.000Z', day: '2026-01-01', month: '2026-01' },
  ])('$iso', ({ iso, day, month }) => {
    expect(bucketKey(iso, 'day')).toBe(day);
    expect(bucketKey(iso, 'month')).toBe(month);
  });
  it('lists every bucket of a range', () => {
    expect(bucketsOf('2026-01-30', '2026-02-02', 'day')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
    expect(bucketsOf('2025-12-15', '2026-02-01', 'month')).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(bucketLabel('2026-09', 'month')).toBe('2026年9月');
    expect(bucketLabel('2026-09-01', 'day')).toBe('2026-09-01');
  });
  it('bounds a range of hall dates in UTC', () => {
    expect(rangeInstants('2026-09-01', '2026-09-30')).toEqual({ start: '2026-08-31T16:00:00.000Z', end: '2026-09-30T16:00:00.000Z' });
  });
});

describe('dates and ranges', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-9-1', false],
  ] as const)('%s real: %s', (date, real) => {
    expect(isRealDate(date)).toBe(real);
  });
  it.each([
    ['2026-09-01', '2026-09-01', 1],
    ['2026-09-01', '2026-09-30', 30],
    ['2025-01-01', '2026-01-01', 366],
    ['2024-01-01', '2024-12-31', 366],
  ] as const)('%s…%s is %i days', (from, to, days) => {
    expect(rangeDays(from, to)).toBe(days);
  });
  it.each([
    ['thisMonth', '2026-09-29', { from: '2026-09-01', to: '2026-09-29' }],
    ['lastMonth', '2026-09-29', { from: '2026-08-01', to: '2026-08-31' }],
    ['lastMonth', '2026-03-05', { from: '2026-02-01', to: '2026-02-28' }],
    ['lastMonth', '2026-01-10', { from: '2025-12-01', to: '2025-12-31' }],
    ['thisYear', '2026-09-29', { from: '2026-01-01', to: '2026-09-29' }],
  ] as const)('%s on %s', (preset, today, range) => {
    expect(presetRange(preset, today)).toEqual(range);
  });
});
