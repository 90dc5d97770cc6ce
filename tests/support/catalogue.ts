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
