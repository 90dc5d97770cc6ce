/** Grouping the kiosk's matters by ticket prefix. */
import { describe, expect, it } from 'vitest';
import { groupMatters, type KioskMatter } from '../../shared/domain/kiosk-matters';

const m = (matter: string, name: string, prefix: string, waiting = 0): KioskMatter => ({ matter, name, prefix, windows: [], waiting });

describe('groupMatters', () => {
  it.each([
    ['nothing', [], []],
    ['one matter', [m('MAR-REG', '结婚登记', 'A', 2)], [['A', ['MAR-REG'], 2]]],
    [
      'groups in prefix order, waiting summed',
      [m('DIV-REG', '离婚登记', 'B', 1), m('MAR-REG', '结婚登记', 'A', 2), m('MAR-CERT', '婚姻登记记录证明', 'A', 3)],
      [
        ['A', ['MAR-CERT', 'MAR-REG'], 5],
        ['B', ['DIV-REG'], 1],
      ],
    ],
    ['two-letter prefixes after one-letter ones', [m('X1', '甲', 'MA'), m('X2', '乙', 'M'), m('X3', '丙', 'B')], [['B', ['X3'], 0], ['M', ['X2'], 0], ['MA', ['X1'], 0]]],
    ['same name: by code', [m('B2', '补领', 'C'), m('B1', '补领', 'C')], [['C', ['B1', 'B2'], 0]]],
  ] as const)('%s', (_name, matters, groups) => {
    expect(groupMatters(matters).map((g) => [g.prefix, g.matters.map((x) => x.matter), g.waiting])).toEqual(groups);
  });
});
