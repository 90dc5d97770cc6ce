/** Migration 10 on a real file: version 9's rows survive; the request log for idempotent writes arrives. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { allRows, AT, databaseAt, insertRow, queryPlan, rowsOf, upgraded } from '../../support/migration-db';

afterAll(cleanupAll);

describe('migration 10 (the request log)', () => {
  it('keeps version 9 rows and adds request_log, one row per key, pruned by created_at', () => {
    const old = databaseAt(9, {
      staff: [rowsOf.staff('s1', 'C001')],
      civil_case: [rowsOf.civilCase('m1', 'marriage', 's1')],
      audit_log: [rowsOf.audit('a1', 'marriage.register')],
    });
    const before = ['staff', 'civil_case', 'audit_log'].map((t) => allRows(old.db, t));

    upgraded(old, 10, (db) => {
      expect(['staff', 'civil_case', 'audit_log'].map((t) => allRows(db, t))).toEqual(before);
      const entry = { key: 'req-1', method: 'marriage.register', fingerprint: 'f', status: 'running', created_at: AT };
      insertRow(db, 'request_log', entry);
      expect(() => insertRow(db, 'request_log', entry)).toThrow(/UNIQUE|PRIMARY KEY/);
      expect(() => insertRow(db, 'request_log', { ...entry, key: 'req-2', status: 'failed' })).toThrow(/CHECK/);
      expect(queryPlan(db, "DELETE FROM request_log WHERE created_at < '2026-03-01'")).toContain('request_log_created');
    });
  });
});
