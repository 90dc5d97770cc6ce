/** Migration 1 on a real file: an empty database (version 0) gets the window's first schema. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { AT, allRows, databaseAt, insertRow, rowsOf, schemaNames, upgrade } from '../../support/migration-db';

afterAll(cleanupAll);

describe('migration 1 (staff, sessions, audit trail, change log)', () => {
  it('creates the tables in an empty file, and the one-open-session and one-open-pause rules hold', () => {
    const db = upgrade(databaseAt(0), 1);
    try {
      expect(schemaNames(db, 'table')).toEqual(['audit_log', 'change_log', 'clerk_session', 'commitment', 'staff', 'window_pause']);
      expect(schemaNames(db, 'index')).toEqual(['change_log_unsynced', 'clerk_session_one_open', 'window_pause_one_open']);

      insertRow(db, 'staff', rowsOf.staff('s1', 'C001'));
      expect(() => insertRow(db, 'staff', rowsOf.staff('s2', 'c001'))).toThrow(/UNIQUE/); // staff numbers ignore case
      const session = (id: string) => ({ id, hall_id: 'h', window_no: '3', staff_id: 's1', started_at: AT, created_at: AT, updated_at: AT });
      insertRow(db, 'clerk_session', session('a'));
      expect(() => insertRow(db, 'clerk_session', session('b'))).toThrow(/UNIQUE/);
      expect(() => insertRow(db, 'clerk_session', { ...session('c'), staff_id: 'nobody', ended_at: AT })).toThrow(/FOREIGN KEY/);
      const pause = (id: string) => ({ id, hall_id: 'h', window_no: '3', session_id: 'a', reason: '临时离开', return_at: AT, started_at: AT, created_at: AT, updated_at: AT });
      insertRow(db, 'window_pause', pause('p1'));
      expect(() => insertRow(db, 'window_pause', pause('p2'))).toThrow(/UNIQUE/);

      // audit and change-log rows are numbered by AUTOINCREMENT, from 1
      insertRow(db, 'audit_log', rowsOf.audit('a1', 'auth.login'));
      insertRow(db, 'change_log', rowsOf.change('c1', 's1', 1));
      expect(allRows(db, 'audit_log')).toMatchObject([{ seq: 1, id: 'a1' }]);
      expect(allRows(db, 'change_log')).toMatchObject([{ seq: 1, id: 'c1', synced_at: null }]);
      expect(() => insertRow(db, 'change_log', { ...rowsOf.change('c2', 's1', 1), op: 'upsert' })).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
