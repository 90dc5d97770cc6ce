import { describe, expect, it } from 'vitest';
import {
  COOLING_OFF_DAYS,
  divorceDeadlines,
  divorceStage,
  REGISTRATION_WINDOW_DAYS,
  workingDaysLeft,
  type DivorceDeadlines,
  type DivorceStage,
} from '../../shared/domain/divorce-periods';
import { weekday } from '../../shared/domain/plain-date';
import { isWorkingDay, type Deadline } from '../../shared/domain/working-days';
import { base, with2027 } from '../support/work-calendar';


function dateOf(d: Deadline): string | null {
  return 'date' in d ? d.date : null;
}

describe('divorce deadlines', () => {
  it('uses 30 days for both periods', () => {
    expect(COOLING_OFF_DAYS).toBe(30);
    expect(REGISTRATION_WINDOW_DAYS).toBe(30);
  });

  it('knows the facts the cases rely on', () => {
    expect(isWorkingDay(base, '2026-10-01')).toBe(false); // National Day
    expect(isWorkingDay(base, '2026-10-10')).toBe(true); // make-up workday, a Saturday
    expect(weekday('2026-10-10')).toBe(6);
    expect(weekday('2026-01-31')).toBe(6);
    expect(weekday('2026-11-07')).toBe(6);
  });

  const cases: [label: string, received: string, coolingOffEnd: string | null, certificateDeadline: string | null][] = [
    // DESIGN.md: D0+30 is National Day → 10-08; 10-08+30 is Saturday 11-07 → Monday 11-09
    ['the design example', '2026-09-01', '2026-10-08', '2026-11-09'],
    // D0+30 is the make-up workday Saturday 2026-10-10: no roll
    ['ends on a make-up workday Saturday', '2026-09-10', '2026-10-10', '2026-11-09'],
    // D0+30 is an ordinary Saturday → Monday
    ['ends on an ordinary Saturday', '2026-01-01', '2026-02-02', '2026-03-04'],
    ['ends on a Sunday', '2026-11-20', '2026-12-21', null],
    ['ends on a Monday', '2026-04-11', '2026-05-11', '2026-06-10'],
    // the certificate window reaches into 2027, which chinese-days does not cover
    ['certificate deadline in 2027', '2026-11-15', '2026-12-15', null],
    ['cooling-off ends 31 December', '2026-12-01', '2026-12-31', null],
    ['both in 2027', '2026-12-10', null, null],
  ];
  it.each(cases)('%s: received %s', (_label, received, coolingOffEnd, certificateDeadline) => {
    const d = divorceDeadlines(base, received);
    expect(dateOf(d.coolingOffEnd)).toBe(coolingOffEnd);
    expect(dateOf(d.certificateDeadline)).toBe(certificateDeadline);
    for (const deadline of [d.coolingOffEnd, d.certificateDeadline]) {
      if ('pending' in deadline) {
        expect(deadline.year).toBe(2027);
        expect(deadline.reason).toContain('2027 年的法定节假日和调休安排尚未录入');
      }
    }
  });

  it('computes 2027 dates once the supervisor has entered the year', () => {
    const d = divorceDeadlines(with2027, '2026-12-10');
    // 2027-01-09 is a Saturday → Monday 01-11; +30 = 02-10, a Wednesday in the entered (test) arrangement
    expect(dateOf(d.coolingOffEnd)).toBe('2027-01-11');
    expect(dateOf(d.certificateDeadline)).toBe('2027-02-10');
    expect(dateOf(divorceDeadlines(with2027, '2026-11-15').certificateDeadline)).toBe('2027-01-14');
  });

  it('rejects a bad date', () => {
    expect(() => divorceDeadlines(base, '2026-02-30')).toThrow(RangeError);
  });
});

describe('divorce stage', () => {
  const example = divorceDeadlines(base, '2026-09-01');
  const halfKnown = divorceDeadlines(base, '2026-11-15'); // cooling-off 2026-12-15, certificates pending
  const unknown = divorceDeadlines(base, '2026-12-10');
  const cases: [label: string, deadlines: DivorceDeadlines, today: string, stage: DivorceStage][] = [
    ['the day received', example, '2026-09-01', 'coolingOff'],
    ['the day before the cooling-off ends', example, '2026-10-07', 'coolingOff'],
    ['the last day of cooling-off', example, '2026-10-08', 'coolingOff'],
    ['the day after cooling-off', example, '2026-10-09', 'awaitingRegistration'],
    ['the day before the certificate deadline', example, '2026-11-08', 'awaitingRegistration'],
    ['the certificate deadline', example, '2026-11-09', 'awaitingRegistration'],
    ['the day after the certificate deadline', example, '2026-11-10', 'expired'],
    ['cooling-off known, deadline pending: still cooling off', halfKnown, '2026-12-15', 'coolingOff'],
    ['cooling-off known, deadline pending: after it', halfKnown, '2026-12-16', 'unknown'],
    ['nothing known', unknown, '2026-12-10', 'unknown'],
  ];
  it.each(cases)('%s (%s)', (_label, deadlines, today, stage) => {
    expect(divorceStage(deadlines, today)).toBe(stage);
  });
});

describe('working days left until the certificate deadline', () => {
  const example = divorceDeadlines(base, '2026-09-01'); // certificates by Monday 2026-11-09
  const cases: [today: string, left: number | null][] = [
    ['2026-11-09', 0],
    ['2026-11-10', 0],
    ['2026-11-08', 1], // Sunday: only Monday left
    ['2026-11-06', 1], // Friday: the weekend does not count
    ['2026-11-05', 2],
    ['2026-10-30', 6],
  ];
  it.each(cases)('on %s: %j', (today, left) => {
    expect(workingDaysLeft(base, example, today)).toBe(left);
  });

  it('counts the make-up workday and skips the holiday', () => {
    // from 2026-09-30 to 2026-10-12: working days 10-08, 10-09, 10-10 (make-up), 10-12
    const d: DivorceDeadlines = { coolingOffEnd: { date: '2026-09-30' }, certificateDeadline: { date: '2026-10-12' } };
    expect(workingDaysLeft(base, d, '2026-09-30')).toBe(4);
  });

  it('is null when the deadline is pending or a day in between is unknown', () => {
    expect(workingDaysLeft(base, divorceDeadlines(base, '2026-11-15'), '2026-12-20')).toBeNull();
    const d: DivorceDeadlines = { coolingOffEnd: { date: '2026-12-01' }, certificateDeadline: { date: '2027-01-05' } };
    expect(workingDaysLeft(base, d, '2026-12-20')).toBeNull();
    // 12-29, 12-30, 12-31, (New Year's Day off), 01-04, 01-05
    expect(workingDaysLeft(with2027, d, '2026-12-28')).toBe(5);
  });
});
