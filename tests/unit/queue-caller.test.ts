import { describe, expect, it } from 'vitest';
import { minutesSince, recallsLeft, ticketClock, type TicketTimes } from '../../shared/domain/queue-caller';

const NOW = Date.parse('2026-11-27T02:30:00.000Z');
const at = (minutesAgo: number): string => new Date(NOW - minutesAgo * 60_000).toISOString();

describe('minutesSince', () => {
  it.each<[number, string]>([
    [0, '不到 1 分钟'],
    [0.99, '不到 1 分钟'],
    [1, '1 分钟'],
    [12.5, '12 分钟'],
    [125, '125 分钟'],
    // a hall clock a little ahead of this machine: never negative
    [-3, '不到 1 分钟'],
  ])('%s minutes ago → %s', (ago, words) => {
    expect(minutesSince(at(ago), NOW)).toBe(words);
  });
});

describe('ticketClock', () => {
  it.each<[string, TicketTimes, string]>([
    ['waiting', { status: 'waiting', takenAt: at(7), calledAt: null, startedAt: null }, '已等 7 分钟'],
    ['passed', { status: 'passed', takenAt: at(30), calledAt: at(10), startedAt: null }, '已等 30 分钟'],
    ['called', { status: 'called', takenAt: at(20), calledAt: at(2), startedAt: null }, '等候 18 分钟 · 已叫 2 分钟'],
    ['called just now', { status: 'called', takenAt: at(5), calledAt: at(0), startedAt: null }, '等候 5 分钟 · 已叫 不到 1 分钟'],
    ['serving', { status: 'serving', takenAt: at(20), calledAt: at(12), startedAt: at(10) }, '等候 8 分钟 · 办理 10 分钟'],
  ])('%s', (_name, times, words) => {
    expect(ticketClock(times, NOW)).toBe(words);
  });
});

describe('recallsLeft', () => {
  it.each<[number, number, number]>([
    [3, 0, 3],
    [3, 2, 1],
    [3, 3, 0],
    [2, 5, 0],
    [0, 0, 0],
  ])('cap %i, recalled %i → %i left', (cap, count, left) => {
    expect(recallsLeft(cap, count)).toBe(left);
  });
});
