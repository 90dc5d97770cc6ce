/** Migration 14 on a real file: version 13's sessions keep serving; a new session may start closed to the public. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll } from '../../support/core';
import { databaseAt, rowsOf, upgradedAddingColumns, type Row } from '../../support/migration-db';

afterAll(cleanupAll);

const session = (id: string, staffId: string, endedAt: string | null): Row => ({
  id, hall_id: 'hall-1', window_no: '3', staff_id: staffId, started_at: '2026-03-02T01:00:00.000Z', ended_at: endedAt, created_at: '2026-03-02T01:00:00.000Z', updated_at: '2026-03-02T01:00:00.000Z',
});

describe('migration 14 (a session that opened the window)', () => {
  it('keeps every version 13 session, each serving; serving is 0 or 1', () => {
    const old = databaseAt(13, {
      staff: [rowsOf.staff('s1', 'C001')],
      clerk_session: [session('k1', 's1', '2026-03-02T02:00:00.000Z'), session('k2', 's1', null)],
    });

    upgradedAddingColumns(old, 14, 'clerk_session', { serving: 1 }, (db) => {
      db.prepare("UPDATE clerk_session SET serving = 0 WHERE id = 'k2'").run();
      expect(() => db.prepare("UPDATE clerk_session SET serving = 2 WHERE id = 'k2'").run()).toThrow(/CHECK/);
    });
  });
});
