/**
 * The hall's date and clock: Beijing time, UTC+8, with no daylight saving.
 * Every hall date, wall-clock time and day boundary in the app comes from here
 * (the core, the slips and the renderer), whatever zone the machine runs in.
 *
 * An instant is an ISO string, a Date or epoch milliseconds. A hall date is
 * 'YYYY-MM-DD', a hall clock time 'HH:MM'.
 */

/** How far the hall's wall clock is ahead of UTC. */
export const HALL_UTC_OFFSET_MS = 8 * 3_600_000;

const DAY_MS = 86_400_000;

export type Instant = string | Date | number;

function epochMs(at: Instant): number {
  if (typeof at === 'number') return at;
  return typeof at === 'string' ? Date.parse(at) : at.getTime();
}

/** The instant shifted so that its UTC fields read the hall's wall clock. */
function wall(at: Instant): Date {
  return new Date(epochMs(at) + HALL_UTC_OFFSET_MS);
}

/** The hall's calendar fields of an instant (month 1–12); NaN fields for an invalid instant. */
export function hallParts(at: Instant): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const t = wall(at);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

/** The hall date of an instant: '2026-09-29'. */
export function hallDate(at: Instant): string {
  return wall(at).toISOString().slice(0, 10);
}

/** The hall clock time of an instant: '09:30'. */
export function hallTime(at: Instant): string {
  return wall(at).toISOString().slice(11, 16);
}

/** The hall date and clock time of an instant: '2026-09-29 09:30'. */
export function hallDateTime(at: Instant): string {
  return `${hallDate(at)} ${hallTime(at)}`;
}

/** The hall date and clock time to the second: '2026-09-29 09:30:05'; '' for no instant, the text itself when it is not one. */
export function hallDateTimeSeconds(at: Instant | null): string {
  if (at === null) return '';
  const t = wall(at);
  if (Number.isNaN(t.getTime())) return typeof at === 'string' ? at : '';
  return `${t.toISOString().slice(0, 10)} ${t.toISOString().slice(11, 19)}`;
}

/** The hall date and time to the second as a file-name stamp: '20260929-093000'. */
export function hallStamp(at: Instant): string {
  const t = wall(at).toISOString();
  return `${t.slice(0, 10).replaceAll('-', '')}-${t.slice(11, 19).replaceAll(':', '')}`;
}

/** The instant a hall date and clock time name ('2026-09-29', '09:30'); an invalid Date when either does not exist (2026-09-31, 24:00). */
export function hallInstant(date: string, time = '00:00'): Date {
  const at = new Date(Date.parse(`${date}T${time}:00Z`) - HALL_UTC_OFFSET_MS);
  // Date.parse rolls some impossible dates over (September 31st is October 1st): only an exact round trip is a real date
  return !Number.isNaN(at.getTime()) && hallDate(at) === date && hallTime(at) === time ? at : new Date(Number.NaN);
}

/** The instants bounding one hall date: its 00:00 and the next day's 00:00 (end excluded). */
export function hallDayBounds(date: string): { start: Date; end: Date } {
  const start = hallInstant(date);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

/** The first instant of the hall month `monthsBack` months before the instant's hall month. */
export function hallMonthStart(at: Instant, monthsBack = 0): Date {
  const t = wall(at);
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - monthsBack, 1) - HALL_UTC_OFFSET_MS);
}
