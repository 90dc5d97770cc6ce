/**
 * Hall migration 9's backfill of the console's work entities, set-based: on a
 * real hall whose windows pushed full rows, partial updates, deletes, rows
 * after a delete and one entity from several windows (in parallel and
 * repeated), the one-statement backfill gives exactly the projection the
 * pushes built and the one the row-by-row replay in arrival order (the
 * backfill as it was) gives, column for column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../hall/db/pool';
import { backfillWorkEntities, projectChange, WORK_ENTITIES } from '../../hall/store/ledger-projection';
import type { ChangeRow } from '../../shared/hall/contract';
import { changeRow, enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';

let t: TestHall;
const windows: EnrolledWindow[] = [];

type Row = [entity: string, entityId: string, op: ChangeRow['op'], payload: Record<string, unknown>];

const at = (day: number, hhmm = '10:00'): string => new Date(`2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`).toISOString();

/** One window's own work: each kind of history a work entity can have. */
function ownRows(n: string): Row[] {
  return [
    ['callback', `${n}-cb`, 'insert', { id: `${n}-cb`, source: 'badRating', dueDate: '2026-11-20', status: 'due', createdAt: at(18) }],
    ['callback', `${n}-cb`, 'update', { id: `${n}-cb`, status: 'done', outcome: '已回访', doneAt: at(21) }],
    ['callback', `${n}-cb`, 'update', { note: '再次回访', outcome: null }],
    ['follow_up', `${n}-f`, 'insert', { id: `${n}-f`, status: 'open', opened_at: at(10), contact_due: '2026-11-12' }],
    ['follow_up', `${n}-f`, 'delete', { id: `${n}-f` }],
    ['follow_up', `${n}-f`, 'insert', { id: `${n}-f`, status: 'open', opened_at: at(15), rectify_due: '2026-11-30' }],
    ['follow_up', `${n}-f`, 'update', { status: 'closed' }],
    ['complaint', `${n}-p`, 'insert', { id: `${n}-p`, complaintNo: `TS${n}`, kind: 'complaint', status: 'open', receivedAt: at(19) }],
    ['complaint', `${n}-p`, 'delete', { id: `${n}-p` }],
    ['service_case', `${n}-s`, 'insert', { id: `${n}-s`, case_no: `SL${n}`, item_name: '户籍迁移', accepted_at: at(20, '09:30'), due_date: '2026-11-25', status: 'open' }],
    ['service_case', `${n}-s`, 'update', { status: 'done', completed_at: at(22) }],
    ['service_case', `${n}-s`, 'update', { accepted_at: 'not a time', item_name: null }],
    ['rating', `${n}-r`, 'insert', { id: `${n}-r`, status: 'requested', requested_at: at(20, '10:09') }],
    ['rating', `${n}-r`, 'update', { status: 'rated', level: 1, answered_at: at(20, '10:10') }],
    ['notification', `${n}-n`, 'insert', { id: `${n}-n`, slipNo: `GZ${n}` }],
    ['referral', `${n}-g`, 'insert', { id: `${n}-g`, slipNo: `YD${n}` }],
    ['referral', `${n}-g`, 'update', { printed: true }],
    ['contact', `${n}-c`, 'insert', { id: `${n}-c`, contact_no: `JD${n}`, applicant_name: `申请人${n}`, received_at: at(20) }],
  ];
}

/** A row of an entity every window sends (a PC re-enrolled under another window resending): window n's turn. */
const sharedRows = (n: string): Row[] => [['staff', 'shared-staff', n === '1' ? 'insert' : 'update', { id: 'shared-staff', staffNo: '1009', [`seenAt${n}`]: at(20), name: `员工${n}` }]];

async function push(w: EnrolledWindow, rows: readonly Row[], from: number): Promise<void> {
  const changeRows = rows.map(([entity, entityId, op, payload], i) => changeRow(from + i, { entity, entityId, op, payload, createdAt: at(20) }));
  await value(t.hall, 'push', { windowNo: w.windowNo, rows: changeRows, auditHead: { seq: 0, hash: '0'.repeat(64) }, auditAt: null }, w.credential);
}

const WORK = WORK_ENTITIES.map((e) => `'${e}'`).join(', ');

async function workLedger(client: Pick<Client, 'query'>): Promise<unknown[]> {
  const { rows } = await client.query(`SELECT * FROM ledger_entry WHERE entity IN (${WORK}) ORDER BY hall_id, entity, entity_id`);
  return rows;
}

beforeAll(async () => {
  t = await startTestHall();
  windows.push(...(await Promise.all(['1', '2', '3'].map((n) => enrolWindow(t.hall, n)))));
  // every window's own rows twice, all at once: replays insert nothing
  await Promise.all(windows.flatMap((w) => [push(w, ownRows(w.windowNo), 1), push(w, ownRows(w.windowNo), 1)]));
  // the shared entity's rows one window after another, so their arrival order is the order they were projected in
  for (const w of windows) await push(w, sharedRows(w.windowNo), ownRows(w.windowNo).length + 1);
});
afterAll(async () => {
  await t?.stop();
});

describe('hall migration 9: the work entities backfilled set-based', () => {
  it('gives the projection the pushes built and the row-by-row replay gives, column for column', async () => {
    const pushed = await workLedger(t.hall.pool);
    expect(pushed.length).toBe(3 * 6 + 1);

    const client = await t.hall.pool.connect();
    try {
      await client.query('BEGIN');
      // the backfill as it was: every work row again, one upsert or delete each, in arrival order
      await client.query(`DELETE FROM ledger_entry WHERE entity IN (${WORK})`);
      const { rows } = await client.query<{ id: string; entity: string; entity_id: string; op: ChangeRow['op']; hall_id: string }>(
        `SELECT hall_id, id, entity, entity_id, op FROM change_row WHERE entity IN (${WORK}) ORDER BY received_at, window_id, seq`,
      );
      for (const r of rows) await projectChange(client, r.hall_id, changeRow(0, { id: r.id, entity: r.entity, entityId: r.entity_id, op: r.op }));
      const replayed = await workLedger(client);
      await client.query('ROLLBACK');
      expect(replayed).toEqual(pushed);

      await client.query('BEGIN');
      await backfillWorkEntities(client);
      const backfilled = await workLedger(client);
      await client.query('ROLLBACK');
      expect(backfilled).toEqual(pushed);
    } finally {
      client.release();
    }
    const merged = pushed.find((r) => (r as { entity_id: string }).entity_id === '2-s') as Record<string, unknown>;
    expect(merged).toMatchObject({ status: 'done', at: 'not a time', item: '户籍迁移', payload: { case_no: 'SL2', accepted_at: 'not a time', item_name: null } });
    const shared = pushed.find((r) => (r as { entity_id: string }).entity_id === 'shared-staff') as Record<string, unknown>;
    expect(shared).toMatchObject({ window_no: '3', payload: { name: '员工3', seenAt1: at(20), seenAt2: at(20), seenAt3: at(20) } });
  });
});
