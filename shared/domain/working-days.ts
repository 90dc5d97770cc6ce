/**
 * Working days and statutory periods that never guess.
 *
 * A WorkCalendar is built from two sources, checked in this order:
 * 1. the override table kept by a supervisor (one entry per date: workday or
 *    restday, with its name, the State Council notice it comes from and who
 *    entered it);
 * 2. the statutory holidays and make-up workdays shipped in the chinese-days
 *    package (years 2004–2026 in 1.5.7), then Monday–Friday.
 *
 * Coverage rule: a date is known when it has an override, or when its year
 * is covered. A year is covered when chinese-days has that year's annual
 * arrangement (we take "the data has the year's Spring Festival", because
 * every annual State Council notice sets it), or when the override table
 * has at least one entry for that year flagged `coversYear` — the
 * supervisor's statement "this year's notice is entered in full". An entry
 * without the flag (a local closure, a single correction) changes its own
 * date only and never makes the rest of an uncovered year count as
 * Monday–Friday. Any calculation that needs a day that is not known answers
 * pending (待定) with a Chinese reason instead of a date.
 *
 * Counting (民法典 arts. 201, 203; 行政许可法 art. 82): the start day never
 * counts. N working days end on the Nth working day after the start day;
 * a period of N days ends on start + N, moved to the next working day when
 * that day is not a working day. N = 0 means on the spot: the start day.
 */
import { addDays, daysBetween, isPlainDate, weekday, yearOf, type PlainDate } from './plain-date';

export type OverrideKind = 'workday' | 'restday';

export interface CalendarOverride {
  date: PlainDate;
  kind: OverrideKind;
  /** What the day is, e.g. 国庆节 or 国庆节调休上班. */
  name: string;
  /** The document it comes from, e.g. 国办发明电〔2026〕7号. */
  source: string;
  enteredBy: string | null;
  /** The supervisor states that this year's whole arrangement is entered. */
  coversYear: boolean;
}

/** Statutory holidays and make-up workdays, as a date → name table. */
export interface StatutoryCalendar {
  /** Days off (法定节假日 and the days moved next to them). */
  restdays: Readonly<Record<PlainDate, string>>;
  /** Weekend days that are working days (调休上班). */
  workdays: Readonly<Record<PlainDate, string>>;
  /** Years whose whole arrangement the data holds. */
  years: readonly number[];
  /** Where the data comes from, for screens and audit (e.g. chinese-days 1.5.7). */
  source: string;
}

export interface WorkCalendar {
  readonly statutory: StatutoryCalendar;
  readonly overrides: ReadonlyMap<PlainDate, CalendarOverride>;
  readonly statutoryYears: ReadonlySet<number>;
  /** Statutory years plus years flagged as covered by an override. */
  readonly coveredYears: ReadonlySet<number>;
}

export type Deadline = { date: PlainDate } | { pending: true; reason: string; year: number };

export type DayBasis = 'override' | 'holiday' | 'makeUpWorkday' | 'weekend' | 'weekday' | 'uncovered';

export interface DayInfo {
  date: PlainDate;
  working: boolean | 'unknown';
  basis: DayBasis;
  /** The holiday or override name, when there is one. */
  name: string | null;
}

/** Longest period the functions accept: ten years of days. */
export const MAX_PERIOD_DAYS = 3660;

