import { describe, expect, it } from 'vitest';
import { DEFAULT_PEAK_DAYS, type PeakDayRule } from '../../shared/domain/peak-days';
import { peakDayKey, withHallPeakDay } from '../../shared/hall/hall-peak-days';

const qixi: PeakDayRule = { kind: 'lunar', month: 7, day: 7, name: '七夕节' };
const may20: PeakDayRule = { kind: 'solar', month: 5, day: 20, name: '520' };
const oct1: PeakDayRule = { kind: 'solar', month: 10, day: 1, name: '国庆' };

describe('withHallPeakDay', () => {
  const cases: { name: string; list: readonly PeakDayRule[]; fromHall: boolean; key: string; rule: PeakDayRule | null; expected: PeakDayRule[] }[] = [
    { name: 'the first hall row replaces the window defaults', list: DEFAULT_PEAK_DAYS, fromHall: false, key: 'solar-10-1', rule: oct1, expected: [oct1] },
    { name: 'a first tombstone still drops the defaults', list: DEFAULT_PEAK_DAYS, fromHall: false, key: 'solar-5-20', rule: null, expected: [] },
    { name: 'a new key is added at the end', list: [oct1], fromHall: true, key: 'lunar-7-7', rule: qixi, expected: [oct1, qixi] },
    { name: 'the same key replaces in place (applied twice: no change)', list: [may20, oct1], fromHall: true, key: 'solar-5-20', rule: may20, expected: [may20, oct1] },
    { name: 'a renamed rule replaces in place', list: [may20, oct1], fromHall: true, key: 'solar-5-20', rule: { ...may20, name: '5·20' }, expected: [{ ...may20, name: '5·20' }, oct1] },
    { name: 'a tombstone removes by key', list: [may20, qixi], fromHall: true, key: 'lunar-7-7', rule: null, expected: [may20] },
    { name: 'a key with leading zeros names the same day', list: [may20, qixi], fromHall: true, key: 'solar-05-20', rule: null, expected: [qixi] },
    { name: 'a tombstone for an absent key changes nothing', list: [may20], fromHall: true, key: 'solar-2-14', rule: null, expected: [may20] },
    { name: 'a malformed key removes nothing', list: [may20], fromHall: true, key: 'x', rule: null, expected: [may20] },
  ];
  it.each(cases)('$name', ({ list, fromHall, key, rule, expected }) => {
    expect(withHallPeakDay(list, fromHall, key, rule)).toEqual(expected);
  });

  it('keys a rule by kind, month and day', () => {
    expect(peakDayKey(qixi)).toBe('lunar-7-7');
  });
});
