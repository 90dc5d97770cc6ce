/** Migration 7 on a real file: version 6's rows are unchanged, and a month's statistics read them from the new covering indexes. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { allRows, databaseAt, queryPlan, rowsOf, upgraded } from '../../support/migration-db';

afterAll(cleanupAll);

const MONTH = "BETWEEN '2026-03-01' AND '2026-04-01'";

describe('migration 7 (statistics indexes)', () => {
  it('leaves the rows alone and answers the GROUP BY from the index alone', () => {
    const old = databaseAt(6, {
      staff: [rowsOf.staff('s1', 'C001')],
      contact: [rowsOf.contact('k1', 's1')],
      service_case: [rowsOf.serviceCase('c1', 'k1', 's1')],
      rating: [rowsOf.rating('r1', 'k1', 's1', 'rated', 5)],
    });
    const before = ['contact', 'service_case', 'rating'].map((t) => allRows(old.db, t));

    upgraded(old, 7, (db) => {
      expect(['contact', 'service_case', 'rating'].map((t) => allRows(db, t))).toEqual(before);
      const plans: [string, string][] = [
        ['contact_stats', `SELECT owner_staff_id, window_no, COUNT(*) FROM contact WHERE received_at ${MONTH} GROUP BY owner_staff_id, window_no`],
        ['service_case_stats', `SELECT accepted_by, window_no, COUNT(contact_id) FROM service_case WHERE accepted_at ${MONTH} GROUP BY accepted_by, window_no`],
        ['notification_stats', `SELECT issued_by, window_no, COUNT(*) FROM notification WHERE issued_at ${MONTH} GROUP BY issued_by, window_no`],
        ['referral_stats', `SELECT issued_by, window_no, COUNT(*) FROM referral WHERE issued_at ${MONTH} GROUP BY issued_by, window_no`],
        ['rating_stats', `SELECT staff_id, window_no, status, level, COUNT(*) FROM rating WHERE answered_at ${MONTH} GROUP BY staff_id, window_no, status, level`],
      ];
      for (const [index, sql] of plans) expect(queryPlan(db, sql)).toContain(`COVERING INDEX ${index}`);
    });
  });
});