/** chinese-days stores "National Day,国庆节,3": the Chinese name is the second field. */
function chineseName(raw: string): string {
  const fields = raw.split(',');
  return (fields[1] ?? fields[0] ?? raw).trim() || raw;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

/**
 * Reads chinese-days' raw data (dist/chinese-days.json: { holidays, workdays,
 * inLieuDays }, each date → "English,中文,n"). Throws when the shape is not
 * that, so a changed package cannot silently turn into "Monday–Friday".
 */
export function statutoryFromChineseDays(raw: unknown, source: string): StatutoryCalendar {
  if (typeof raw !== 'object' || raw === null) throw new Error('chinese-days data is not an object');
  const { holidays, workdays } = raw as { holidays?: unknown; workdays?: unknown };
  if (!isStringRecord(holidays) || !isStringRecord(workdays)) throw new Error('chinese-days data lacks holidays/workdays tables');
  const restdays: Record<PlainDate, string> = {};
  const work: Record<PlainDate, string> = {};
  const years = new Set<number>();
  for (const [date, name] of Object.entries(holidays)) {
    if (!isPlainDate(date)) throw new Error(`chinese-days data has a bad date: ${date}`);
    restdays[date] = chineseName(name);
    if (name.includes('Spring Festival') || name.includes('春节')) years.add(yearOf(date));
  }
  for (const [date, name] of Object.entries(workdays)) {
    if (!isPlainDate(date)) throw new Error(`chinese-days data has a bad date: ${date}`);
    if (date in restdays) throw new Error(`chinese-days data has ${date} as both holiday and workday`);
    work[date] = `${chineseName(name)}调休上班`;
  }
  return { restdays, workdays: work, years: [...years].sort((a, b) => a - b), source };
}

export function createWorkCalendar(statutory: StatutoryCalendar, overrides: readonly CalendarOverride[] = []): WorkCalendar {
  const byDate = new Map<PlainDate, CalendarOverride>();
  const covered = new Set(statutory.years);
  for (const o of overrides) {
    if (!isPlainDate(o.date)) throw new RangeError(`override has a bad date: ${o.date}`);
    if (byDate.has(o.date)) throw new RangeError(`two overrides for ${o.date}`);
    byDate.set(o.date, o);
    if (o.coversYear) covered.add(yearOf(o.date));
  }
  return { statutory, overrides: byDate, statutoryYears: new Set(statutory.years), coveredYears: covered };
}

export function isYearCovered(cal: WorkCalendar, year: number): boolean {
  return cal.coveredYears.has(year);
}

/** Why a calculation that reaches an uncovered year is pending (待定). */
export function uncoveredYearReason(year: number): string {
  return `${year} 年的法定节假日和调休安排尚未录入，无法确定工作日，日期待定；请主管在“节假日设置”中按国务院通知录入 ${year} 年安排后重新计算`;
}

export function describeDay(cal: WorkCalendar, date: PlainDate): DayInfo {
  const override = cal.overrides.get(date);
  if (override) return { date, working: override.kind === 'workday', basis: 'override', name: override.name };
  const year = yearOf(date);
  if (!cal.coveredYears.has(year)) return { date, working: 'unknown', basis: 'uncovered', name: null };
  const rest = cal.statutory.restdays[date];
  if (rest !== undefined) return { date, working: false, basis: 'holiday', name: rest };
  const work = cal.statutory.workdays[date];
  if (work !== undefined) return { date, working: true, basis: 'makeUpWorkday', name: work };
  const day = weekday(date);
  return day === 0 || day === 6 ? { date, working: false, basis: 'weekend', name: null } : { date, working: true, basis: 'weekday', name: null };
}

/** true / false, or 'unknown' for a date in an uncovered year without an override. */
export function isWorkingDay(cal: WorkCalendar, date: PlainDate): boolean | 'unknown' {
  return describeDay(cal, date).working;
}

function checkPeriod(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_PERIOD_DAYS) {
    throw new RangeError(`period must be an integer from 0 to ${MAX_PERIOD_DAYS}: ${n}`);
  }
}

function pending(date: PlainDate): Deadline {
  const year = yearOf(date);
  return { pending: true, reason: uncoveredYearReason(year), year };
}

/**
 * The Nth working day after `start` (the start day itself never counts).
 * N = 0 is "on the spot": the start day. Pending when a day that must be
 * looked at lies in an uncovered year.
 */
export function addWorkingDays(cal: WorkCalendar, start: PlainDate, n: number): Deadline {
  checkPeriod(n);
  if (!isPlainDate(start)) throw new RangeError(`not a YYYY-MM-DD date: ${String(start).slice(0, 30)}`);
  let date = start;
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    const working = isWorkingDay(cal, date);
    if (working === 'unknown') return pending(date);
    if (working) counted++;
  }
  return { date };
}

/**
 * A period of N calendar days from `start` (民法典 arts. 201, 203): it ends
 * on start + N; when that day is not a working day the period ends on the
 * next working day. Pending when a day that must be looked at lies in an
 * uncovered year.
 */
export function periodEndRolled(cal: WorkCalendar, start: PlainDate, n: number): Deadline {
  checkPeriod(n);
  let date = addDays(start, n);
  for (;;) {
    const working = isWorkingDay(cal, date);
    if (working === 'unknown') return pending(date);
    if (working) return { date };
    date = addDays(date, 1);
    // a run of more than a year of days off can only be a data error
    if (daysBetween(start, date) > n + 366) throw new Error(`no working day within a year after ${addDays(start, n)}`);
  }
}
