/** Migration 11 on a real file: version 10's civil cases gain empty national-check and marriage-reference columns. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { databaseAt, rowsOf, upgradedAddingColumns } from '../../support/migration-db';

afterAll(cleanupAll);

describe('migration 11 (national check, the divorce’s marriage)', () => {
  it('keeps every version 10 case with NULL in the new columns; a divorce may name a marriage case', () => {
    const old = databaseAt(10, {
      staff: [rowsOf.staff('s1', 'C001')],
      civil_case: [{ ...rowsOf.civilCase('m1', 'marriage', 's1'), certificate_no: 'J1', checks: '{"a":true}' }, rowsOf.civilCase('d1', 'divorce', 's1', 'accepted')],
    });

    upgradedAddingColumns(old, 11, 'civil_case', { national_check: null, marriage_certificate_nos: null, marriage_case_id: null }, (db) => {
      db.prepare("UPDATE civil_case SET marriage_case_id = 'm1', marriage_certificate_nos = '[\"J1\"]' WHERE id = 'd1'").run();
      expect(() => db.prepare("UPDATE civil_case SET marriage_case_id = 'nobody' WHERE id = 'd1'").run()).toThrow(/FOREIGN KEY/);
      db.prepare("UPDATE civil_case SET national_check = '{\"by\":\"s1\"}' WHERE id = 'm1'").run();
    });
  });
});
