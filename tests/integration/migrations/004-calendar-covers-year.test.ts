/** Migration 4 on a real file: version 3's calendar overrides gain covers_year = 0, nothing else changes. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { allRows, columnsOf, databaseAt, insertRow, rowsOf, upgrade } from '../../support/migration-db';

afterAll(cleanupAll);

describe('migration 4 (an override covering a whole year)', () => {
  it('keeps every override with covers_year 0, and accepts only 0 or 1', () => {
    const old = databaseAt(3);
    insertRow(old.db, 'calendar_override', rowsOf.calendarOverride('o1', '2026-05-01'));
    insertRow(old.db, 'calendar_override', { ...rowsOf.calendarOverride('o2', '2026-05-09'), kind: 'workday', name: '调休上班', entered_by: 's1' });
    const before = allRows(old.db, 'calendar_override');
    const columnsBefore = columnsOf(old.db, 'calendar_override');

    const db = upgrade(old, 4);
    try {
      expect(columnsOf(db, 'calendar_override')).toEqual([...columnsBefore, 'covers_year']);
      expect(allRows(db, 'calendar_override')).toEqual(before.map((row) => ({ ...row, covers_year: 0 })));
      insertRow(db, 'calendar_override', { ...rowsOf.calendarOverride('o3', '2027-01-01'), covers_year: 1 });
      expect(() => insertRow(db, 'calendar_override', { ...rowsOf.calendarOverride('o4', '2027-01-02'), covers_year: 2 })).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
