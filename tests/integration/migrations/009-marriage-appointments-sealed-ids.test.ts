/**
 * Migration 9 on a real file: version 8's contacts keep their masked ID and
 * get no sealed number (the form from before numbers were sealed); marriage
 * cases and their final parties, appointments and certificate counters arrive.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { allRows, AT, databaseAt, insertRow, rowsOf, schemaNames, upgraded, upgradedAddingColumns } from '../../support/migration-db';

afterAll(cleanupAll);

const party = (id: string, caseId: string, position: number) => ({
  id, case_id: caseId, position, document_type: 'residentId', document_sealed: 'v1:sealed', document_hash: `hash-${id}`, document_masked: '1101**********1234',
  name: position === 0 ? '张三' : '李四', sex: position === 0 ? 'male' : 'female', birth_date: '1995-01-01', nationality: 'CHN',
  education: '本科', prior_status: 'unmarried', created_at: AT,
});

describe('migration 9 (marriage registration, appointments, sealed document numbers)', () => {
  it('keeps version 8 contacts with their masked ID and no sealed number', () => {
    const old = databaseAt(8, {
      staff: [rowsOf.staff('s1', 'C001')],
      contact: [rowsOf.contact('k1', 's1'), { ...rowsOf.contact('k2', 's1'), applicant_id_masked: '' }],
    });

    upgradedAddingColumns(old, 9, 'contact', { applicant_id_type: null, applicant_id_sealed: null, applicant_id_hash: null }, (db) => {
      expect(schemaNames(db, 'index')).toContain('contact_applicant_id_hash');
    });
  });

  it('adds civil cases whose parties are final, appointments and certificate counters', () => {
    const old = databaseAt(8, {
      staff: [rowsOf.staff('s1', 'C001')],
      contact: [rowsOf.contact('k1', 's1')],
    });
    upgraded(old, 9, (db) => {
      insertRow(db, 'civil_case', { ...rowsOf.civilCase('m1', 'marriage', 's1'), contact_id: 'k1', certificate_no: 'J110101-2026-000001' });
      expect(() => insertRow(db, 'civil_case', { ...rowsOf.civilCase('m2', 'marriage', 's1'), certificate_no: 'J110101-2026-000001' })).toThrow(/UNIQUE/);
      expect(() => insertRow(db, 'civil_case', rowsOf.civilCase('m3', 'adoption', 's1'))).toThrow(/CHECK/);
      insertRow(db, 'civil_party', party('p0', 'm1', 0));
      insertRow(db, 'civil_party', party('p1', 'm1', 1));
      expect(() => insertRow(db, 'civil_party', party('p2', 'm1', 1))).toThrow(/UNIQUE/);
      expect(() => db.prepare("UPDATE civil_party SET name = '王五' WHERE id = 'p0'").run()).toThrow(/final/);
      expect(() => db.prepare("DELETE FROM civil_party WHERE id = 'p1'").run()).toThrow(/final/);

      const dated = { hall_id: 'h', window_no: '3', created_at: AT, updated_at: AT };
      insertRow(db, 'appointment_import', { ...dated, id: 'i1', file_name: 'yy.xlsx', imported_by: 's1', imported_at: AT, total_rows: 1, added: 1, updated: 0, rejected: 0 });
      const appointment = {
        ...dated, id: 'ap1', code: 'YY001', day: '2026-03-02', slot_start: '09:00', slot_end: '09:30', item_code: 'MAR-REG', applicant_name: '张三',
        document_type: 'residentId', document_sealed: 'v1:sealed', document_hash: 'hash-a', document_masked: '1101**********1234', status: 'booked', import_id: 'i1',
      };
      insertRow(db, 'appointment', appointment);
      expect(() => insertRow(db, 'appointment', { ...appointment, id: 'ap2', code: 'yy001' })).toThrow(/UNIQUE/); // codes ignore case
      expect(() => insertRow(db, 'appointment', { ...appointment, id: 'ap3', code: 'YY003', import_id: 'nobody' })).toThrow(/FOREIGN KEY/);
      insertRow(db, 'certificate_counter', { prefix: 'J', year: 2026, last: 1 });
      expect(allRows(db, 'appointment')).toMatchObject([{ id: 'ap1', over_capacity: 0, partner_document_masked: '' }]);
    });
  });
});
