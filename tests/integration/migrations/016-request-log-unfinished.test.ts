/**
 * Migration 16 on a real file: version 15's kept answers survive as they were;
 * a request an older version claimed ('running') and never finished keeps no
 * answer, which the request log refuses as unfinished (tests/integration/request-ids.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { allRows, AT, columnsOf, databaseAt, insertRow, queryPlan, rowsOf, upgraded, type Row } from '../../support/migration-db';

afterAll(cleanupAll);

const kept = (key: string, status: string, result: string | null): Row => ({
  key, method: 'intake.start', fingerprint: `f-${key}`, status, result_sealed: result, created_at: AT,
});

describe('migration 16 (kept requests without a status)', () => {
  it('keeps version 15 answers, leaves an unfinished claim without one and drops the status column', () => {
    const old = databaseAt(15, {
      staff: [rowsOf.staff('s1', 'C001')],
      request_log: [kept('done-1', 'done', 'v1:answer-1'), kept('claimed', 'running', null), kept('done-2', 'done', 'v1:answer-2')],
    });
    const staffBefore = allRows(old.db, 'staff');

    upgraded(old, 16, (db) => {
      expect(allRows(db, 'staff')).toEqual(staffBefore);
      expect(columnsOf(db, 'request_log')).toEqual(['key', 'method', 'fingerprint', 'result_sealed', 'created_at']);
      const strip = ({ status: _status, ...row }: Row): Row => row;
      expect(allRows(db, 'request_log')).toEqual([
        strip(kept('done-1', 'done', 'v1:answer-1')),
        strip(kept('claimed', 'running', null)),
        strip(kept('done-2', 'done', 'v1:answer-2')),
      ]);
      expect(() => insertRow(db, 'request_log', strip(kept('done-1', 'done', 'v1:again')))).toThrow(/UNIQUE|PRIMARY KEY/);
      expect(queryPlan(db, "DELETE FROM request_log WHERE created_at < '2026-03-01'")).toContain('request_log_created');
    });
  });
});
