/** The work calendars the date-rule tests compute with: the statutory one, and 2027 entered by a supervisor. */
import { statutoryCalendar } from '../../electron/services/reference/statutory-data';
import { createWorkCalendar, type CalendarOverride } from '../../shared/domain/working-days';

export const statutory = statutoryCalendar();
export const base = createWorkCalendar(statutory);

export function override(date: string, kind: 'workday' | 'restday', name: string, coversYear = false): CalendarOverride {
  return { date, kind, name, source: '测试用通知', enteredBy: '王主任（S001）', coversYear };
}

/** 2027 entered by a supervisor from the (future) State Council notice, flagged as the full year (only New Year's Day off besides weekends). */
export const with2027 = createWorkCalendar(statutory, [override('2027-01-01', 'restday', '元旦', true)]);
