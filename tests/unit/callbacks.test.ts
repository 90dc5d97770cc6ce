/** 跟踪回访 rules as a pure function: which events get a callback and when it is due. */
import { describe, expect, it } from 'vitest';
import { BAD_RATING_MAX_LEVEL, SATISFACTION_LEVELS, dueCallbacks, fnv1a, inShare, maskPhone, type CandidateInput, type RuleInput } from '../../shared/domain/callbacks';
import { isBadRating, RATING_LEVELS } from '../../shared/domain/rating';
import { createWorkCalendar } from '../../shared/domain/working-days';
import { statutoryCalendar } from '../../electron/services/reference/statutory-data';
import { Prng } from '../support/prng';
import { itMaps } from '../support/table';

const calendar = createWorkCalendar(statutoryCalendar());
const RULE_AT = '2026-01-01T00:00:00.000Z';

function rule(kind: RuleInput['kind'], extra: Partial<RuleInput> = {}): RuleInput {
  return { id: `r-${kind}`, kind, sharePercent: 100, itemCode: null, daysAfter: 3, active: true, createdAt: RULE_AT, ...extra };
}

function candidate(extra: Partial<CandidateInput> = {}): CandidateInput {
  return { event: 'completed', contactId: 'c1', key: 'case-1', itemCode: 'MAR-REG', at: '2026-09-30T02:00:00.000Z', day: '2026-09-30', scheduled: [], ...extra };
}

function uuidLike(rng: Prng): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rng.next() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-7${hex(3)}-8${hex(3)}-${hex(12)}`;
}

describe('share selection', () => {
  it('is stable for the same case id and follows FNV-1a', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    const id = '01890a5d-ac96-774b-bcce-b302099a8057';
    expect(inShare(id, 37)).toBe(inShare(id, 37));
    expect(inShare(id, 100)).toBe(true);
    expect(inShare(id, 0)).toBe(false);
  });

  it.each([1, 10, 25, 50, 90])('selects close to %i%% of 20 000 ids, and a larger share keeps every case a smaller one chose', (share) => {
    const rng = new Prng(share);
    const ids = Array.from({ length: 20_000 }, () => uuidLike(rng));
    const chosen = ids.filter((id) => inShare(id, share));
    expect(Math.abs(chosen.length / ids.length - share / 100)).toBeLessThan(0.015);
    expect(chosen.every((id) => inShare(id, Math.min(100, share + 5)))).toBe(true);
  });
});

describe('dueCallbacks', () => {
  it('a bad rating gets a callback; its due date counts working days across National Day 2026', () => {
    // answered Wed 2026-09-30: 10-01…10-07 are holidays, Sat 10-10 is a make-up workday
    const plan = dueCallbacks([rule('badRating')], [candidate({ event: 'badRating', key: 'rating-1' })], calendar);
    expect(plan.planned).toEqual([{ ruleId: 'r-badRating', source: 'badRating', contactId: 'c1', dueDate: '2026-10-10' }]);
    expect(plan.unscheduled).toEqual([]);
  });

  it.each([
    [0, '2026-09-30'],
    [1, '2026-10-08'],
    [2, '2026-10-09'],
    [3, '2026-10-10'],
    [4, '2026-10-12'],
  ])('days_after %i from Wed 2026-09-30 → %s', (daysAfter, due) => {
    const plan = dueCallbacks([rule('matter', { itemCode: 'MAR-REG', daysAfter })], [candidate()], calendar);
    expect(plan.planned[0]?.dueDate).toBe(due);
  });

  it('the matter rule chooses only its item, and wins over the share rule for the same case', () => {
    const rules = [rule('completedShare', { sharePercent: 100, daysAfter: 10 }), rule('matter', { itemCode: 'MAR-REG', daysAfter: 1 })];
    const plan = dueCallbacks(rules, [candidate(), candidate({ contactId: 'c2', key: 'case-2', itemCode: 'OTHER' })], calendar);
    expect(plan.planned).toEqual([
      { ruleId: 'r-matter', source: 'matter', contactId: 'c1', dueDate: '2026-10-08' },
      { ruleId: 'r-completedShare', source: 'completedShare', contactId: 'c2', dueDate: '2026-10-20' },
    ]);
    expect(dueCallbacks([rule('matter', { itemCode: 'X' })], [candidate()], calendar).planned).toEqual([]);
  });

  it('completed cases never match the bad-rating rule, and ratings never match case rules', () => {
    expect(dueCallbacks([rule('badRating')], [candidate()], calendar).planned).toEqual([]);
    expect(dueCallbacks([rule('completedShare'), rule('matter', { itemCode: 'MAR-REG' })], [candidate({ event: 'badRating' })], calendar).planned).toEqual([]);
  });

  it('skips what is scheduled already, inactive rules, and events before the rule was set up', () => {
    expect(dueCallbacks([rule('completedShare')], [candidate({ scheduled: ['matter'] })], calendar).planned).toEqual([]);
    expect(dueCallbacks([rule('badRating')], [candidate({ event: 'badRating', scheduled: ['badRating'] })], calendar).planned).toEqual([]);
    // a bad rating still gets its own callback when the completed case has one
    expect(dueCallbacks([rule('badRating')], [candidate({ event: 'badRating', scheduled: ['completedShare'] })], calendar).planned).toHaveLength(1);
    expect(dueCallbacks([rule('badRating', { active: false })], [candidate({ event: 'badRating' })], calendar).planned).toEqual([]);
    expect(dueCallbacks([rule('badRating', { createdAt: '2026-10-01T00:00:00.000Z' })], [candidate({ event: 'badRating' })], calendar).planned).toEqual([]);
  });

  it('a share of 30 % chooses the same cases on every run', () => {
    const rng = new Prng(7);
    const cands = Array.from({ length: 500 }, (_, i) => candidate({ contactId: `c${i}`, key: uuidLike(rng) }));
    const first = dueCallbacks([rule('completedShare', { sharePercent: 30 })], cands, calendar).planned.map((p) => p.contactId);
    const again = dueCallbacks([rule('completedShare', { sharePercent: 30 })], cands, calendar).planned.map((p) => p.contactId);
    expect(again).toEqual(first);
    expect(first.length).toBeGreaterThan(110);
    expect(first.length).toBeLessThan(190);
  });

  it('a year the calendar does not cover is 待定: nothing planned, the reason counted', () => {
    const plan = dueCallbacks([rule('badRating')], [candidate({ event: 'badRating', at: '2031-03-03T02:00:00.000Z', day: '2031-03-03' })], calendar);
    expect(plan.planned).toEqual([]);
    expect(plan.unscheduled).toHaveLength(1);
    expect(plan.unscheduled[0]?.reason).toMatch(/2031/);
  });
});

it('bad ratings are 不满意 (2) and 非常不满意 (1), exactly as the rating pad counts them (5 = 非常满意)', () => {
  expect(BAD_RATING_MAX_LEVEL).toBe(2);
  for (const level of [1, 2, 3, 4, 5]) expect(level <= BAD_RATING_MAX_LEVEL, String(level)).toBe(isBadRating(level));
  // callback satisfaction uses the same five levels and names
  expect(SATISFACTION_LEVELS.map((l) => [l.level, l.label])).toEqual(RATING_LEVELS.map((l) => [l.level, l.label]));
});

itMaps(maskPhone, [
  ['13800001234', '138****1234'],
  ['010-12345678', '********5678'],
  ['123', '***'],
  ['', ''],
]);
