/**
 * Pure helpers for the supervisors' statistics (监督考评制): rating levels,
 * the satisfaction rate, averages, hall-time buckets and the date range.
 *
 * Definitions (the same text is shown as footnotes on the 统计分析 screen and
 * written at the end of exports, see STATS_FOOTNOTES):
 *  - contacts: contacts received (contact.received_at within the range);
 *  - accepted: cases accepted (service_case.accepted_at within the range);
 *  - notified: 一次性告知单 issued (notification.issued_at within the range);
 *  - referred: 引导单 issued (referral.issued_at within the range);
 *  - average handling time: for the cases accepted in the range, the mean of
 *    minutes from the contact's received_at to the case's accepted_at
 *    (receiving to acceptance; closed-without-acceptance contacts do not count);
 *  - rating distribution: ratings answered in the range (rating.answered_at), counted per level;
 *    未评价 (status notRated: the applicant did not rate) is counted separately, by when it
 *    was answered or, if never, by when it expired; pending ratings are not counted;
 *  - satisfaction rate = (非常满意 + 满意 + 基本满意) / rated (GB/T 39734-2020 style), 未评价 excluded;
 *  - follow-ups: bad-rating follow-ups opened in the range (follow_up.opened_at) that are still
 *    open; overdue = of those, rectify_due before today (hall date);
 *  - 婚姻登记: marriages and reissues registered, divorce applications accepted and applications
 *    refused (any kind), by civil_case.received_at and the receiving clerk; divorces registered by
 *    registered_at and the registrar.
 * Days and months are hall time (UTC+8). Clerk grouping uses whoever is recorded on
 * each record: the contact's first-contact clerk, the accepting clerk, the issuing clerk,
 * the rated clerk, the follow-up's clerk.
 */
import { hallDate, hallDayBounds } from './hall-time';
import { RATING_LEVELS } from './rating';

/** The distribution's order: 非常满意, 满意, 基本满意, 不满意, 非常不满意 (the last two are bad ratings). */
export const DISTRIBUTION_LABELS: readonly string[] = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];

/**
 * The stored rating.level of each distribution position. The meaning of a stored
 * level is the rating module's (shared/domain/rating.ts, the code that writes the
 * rows), read from there rather than restated, so the statistics can never count
 * a level differently from the rating pad that recorded it.
 */
export const LEVEL_AT: readonly number[] = DISTRIBUTION_LABELS.map((label) => {
  const level = RATING_LEVELS.find((l) => l.label === label)?.level;
  if (level === undefined) throw new Error(`rating level ${label} is not defined`);
  return level;
});

/** Position of a stored level in the distribution; -1 for a level outside 1–5. */
export function ratingIndex(level: number): number {
  return LEVEL_AT.indexOf(level);
}

export const STATS_GROUPS = ['clerk', 'window', 'day', 'month'] as const;
export type StatsGroupBy = (typeof STATS_GROUPS)[number];
export const STATS_GROUP_LABELS: Record<StatsGroupBy, string> = { clerk: '按工作人员', window: '按窗口', day: '按日', month: '按月' };

/** Longest report range in days, both ends included. */
export const MAX_RANGE_DAYS = 366;

/**
 * Satisfaction rate in [0, 1]: (非常满意 + 满意 + 基本满意) / all rated.
 * `distribution` holds the counts in the order 非常满意 … 非常不满意. Null when nothing was rated.
 */
export function satisfactionRate(distribution: readonly number[]): number | null {
  const rated = distribution.reduce((a, b) => a + b, 0);
  if (rated === 0) return null;
  const satisfied = (distribution[0] ?? 0) + (distribution[1] ?? 0) + (distribution[2] ?? 0);
  return satisfied / rated;
}

/** Mean of a total over a count; null for no items. */
export function average(total: number, count: number): number | null {
  return count > 0 ? total / count : null;
}

/** A rate as shown: 96.7%, or — when there is none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Minutes as shown, one decimal, or — when there is none. */
export function formatMinutes(minutes: number | null): string {
  return minutes === null ? '—' : (Math.round(minutes * 10) / 10).toFixed(1);
}

const DAY_MS = 86_400_000;

/** The bucket key of an instant: hall date for 'day', hall month (YYYY-MM) for 'month'. */
export function bucketKey(iso: string, by: 'day' | 'month'): string {
  const day = hallDate(iso);
  return by === 'day' ? day : day.slice(0, 7);
}

/** Whether a YYYY-MM-DD string is a real calendar date. */
export function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const t = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date;
}

/** Days from `from` to `to`, both included (1 for the same day). */
export function rangeDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The UTC instants bounding hall dates from…to (from's 00:00 and the day after to's 00:00, in UTC+8). */
export function rangeInstants(from: string, to: string): { start: string; end: string } {
  return {
    start: hallDayBounds(from).start.toISOString(),
    end: hallDayBounds(to).end.toISOString(),
  };
}

/** Every bucket key of a range, in order (so charts show empty days and months too). */
export function bucketsOf(from: string, to: string, by: 'day' | 'month'): string[] {
  const keys: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const key = by === 'day' ? day : day.slice(0, 7);
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  return keys;
}

/** The label of a day or month bucket: 2026-09-01 or 2026年9月. */
export function bucketLabel(key: string, by: 'day' | 'month'): string {
  return by === 'day' ? key : `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`;
}

/** Date range presets of the screen, from the hall date of today. */
export function presetRange(preset: 'thisMonth' | 'lastMonth' | 'thisYear', today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (preset === 'thisMonth') return { from: `${year}-${pad(month)}-01`, to: today };
  if (preset === 'thisYear') return { from: `${year}-01-01`, to: today };
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
}

/** The footnotes of the screen and the exports, one per measure. */
export const STATS_FOOTNOTES: readonly string[] = [
  '接待量：统计期内登记接待的人次（按接待登记时间）。',
  '受理量：统计期内受理的办件数（按受理时间）；告知量、引导量：统计期内开具的一次性告知单、引导单数（按开具时间）。',
  '平均办理时长：统计期内受理的办件，从接待登记到受理的平均分钟数。',
  '评价分布：统计期内作出评价的次数（按评价时间）；未评价单独统计，不计入满意率。',
  '满意率 =（非常满意 + 满意 + 基本满意）÷ 已评价次数（参照 GB/T 39734-2020）。',
  '整改中：统计期内因差评生成、目前仍未办结的整改回访；逾期：其中整改期限早于今天的。',
  '婚姻登记：结婚登记、补领、离婚申请受理、不予登记按受理时间和受理人统计；离婚登记按登记（发证）时间和登记员统计。',
  '日期、月份均按北京时间（UTC+8）划分；按工作人员统计时，各项计入记录上的经办人（首问人、受理人、开具人、被评价人、登记员）。',
];
