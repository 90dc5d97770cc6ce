/**
 * Divorce registration periods (民法典 art. 1077; 婚姻登记条例 as revised
 * 2025). D0, the day the application is received, does not count. The
 * cooling-off period ends on D0 + 30, moved to the next working day when
 * that day is not one; during it either party alone may withdraw. Within
 * the next 30 days (same counting) both parties must come back for the
 * divorce certificates, otherwise the application is deemed withdrawn.
 * Example: received 2026-09-01 → cooling-off ends 2026-10-08 →
 * certificates by 2026-11-09.
 */
import { addDays, isPlainDate, type PlainDate } from './plain-date';
import { isWorkingDay, periodEndRolled, type Deadline, type WorkCalendar } from './working-days';

export const COOLING_OFF_DAYS = 30;
export const REGISTRATION_WINDOW_DAYS = 30;

export interface DivorceDeadlines {
  coolingOffEnd: Deadline;
  certificateDeadline: Deadline;
}

/**
 * D0 = the day received (does not count); cooling-off ends D0+30 rolled to
 * the next working day (periodEndRolled); the certificate deadline is that
 * end + 30, rolled the same way. Pending when either cannot be known (the
 * certificate deadline is pending whenever the cooling-off end is).
 */
export function divorceDeadlines(cal: WorkCalendar, received: PlainDate): DivorceDeadlines {
  if (!isPlainDate(received)) throw new RangeError(`not a YYYY-MM-DD date: ${String(received).slice(0, 30)}`);
  const coolingOffEnd = periodEndRolled(cal, received, COOLING_OFF_DAYS);
  const certificateDeadline = 'date' in coolingOffEnd ? periodEndRolled(cal, coolingOffEnd.date, REGISTRATION_WINDOW_DAYS) : coolingOffEnd;
  return { coolingOffEnd, certificateDeadline };
}

export type DivorceStage = 'coolingOff' | 'awaitingRegistration' | 'expired' | 'unknown';

/**
 * coolingOff while today <= coolingOffEnd (either party may withdraw);
 * awaitingRegistration from the next day through certificateDeadline (both
 * must come to register); expired after it (deemed withdrawn); unknown when
 * a needed date is pending. (A known cooling-off end is enough to say
 * coolingOff even when the certificate deadline is still pending.)
 */
export function divorceStage(deadlines: DivorceDeadlines, today: PlainDate): DivorceStage {
  if (!isPlainDate(today)) throw new RangeError('today must be a YYYY-MM-DD date');
  const { coolingOffEnd, certificateDeadline } = deadlines;
  if (!('date' in coolingOffEnd)) return 'unknown';
  if (today <= coolingOffEnd.date) return 'coolingOff';
  if (!('date' in certificateDeadline)) return 'unknown';
  return today <= certificateDeadline.date ? 'awaitingRegistration' : 'expired';
}

/**
 * Working days left until the certificate deadline, for the clerk's
 * "expiring" list: the working days after `today` up to and including the
 * deadline (0 on the deadline day itself and after it). null when the
 * deadline is pending or a day in between is in an uncovered year.
 */
export function workingDaysLeft(cal: WorkCalendar, deadlines: DivorceDeadlines, today: PlainDate): number | null {
  if (!isPlainDate(today)) throw new RangeError('today must be a YYYY-MM-DD date');
  const { certificateDeadline } = deadlines;
  if (!('date' in certificateDeadline)) return null;
  let count = 0;
  for (let date = addDays(today, 1); date <= certificateDeadline.date; date = addDays(date, 1)) {
    const working = isWorkingDay(cal, date);
    if (working === 'unknown') return null;
    if (working) count++;
  }
  return count;
}
