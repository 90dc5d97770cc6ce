/** Migration 20 on a real file: version 19's cases are unchanged; three service_case indexes are gone and completed_by holds completed cases only. */
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { up as serviceCaseIndexes } from '../../../electron/services/db/migrations/020-service-case-indexes';
import { cleanupAll } from '../../support/core';
import { allRows, databaseAt, insertRow, queryPlan, rowsOf, schemaNames, upgrade } from '../../support/migration-db';

afterAll(cleanupAll);

/** Its place in the list (the numbers of the migrations merged before it may differ on a branch). */
const VERSION = MIGRATIONS.indexOf(serviceCaseIndexes) + 1;
const DONE = '2026-03-05T02:00:00.000Z';

describe('migration 20 (fewer service_case indexes)', () => {
  it("keeps version 19's cases and answers the same queries from the indexes left", () => {
    expect(VERSION).toBeGreaterThan(19);
    const old = databaseAt(VERSION - 1);
    insertRow(old.db, 'staff', rowsOf.staff('s1', 'C001'));
    insertRow(old.db, 'contact', rowsOf.contact('k1', 's1'));
    insertRow(old.db, 'contact', rowsOf.contact('k2', 's1'));
    insertRow(old.db, 'service_case', rowsOf.serviceCase('c1', 'k1', 's1'));
    insertRow(old.db, 'service_case', { ...rowsOf.serviceCase('c2', 'k2', 's1'), status: 'completed', completed_at: DONE, completed_by: 's1' });
    const before = ['contact', 'service_case'].map((t) => allRows(old.db, t));
    expect(schemaNames(old.db, 'index')).toEqual(expect.arrayContaining(['service_case_accepted', 'service_case_open_due', 'service_case_completed_by']));

    const db = upgrade(old, VERSION);
    try {
      expect(['contact', 'service_case'].map((t) => allRows(db, t))).toEqual(before);
      const indexes = schemaNames(db, 'index');
      expect(indexes).not.toContain('service_case_accepted');
      expect(indexes).not.toContain('service_case_open_due');
      expect(indexes).toEqual(expect.arrayContaining(['service_case_stats', 'service_case_open_by_due', 'service_case_accepted_by', 'service_case_completed_by']));
      // the completed cases only: the open one has no entry
      expect(db.prepare('SELECT id FROM service_case INDEXED BY service_case_completed_by WHERE completed_by IS NOT NULL').pluck().all()).toEqual(['c2']);
      expect(db.prepare("SELECT COUNT(*) FROM service_case WHERE completed_by = 's1' AND completed_at >= '2026-03-05' AND completed_at <= '2026-03-06'").pluck().get()).toBe(1);
      expect(queryPlan(db, "SELECT COUNT(*) FROM service_case WHERE completed_by = 's1' AND completed_at >= '2026-03-05' AND completed_at <= '2026-03-06'")).toContain(
        'COVERING INDEX service_case_completed_by',
      );
      expect(queryPlan(db, "SELECT COUNT(*) FROM service_case WHERE accepted_at >= '2026-03-01' AND accepted_at < '2026-04-01'")).toContain('COVERING INDEX service_case_stats');
      expect(queryPlan(db, "SELECT id FROM service_case WHERE status = 'open' AND due_date < '2026-03-10'")).toContain('INDEX service_case_open_by_due');
      // a case completed after the upgrade gets its entry
      db.prepare("UPDATE service_case SET status = 'completed', completed_at = ?, completed_by = 's1' WHERE id = 'c1'").run(DONE);
      expect(db.prepare('SELECT id FROM service_case INDEXED BY service_case_completed_by WHERE completed_by IS NOT NULL ORDER BY id').pluck().all()).toEqual(['c1', 'c2']);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
