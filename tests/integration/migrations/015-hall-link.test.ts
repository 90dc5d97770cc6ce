/** Migration 15 on a real file: version 14's data untouched; at most one hall link, naming a real staff member. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { allRows, databaseAt, insertRow, rowsOf, upgraded, type Row } from '../../support/migration-db';

afterAll(cleanupAll);

const link = (id: number, enrolledBy: string | null): Row => ({
  id, hall_url: 'http://192.168.1.10:5790', hall_id: 'h1', hall_name: '测试大厅', window_id: 'w1', window_no: '3',
  credential_sealed: 'v1:x', lookup_key_sealed: 'v1:y', enrolled_at: '2026-11-27T01:00:00.000Z', enrolled_by: enrolledBy,
});

describe('migration 15 (the hall this window joined)', () => {
  it('keeps version 14 staff and adds an empty hall_link that holds one row', () => {
    const old = databaseAt(14, {
      staff: [rowsOf.staff('s1', 'C001')],
    });
    const staffBefore = allRows(old.db, 'staff');

    upgraded(old, 15, (db) => {
      expect(allRows(db, 'staff')).toEqual(staffBefore);
      expect(allRows(db, 'hall_link')).toEqual([]);
      insertRow(db, 'hall_link', link(1, 's1'));
      expect(() => insertRow(db, 'hall_link', link(2, 's1'))).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE hall_link SET enrolled_by = 'nobody'").run()).toThrow(/FOREIGN KEY/);
    });
  });
});
