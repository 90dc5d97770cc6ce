/** The windows' statistics counted across the hall (shared/domain/hall-stats.ts). */
import { describe, expect, it } from 'vitest';
import { hallStats, statsFactsOf, type StatsFact, type StatsRecord } from '../../shared/domain/hall-stats';

const base: StatsRecord = { entity: 'contact', windowNo: '1', status: 'open', payload: {}, at: null, clerk: '1001 张敏', contactReceivedAt: null, contactItem: '结婚登记', today: '2026-09-20' };
const at = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

describe('statsFactsOf', () => {
  it.each<[string, Partial<StatsRecord>, Omit<StatsFact, 'windowNo' | 'clerk'>[]]>([
    ['a contact on its hall day', { payload: { received_at: '2026-09-14T16:30:00.000Z', item_name: '户籍' } }, [{ measure: 'contacts', day: '2026-09-15', matter: '户籍', value: null }]],
    [
      'an accepted case with its handling minutes',
      { entity: 'service_case', payload: { accepted_at: at('2026-09-15', '10:25'), item_name: '户籍' }, contactReceivedAt: at('2026-09-15', '10:00') },
      [{ measure: 'accepted', day: '2026-09-15', matter: '户籍', value: 25 }],
    ],
    ['a 告知单 on when the window wrote it', { entity: 'notification', payload: {}, at: at('2026-09-16') }, [{ measure: 'notified', day: '2026-09-16', matter: '结婚登记', value: null }]],
    ['a rating', { entity: 'rating', status: 'rated', payload: { level: 2, answered_at: at('2026-09-15') } }, [{ measure: 'rating', day: '2026-09-15', matter: '结婚登记', value: 2 }]],
    ['未评价 by its expiry', { entity: 'rating', status: 'notRated', payload: { expires_at: at('2026-09-15') } }, [{ measure: 'rating', day: '2026-09-15', matter: '结婚登记', value: 0 }]],
    ['a pending rating counts nowhere', { entity: 'rating', status: 'pending', payload: { requested_at: at('2026-09-15') } }, []],
    ['an overdue open follow-up', { entity: 'follow_up', status: 'open', payload: { opened_at: at('2026-09-10'), rectify_due: '2026-09-19' } }, [{ measure: 'followUpOpen', day: '2026-09-10', matter: '结婚登记', value: 1 }]],
    ['a closed follow-up', { entity: 'follow_up', status: 'closed', payload: { opened_at: at('2026-09-10') } }, []],
    ['a registered marriage', { entity: 'civil_case', status: 'registered', payload: { kind: 'marriage', received_at: at('2026-09-15') } }, [{ measure: 'marriages', day: '2026-09-15', matter: '结婚登记', value: null }]],
    [
      'a registered divorce: accepted on receipt, registered on registration',
      { entity: 'civil_case', status: 'registered', payload: { kind: 'divorce', received_at: at('2026-08-01'), registered_at: at('2026-09-15') } },
      [
        { measure: 'divorcesAccepted', day: '2026-08-01', matter: '离婚登记', value: null },
        { measure: 'divorcesRegistered', day: '2026-09-15', matter: '离婚登记', value: null },
      ],
    ],
    ['a refusal', { entity: 'civil_case', status: 'refused', payload: { kind: 'reissue', received_at: at('2026-09-15') } }, [{ measure: 'refused', day: '2026-09-15', matter: '补领婚姻登记证', value: null }]],
    ['a record without a time', { payload: {} }, []],
  ])('%s', (_name, record, facts) => {
    expect(statsFactsOf({ ...base, ...record })).toEqual(facts.map((f) => ({ ...f, windowNo: '1', clerk: '1001 张敏' })));
  });
});

describe('hallStats', () => {
  const fact = (measure: StatsFact['measure'], windowNo: string, day: string, value: number | null = null): StatsFact => ({ measure, day, windowNo, clerk: `${windowNo}号员`, matter: '结婚登记', value });
  const facts = [
    fact('contacts', '2', '2026-09-15'),
    fact('contacts', '1', '2026-09-15'),
    fact('contacts', '1', '2026-09-16'),
    fact('accepted', '1', '2026-09-15', 20),
    fact('accepted', '1', '2026-09-16', 40),
    fact('rating', '1', '2026-09-15', 5),
    fact('rating', '1', '2026-09-15', 1),
    fact('rating', '2', '2026-09-15', 0),
    fact('followUpOpen', '1', '2026-09-15', 1),
    fact('followUpOpen', '2', '2026-09-15', 0),
    fact('contacts', '1', '2026-09-30'),
  ];

  it.each([
    ['window', ['1', '2']],
    ['day', ['2026-09-15', '2026-09-16']],
    ['clerk', ['1号员', '2号员']],
    ['matter', ['结婚登记']],
  ] as const)('groups by %s, leaving out days outside the range', (by, keys) => {
    const stats = hallStats(facts, by, '2026-09-01', '2026-09-20');
    expect(stats.rows.map((r) => r.key)).toEqual(keys);
    expect(stats.total).toMatchObject({ contacts: 3, accepted: 2, handlingMinutes: 30, distribution: [1, 0, 0, 0, 1], notRated: 1, satisfaction: 0.5, followUpsOpen: 2, followUpsOverdue: 1 });
    expect(stats.rows.reduce((sum, r) => sum + r.contacts, 0)).toBe(3);
  });
});
