/** Migration 8 on a real file: version 7's rows are unchanged; handling times and unanswered ratings are read from indexes. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { allRows, databaseAt, queryPlan, rowsOf, upgraded } from '../../support/migration-db';

afterAll(cleanupAll);

describe('migration 8 (statistics indexes, continued)', () => {
  it('leaves the rows alone; the handling-time join and the 未评价 count read the new indexes', () => {
    const old = databaseAt(7, {
      staff: [rowsOf.staff('s1', 'C001')],
      contact: [rowsOf.contact('k1', 's1'), rowsOf.contact('k2', 's1')],
      service_case: [rowsOf.serviceCase('c1', 'k1', 's1')],
      rating: [rowsOf.rating('r1', 'k1', 's1', 'notRated', null), rowsOf.rating('r2', 'k2', 's1', 'rated', 4)],
    });
    const before = ['contact', 'service_case', 'rating'].map((t) => allRows(old.db, t));

    upgraded(old, 8, (db) => {
      expect(['contact', 'service_case', 'rating'].map((t) => allRows(db, t))).toEqual(before);
      // the report's handling-time join names the index (INDEXED BY), so before this migration it cannot run
      const handling = `SELECT COUNT(*) AS n, TOTAL(julianday(c.accepted_at) - julianday(ct.received_at)) AS days
        FROM service_case c JOIN contact ct INDEXED BY contact_received_of ON ct.id = c.contact_id WHERE c.accepted_at >= '2026-03-01'`;
      expect(queryPlan(db, handling)).toContain('COVERING INDEX contact_received_of');
      expect(db.prepare(handling).get()).toEqual({ n: 1, days: 0 });
      const notRated = "SELECT staff_id, window_no, COUNT(*) AS n FROM rating INDEXED BY rating_not_rated_stats WHERE status = 'notRated' AND answered_at IS NULL AND expires_at BETWEEN '2026-03-01' AND '2026-04-01' GROUP BY staff_id, window_no";
      expect(queryPlan(db, notRated)).toContain('USING INDEX rating_not_rated_stats');
      expect(db.prepare(notRated).all()).toEqual([{ staff_id: 's1', window_no: '3', n: 1 }]);
    });
  });
});
