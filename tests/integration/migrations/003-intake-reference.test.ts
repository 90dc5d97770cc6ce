/** Migration 3 on a real file: version 2's rows survive; intake (contacts, slips, cases) and reference data arrive. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { allRows, AT, databaseAt, insertRow, rowsOf, schemaNames, upgraded } from '../../support/migration-db';

afterAll(cleanupAll);

describe('migration 3 (intake and reference data)', () => {
  it('keeps version 2 rows and adds the intake tables with their references and rules', () => {
    const old = databaseAt(2, {
      staff: [rowsOf.staff('s1', 'C001')],
      print_job: [{ ...rowsOf.printJob('j1', 'failed'), created_by: 's1', last_error: '缺纸' }],
    });
    const before = { staff: allRows(old.db, 'staff'), jobs: allRows(old.db, 'print_job') };

    upgraded(old, 3, (db) => {
      expect({ staff: allRows(db, 'staff'), jobs: allRows(db, 'print_job') }).toEqual(before);
      expect(schemaNames(db, 'table')).toEqual(
        expect.arrayContaining(['slip_counter', 'contact', 'notification', 'referral', 'service_case', 'catalogue_version', 'calendar_override']),
      );

      insertRow(db, 'contact', rowsOf.contact('k1', 's1'));
      expect(() => insertRow(db, 'contact', { ...rowsOf.contact('k2', 's1'), contact_no: 'JJ-k1' })).toThrow(/UNIQUE/);
      expect(() => insertRow(db, 'contact', rowsOf.contact('k3', 'nobody'))).toThrow(/FOREIGN KEY/);
      expect(() => insertRow(db, 'contact', { ...rowsOf.contact('k4', 's1'), channel: 'phone' })).toThrow(/CHECK/);
      expect(allRows(db, 'contact')).toMatchObject([{ id: 'k1', received_materials: '[]', applicant_phone: '' }]);

      insertRow(db, 'service_case', rowsOf.serviceCase('c1', 'k1', 's1'));
      // one case per contact; a due date or the reason it is pending, never both
      expect(() => insertRow(db, 'service_case', { ...rowsOf.serviceCase('c2', 'k1', 's1'), case_no: 'SL-c2' })).toThrow(/UNIQUE/);
      insertRow(db, 'contact', rowsOf.contact('k5', 's1'));
      expect(() => insertRow(db, 'service_case', { ...rowsOf.serviceCase('c3', 'k5', 's1'), due_pending_reason: '日历未录入' })).toThrow(/CHECK/);

      const slip = { hall_id: 'h', window_no: '3', contact_id: 'k1', issued_by: 's1', issued_at: AT, created_at: AT, updated_at: AT };
      insertRow(db, 'notification', { ...slip, id: 'n1', slip_no: 'BZ-1', received: '[]', missing: '["户口簿"]' });
      insertRow(db, 'referral', { ...slip, id: 'r1', slip_no: 'ZJ-1', target: '社保窗口' });
      expect(() => insertRow(db, 'referral', { ...slip, id: 'r2', slip_no: 'ZJ-2', target: 'x', contact_id: 'nobody' })).toThrow(/FOREIGN KEY/);
      insertRow(db, 'slip_counter', { prefix: 'BZ', day: '2026-03-02', last: 1 });
      expect(() => insertRow(db, 'slip_counter', { prefix: 'BZ', day: '2026-03-02', last: 2 })).toThrow(/UNIQUE|PRIMARY KEY/);
      insertRow(db, 'calendar_override', rowsOf.calendarOverride('o1', '2026-05-01'));
      expect(() => insertRow(db, 'calendar_override', rowsOf.calendarOverride('o2', '2026-05-01'))).toThrow(/UNIQUE/);
    });
  });
});
