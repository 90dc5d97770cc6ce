/**
 * A full batch (MAX_PUSH_ROWS rows) taken set-based on a real PostgreSQL:
 * pushed in parallel and again, every row is stored exactly once; the rows
 * that fail the check are quarantined and the rows after them stored; the
 * ledger shows each entity as its last row in the batch leaves it, as row
 * after row would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarantinedRows } from '../../hall/store/push';
import { MAX_PUSH_ROWS, type ChangeRow } from '../../shared/hall/contract';
import { call, chainHashes, changeRow, enrolWindow, startTestHall, type EnrolledWindow, type TestHall } from '../support/hall';

let t: TestHall;
beforeAll(async () => {
  t = await startTestHall();
});
afterAll(async () => {
  await t?.stop();
});

const HEAD = chainHashes(0)[0];

function pushRows(w: EnrolledWindow, rows: readonly Record<string, unknown>[]) {
  if (HEAD === undefined) throw new Error('no chain head');
  return call(t.hall, 'push', { windowNo: w.windowNo, rows: rows as ChangeRow[], auditHead: HEAD, auditAt: null }, w.credential);
}

const contact = (seq: number, entityId: string, op: ChangeRow['op'], name: string): ChangeRow =>
  changeRow(seq, { entity: 'contact', entityId, op, payload: { id: entityId, contact_no: `J${seq}`, applicant_name: name, item_name: '结婚登记', status: 'open', received_at: '2026-11-27T01:00:00.000Z' } });

describe('a full batch, set-based', () => {
  it('parallel and repeated pushes store every row once; a bad row is quarantined, the rows after it stored; the ledger ends as row after row would leave it', async () => {
    const w = await enrolWindow(t.hall, '1');
    const batch: Record<string, unknown>[] = Array.from({ length: MAX_PUSH_ROWS }, (_, i) => changeRow(i + 1));
    // entity E1: inserted, updated, deleted in one batch; E2: inserted, deleted, inserted again; E3: inserted then updated
    batch[9] = contact(10, 'E1', 'insert', '甲');
    batch[10] = contact(11, 'E1', 'update', '甲二');
    batch[11] = contact(12, 'E1', 'delete', '甲二');
    batch[19] = contact(20, 'E2', 'insert', '乙');
    batch[20] = contact(21, 'E2', 'delete', '乙');
    batch[21] = contact(22, 'E2', 'insert', '乙三');
    batch[29] = contact(30, 'E3', 'insert', '丙');
    batch[30] = contact(31, 'E3', 'update', '丙二');
    batch[249] = { ...changeRow(250), op: 'upsert' };
    batch[399] = { ...changeRow(400), id: (batch[0] as ChangeRow).id };

    const answers = await Promise.all(Array.from({ length: 4 }, () => pushRows(w, batch)));
    const again = await pushRows(w, batch);
    const values = [...answers, again].map((a) => {
      if (!a.ok) throw new Error(a.error.message);
      return a.value;
    });
    for (const v of values) expect(v.ackedSeq).toBe(MAX_PUSH_ROWS);
    expect(values.reduce((n, v) => n + v.stored, 0)).toBe(MAX_PUSH_ROWS - 2);
    expect(values.reduce((n, v) => n + v.quarantined, 0)).toBe(2);

    const { rows } = await t.hall.pool.query<{ seq: string }>('SELECT seq FROM change_row WHERE window_id = $1 ORDER BY seq', [w.windowId]);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: MAX_PUSH_ROWS }, (_, i) => i + 1).filter((s) => s !== 250 && s !== 400));
    const listed = (await quarantinedRows(t.hall.pool, t.hall.hall.hallId)).filter((q) => q.windowNo === '1');
    expect(listed.map((q) => [q.seq, q.reason])).toEqual([
      [250, expect.stringContaining('invalid row')],
      [400, expect.stringContaining('already held')],
    ]);

    const { rows: ledger } = await t.hall.pool.query<{ entity_id: string; seq: string; names: string[] }>(
      "SELECT entity_id, seq, names FROM ledger_entry WHERE window_id = $1 AND entity_id IN ('E1', 'E2', 'E3') ORDER BY entity_id",
      [w.windowId],
    );
    expect(ledger.map((r) => [r.entity_id, Number(r.seq), r.names])).toEqual([
      ['E2', 22, ['乙三']],
      ['E3', 31, ['丙二']],
    ]);
  });
});
