/** Migration 6 on a real file: version 5's contacts and cases survive; ratings, follow-ups, callbacks, complaints and coordination notes arrive. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { allRows, AT, databaseAt, insertRow, rowsOf, schemaNames, upgraded } from '../../support/migration-db';

afterAll(cleanupAll);

describe('migration 6 (evaluation and follow-up)', () => {
  it('keeps version 5 rows and adds the evaluation tables, referencing them', () => {
    const old = databaseAt(5, {
      staff: [rowsOf.staff('s1', 'C001')],
      contact: [rowsOf.contact('k1', 's1'), rowsOf.contact('k2', 's1')],
      service_case: [rowsOf.serviceCase('c1', 'k1', 's1')],
    });
    const before = { contacts: allRows(old.db, 'contact'), cases: allRows(old.db, 'service_case') };

    upgraded(old, 6, (db) => {
      expect({ contacts: allRows(db, 'contact'), cases: allRows(db, 'service_case') }).toEqual(before);
      expect(schemaNames(db, 'table')).toEqual(expect.arrayContaining(['rating', 'follow_up', 'callback_rule', 'callback', 'complaint', 'coordination_note']));

      insertRow(db, 'rating', rowsOf.rating('r1', 'k1', 's1', 'rated', 2));
      expect(() => insertRow(db, 'rating', rowsOf.rating('r2', 'k1', 's1', 'pending', null))).toThrow(/UNIQUE/); // one rating per contact
      expect(() => insertRow(db, 'rating', rowsOf.rating('r3', 'k2', 's1', 'rated', null))).toThrow(/CHECK/);
      expect(() => insertRow(db, 'rating', rowsOf.rating('r4', 'k2', 's1', 'rated', 6))).toThrow(/CHECK/);
      expect(() => insertRow(db, 'rating', rowsOf.rating('r5', 'nobody', 's1', 'pending', null))).toThrow(/FOREIGN KEY/);

      const dated = { hall_id: 'h', window_no: '3', created_at: AT, updated_at: AT };
      insertRow(db, 'follow_up', { ...dated, id: 'f1', rating_id: 'r1', contact_id: 'k1', staff_id: 's1', opened_at: AT, status: 'open' });
      expect(allRows(db, 'follow_up')).toMatchObject([{ id: 'f1', appeal_status: 'none' }]);
      insertRow(db, 'callback_rule', { ...dated, id: 'cr1', kind: 'completedShare', share_percent: 20 });
      expect(() => insertRow(db, 'callback_rule', { ...dated, id: 'cr2', kind: 'completedShare', share_percent: 101 })).toThrow(/CHECK/);
      const callback = { ...dated, rule_id: 'cr1', source: 'completedShare', contact_id: 'k1', due_date: '2026-03-05', status: 'due' };
      insertRow(db, 'callback', { ...callback, id: 'cb1' });
      expect(() => insertRow(db, 'callback', { ...callback, id: 'cb2' })).toThrow(/UNIQUE/); // one per contact and source
      insertRow(db, 'complaint', {
        ...dated, id: 'cp1', complaint_no: 'TS-1', kind: 'complaint', channel: 'hotline12345', content: '等候时间长', owner_staff_id: 's1', status: 'open', received_at: AT,
      });
      insertRow(db, 'coordination_note', { ...dated, id: 'cn1', case_id: 'c1', from_staff_id: 's1', addressed_to: '档案室', content: '请调档' });
      expect(() => insertRow(db, 'coordination_note', { ...dated, id: 'cn2', case_id: 'nobody', from_staff_id: 's1', addressed_to: 'x', content: 'y' })).toThrow(/FOREIGN KEY/);
    });
  });
});
