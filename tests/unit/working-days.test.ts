import { isWorkday as chineseDaysIsWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, describeDate, isPlainDate, weekday } from '../../shared/domain/plain-date';
import {
  addWorkingDays,
  createWorkCalendar,
  describeDay,
  isWorkingDay,
  periodEndRolled,
  statutoryFromChineseDays,
  type WorkCalendar,
} from '../../shared/domain/working-days';
import { base, override, statutory, with2027 } from '../support/work-calendar';


describe('plain dates', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 365, '2025-02-28'],
    ['1999-12-31', 1, '2000-01-01'],
    ['2026-03-29', 1, '2026-03-30'], // daylight-saving change in Europe: no effect
    ['2026-11-01', -1, '2026-10-31'],
    ['2026-09-01', 30, '2026-10-01'],
  ])('%s + %i = %s', (start, n, expected) => {
    expect(addDays(start, n)).toBe(expected);
    expect(daysBetween(start, expected)).toBe(n);
  });

  it.each([
    ['2026-09-25', 5],
    ['2026-10-29', 4],
    ['2026-10-10', 6],
    ['2026-10-11', 0],
    ['2000-02-29', 2],
  ])('%s is weekday %i', (date, day) => {
    expect(weekday(date)).toBe(day);
  });

  it('knows real dates', () => {
    expect(isPlainDate('2026-02-28')).toBe(true);
    expect(isPlainDate('2026-02-29')).toBe(false);
    expect(isPlainDate('2000-02-29')).toBe(true);
    expect(isPlainDate('1900-02-29')).toBe(false);
    expect(isPlainDate('2026-2-28')).toBe(false);
    expect(isPlainDate('2026-13-01')).toBe(false);
    expect(isPlainDate(20260228)).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(describeDate('2026-10-08')).toBe('2026-10-08（星期四）');
  });
});

describe('statutory data from chinese-days', () => {
  it('covers 2004–2026 (the years of its raw tables with a Spring Festival)', () => {
    expect(statutory.years).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(statutory.source).toMatch(/^chinese-days \d+\.\d+\.\d+$/);
  });

  it('agrees with chinese-days itself on every day of every covered year', () => {
    let checked = 0;
    for (let date = '2004-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      expect(isWorkingDay(base, date), date).toBe(chineseDaysIsWorkday(date));
      checked++;
    }
    expect(checked).toBe(8401);
  });

  it('does not trust chinese-days outside its years: it answers Monday–Friday there, we answer unknown', () => {
    expect(chineseDaysIsWorkday('2027-01-01')).toBe(true); // New Year's Day 2027: chinese-days guesses a working day
    expect(isWorkingDay(base, '2027-01-01')).toBe('unknown');
    expect(isWorkingDay(base, '2003-10-01')).toBe('unknown');
  });

  it('refuses data of another shape', () => {
    expect(() => statutoryFromChineseDays({ holidays: {} }, 'x')).toThrow();
    expect(() => statutoryFromChineseDays({ holidays: { '2026-02-30': 'x' }, workdays: {} }, 'x')).toThrow();
    expect(() => statutoryFromChineseDays(null, 'x')).toThrow();
  });
});

