import { describe, expect, it } from 'vitest';
import { weakPinReason } from '../../shared/domain/pin';

const NOT_SIX_DIGITS = 'PIN 必须是 6 位数字';
const REPEATED = 'PIN 不能是同一个数字重复';
const RUN = 'PIN 不能是连续数字';

describe('weakPinReason', () => {
  it.each<[string, string | null]>([
    // not six ASCII digits
    ['', NOT_SIX_DIGITS],
    ['12345', NOT_SIX_DIGITS],
    ['1234567', NOT_SIX_DIGITS],
    ['13579a', NOT_SIX_DIGITS],
    [' 135790', NOT_SIX_DIGITS],
    ['135790 ', NOT_SIX_DIGITS],
    ['１３５７９０', NOT_SIX_DIGITS], // full-width digits
    ['13579.', NOT_SIX_DIGITS],
    // one digit repeated
    ['111111', REPEATED],
    ['000000', REPEATED],
    ['999999', REPEATED],
    // straight runs, up and down
    ['123456', RUN],
    ['012345', RUN],
    ['456789', RUN],
    ['654321', RUN],
    ['987654', RUN],
    ['543210', RUN],
    // acceptable: no wrap-around run, repeated pairs and patterns are allowed
    ['890123', null],
    ['901234', null],
    ['123457', null],
    ['112233', null],
    ['121212', null],
    ['135790', null],
    ['246810', null],
    ['000001', null],
  ])('%j → %s', (pin, expected) => {
    expect(weakPinReason(pin)).toBe(expected);
  });
});
