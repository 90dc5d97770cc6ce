/** Queue tickets: the hall date numbering follows (Beijing midnight, not UTC), codes, the spoken form, the announcement, issuing rules. */
import { describe, expect, it } from 'vitest';
import { announcement, cardinal, issueRefusal, spokenAnnouncement, spokenTicket, spokenWindowWords, ticketCode, ticketDay, type IssuingRules } from '../../shared/domain/queue-ticket';

describe('the day a ticket is numbered in', () => {
  it.each<[string, string]>([
    ['2026-11-27T15:59:00.000Z', '2026-11-27'], // 23:59 in Beijing
    ['2026-11-27T16:01:00.000Z', '2026-11-28'], // 00:01 in Beijing: a new day, numbers restart
    ['2026-11-27T23:59:00.000Z', '2026-11-28'], // 07:59 in Beijing
    ['2026-11-28T00:01:00.000Z', '2026-11-28'], // 08:01 in Beijing: the UTC date rolls over, the hall's does not
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
  ])('%s → %s', (at, day) => {
    expect(ticketDay(at)).toBe(day);
  });
});

describe('ticket codes and their spoken form', () => {
  it.each<[string, number, string, string]>([
    ['A', 1, 'A001', 'A 零 零 一'],
    ['A', 10, 'A010', 'A 零 一 零'],
    ['B', 123, 'B123', 'B 一 二 三'],
    ['MA', 999, 'MA999', 'M A 九 九 九'],
    ['C', 1000, 'C1000', 'C 一 零 零 零'],
    ['D', 507, 'D507', 'D 五 零 七'],
  ])('%s %i → %s, spoken %s', (prefix, n, code, spoken) => {
    expect(ticketCode(prefix, n)).toBe(code);
    expect(spokenTicket(code)).toBe(spoken);
  });

  it.each<[string, string, string, string]>([
    ['A001', '3', '请 A001 号到 3 号窗口办理', '请 A 零 零 一 号到 三 号窗口办理'],
    ['B120', '12', '请 B120 号到 12 号窗口办理', '请 B 一 二 零 号到 十二 号窗口办理'],
    ['A012', '10', '请 A012 号到 10 号窗口办理', '请 A 零 一 二 号到 十 号窗口办理'],
  ])('%s at window %s', (code, windowNo, text, spoken) => {
    expect(announcement(code, windowNo)).toBe(text);
    expect(spokenAnnouncement(code, windowNo)).toBe(spoken);
  });
});

describe('window numbers are read as numbers (十二号窗口), ticket numbers digit by digit', () => {
  it.each<[number, string]>([
    [0, '零'],
    [1, '一'],
    [3, '三'],
    [10, '十'],
    [11, '十一'],
    [12, '十二'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [120, '一百二十'],
    [305, '三百零五'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [2019, '二千零一十九'],
    [9999, '九千九百九十九'],
  ])('%i → %s', (n, words) => {
    expect(cardinal(n)).toBe(words);
  });

  it('refuses more than four digits', () => {
    expect(() => cardinal(10_000)).toThrow(RangeError);
  });

  it.each<[string, string[]]>([
    ['3', ['三']],
    ['10', ['十']],
    ['12', ['十二']],
    ['20', ['二十']],
    ['101', ['一百零一']],
    ['C12', ['C', '十二']],
    ['c2', ['c', '二']],
    ['2-1', ['二', '-', '一']],
    ['12-10', ['十二', '-', '十']],
    // a leading zero or more than four digits: a label, read digit by digit
    ['012', ['零', '一', '二']],
    ['0', ['零']],
    ['12345', ['一', '二', '三', '四', '五']],
  ])('window %s is read %j', (windowNo, words) => {
    expect(spokenWindowWords(windowNo)).toEqual(words);
  });
});

describe('whether a matter issues a ticket now', () => {
  const rules: IssuingRules = { name: '结婚登记', issueFrom: '08:30', issueUntil: '16:30', dailyCap: 50 };
  const open: IssuingRules = { name: '离婚登记', issueFrom: null, issueUntil: null, dailyCap: null };
  it.each<[string, IssuingRules, number, string, string | null]>([
    ['before the hours', rules, 0, '2026-11-27T00:29:00.000Z', '结婚登记今天 08:30 开始取号，请稍候'],
    ['at the opening minute', rules, 0, '2026-11-27T00:30:00.000Z', null],
    ['in the hours, under the cap', rules, 49, '2026-11-27T03:00:00.000Z', null],
    ['the cap reached', rules, 50, '2026-11-27T03:00:00.000Z', '结婚登记今天的 50 个号已取完，请改日再来或网上预约'],
    ['at the closing minute', rules, 0, '2026-11-27T08:30:00.000Z', '结婚登记今天的取号时间已过（16:30 停止取号），请改日再来或网上预约'],
    ['a minute before closing', rules, 0, '2026-11-27T08:29:00.000Z', null],
    ['no hours, no cap, at Beijing midnight', open, 10_000, '2026-11-27T16:00:00.000Z', null],
  ])('%s', (_name, r, issued, at, refusal) => {
    expect(issueRefusal(r, issued, at)).toBe(refusal);
  });
});
