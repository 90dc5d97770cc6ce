/** Migration 22 on a real file: version 21's cases are unchanged; service_case_completed holds the completed cases only, in acceptance order. */
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { up as serviceCaseCompleted } from '../../../electron/services/db/migrations/022-service-case-completed';
import { cleanupAll } from '../../support/core';
import { allRows, databaseAt, queryPlan, rowsOf, schemaNames, upgraded } from '../../support/migration-db';

afterAll(cleanupAll);

/** Its place in the list (the numbers of the migrations merged before it may differ on a branch). */
const VERSION = MIGRATIONS.indexOf(serviceCaseCompleted) + 1;
const DONE = '2026-03-05T02:00:00.000Z';
const COMPLETED = "SELECT id FROM service_case INDEXED BY service_case_completed WHERE status = 'completed' ORDER BY accepted_at";

/** A case accepted on the given day of March 2026, open or completed. */
function acceptedOn(id: string, day: number, completed: boolean) {
  return {
    ...rowsOf.serviceCase(id, id.replace('c', 'k'), 's1'),
    accepted_at: `2026-03-0${day}T01:00:00.000Z`,
    ...(completed ? { status: 'completed', completed_at: DONE, completed_by: 's1' } : {}),
  };
}

describe('migration 22 (completed cases in acceptance order)', () => {
  it("keeps version 21's cases and indexes the completed ones only", () => {
    expect(VERSION).toBeGreaterThan(21);
    const old = databaseAt(VERSION - 1, {
      staff: [rowsOf.staff('s1', 'C001')],
      contact: ['k1', 'k2', 'k3'].map((id) => rowsOf.contact(id, 's1')),
      service_case: [acceptedOn('c1', 1, false), acceptedOn('c2', 3, true), acceptedOn('c3', 2, true)],
    });
    const before = ['contact', 'service_case'].map((t) => allRows(old.db, t));
    const indexesBefore = schemaNames(old.db, 'index');
    expect(indexesBefore).not.toContain('service_case_completed');

    upgraded(old, VERSION, (db) => {
      expect(['contact', 'service_case'].map((t) => allRows(db, t))).toEqual(before);
      expect(schemaNames(db, 'index')).toEqual([...indexesBefore, 'service_case_completed'].sort());
      // the open case has no entry; the completed ones are in acceptance order
      expect(db.prepare(COMPLETED).pluck().all()).toEqual(['c3', 'c2']);
      expect(queryPlan(db, "SELECT contact_id, accepted_by FROM service_case WHERE status = 'completed' AND accepted_at >= '2026-03-02'")).toContain(
        'SEARCH service_case USING COVERING INDEX service_case_completed (accepted_at>?)',
      );
      // a case completed after the upgrade gets its entry
      db.prepare("UPDATE service_case SET status = 'completed', completed_at = ?, completed_by = 's1' WHERE id = 'c1'").run(DONE);
      expect(db.prepare(COMPLETED).pluck().all()).toEqual(['c1', 'c3', 'c2']);
    });
  });
});
