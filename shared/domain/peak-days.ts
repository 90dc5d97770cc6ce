/**
 * Peak days for marriage registration appointments: dates couples favour
 * (5·20, 七夕, 双十二, 情人节) get their own slot capacity. A rule is a solar
 * month/day or a lunar month/day; the solar → lunar conversion is injected
 * (the core passes chinese-days' getLunarDate), so this file stays pure.
 */
import { characters } from './masking';
import { isPlainDate, isRealDate, type PlainDate } from './plain-date';

export type PeakDayRule =
  | { kind: 'solar'; month: number; day: number; name: string }
  | { kind: 'lunar'; month: number; day: number; name: string };

export const DEFAULT_PEAK_DAYS: readonly PeakDayRule[] = [
  { kind: 'solar', month: 5, day: 20, name: '5·20' },
  { kind: 'lunar', month: 7, day: 7, name: '七夕' },
  { kind: 'solar', month: 12, day: 12, name: '双十二' },
  { kind: 'solar', month: 2, day: 14, name: '情人节' },
];

/** Converts a solar date to the lunar month/day (injected: the core passes chinese-days' getLunarDate, tests do too). */
export type LunarOf = (date: PlainDate) => { month: number; day: number; leap: boolean };

export const MAX_PEAK_NAME_LENGTH = 20;

/** The peak rule that matches the date (a lunar rule never matches a leap month), or null. The first matching rule wins. */
export function peakDayOf(date: PlainDate, rules: readonly PeakDayRule[], lunarOf: LunarOf): PeakDayRule | null {
  if (!isPlainDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${String(date).slice(0, 30)}`);
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  let lunar: ReturnType<LunarOf> | null = null;
  for (const rule of rules) {
    if (rule.kind === 'solar') {
      if (rule.month === month && rule.day === day) return rule;
    } else {
      lunar ??= lunarOf(date);
      if (!lunar.leap && rule.month === lunar.month && rule.day === lunar.day) return rule;
    }
  }
  return null;
}

export function slotCapacity(
  date: PlainDate,
  settings: { normal: number; peak: number; rules: readonly PeakDayRule[] },
  lunarOf: LunarOf,
): { capacity: number; peak: PeakDayRule | null } {
  const peak = peakDayOf(date, settings.rules, lunarOf);
  return { capacity: peak === null ? settings.normal : settings.peak, peak };
}

/** Real month/day (lunar day 1–30; solar 29 February allowed), name 1–20 characters; null when fine. */
export function peakRuleProblem(rule: PeakDayRule): string | null {
  if (rule.kind !== 'solar' && rule.kind !== 'lunar') return '请选择公历或农历';
  const calendar = rule.kind === 'solar' ? '公历' : '农历';
  if (!Number.isInteger(rule.month) || rule.month < 1 || rule.month > 12) return `${calendar}月份应为 1 到 12`;
  if (rule.kind === 'solar') {
    // 2000 is a leap year: 29 February is a real (if rare) peak day
    if (!isRealDate(2000, rule.month, rule.day)) return `公历 ${rule.month} 月没有 ${String(rule.day)} 日，请核对`;
  } else if (!Number.isInteger(rule.day) || rule.day < 1 || rule.day > 30) {
    return '农历日期应为初一到三十（1 到 30）';
  }
  const name = rule.name.trim();
  if (name === '') return '请填写高峰日名称，如“七夕”';
  if (characters(name).length > MAX_PEAK_NAME_LENGTH) return `高峰日名称不能超过 ${MAX_PEAK_NAME_LENGTH} 个字`;
  return null;
}
