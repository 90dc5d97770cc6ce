import { describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../../shared/domain/id-number';
import {
  checkDocumentNumber,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  normalizeDocumentNumber,
  type DocumentType,
} from '../../shared/domain/identity-documents';
import { itMaps } from '../support/table';

const CHINESE = /[\u4e00-\u9fff]/;
const TODAY = '2026-03-02';

/** A 2023-version foreign permanent resident ID with a correct check character. */
function foreignId(first17: string): string {
  return first17 + residentIdCheckCharacter(first17);
}

describe('normalizeDocumentNumber', () => {
  itMaps(normalizeDocumentNumber, [
    ['e12345678', 'E12345678'],
    [' h 1234 5678 ', 'H12345678'],
    ['Ｈ１２３４５６７８', 'H12345678'],
    ['ｅａ１２３４５６７', 'EA1234567'],
    ['11010519491231002x', '11010519491231002X'],
    ['1101\u300005\t19491231002x', '11010519491231002X'],
    ['', ''],
  ]);
});

describe('checkDocumentNumber: accepted', () => {
  const accepted: [type: DocumentType, input: string, normalized: string, birthDate: string | null, sex: 'male' | 'female' | null, warnings: number][] = [
    ['residentId', '11010519491231002x', '11010519491231002X', '1949-12-31', 'female', 0],
    ['residentId', '４４０３０４２００００２２９００１４', '440304200002290014', '2000-02-29', 'male', 0],
    ['residentId', '99010519800101001X', '99010519800101001X', '1980-01-01', 'male', 1],
    ['hkMacaoPermit', 'H12345678', 'H12345678', null, null, 0],
    ['hkMacaoPermit', 'm 1234 5678', 'M12345678', null, null, 0],
    ['hkMacaoPermit', 'H1234567890', 'H1234567890', null, null, 0],
    ['taiwanPermit', '12345678', '12345678', null, null, 0],
    ['taiwanPermit', '1234567890', '1234567890', null, null, 0],
    ['passport', 'E12345678', 'E12345678', null, null, 0],
    ['passport', 'EA1234567', 'EA1234567', null, null, 0],
    ['passport', 'g1234567', 'G1234567', null, null, 0],
    ['passport', 'AB123', 'AB123', null, null, 0],
    ['passport', 'A'.repeat(20), 'A'.repeat(20), null, null, 0],
    ['foreignPermanentId', '931240200001011236', '931240200001011236', '2000-01-01', null, 0],
    ['foreignPermanentId', '91184019991231002x', '91184019991231002X', '1999-12-31', null, 0],
    ['foreignPermanentId', foreignId('91184020260302001'), foreignId('91184020260302001'), '2026-03-02', null, 0],
    // 2004 version: format only, with a warning to compare with the card
    ['foreignPermanentId', 'usa110079080101', 'USA110079080101', null, null, 1],
  ];
  it.each(accepted)('%s %s', (type, input, normalized, birthDate, sex, warnings) => {
    const result = checkDocumentNumber(type, input, TODAY);
    if (!result.ok) throw new Error(result.problem);
    expect(result).toMatchObject({ normalized, birthDate, sex });
    expect(result.warnings).toHaveLength(warnings);
    for (const w of result.warnings) expect(w).toMatch(CHINESE);
  });
});

describe('checkDocumentNumber: problems', () => {
  const rejected: [type: DocumentType, input: string, problem: RegExp][] = [
    ['residentId', '', /^请填写证件号码$/],
    ['passport', '   ', /^请填写证件号码$/],
    ['foreignPermanentId', '\u3000', /^请填写证件号码$/],
    ['residentId', '11010519491231002Y', /身份证号码最后一位/],
    ['residentId', '110105194912310021', /校验位不符/],
    ['residentId', '110105491231002', /15 位/],
    ['hkMacaoPermit', 'H1234567', /^港澳居民来往内地通行证号码应为 H 或 M 开头加 8 位数字（旧版为 10 位数字），请核对$/],
    ['hkMacaoPermit', 'H123456789', /港澳居民来往内地通行证/],
    ['hkMacaoPermit', 'C12345678', /港澳居民来往内地通行证/],
    ['hkMacaoPermit', '12345678', /港澳居民来往内地通行证/],
    ['hkMacaoPermit', 'H12345678901', /港澳居民来往内地通行证/],
    ['taiwanPermit', '1234567', /台湾居民来往大陆通行证号码应为 8 位数字/],
    ['taiwanPermit', '123456789', /台湾居民来往大陆通行证/],
    ['taiwanPermit', 'T12345678', /台湾居民来往大陆通行证/],
    ['passport', 'E123', /护照号码应为 5 到 20 位/],
    ['passport', 'A'.repeat(21), /护照/],
    ['passport', 'E1234-567', /护照/],
    ['passport', '张三12345', /护照/],
    ['foreignPermanentId', '931240200001011235', /外国人永久居留身份证号码校验位不符/],
    ['foreignPermanentId', foreignId('91184019900229001'), /出生日期（1990 年 02 月 29 日）不是真实存在的日期/],
    ['foreignPermanentId', foreignId('91184019901301001'), /不是真实存在的日期/],
    ['foreignPermanentId', foreignId('91184020260303001'), /晚于今天/],
    ['foreignPermanentId', '831240200001011236', /外国人永久居留身份证号码应为 9 开头的 18 位/],
    ['foreignPermanentId', '93124020000101123', /9 开头的 18 位/],
    ['foreignPermanentId', 'US1100790801011', /外国人永久居留身份证/],
    ['foreignPermanentId', 'USA11007908010', /外国人永久居留身份证/],
  ];
  it.each(rejected)('%s %j', (type, input, problem) => {
    const result = checkDocumentNumber(type, input, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toMatch(problem);
      expect(result.problem).toMatch(CHINESE);
    }
  });

  it('rejects a type it does not know and a bad today', () => {
    expect(checkDocumentNumber('idCard' as DocumentType, '12345678', TODAY)).toEqual({ ok: false, problem: '请选择证件类型' });
    expect(() => checkDocumentNumber('passport', 'E12345678', '2026-02-30')).toThrow(RangeError);
  });
});

describe('document types', () => {
  it('has a Chinese label for every type', () => {
    expect(DOCUMENT_TYPES).toHaveLength(5);
    expect(DOCUMENT_TYPE_LABELS).toEqual({
      residentId: '居民身份证',
      hkMacaoPermit: '港澳居民来往内地通行证',
      taiwanPermit: '台湾居民来往大陆通行证',
      passport: '护照',
      foreignPermanentId: '外国人永久居留身份证',
    });
  });
});
