import { describe, expect, it } from 'vitest';
import { hallInstant } from '../../shared/domain/hall-time';
import {
  MAX_PAUSE_MS,
  boardClockText,
  pauseCountdownText,
  pauseSignText,
  returnTimeFromClock,
  returnTimeProblem,
} from '../../shared/domain/window-status';

// Hall-time instants (UTC+8), so the tables hold whatever zone the tests run in.
const hall = (date: string, time: string): Date => hallInstant(date, time);
const NOW = hall('2026-03-02', '10:00'); // Mon 2026-03-02 10:00:00.000 in the hall
const at = (ms: number): Date => new Date(NOW.getTime() + ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('returnTimeProblem', () => {
  it.each<[string, Date, string | null]>([
    ['exactly now', at(0), '预计返回时间已经过去（现在是 10:00），请填写现在之后的时间'],
    ['one millisecond ago', at(-1), '预计返回时间已经过去（现在是 10:00），请填写现在之后的时间'],
    ['yesterday', at(-24 * HOUR), '预计返回时间已经过去（现在是 10:00），请填写现在之后的时间'],
    ['one millisecond ahead', at(1), null],
    ['in 30 minutes', at(30 * MINUTE), null],
    ['exactly 12 hours ahead', at(12 * HOUR), null],
    ['12 hours and 1 ms ahead', at(12 * HOUR + 1), '预计返回时间不能超过 12 小时之后'],
    ['tomorrow', at(24 * HOUR), '预计返回时间不能超过 12 小时之后'],
    ['an invalid date', new Date('not a date'), '预计返回时间格式不正确'],
  ])('%s', (_label, returnAt, expected) => {
    expect(returnTimeProblem(NOW, returnAt)).toBe(expected);
  });

  it('MAX_PAUSE_MS is 12 hours', () => {
    expect(MAX_PAUSE_MS).toBe(12 * HOUR);
  });

  it('an invalid now is reported as a format problem too', () => {
    expect(returnTimeProblem(new Date(Number.NaN), NOW)).toBe('预计返回时间格式不正确');
  });
});

describe('pauseCountdownText', () => {
  it.each<[string, number, string]>([
    ['exactly the return time', 0, '已到预计返回时间，请稍候'],
    ['past the return time', -5 * MINUTE, '已到预计返回时间，请稍候'],
    ['1 ms left rounds up to a second', 1, '还有 00 分 01 秒'],
    ['exactly one second', SECOND, '还有 00 分 01 秒'],
    ['1001 ms rounds up', SECOND + 1, '还有 00 分 02 秒'],
    ['12 min 05 s', 12 * MINUTE + 5 * SECOND, '还有 12 分 05 秒'],
    ['1 ms under an hour rounds up to the hour', HOUR - 1, '还有 1 小时 00 分 00 秒'],
    ['exactly one hour', HOUR, '还有 1 小时 00 分 00 秒'],
    ['1 h 2 min 3 s', HOUR + 2 * MINUTE + 3 * SECOND, '还有 1 小时 02 分 03 秒'],
    ['exactly 12 hours', 12 * HOUR, '还有 12 小时 00 分 00 秒'],
    ['59 min 59 s', HOUR - SECOND, '还有 59 分 59 秒'],
  ])('%s', (_label, ms, expected) => {
    expect(pauseCountdownText(NOW, at(ms))).toBe(expected);
  });
});

describe('boardClockText', () => {
  it.each<[Date, string]>([
    [hall('2026-03-02', '00:00'), '3月2日 星期一 00:00'],
    [hall('2026-03-02', '09:05'), '3月2日 星期一 09:05'],
    [new Date(hall('2026-03-02', '10:30').getTime() + 59_999), '3月2日 星期一 10:30'],
    [hall('2026-09-29', '23:59'), '9月29日 星期二 23:59'],
    [new Date('2026-09-26T16:00:00Z'), '9月27日 星期日 00:00'], // still Saturday in UTC
  ])('%s → %s', (date, expected) => {
    expect(boardClockText(date)).toBe(expected);
  });
});

describe('returnTimeFromClock', () => {
  const local = (day: number, h: number, m: number): Date =>
    hall(`2026-03-${String(day).padStart(2, '0')}`, `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  it.each<[string, Date, string, Date | null]>([
    ['later today', NOW, '10:30', local(2, 10, 30)],
    ['one-digit hour earlier today: in the past', NOW, '9:35', local(2, 9, 35)],
    ['one-digit hour, later today', local(2, 8, 0), '9:05', local(2, 9, 5)],
    ['surrounding spaces are ignored', NOW, ' 11:15 ', local(2, 11, 15)],
    ['exactly now stays today (not tomorrow, 24 hours away)', NOW, '10:00', local(2, 10, 0)],
    ['a minute ago stays today: it is in the past', NOW, '09:59', local(2, 9, 59)],
    ['end of today', NOW, '23:59', local(2, 23, 59)],
    ['midnight from the morning is today\'s, in the past', NOW, '00:00', local(2, 0, 0)],
    ['tomorrow morning from the evening, within 12 hours', local(2, 20, 0), '07:00', local(3, 7, 0)],
    ['tomorrow when exactly 12 hours away', local(2, 20, 0), '08:00', local(3, 8, 0)],
    ['not tomorrow when more than 12 hours away', local(2, 20, 0), '08:01', local(2, 8, 1)],
    ['past midnight from late evening', local(2, 23, 50), '00:15', local(3, 0, 15)],
    ['seconds of now are dropped', new Date(NOW.getTime() + 30_000), '10:01', local(2, 10, 1)],
    ['end of month rolls over', hall('2026-03-31', '22:00'), '08:00', hall('2026-04-01', '08:00')],
    ['24:00 is not a time', NOW, '24:00', null],
    ['minute 60 is not a time', NOW, '10:60', null],
    ['9:5 needs two minute digits', NOW, '9:5', null],
    ['three hour digits', NOW, '009:30', null],
    ['no colon', NOW, '1030', null],
    ['with seconds', NOW, '10:30:00', null],
    ['full-width colon', NOW, '10：30', null],
    ['negative', NOW, '-1:30', null],
    ['empty', NOW, '', null],
    ['words', NOW, 'ab:cd', null],
  ])('%s: %j', (_label, now, hhmm, expected) => {
    const result = returnTimeFromClock(now, hhmm);
    if (expected === null) expect(result).toBeNull();
    else expect(result?.getTime()).toBe(expected.getTime());
  });

  it('does not change the now it was given', () => {
    const now = new Date(NOW);
    returnTimeFromClock(now, '09:00');
    expect(now.getTime()).toBe(NOW.getTime());
  });

  it('always gives a time the pause rules accept when it is within 12 hours', () => {
    const result = returnTimeFromClock(NOW, '21:59');
    expect(result).not.toBeNull();
    if (result) expect(returnTimeProblem(NOW, result)).toBeNull();
  });

  it('a time already past today is refused as past, not as more than 12 hours away', () => {
    const result = returnTimeFromClock(NOW, '09:50');
    expect(result).not.toBeNull();
    if (result) expect(returnTimeProblem(NOW, result)).toBe('预计返回时间已经过去（现在是 10:00），请填写现在之后的时间');
  });
});

describe('pauseSignText', () => {
  it.each<[string, { reason: string; returnAt: string | null }, string]>([
    ['an announced return', { reason: '业务培训', returnAt: at(30 * MINUTE).toISOString() }, '业务培训 · 预计 10:30 返回 · 还有 30 分 00 秒'],
    ['a return time passed', { reason: '临时离开', returnAt: at(-MINUTE).toISOString() }, '临时离开 · 预计 09:59 返回 · 已到预计返回时间，请稍候'],
    ['the idle-locked screen (no return announced)', { reason: '暂时离开', returnAt: null }, '暂时离开 · 请稍候'],
  ])('%s', (_label, pause, expected) => {
    expect(pauseSignText(NOW, pause)).toBe(expected);
  });
});
