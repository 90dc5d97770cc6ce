/**
 * Calendar dates as plain 'YYYY-MM-DD' strings: no time of day, no time zone.
 * Arithmetic goes through UTC midnight internally, so the host's time zone
 * and daylight-saving rules can never shift a date.
 */

/** A calendar date, 'YYYY-MM-DD'. */
export type PlainDate = string;

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year, month (1–12) and day name a day that exists (no 02-30, 1900-02-29 etc.). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a well-formed 'YYYY-MM-DD' that names a real day. */
export function isPlainDate(value: unknown): value is PlainDate {
  if (typeof value !== 'string') return false;
  const m = PLAIN_DATE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function parts(date: PlainDate): [number, number, number] {
  const m = PLAIN_DATE.exec(date);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`not a YYYY-MM-DD date: ${String(date).slice(0, 30)}`);
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function toUtcMs(date: PlainDate): number {
  const [y, m, d] = parts(date);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

function fromUtcMs(ms: number): PlainDate {
  const t = new Date(ms);
  const y = String(t.getUTCFullYear()).padStart(4, '0');
  const m = String(t.getUTCMonth() + 1).padStart(2, '0');
  const d = String(t.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function formatPlainDate(year: number, month: number, day: number): PlainDate {
  if (!isRealDate(year, month, day)) throw new RangeError(`not a real date: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date n days later (n may be negative). */
export function addDays(date: PlainDate, n: number): PlainDate {
  if (!Number.isInteger(n)) throw new RangeError(`days must be an integer: ${n}`);
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: PlainDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function yearOf(date: PlainDate): number {
  return parts(date)[0];
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** '2026-10-08（星期四）', for what the clerk reads. */
export function describeDate(date: PlainDate): string {
  return `${date}（${WEEKDAY_NAMES[weekday(date)] ?? ''}）`;
}

/** "2026-09-25" → "2026年9月25日", as slips and messages write dates. */
export function chineseDate(date: PlainDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y ?? ''}年${m ?? ''}月${d ?? ''}日`;
}
