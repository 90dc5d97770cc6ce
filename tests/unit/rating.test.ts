import { describe, expect, it } from 'vitest';
import { BAD_REASONS, RATING_LEVELS, clerkRatingLine, followUpDeadlines, isBadRating, ratingLabel } from '../../shared/domain/rating';
import { createWorkCalendar } from '../../shared/domain/working-days';
import { statutoryCalendar } from '../../electron/services/reference/statutory-data';

const calendar = createWorkCalendar(statutoryCalendar());

describe('rating levels (GB/T 39734-2020)', () => {
  it.each([
    [5, '非常满意', false],
    [4, '满意', false],
    [3, '基本满意', false],
    [2, '不满意', true],
    [1, '非常不满意', true],
  ] as const)('level %i is %s, bad: %s', (level, label, bad) => {
    expect(ratingLabel(level)).toBe(label);
    expect(isBadRating(level)).toBe(bad);
    expect(RATING_LEVELS.find((l) => l.level === level)).toEqual({ level, label, bad });
  });

  it('lists the five levels best first, and unknown levels are not bad', () => {
    expect(RATING_LEVELS.map((l) => l.label)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(isBadRating(0)).toBe(false);
    expect(isBadRating(6)).toBe(false);
    expect(ratingLabel(9)).toBe('未知');
  });

  it('offers the bad-rating reasons, 其他 last', () => {
    expect(BAD_REASONS).toContain('态度不好');
    expect(BAD_REASONS).toContain('一次性告知不清楚');
    expect(BAD_REASONS[BAD_REASONS.length - 1]).toBe('其他');
  });
});

describe('follow-up deadlines in working days', () => {
  it.each([
    // Monday: the next working day, and five working days later
    ['2026-03-02', 1, 5, '2026-03-03', '2026-03-09'],
    // 0 working days: the same day
    ['2026-03-02', 0, 0, '2026-03-02', '2026-03-02'],
    // Friday: over the weekend
    ['2026-03-06', 1, 5, '2026-03-09', '2026-03-13'],
    // National Day 2026: 10月1日至7日放假, 10月10日（周六）调休上班 — so five working days end on Tuesday 10-13
    ['2026-09-30', 1, 5, '2026-10-08', '2026-10-13'],
    // answered on the holiday itself
    ['2026-10-03', 1, 5, '2026-10-08', '2026-10-13'],
  ] as const)('answered %s, %i and %i working days → %s and %s', (day, contactDays, rectifyDays, contactDue, rectifyDue) => {
    expect(followUpDeadlines(calendar, day, contactDays, rectifyDays)).toEqual({
      contactDue: { date: contactDue, pendingReason: null },
      rectifyDue: { date: rectifyDue, pendingReason: null },
    });
  });

  it('is 待定 with a reason when the calendar does not cover the year', () => {
    const due = followUpDeadlines(calendar, '2026-12-31', 1, 5);
    expect(due.contactDue.date).toBeNull();
    expect(due.contactDue.pendingReason).toMatch(/2027/);
    expect(due.rectifyDue.date).toBeNull();
  });
});

describe('好差评 as the clerk sees it', () => {
  it.each([
    [{ rated: 0, notRated: 0 }, '已评价 0 次，未评价 0 次'],
    [{ rated: 1, notRated: 0 }, '已评价 1 次，未评价 0 次'],
    [{ rated: 12, notRated: 3 }, '已评价 12 次，未评价 3 次'],
    [{ rated: 1, bad: 1, notRated: 2 }, '已评价 1 次，未评价 2 次'],
  ])('%j → %s (never the levels)', (ratings, line) => {
    expect(clerkRatingLine(ratings)).toBe(line);
  });
});
