/** The console's pure rules: a window's offline and sync-lag judgements, and the CSV cells of the ledger export. */
import { describe, expect, it } from 'vitest';
import { windowFlags, type WindowContact } from '../../shared/hall/board';
import { csvCell, ledgerStatusLabel } from '../../shared/hall/ledger-csv';

const NOW = new Date('2026-11-27T02:00:00.000Z');

describe('windowFlags', () => {
  const cases: [string, WindowContact, number, { offline: boolean; lagMinutes: number | null }][] = [
    ['never heard from', { lastContactAt: null, backlogRows: null, backlogOldestAt: null }, 5, { offline: true, lagMinutes: null }],
    ['contact just now, no backlog reported', { lastContactAt: '2026-11-27T01:59:30.000Z', backlogRows: null, backlogOldestAt: null }, 5, { offline: false, lagMinutes: null }],
    ['contact exactly at the limit is online', { lastContactAt: '2026-11-27T01:55:00.000Z', backlogRows: 0, backlogOldestAt: null }, 5, { offline: false, lagMinutes: 0 }],
    ['contact past the limit is offline', { lastContactAt: '2026-11-27T01:54:59.000Z', backlogRows: 0, backlogOldestAt: null }, 5, { offline: true, lagMinutes: 0 }],
    ['a longer setting keeps it online', { lastContactAt: '2026-11-27T01:40:00.000Z', backlogRows: 0, backlogOldestAt: null }, 30, { offline: false, lagMinutes: 0 }],
    ['backlog: the oldest row is 12.5 minutes old', { lastContactAt: '2026-11-27T01:59:00.000Z', backlogRows: 42, backlogOldestAt: '2026-11-27T01:47:30.000Z' }, 5, { offline: false, lagMinutes: 12 }],
    ['a window clock ahead never gives a negative lag', { lastContactAt: '2026-11-27T01:59:00.000Z', backlogRows: 3, backlogOldestAt: '2026-11-27T02:10:00.000Z' }, 5, { offline: false, lagMinutes: 0 }],
    ['rows without an oldest time: lag 0', { lastContactAt: '2026-11-27T01:59:00.000Z', backlogRows: 3, backlogOldestAt: null }, 5, { offline: false, lagMinutes: 0 }],
    ['an unreadable oldest time: lag 0', { lastContactAt: '2026-11-27T01:59:00.000Z', backlogRows: 3, backlogOldestAt: 'yesterday' }, 5, { offline: false, lagMinutes: 0 }],
  ];
  it.each(cases)('%s', (_name, contact, minutes, expected) => {
    expect(windowFlags(contact, NOW, minutes)).toEqual(expected);
  });
});

describe('csvCell', () => {
  const cases: [string | null, string][] = [
    [null, ''],
    ['赵敏', '赵敏'],
    ['周杰、吴21', '周杰、吴21'],
    ['a,b', '"a,b"'],
    ['说"是"', '"说""是"""'],
    ['两行\n文字', '"两行\n文字"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+86 139', "'+86 139"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['J330100-2026-000001', 'J330100-2026-000001'],
  ];
  it.each(cases)('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('ledgerStatusLabel', () => {
  const cases: [Parameters<typeof ledgerStatusLabel>[0], string | null, string][] = [
    ['contacts', 'open', '接待中'],
    ['contacts', 'closed', '已结束'],
    ['marriages', 'registered', '已登记'],
    ['marriages', 'somethingNew', 'somethingNew'],
    ['contacts', null, ''],
  ];
  it.each(cases)('%s %s → %s', (ledger, status, expected) => {
    expect(ledgerStatusLabel(ledger, status)).toBe(expected);
  });
});
