/**
 * Migration 12 on a real file: print_job is rebuilt for the 'unconfirmed'
 * state. Every version 11 job keeps its values and its rowid (the queue's
 * order), reprints and handovers still reference their jobs, the indexes are
 * back, and the new state is accepted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { allRows, AT, columnsOf, databaseAt, insertRow, rowsOf, upgraded, type Row } from '../../support/migration-db';

afterAll(cleanupAll);

describe('migration 12 (the unconfirmed state)', () => {
  it('keeps every print job, its order and the rows referencing it, and accepts the new state', () => {
    const old = databaseAt(11, {
      staff: [rowsOf.staff('s1', 'C001'), rowsOf.staff('s2', 'S001')],
    });
    // inserted out of id order: the queue's order is the rowid's
    insertRow(old.db, 'print_job', { ...rowsOf.printJob('job-b', 'failed'), last_error: '缺纸', created_by: 's1' });
    insertRow(old.db, 'print_job', rowsOf.printJob('job-a', 'sent', AT));
    insertRow(old.db, 'print_job', { ...rowsOf.printJob('job-c', 'queued'), reprint_of: 'job-b', reprint_reason: '重打' });
    insertRow(old.db, 'shift', { id: 'sh1', hall_id: 'h', window_no: '3', staff_id: 's1', opened_at: AT, created_at: AT, updated_at: AT });
    insertRow(old.db, 'handover', {
      id: 'h1', hall_id: 'h', window_no: '3', shift_id: 'sh1', kind: 'handover', from_staff_id: 's1', summary: '{}',
      countersigned_by: 's2', countersigned_at: AT, print_job_id: 'job-a', created_at: AT, updated_at: AT,
    });
    const jobs = old.db.prepare<[], Row>('SELECT rowid AS row_id, * FROM print_job ORDER BY rowid').all();
    const columnsBefore = columnsOf(old.db, 'print_job');

    upgraded(old, 12, (db) => {
      expect(columnsOf(db, 'print_job')).toEqual([...columnsBefore, 'stages']);
      expect(db.prepare('SELECT rowid AS row_id, * FROM print_job ORDER BY rowid').all()).toEqual(
        jobs.map((job) => ({ ...job, stages: null })),
      );
      expect(allRows(db, 'print_job').map((r) => r.id)).toEqual(['job-b', 'job-a', 'job-c']);
      expect(allRows(db, 'handover')).toMatchObject([{ id: 'h1', print_job_id: 'job-a' }]);
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'print_job_copy'").all()).toEqual([]);

      db.prepare("UPDATE print_job SET status = 'unconfirmed' WHERE id = 'job-b'").run();
      expect(() => db.prepare("UPDATE print_job SET status = 'lost' WHERE id = 'job-b'").run()).toThrow(/CHECK/);
      expect(() => db.prepare("DELETE FROM print_job WHERE id = 'job-a'").run()).toThrow(/FOREIGN KEY/); // the handover's
      expect(() => db.prepare("DELETE FROM print_job WHERE id = 'job-b'").run()).toThrow(/FOREIGN KEY/); // the reprint's
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'print_job' AND type = 'index' ORDER BY name").all()).toEqual([
        { name: 'print_job_recent' },
        { name: 'print_job_reprint_of' },
        { name: 'print_job_waiting' },
        { name: 'sqlite_autoindex_print_job_1' },
      ]);
    });
  });
});
