/**
 * The 婚姻登记 ledger's status of a marriage, divorce or reissue case: what
 * happened to it (已登记, 不予登记, 已撤回, 视为撤回) or, for a divorce
 * application still open, its stage on a given hall date from the dates
 * printed on the receipt (cooling-off end, certificate deadline; null while
 * 待定). An open application past its deadline that the sweep has not yet
 * marked 视为撤回 shows as 逾期未领证.
 */
export const CIVIL_LEDGER_STATUSES = [
  'registered',
  'refused',
  'coolingOff',
  'awaitingRegistration',
  'overdue',
  'pending',
  'withdrawn',
  'deemedWithdrawn',
] as const;
export type CivilLedgerStatus = (typeof CIVIL_LEDGER_STATUSES)[number];

export const CIVIL_LEDGER_STATUS_LABELS: Record<CivilLedgerStatus, string> = {
  registered: '已登记',
  refused: '不予登记',
  coolingOff: '离婚冷静期',
  awaitingRegistration: '待领证',
  overdue: '逾期未领证',
  pending: '日期待定',
  withdrawn: '已撤回',
  deemedWithdrawn: '视为撤回',
};

export interface CivilLedgerCase {
  status: 'registered' | 'refused' | 'accepted' | 'withdrawn' | 'deemedWithdrawn';
  coolingOffEnd: string | null;
  certificateDeadline: string | null;
}

/** The ledger status of a case on hall date `today` (YYYY-MM-DD); both ends of a period are included. */
export function civilLedgerStatus(c: CivilLedgerCase, today: string): CivilLedgerStatus {
  if (c.status !== 'accepted') return c.status;
  if (c.coolingOffEnd === null) return 'pending';
  if (today <= c.coolingOffEnd) return 'coolingOff';
  if (c.certificateDeadline === null) return 'pending';
  return today <= c.certificateDeadline ? 'awaitingRegistration' : 'overdue';
}

