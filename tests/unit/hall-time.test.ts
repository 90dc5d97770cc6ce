/** The hall's date and clock (UTC+8, no daylight saving): midnight edges, the UTC date roll-over, day and month bounds. */
import { describe, expect, it } from 'vitest';
import { hallDate, hallDateTime, hallDateTimeSeconds, hallDayBounds, hallInstant, hallMonthStart, hallParts, hallStamp, hallTime } from '../../shared/domain/hall-time';

describe('an instant on the hall clock', () => {
  it.each<[string, string, string, string]>([
    // instant (UTC)              hall date      hall time  file stamp
    ['2026-09-25T02:00:00.000Z', '2026-09-25', '10:00', '20260925-100000'],
    ['2026-09-24T15:59:59.999Z', '2026-09-24', '23:59', '20260924-235959'],
    ['2026-09-24T16:00:00.000Z', '2026-09-25', '00:00', '20260925-000000'], // hall midnight, still the 24th in UTC
    ['2026-09-24T23:59:59.000Z', '2026-09-25', '07:59', '20260925-075959'],
    ['2026-09-25T00:00:00.000Z', '2026-09-25', '08:00', '20260925-080000'], // UTC midnight: nothing rolls over in the hall
    ['2026-12-31T16:30:00.000Z', '2027-01-01', '00:30', '20270101-003000'], // new year in the hall first
    ['2028-02-28T16:00:00.000Z', '2028-02-29', '00:00', '20280229-000000'], // leap day
    ['2026-03-29T01:30:00.000Z', '2026-03-29', '09:30', '20260329-093000'], // Europe's DST night: no shift here
    ['2026-09-25T10:00:00+08:00', '2026-09-25', '10:00', '20260925-100000'], // an offset in the string is honoured
  ])('%s → %s %s', (iso, date, time, stamp) => {
    expect(hallDate(iso)).toBe(date);
    expect(hallTime(iso)).toBe(time);
    expect(hallDateTime(iso)).toBe(`${date} ${time}`);
    expect(hallStamp(iso)).toBe(stamp);
    expect(hallDateTimeSeconds(iso)).toBe(`${date} ${time}:${stamp.slice(-2)}`);
    // a Date and epoch milliseconds are the same instant
    expect(hallDate(new Date(iso))).toBe(date);
    expect(hallTime(Date.parse(iso))).toBe(time);
  });

  it.each<[string | null, string]>([
    [null, ''],
    ['not a time', 'not a time'], // shown as it came, never 'Invalid Date'
    ['2026-09-24T16:00:05.000Z', '2026-09-25 00:00:05'],
  ])('hallDateTimeSeconds(%s) → %s', (at, text) => {
    expect(hallDateTimeSeconds(at)).toBe(text);
  });

  it('gives the calendar fields with a 1-based month', () => {
    expect(hallParts('2026-12-31T16:30:05.000Z')).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 30, second: 5 });
  });
});

describe('a hall date and clock time as an instant', () => {
  it.each<[string, string | undefined, string | null]>([
    ['2026-09-25', undefined, '2026-09-24T16:00:00.000Z'],
    ['2026-09-25', '00:00', '2026-09-24T16:00:00.000Z'],
    ['2026-09-25', '07:59', '2026-09-24T23:59:00.000Z'],
    ['2026-09-25', '08:00', '2026-09-25T00:00:00.000Z'],
    ['2026-09-25', '23:59', '2026-09-25T15:59:00.000Z'],
    ['2027-01-01', '00:30', '2026-12-31T16:30:00.000Z'],
    ['2026-09-31', undefined, null], // no such date
    ['2026-13-01', undefined, null],
    ['2026-09-25', '24:30', null],
    ['yesterday', undefined, null],
  ])('%s %s → %s', (date, time, expected) => {
    const at = hallInstant(date, time);
    if (expected === null) expect(Number.isNaN(at.getTime())).toBe(true);
    else expect(at.toISOString()).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['2026-09-25', '2026-09-24T16:00:00.000Z', '2026-09-25T16:00:00.000Z'],
    ['2026-12-31', '2026-12-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2028-02-29', '2028-02-28T16:00:00.000Z', '2028-02-29T16:00:00.000Z'],
  ])('the hall day %s runs from %s to %s', (date, start, end) => {
    const bounds = hallDayBounds(date);
    expect(bounds.start.toISOString()).toBe(start);
    expect(bounds.end.toISOString()).toBe(end);
    // both ends read as the hall's midnight
    expect(hallDateTime(bounds.start)).toBe(`${date} 00:00`);
    expect(hallTime(bounds.end)).toBe('00:00');
  });
});

describe('hallMonthStart', () => {
  it.each<[string, number, string]>([
    ['2026-09-15T02:00:00.000Z', 0, '2026-08-31T16:00:00.000Z'],
    ['2026-09-30T16:30:00.000Z', 0, '2026-09-30T16:00:00.000Z'], // already October in the hall
    ['2026-09-30T15:30:00.000Z', 0, '2026-08-31T16:00:00.000Z'], // still September in the hall
    ['2026-09-15T02:00:00.000Z', 6, '2026-02-28T16:00:00.000Z'],
    ['2026-01-10T02:00:00.000Z', 1, '2025-11-30T16:00:00.000Z'], // back over the new year
    ['2026-03-01T01:00:00.000Z', 12, '2025-02-28T16:00:00.000Z'],
  ])('%s, %i months back → %s', (now, months, expected) => {
    expect(hallMonthStart(now, months).toISOString()).toBe(expected);
  });
});
