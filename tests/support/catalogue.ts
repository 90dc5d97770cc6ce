/** Catalogue items the tests import as a supervisor would. */

/** A matter done on the spot (no working-day deadline), handled at every window. */
export const ON_THE_SPOT_ITEM = {
  code: 'T-SPOT',
  name: '婚姻登记记录证明',
  department: '民政局',
  windows: [],
  materials: [{ id: 'id', name: '居民身份证', standard: '原件', obtainFrom: '本人携带', required: true }],
  legalBasis: '《婚姻登记条例》',
  timeLimit: { kind: 'onTheSpot' },
  fee: '不收费',
  resultPickup: '当场领取',
};

/** A matter with a 20-working-day deadline, handled at every window. */
export const WORKING_DAYS_ITEM = {
  code: 'T-LIMIT',
  name: '最低生活保障申请',
  department: '民政局',
  windows: [],
  materials: [{ id: 'id', name: '居民身份证', standard: '原件', obtainFrom: '本人携带', required: true }],
  legalBasis: '《社会救助暂行办法》第十一条',
  timeLimit: { kind: 'workingDays', days: 20 },
  fee: '不收费',
  resultPickup: '凭回执到本窗口领取',
};

/** A catalogue file with exactly these items, newer than the built-in one. */
export function testCatalogue(items: readonly object[]): { version: string; issuedAt: string; items: readonly object[] } {
  return { version: '9999.1', issuedAt: '2026-01-01', items };
}