describe('isWorkingDay: 2026 as the State Council notice (国办发明电〔2025〕7号) sets it', () => {
  it.each([
    // 元旦: 1月1日（周四）至3日（周六）放假，1月4日（周日）上班
    ['2026-01-01', false, 'holiday', '元旦'],
    ['2026-01-02', false, 'holiday', '元旦'],
    ['2026-01-03', false, 'holiday', '元旦'],
    ['2026-01-04', true, 'makeUpWorkday', '元旦调休上班'],
    ['2026-01-05', true, 'weekday', null],
    // 春节: 2月15日（周日）至23日（周一）放假，2月14日（周六）、2月28日（周六）上班
    ['2026-02-13', true, 'weekday', null],
    ['2026-02-14', true, 'makeUpWorkday', '春节调休上班'],
    ['2026-02-15', false, 'holiday', '春节'],
    ['2026-02-16', false, 'holiday', '春节'],
    ['2026-02-17', false, 'holiday', '春节'],
    ['2026-02-20', false, 'holiday', '春节'],
    ['2026-02-23', false, 'holiday', '春节'],
    ['2026-02-24', true, 'weekday', null],
    ['2026-02-28', true, 'makeUpWorkday', '春节调休上班'],
    ['2026-03-01', false, 'weekend', null],
    // 清明节: 4月4日至6日
    ['2026-04-06', false, 'holiday', '清明'],
    // 劳动节: 5月1日至5日放假，5月9日（周六）上班
    ['2026-05-05', false, 'holiday', '劳动节'],
    ['2026-05-09', true, 'makeUpWorkday', '劳动节调休上班'],
    // 端午节: 6月19日至21日
    ['2026-06-19', false, 'holiday', '端午'],
    // 中秋节: 9月25日（周五）至27日
    ['2026-09-25', false, 'holiday', '中秋'],
    // 国庆节: 10月1日至7日放假，9月20日（周日）、10月10日（周六）上班
    ['2026-09-20', true, 'makeUpWorkday', '国庆节调休上班'],
    ['2026-10-01', false, 'holiday', '国庆节'],
    ['2026-10-07', false, 'holiday', '国庆节'],
    ['2026-10-08', true, 'weekday', null],
    ['2026-10-10', true, 'makeUpWorkday', '国庆节调休上班'],
    ['2026-10-11', false, 'weekend', null],
    // ordinary days
    ['2026-03-02', true, 'weekday', null],
    ['2026-03-07', false, 'weekend', null],
    ['2026-12-31', true, 'weekday', null],
  ] as const)('%s → %s (%s)', (date, working, basis, name) => {
    expect(describeDay(base, date)).toEqual({ date, working, basis, name });
  });

  it('2027 is unknown until the override table covers it', () => {
    expect(describeDay(base, '2027-01-04')).toEqual({ date: '2027-01-04', working: 'unknown', basis: 'uncovered', name: null });
    expect(isWorkingDay(with2027, '2027-01-01')).toBe(false);
    expect(isWorkingDay(with2027, '2027-01-04')).toBe(true);
    expect(isWorkingDay(with2027, '2027-01-09')).toBe(false);
  });

  it('an override without the year flag changes its own date only', () => {
    const single = createWorkCalendar(statutory, [override('2027-01-01', 'restday', '元旦')]);
    expect(isWorkingDay(single, '2027-01-01')).toBe(false);
    expect(isWorkingDay(single, '2027-01-04')).toBe('unknown');
    expect([...single.coveredYears].includes(2027)).toBe(false);
  });

  it('an override wins over the statutory data', () => {
    const cal = createWorkCalendar(statutory, [override('2026-10-08', 'restday', '台风停工'), override('2026-10-11', 'workday', '补班')]);
    expect(describeDay(cal, '2026-10-08')).toEqual({ date: '2026-10-08', working: false, basis: 'override', name: '台风停工' });
    expect(isWorkingDay(cal, '2026-10-11')).toBe(true);
  });

  it('refuses two overrides for one date', () => {
    expect(() => createWorkCalendar(statutory, [override('2026-10-08', 'restday', 'a'), override('2026-10-08', 'workday', 'b')])).toThrow();
  });
});

interface DeadlineCase {
  what: string;
  cal: WorkCalendar;
  start: string;
  n: number;
  expected: string | { pendingYear: number };
}

function check(result: ReturnType<typeof addWorkingDays>, expected: DeadlineCase['expected']): void {
  if (typeof expected === 'string') {
    expect(result).toEqual({ date: expected });
  } else {
    expect(result).toMatchObject({ pending: true, year: expected.pendingYear });
    if ('reason' in result) {
      expect(result.reason).toContain(`${expected.pendingYear} 年`);
      expect(result.reason).toContain('待定');
    }
  }
}

