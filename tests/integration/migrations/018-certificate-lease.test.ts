/** Migration 18 on a real file: the version before keeps its data; certificate_lease holds one row per leased number, used before reported. */
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { up as certificateLease } from '../../../electron/services/db/migrations/018-certificate-lease';
import { cleanupAll } from '../../support/core';
import { allRows, databaseAt, insertRow, queryPlan, rowsOf, upgrade, type Row } from '../../support/migration-db';

afterAll(cleanupAll);

/** Its place in the list (the numbers of the migrations merged before it may differ on a branch). */
const VERSION = MIGRATIONS.indexOf(certificateLease) + 1;

const lease = (seq: number, extra: Partial<Row> = {}): Row => ({
  hall_id: 'h1', kind: 'marriage', year: 2026, seq, lease_id: 'l1', leased_at: '2026-11-27T01:00:00.000Z', used_at: null, reported_at: null, ...extra,
});

describe('migration 18 (certificate numbers leased from the hall)', () => {
  it('keeps the earlier data and adds an empty certificate_lease with its checks and indexes', () => {
    expect(VERSION).toBeGreaterThan(15);
    const old = databaseAt(VERSION - 1);
    insertRow(old.db, 'staff', rowsOf.staff('s1', 'C001'));
    const staffBefore = allRows(old.db, 'staff');

    const db = upgrade(old, VERSION);
    try {
      expect(allRows(db, 'staff')).toEqual(staffBefore);
      expect(allRows(db, 'certificate_lease')).toEqual([]);
      insertRow(db, 'certificate_lease', lease(1));
      insertRow(db, 'certificate_lease', lease(2, { used_at: '2026-11-27T02:00:00.000Z', reported_at: '2026-11-27T03:00:00.000Z' }));
      expect(() => insertRow(db, 'certificate_lease', lease(1))).toThrow(/UNIQUE/);
      expect(() => insertRow(db, 'certificate_lease', lease(3, { kind: 'birth' }))).toThrow(/CHECK/);
      expect(() => insertRow(db, 'certificate_lease', lease(0))).toThrow(/CHECK/);
      expect(() => insertRow(db, 'certificate_lease', lease(4, { reported_at: '2026-11-27T03:00:00.000Z' }))).toThrow(/CHECK/);
      expect(queryPlan(db, "SELECT min(seq) FROM certificate_lease WHERE hall_id = 'h1' AND kind = 'marriage' AND year = 2026 AND used_at IS NULL")).toContain('certificate_lease_unused');
    } finally {
      db.close();
    }
  });
});
