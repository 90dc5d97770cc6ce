/** Migration 2 on a real file: version 1's staff, sessions and ledger rows survive; the print queue arrives. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { allRows, databaseAt, insertRow, rowsOf, schemaNames, upgraded } from '../../support/migration-db';

afterAll(cleanupAll);

describe('migration 2 (the durable print queue)', () => {
  it('keeps version 1 rows and adds print_job with its checks and references', () => {
    const old = databaseAt(1, {
      staff: [rowsOf.staff('s1', 'C001')],
      audit_log: [rowsOf.audit('a1', 'staff.create')],
      change_log: [rowsOf.change('c1', 's1', 1)],
    });
    const before = { staff: allRows(old.db, 'staff'), audit: allRows(old.db, 'audit_log'), changes: allRows(old.db, 'change_log') };

    upgraded(old, 2, (db) => {
      expect({ staff: allRows(db, 'staff'), audit: allRows(db, 'audit_log'), changes: allRows(db, 'change_log') }).toEqual(before);
      expect(schemaNames(db, 'index')).toEqual(expect.arrayContaining(['print_job_waiting', 'print_job_recent', 'print_job_reprint_of']));

      insertRow(db, 'print_job', { ...rowsOf.printJob('j1', 'sent', 't'), created_by: 's1' });
      insertRow(db, 'print_job', { ...rowsOf.printJob('j2', 'queued'), reprint_of: 'j1', reprint_reason: '卡纸重打' });
      expect(allRows(db, 'print_job').map((r) => [r.id, r.status, r.reprint_of])).toEqual([
        ['j1', 'sent', null],
        ['j2', 'queued', 'j1'],
      ]);
      expect(() => insertRow(db, 'print_job', { ...rowsOf.printJob('j3', 'queued'), reprint_of: 'j1' })).toThrow(/CHECK/); // a reprint says why
      expect(() => insertRow(db, 'print_job', rowsOf.printJob('j4', 'sent'))).toThrow(/CHECK/); // sent means sent_at
      expect(() => insertRow(db, 'print_job', { ...rowsOf.printJob('j5', 'queued'), paper_width: 76 })).toThrow(/CHECK/);
      expect(() => insertRow(db, 'print_job', { ...rowsOf.printJob('j6', 'queued'), created_by: 'nobody' })).toThrow(/FOREIGN KEY/);
    });
  });
});
