import { getLunarDate } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PEAK_DAYS, peakDayOf, peakRuleProblem, slotCapacity, type LunarOf, type PeakDayRule } from '../../shared/domain/peak-days';

/** What the core passes: chinese-days' conversion. */
const lunarOf: LunarOf = (date) => {
  const l = getLunarDate(date);
  return { month: l.lunarMon, day: l.lunarDay, leap: l.isLeap };
};

describe('peakDayOf with the default rules', () => {
  const cases: [date: string, peak: string | null][] = [
    ['2026-05-20', '5·20'],
    ['2026-05-21', null],
    ['2026-05-19', null],
    ['2026-08-19', '七夕'],
    ['2026-08-18', null],
    ['2025-08-29', '七夕'],
    ['2025-08-19', null],
    ['2006-07-31', '七夕'],
    // 2006 had a leap 7th month: its 7th day is not 七夕
    ['2006-08-30', null],
    ['2026-12-12', '双十二'],
    ['2026-02-14', '情人节'],
    ['2026-02-15', null],
    ['2026-01-01', null],
  ];
  it.each(cases)('%s → %s', (date, peak) => {
    expect(peakDayOf(date, DEFAULT_PEAK_DAYS, lunarOf)?.name ?? null).toBe(peak);
  });

  it('relies on chinese-days for the leap month', () => {
    expect(lunarOf('2006-08-30')).toEqual({ month: 7, day: 7, leap: true });
    expect(lunarOf('2026-08-19')).toEqual({ month: 7, day: 7, leap: false });
  });

  it('looks up the lunar date only when a lunar rule needs it', () => {
    let calls = 0;
    const counting: LunarOf = (date) => {
      calls++;
      return lunarOf(date);
    };
    peakDayOf('2026-05-20', DEFAULT_PEAK_DAYS, counting);
    expect(calls).toBe(0);
    peakDayOf('2026-12-12', DEFAULT_PEAK_DAYS, counting);
    peakDayOf('2026-12-13', DEFAULT_PEAK_DAYS, counting);
    expect(calls).toBe(2);
  });
});

describe('slotCapacity', () => {
  const settings = { normal: 40, peak: 120, rules: DEFAULT_PEAK_DAYS };
  const cases: [date: string, capacity: number, peak: string | null][] = [
    ['2026-05-20', 120, '5·20'],
    ['2026-08-19', 120, '七夕'],
    ['2026-08-20', 40, null],
  ];
  it.each(cases)('%s: %i', (date, capacity, peak) => {
    const slot = slotCapacity(date, settings, lunarOf);
    expect(slot.capacity).toBe(capacity);
    expect(slot.peak?.name ?? null).toBe(peak);
  });

  it('has no peak without rules', () => {
    expect(slotCapacity('2026-05-20', { ...settings, rules: [] }, lunarOf)).toEqual({ capacity: 40, peak: null });
  });

  it('takes the first matching rule', () => {
    const rules: PeakDayRule[] = [
      { kind: 'lunar', month: 7, day: 7, name: '七夕节' },
      { kind: 'solar', month: 8, day: 19, name: '本地纪念日' },
    ];
    expect(peakDayOf('2026-08-19', rules, lunarOf)?.name).toBe('七夕节');
  });
});

describe('peakRuleProblem', () => {
  const cases: [rule: PeakDayRule, problem: RegExp | null][] = [
    ...DEFAULT_PEAK_DAYS.map((r): [PeakDayRule, null] => [r, null]),
    [{ kind: 'solar', month: 2, day: 29, name: '闰日' }, null],
    [{ kind: 'lunar', month: 12, day: 30, name: '除夕' }, null],
    [{ kind: 'solar', month: 2, day: 30, name: '错误' }, /公历 2 月没有 30 日/],
    [{ kind: 'solar', month: 4, day: 31, name: '错误' }, /公历 4 月没有 31 日/],
    [{ kind: 'solar', month: 13, day: 1, name: '错误' }, /公历月份应为 1 到 12/],
    [{ kind: 'lunar', month: 0, day: 1, name: '错误' }, /农历月份/],
    [{ kind: 'lunar', month: 1, day: 31, name: '错误' }, /初一到三十/],
    [{ kind: 'lunar', month: 1, day: 0, name: '错误' }, /初一到三十/],
    [{ kind: 'lunar', month: 1, day: 1.5, name: '错误' }, /初一到三十/],
    [{ kind: 'solar', month: 5, day: 20, name: '  ' }, /请填写高峰日名称/],
    [{ kind: 'solar', month: 5, day: 20, name: '日'.repeat(20) }, null],
    [{ kind: 'solar', month: 5, day: 20, name: '日'.repeat(21) }, /不能超过 20 个字/],
    [{ kind: 'gregorian', month: 5, day: 20, name: '5·20' } as unknown as PeakDayRule, /公历或农历/],
  ];
  it.each(cases)('%j', (rule, problem) => {
    const found = peakRuleProblem(rule);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
