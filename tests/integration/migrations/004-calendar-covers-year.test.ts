/** Migration 4 on a real file: version 3's calendar overrides gain covers_year = 0, nothing else changes. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { databaseAt, insertRow, rowsOf, upgradedAddingColumns } from '../../support/migration-db';

afterAll(cleanupAll);

describe('migration 4 (an override covering a whole year)', () => {
  it('keeps every override with covers_year 0, and accepts only 0 or 1', () => {
    const old = databaseAt(3, {
      calendar_override: [
        rowsOf.calendarOverride('o1', '2026-05-01'),
        { ...rowsOf.calendarOverride('o2', '2026-05-09'), kind: 'workday', name: '调休上班', entered_by: 's1' },
      ],
    });

    upgradedAddingColumns(old, 4, 'calendar_override', { covers_year: 0 }, (db) => {
      insertRow(db, 'calendar_override', { ...rowsOf.calendarOverride('o3', '2027-01-01'), covers_year: 1 });
      expect(() => insertRow(db, 'calendar_override', { ...rowsOf.calendarOverride('o4', '2027-01-02'), covers_year: 2 })).toThrow(/CHECK/);
    });
  });
});
