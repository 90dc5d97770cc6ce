import { describe, expect, it } from 'vitest';
import { divorceCallProblem, hasPhone, PENDING_DATE_ASK, PENDING_DATE_CALL, pendingDateText } from '../../shared/domain/call-promise';

describe('a slip promises a call only to someone whose phone was taken', () => {
  it.each<[string, string[], boolean]>([
    ['no phones', [], false],
    ['empty phones', ['', ''], false],
    ['blank phones', ['  ', ''], false],
    ['one party’s phone', ['', '13800000000'], true],
    ['both phones', ['13800000000', '010-87654321'], true],
  ])('%s', (_name, phones, taken) => {
    expect(hasPhone(phones)).toBe(taken);
    expect(pendingDateText(phones)).toBe(taken ? PENDING_DATE_CALL : PENDING_DATE_ASK);
    expect(pendingDateText(phones).includes('电话告知')).toBe(taken);
  });

  it.each<[string, boolean, string[], boolean]>([
    ['dates known, no phone', false, ['', ''], false],
    ['dates known, a phone', false, ['13800000000', ''], false],
    ['a date 待定, no phone', true, ['', ''], true],
    ['a date 待定, blank phones', true, [' ', ' '], true],
    ['a date 待定, one party’s phone', true, ['', '13800000000'], false],
  ])('divorce receipt: %s', (_name, pending, phones, refused) => {
    const problem = divorceCallProblem(pending, phones);
    expect(problem !== null).toBe(refused);
    if (problem) expect(problem).toContain('请至少填写一方的联系电话');
  });
});
