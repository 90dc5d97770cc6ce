/**
 * 好差评 (GB/T 39734-2020, 国办发〔2019〕51号): the five levels the applicant
 * chooses from, which of them are bad ratings, the reasons a bad rating asks
 * for, and the follow-up deadlines a bad rating opens. Pure: no I/O.
 */
import type { PlainDate } from './plain-date';
import { addWorkingDays, type WorkCalendar } from './working-days';

export type RatingLevel = 1 | 2 | 3 | 4 | 5;

/** 5 is best. The display lists them best first. */
export const RATING_LEVELS: readonly { level: RatingLevel; label: string; bad: boolean }[] = [
  { level: 5, label: '非常满意', bad: false },
  { level: 4, label: '满意', bad: false },
  { level: 3, label: '基本满意', bad: false },
  { level: 2, label: '不满意', bad: true },
  { level: 1, label: '非常不满意', bad: true },
];

export function ratingLabel(level: number): string {
  return RATING_LEVELS.find((l) => l.level === level)?.label ?? '未知';
}

/** 不满意 and 非常不满意 are bad ratings: they ask for a reason and open a follow-up. */
export function isBadRating(level: number): boolean {
  return level === 1 || level === 2;
}

/**
 * The display's thank-you, the same for every level: the clerk sees and hears
 * the display, and must not learn what the applicant chose.
 */
export const RATING_THANKS = '感谢您的评价！';

/**
 * 好差评 as the clerk's screens and slips show it: how many applicants rated
 * and how many did not, never the levels (those are for supervisors' statistics).
 */
export function clerkRatingLine(ratings: { rated: number; notRated: number }): string {
  return `已评价 ${ratings.rated} 次，未评价 ${ratings.notRated} 次`;
}

/** The reasons a bad rating offers; 其他 asks for the free text. */
export const BAD_REASONS = ['等候时间长', '态度不好', '一次性告知不清楚', '办理时间长', '材料要求多', '其他'] as const;
export type BadReason = (typeof BAD_REASONS)[number];

export type FollowUpDue = { date: PlainDate; pendingReason: null } | { date: null; pendingReason: string };

export interface FollowUpDeadlines {
  contactDue: FollowUpDue;
  rectifyDue: FollowUpDue;
}

function due(cal: WorkCalendar, start: PlainDate, days: number): FollowUpDue {
  const d = addWorkingDays(cal, start, days);
  return 'date' in d ? { date: d.date, pendingReason: null } : { date: null, pendingReason: d.reason };
}

/**
 * A bad rating answered on `answeredDay` (the hall's date): contact the
 * applicant within `contactDays` working days, rectify within `rectifyDays`
 * (the start day never counts; 0 means the same day). A day the calendar does
 * not cover makes that deadline 待定 with the reason.
 */
export function followUpDeadlines(cal: WorkCalendar, answeredDay: PlainDate, contactDays: number, rectifyDays: number): FollowUpDeadlines {
  return { contactDue: due(cal, answeredDay, contactDays), rectifyDue: due(cal, answeredDay, rectifyDays) };
}
