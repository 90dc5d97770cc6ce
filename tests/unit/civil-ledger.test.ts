import { describe, expect, it } from 'vitest';
import { civilLedgerStatus, type CivilLedgerCase, type CivilLedgerStatus } from '../../shared/domain/civil-ledger';

const open = (coolingOffEnd: string | null, certificateDeadline: string | null): CivilLedgerCase => ({ status: 'accepted', coolingOffEnd, certificateDeadline });
const TODAY = '2026-10-08';

describe('civilLedgerStatus', () => {
  const cases: [string, CivilLedgerCase, CivilLedgerStatus][] = [
    ['registered stays registered', { status: 'registered', coolingOffEnd: null, certificateDeadline: null }, 'registered'],
    ['refused', { status: 'refused', coolingOffEnd: null, certificateDeadline: null }, 'refused'],
    ['withdrawn', { status: 'withdrawn', coolingOffEnd: '2026-10-01', certificateDeadline: '2026-11-01' }, 'withdrawn'],
    ['deemed withdrawn', { status: 'deemedWithdrawn', coolingOffEnd: '2026-09-01', certificateDeadline: '2026-10-01' }, 'deemedWithdrawn'],
    ['cooling-off until its last day, included', open(TODAY, '2026-11-09'), 'coolingOff'],
    ['cooling-off end still ahead', open('2026-10-09', '2026-11-09'), 'coolingOff'],
    ['the day after the cooling-off end', open('2026-10-07', '2026-11-09'), 'awaitingRegistration'],
    ['awaiting on the deadline itself', open('2026-09-07', TODAY), 'awaitingRegistration'],
    ['past the deadline, not yet swept', open('2026-09-06', '2026-10-07'), 'overdue'],
    ['cooling-off end 待定', open(null, null), 'pending'],
    ['cooling-off known and running, deadline 待定', open('2026-10-09', null), 'coolingOff'],
    ['cooling-off over, deadline 待定', open('2026-10-01', null), 'pending'],
  ];
  it.each(cases)('%s', (_name, c, expected) => {
    expect(civilLedgerStatus(c, TODAY)).toBe(expected);
  });
});
