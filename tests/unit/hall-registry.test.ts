import { describe, expect, it } from 'vitest';
import { hallSpouse, type HallMarriage } from '../../shared/domain/hall-registry';

const HALL: HallMarriage = { caseId: 'h1', certificateNo: 'J110105-2026-000007', registeredAt: '2026-03-02T02:00:00.000Z', windowNo: '2' };
const marriage = (caseId: string, registeredAt: string) => ({ caseId, kind: 'marriage' as const, registeredAt });
const divorce = (caseId: string, registeredAt: string) => ({ caseId, kind: 'divorce' as const, registeredAt });

describe('hallSpouse', () => {
  const cases: [string, Parameters<typeof hallSpouse>[0], HallMarriage | null, HallMarriage | null][] = [
    ['the hall has no marriage', [], null, null],
    ['married at another window, unknown here', [], HALL, HALL],
    ['the hall marriage is a registration of this ledger', [marriage('h1', HALL.registeredAt)], HALL, null],
    ['divorced here after the hall marriage (not yet at the hall)', [divorce('d1', '2026-05-01T02:00:00.000Z')], HALL, null],
    ['divorced here before the hall marriage', [divorce('d1', '2026-01-01T02:00:00.000Z')], HALL, HALL],
    ['married here later: the ledger reports that one', [marriage('m1', '2026-04-01T02:00:00.000Z')], HALL, null],
    ['married and divorced here before the hall marriage', [marriage('m1', '2025-01-01T02:00:00.000Z'), divorce('d1', '2025-06-01T02:00:00.000Z')], HALL, HALL],
  ];
  it.each(cases)('%s', (_name, local, hall, expected) => {
    expect(hallSpouse(local, hall)).toEqual(expected);
  });
});
