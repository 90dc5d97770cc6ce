import { describe, expect, it } from 'vitest';
import { characters, maskIdNumber, maskName } from '../../shared/domain/masking';
import { itMaps } from '../support/table';

describe('maskIdNumber', () => {
  it.each([
    // resident ID: first 6 and last 4
    ['110105194912311234', 'standard', '110105********1234'],
    ['11010519491231002X', 'standard', '110105********002X'],
    ['11010519491231002x', 'standard', '110105********002x'],
    ['  11010519491231002X ', 'standard', '110105********002X'],
    // strict: first and last
    ['11010519491231002X', 'strict', '1****************X'],
    // passports and permits: first 2 and last 2
    ['E12345678', 'standard', 'E1*****78'],
    ['H12345678', 'standard', 'H1*****78'],
    ['C12345678', 'strict', 'C*******8'],
    ['830000199001010127', 'standard', '830000********0127'],
    // an old 15-digit number is not a resident ID of today: the general rule
    ['110105491231002', 'standard', '11***********02'],
    // never more than half: 8 characters show 4, 7 show 2, 3 show none
    ['AB123456', 'standard', 'AB****56'],
    ['AB12345', 'standard', 'A*****5'],
    ['A1234', 'standard', 'A***4'],
    ['ABC', 'standard', '***'],
    ['A', 'standard', '*'],
    ['AB12345', 'strict', 'A*****5'],
    ['ABC', 'strict', '***'],
    // any length
    ['P1234567890123456789012', 'standard', 'P1*******************12'],
    ['', 'standard', ''],
    ['   ', 'strict', ''],
  ] as const)('%j (%s) → %j', (input, level, expected) => {
    expect(maskIdNumber(input, level)).toBe(expected);
  });

  it('defaults to the standard level', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110105********1234');
  });

  it('counts a surrogate pair as one character', () => {
    expect(maskIdNumber('𠮷𠮷12345𠮷')).toBe('𠮷𠮷****5𠮷');
    expect(maskIdNumber('𠮷𠮷𠮷')).toBe('***');
  });

  it('shows at most half of any document number', () => {
    for (let length = 1; length <= 40; length++) {
      const id = 'A'.repeat(length);
      for (const level of ['standard', 'strict'] as const) {
        const masked = maskIdNumber(id, level);
        expect(characters(masked)).toHaveLength(length);
        const shown = characters(masked).filter((c) => c !== '*').length;
        expect(shown * 2).toBeLessThanOrEqual(length);
      }
    }
  });
});

describe('maskName', () => {
  itMaps(maskName, [
    ['张三', '张*'],
    ['张三丰', '张*丰'],
    ['欧阳娜娜', '欧**娜'],
    ['司马相如', '司**如'],
    ['王', '*'],
    ['  李四  ', '李*'],
    ['', ''],
    ['   ', ''],
    // surrogate pairs are one character
    ['𠮷', '*'],
    ['𠮷野', '𠮷*'],
    ['𠮷野家', '𠮷*家'],
    ['张𠮷', '张*'],
    ['张𠮷丰', '张*丰'],
    // transliterated names keep their middle dots
    ['阿依古丽·买买提', '阿***·**提'],
    ['买买提·艾力', '买**·*力'],
    // names in letters: first letter of each word
    ['John Smith', 'J*** S****'],
    ['john  smith', 'j*** s****'],
    ['Mary-Jane Watson', 'M***-J*** W*****'],
    ['Li', 'L*'],
    ['O', '*'],
    ['J. Smith', 'J. S****'],
    ['José García', 'J*** G*****'],
  ]);

  it('a combining accent stays with its letter', () => {
    // e + U+0301: one user-perceived character
    expect(maskName('Jose\u0301 Li')).toBe('J*** L*');
  });
});
