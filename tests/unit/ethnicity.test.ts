/** resolveEthnicity: what the clerk types in 民族 → the listed group meant, table-driven. */
import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS, resolveEthnicity } from '../../shared/domain/civil-party';
import { itMaps } from '../support/table';

describe('resolveEthnicity', () => {
  itMaps(resolveEthnicity, [
    ['汉', '汉族'],
    ['汉族', '汉族'],
    [' 汉 ', '汉族'],
    ['蒙', '蒙古族'],
    ['蒙古', '蒙古族'],
    ['维', '维吾尔族'],
    ['高', '高山族'],
    // the name without 族 wins over the longer name it starts
    ['土', '土族'],
    ['土家', '土家族'],
    // ambiguous prefix: 哈尼族, 哈萨克族
    ['哈', '哈'],
    ['哈萨', '哈萨克族'],
    ['', ''],
    ['  ', ''],
    ['火星族', '火星族'],
    ['族', '族'],
  ]);

  it('every listed group resolves to itself', () => {
    for (const g of ETHNIC_GROUPS) expect(resolveEthnicity(g)).toBe(g);
  });
});
