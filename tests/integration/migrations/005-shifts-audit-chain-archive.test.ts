/**
 * Migration 5 on a real file: version 4's audit rows gain empty chain columns
 * (migration 13 fills them) under the append-only triggers; shifts, handovers
 * and archive runs arrive; version 4's contacts are found by the new indexes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { allRows, AT, columnsOf, databaseAt, insertRow, queryPlan, rowsOf, schemaNames, upgraded } from '../../support/migration-db';

afterAll(cleanupAll);

describe('migration 5 (shifts, handovers, the audit chain columns, archive runs)', () => {
  it('keeps version 4 audit rows unchained and append-only; a NULL hash may be filled in once', () => {
    const old = databaseAt(4, {
      audit_log: [rowsOf.audit('a1', 'auth.login'), rowsOf.audit('a2', 'auth.logout')],
    });
    const before = allRows(old.db, 'audit_log');

    upgraded(old, 5, (db) => {
      expect(columnsOf(db, 'audit_log').slice(-2)).toEqual(['prev_hash', 'hash']);
      expect(allRows(db, 'audit_log')).toEqual(before.map((row) => ({ ...row, prev_hash: null, hash: null })));
      expect(schemaNames(db, 'trigger')).toEqual(['audit_log_no_delete', 'audit_log_no_update', 'handover_no_delete', 'handover_signed_is_final']);

      expect(() => db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 1").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
      db.prepare("UPDATE audit_log SET prev_hash = 'p', hash = 'h' WHERE seq = 1").run();
      expect(() => db.prepare("UPDATE audit_log SET hash = 'other' WHERE seq = 1").run()).toThrow(/append-only/);
    });
  });

  it('adds shifts and final handovers, and indexes version 4 contacts for the ledger search', () => {
    const old = databaseAt(4);
    for (const [id, no] of [['s1', 'C001'], ['s2', 'S001']]) insertRow(old.db, 'staff', rowsOf.staff(id ?? '', no ?? ''));
    insertRow(old.db, 'contact', rowsOf.contact('k1', 's1'));
    insertRow(old.db, 'contact', { ...rowsOf.contact('k2', 's1', '2026-03-03T01:00:00.000Z'), applicant_name: '李四' });
    const contacts = allRows(old.db, 'contact');

    upgraded(old, 5, (db) => {
      expect(allRows(db, 'contact')).toEqual(contacts);
      expect(queryPlan(db, "SELECT id FROM contact WHERE applicant_name = '李四'")).toContain('contact_applicant_name');
      expect(queryPlan(db, "SELECT COUNT(*) FROM contact WHERE owner_staff_id = 's1' AND received_at >= '2026-03-03'")).toMatch(/contact_owner_received|contact_owner_status/);

      const shift = { hall_id: 'h', window_no: '3', staff_id: 's1', opened_at: AT, created_at: AT, updated_at: AT };
      insertRow(db, 'shift', { ...shift, id: 'sh1' });
      expect(() => insertRow(db, 'shift', { ...shift, id: 'sh2' })).toThrow(/UNIQUE/); // one open shift
      expect(() => insertRow(db, 'shift', { ...shift, id: 'sh3', closed_at: AT })).toThrow(/CHECK/); // closed says how

      const handover = {
        id: 'h1', hall_id: 'h', window_no: '3', shift_id: 'sh1', kind: 'handover', from_staff_id: 's1', summary: '{}',
        countersigned_by: 's2', countersigned_at: AT, created_at: AT, updated_at: AT,
      };
      expect(() => insertRow(db, 'handover', { ...handover, countersigned_by: 's1' })).toThrow(/CHECK/); // not one's own countersignature
      insertRow(db, 'handover', handover);
      db.prepare("UPDATE handover SET acknowledged_by = 's2', acknowledged_at = ? WHERE id = 'h1'").run(AT);
      expect(() => db.prepare("UPDATE handover SET summary = '{\"x\":1}' WHERE id = 'h1'").run()).toThrow(/final/);
      expect(() => db.prepare("UPDATE handover SET acknowledged_at = 'later' WHERE id = 'h1'").run()).toThrow(/final/);
      expect(() => db.prepare("DELETE FROM handover WHERE id = 'h1'").run()).toThrow(/final/);

      insertRow(db, 'archive_run', { id: 'ar1', hall_id: 'h', window_no: '3', month: '2026-02', file: 'a.sqlite3', status: 'started', started_at: AT, created_at: AT, updated_at: AT });
      expect(allRows(db, 'archive_run')).toMatchObject([{ id: 'ar1', counts: '{}', error: null }]);
    });
  });
});