describe('addWorkingDays: the Nth working day after the start day', () => {
  const cases: DeadlineCase[] = [
    { what: 'DESIGN §5: accepted Fri 2026-09-25 (a holiday itself), 20 working days → Thu 2026-10-29', cal: base, start: '2026-09-25', n: 20, expected: '2026-10-29' },
    { what: 'accepted on a Monday, 1 working day → Tuesday', cal: base, start: '2026-03-02', n: 1, expected: '2026-03-03' },
    { what: 'accepted Friday, 1 working day → Monday', cal: base, start: '2026-03-06', n: 1, expected: '2026-03-09' },
    { what: 'N = 0 (on the spot) → the same day', cal: base, start: '2026-03-02', n: 0, expected: '2026-03-02' },
    { what: 'N = 0 on a holiday → the same day', cal: base, start: '2026-10-01', n: 0, expected: '2026-10-01' },
    { what: 'N = 0 in an uncovered year needs no calendar', cal: base, start: '2027-06-01', n: 0, expected: '2027-06-01' },
    { what: 'Spring Festival: Fri 2026-02-13 + 1 → make-up Saturday 2026-02-14', cal: base, start: '2026-02-13', n: 1, expected: '2026-02-14' },
    { what: 'Spring Festival: Fri 2026-02-13 + 2 → Tue 2026-02-24 after the holiday', cal: base, start: '2026-02-13', n: 2, expected: '2026-02-24' },
    { what: 'Spring Festival: 2026-02-23 + 4 counts make-up Saturday 2026-02-28', cal: base, start: '2026-02-23', n: 4, expected: '2026-02-27' },
    { what: 'Spring Festival: 2026-02-23 + 5 → make-up Saturday 2026-02-28', cal: base, start: '2026-02-23', n: 5, expected: '2026-02-28' },
    { what: 'National Day: Wed 2026-09-30 + 1 → Thu 2026-10-08', cal: base, start: '2026-09-30', n: 1, expected: '2026-10-08' },
    { what: 'National Day: Wed 2026-09-30 + 3 → make-up Saturday 2026-10-10', cal: base, start: '2026-09-30', n: 3, expected: '2026-10-10' },
    { what: 'National Day: make-up Sunday 2026-09-20 counts', cal: base, start: '2026-09-18', n: 1, expected: '2026-09-20' },
    { what: 'within 2026 at the year end: 2026-12-28 + 3 → 2026-12-31', cal: base, start: '2026-12-28', n: 3, expected: '2026-12-31' },
    { what: 'crossing into uncovered 2027: 2026-12-28 + 5 → pending (待定)', cal: base, start: '2026-12-28', n: 5, expected: { pendingYear: 2027 } },
    { what: 'crossing into 2027 once an override covers it: 2026-12-28 + 5 → 2027-01-05', cal: with2027, start: '2026-12-28', n: 5, expected: '2027-01-05' },
    { what: 'starting in an uncovered year → pending', cal: base, start: '2027-03-01', n: 1, expected: { pendingYear: 2027 } },
    { what: 'before the data (2003) → pending', cal: base, start: '2003-12-01', n: 1, expected: { pendingYear: 2003 } },
    { what: 'an earlier year: Fri 2008-09-26 + 3 counts make-up 09-27 and 09-28, then the 9-29–10-5 holiday → 2008-10-06', cal: base, start: '2008-09-26', n: 3, expected: '2008-10-06' },
    {
      what: 'an override turning 2026-10-12 into a restday moves the DESIGN example to Fri 2026-10-30',
      cal: createWorkCalendar(statutory, [override('2026-10-12', 'restday', '台风停工')]),
      start: '2026-09-25',
      n: 20,
      expected: '2026-10-30',
    },
    {
      what: 'an override turning Saturday 2026-10-17 into a workday brings it to Wed 2026-10-28',
      cal: createWorkCalendar(statutory, [override('2026-10-17', 'workday', '补班')]),
      start: '2026-09-25',
      n: 20,
      expected: '2026-10-28',
    },
  ];
  it.each(cases.map((c) => [c.what, c] as const))('%s', (_what, c) => {
    check(addWorkingDays(c.cal, c.start, c.n), c.expected);
  });

  it('refuses negative, fractional and absurd periods and bad dates', () => {
    expect(() => addWorkingDays(base, '2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(base, '2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(base, '2026-03-02', 100_000)).toThrow(RangeError);
    expect(() => addWorkingDays(base, '2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('periodEndRolled: N days, the last day moved to the next working day', () => {
  const cases: DeadlineCase[] = [
    { what: 'DESIGN §5: divorce received 2026-09-01, cooling-off 30 days ends 2026-10-08 (rolled over National Day)', cal: base, start: '2026-09-01', n: 30, expected: '2026-10-08' },
    { what: 'DESIGN §5: then 30 days for the certificates → Mon 2026-11-09 (Sat 11-07 rolled)', cal: base, start: '2026-10-08', n: 30, expected: '2026-11-09' },
    { what: 'ends on an ordinary weekday: 2026-03-02 + 30 → 2026-04-01', cal: base, start: '2026-03-02', n: 30, expected: '2026-04-01' },
    { what: 'ends on make-up Saturday 2026-10-10: stays', cal: base, start: '2026-09-10', n: 30, expected: '2026-10-10' },
    { what: 'ends on Spring Festival 2026-02-16 → Tue 2026-02-24', cal: base, start: '2026-01-17', n: 30, expected: '2026-02-24' },
    { what: 'ends on Saturday 2026-12-26 → Mon 2026-12-28', cal: base, start: '2026-11-26', n: 30, expected: '2026-12-28' },
    { what: 'ends in uncovered 2027 → pending', cal: base, start: '2026-12-15', n: 30, expected: { pendingYear: 2027 } },
    { what: 'ends 2027-01-01 in 2027 covered by override → Mon 2027-01-04', cal: with2027, start: '2026-12-02', n: 30, expected: '2027-01-04' },
    { what: 'N = 0 → the start day when it is a working day', cal: base, start: '2026-03-02', n: 0, expected: '2026-03-02' },
    {
      what: 'an override turning 2026-10-08 into a restday moves the cooling-off end to Fri 2026-10-09',
      cal: createWorkCalendar(statutory, [override('2026-10-08', 'restday', '台风停工')]),
      start: '2026-09-01',
      n: 30,
      expected: '2026-10-09',
    },
  ];
  it.each(cases.map((c) => [c.what, c] as const))('%s', (_what, c) => {
    check(periodEndRolled(c.cal, c.start, c.n), c.expected);
  });
});
