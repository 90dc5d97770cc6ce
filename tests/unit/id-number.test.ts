import { describe, expect, it } from 'vitest';
import { parseResidentId, residentIdCheckCharacter } from '../../shared/domain/id-number';
import { itMaps } from '../support/table';

/** At least one CJK ideograph. */
const CHINESE = /[\u4e00-\u9fff]/;

const TODAY = '2026-03-02';

describe('parseResidentId: valid numbers', () => {
  const valid: [input: string, normalized: string, birthDate: string, sex: 'male' | 'female', warnings: number][] = [
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female', 0],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'female', 0],
    [' 110105 19491231 002x ', '11010519491231002X', '1949-12-31', 'female', 0],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X', '1949-12-31', 'female', 0],
    ['440304200002290014', '440304200002290014', '2000-02-29', 'male', 0],
    ['440304200002290022', '440304200002290022', '2000-02-29', 'female', 0],
    ['320583198001010016', '320583198001010016', '1980-01-01', 'male', 0],
    ['510107200001013214', '510107200001013214', '2000-01-01', 'male', 0],
    ['110105199001011232', '110105199001011232', '1990-01-01', 'male', 0],
    // born today: not in the future
    ['110105202603020018', '110105202603020018', '2026-03-02', 'male', 0],
    // 港澳台居民居住证 numbers
    ['810000199001010115', '810000199001010115', '1990-01-01', 'male', 0],
    ['830000199001010127', '830000199001010127', '1990-01-01', 'female', 0],
    // unknown province-level code: valid, with a warning
    ['99010519800101001X', '99010519800101001X', '1980-01-01', 'male', 1],
    ['910105198001010015', '910105198001010015', '1980-01-01', 'male', 1],
    // born before 1900: valid, with a warning
    ['110105188901010012', '110105188901010012', '1889-01-01', 'male', 1],
  ];
  it.each(valid)('%s', (input, normalized, birthDate, sex, warnings) => {
    const result = parseResidentId(input, TODAY);
    if (!result.ok) throw new Error(result.problem);
    expect(result.value).toMatchObject({ normalized, birthDate, sex, regionCode: normalized.slice(0, 6) });
    expect(result.value.warnings).toHaveLength(warnings);
    for (const w of result.value.warnings) expect(w).toMatch(CHINESE);
  });

  it('names the province and warns about a code that is none', () => {
    const beijing = parseResidentId('11010519491231002X', TODAY);
    expect(beijing.ok && beijing.value.province).toBe('北京市');
    const unknown = parseResidentId('99010519800101001X', TODAY);
    expect(unknown.ok && unknown.value.province).toBeNull();
    expect(unknown.ok && unknown.value.warnings[0]).toContain('外国人永久居留身份证');
  });
});

describe('parseResidentId: problems', () => {
  const invalid: [input: string, problem: RegExp][] = [
    ['', /请填写/],
    ['   ', /请填写/],
    ['110105491231002', /15 位.*停止使用/],
    ['11010519491231002', /应为 18 位，现在是 17 位/],
    ['11010519491231002XX', /应为 18 位，现在是 19 位/],
    // 𠮷 is one character (a surrogate pair in UTF-16)
    ['1101051949123100𠮷', /应为 18 位，现在是 17 位/],
    ['11010519491231002𠮷', /最后一位只能是数字或字母 X/],
    ['A1010519491231002X', /前 17 位只能是数字/],
    ['1101051949123100-X', /前 17 位只能是数字/],
    ['11010519491231002Y', /最后一位只能是数字或字母 X/],
    // check character wrong (X expected)
    ['110105194912310021', /校验位/],
    // one digit typed wrong
    ['11010519491231003X', /校验位/],
    // not real dates
    ['110105199002300011', /不是真实存在的日期/],
    ['110105190002290033', /不是真实存在的日期/],
    ['110105199013010011', /不是真实存在的日期/],
    ['110105199001000011', /不是真实存在的日期/],
    ['110105199004310011', /不是真实存在的日期/],
    // in the future relative to today
    ['110105202603030013', /晚于今天/],
  ];
  it.each(invalid)('%j', (input, problem) => {
    const result = parseResidentId(input, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatch(problem);
    expect(result.problem).toMatch(CHINESE);
  });

  it('1900-02-29 is not a date, 2000-02-29 is (century leap-year rule)', () => {
    expect(parseResidentId('110105190002290033', TODAY).ok).toBe(false);
    expect(parseResidentId('440304200002290014', TODAY).ok).toBe(true);
  });

  it('needs a real today', () => {
    expect(() => parseResidentId('11010519491231002X', '2026-02-30')).toThrow(RangeError);
  });
});

describe('ISO 7064 MOD 11-2 check character', () => {
  itMaps(residentIdCheckCharacter, [
    ['11010519491231002', 'X'],
    ['44030420000229001', '4'],
    ['32058319800101001', '6'],
    ['11010519900101123', '2'],
  ]);

  it('every wrong last character of a valid number is refused', () => {
    for (const c of '0123456789X') {
      const result = parseResidentId(`11010519491231002${c}`, TODAY);
      expect(result.ok).toBe(c === 'X');
    }
  });
});
