/**
 * Window → hall pushes and hall → window pulls on a real PostgreSQL:
 * replays insert nothing, parallel overlapping batches store every row
 * exactly once, a row the hall cannot take is quarantined without blocking
 * the rows after it, and the pull cursor never skips a row committed out of order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../hall/db/pool';
import { quarantinedRows } from '../../hall/store/push';
import { deleteReference, putReference } from '../../hall/store/reference';
import type { ChangeRow, ReferenceRow } from '../../shared/hall/contract';
import { call, chainHashes, changeRow, enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';

let t: TestHall;
beforeAll(async () => {
  t = await startTestHall();
});
afterAll(async () => {
  await t?.stop();
});

const HEAD = chainHashes(0)[0]!;

function pushRows(w: EnrolledWindow, rows: readonly ChangeRow[] | readonly Record<string, unknown>[]) {
  return call(t.hall, 'push', { windowNo: w.windowNo, rows: rows as ChangeRow[], auditHead: HEAD, auditAt: null }, w.credential);
}

async function stored(w: EnrolledWindow): Promise<{ seq: number; id: string }[]> {
  const { rows } = await t.hall.pool.query<{ seq: string; id: string }>('SELECT seq, id FROM change_row WHERE window_id = $1 ORDER BY seq', [w.windowId]);
  return rows.map((r) => ({ seq: Number(r.seq), id: r.id }));
}

describe('push', () => {
  it('acknowledges a replay without inserting, and takes the new rows of an overlapping batch', async () => {
    const w = await enrolWindow(t.hall, '1');
    const rows = Array.from({ length: 8 }, (_, i) => changeRow(i + 1));
    expect(await pushRows(w, rows.slice(0, 5))).toMatchObject({ ok: true, value: { ackedSeq: 5, stored: 5, quarantined: 0 } });
    expect(await pushRows(w, rows.slice(0, 5))).toMatchObject({ ok: true, value: { ackedSeq: 5, stored: 0, quarantined: 0 } });
    expect(await pushRows(w, rows.slice(2, 8))).toMatchObject({ ok: true, value: { ackedSeq: 8, stored: 3 } });
    expect(await stored(w)).toEqual(rows.map((r) => ({ seq: r.seq, id: r.id })));
  });

  it('takes nothing past a gap and answers the seq to resend from (a hall restored from an older backup)', async () => {
    const w = await enrolWindow(t.hall, '2');
    const rows = Array.from({ length: 6 }, (_, i) => changeRow(i + 1));
    await pushRows(w, rows.slice(0, 2));
    expect(await pushRows(w, rows.slice(3))).toMatchObject({ ok: true, value: { ackedSeq: 2, stored: 0 } });
    expect(await pushRows(w, rows.slice(2))).toMatchObject({ ok: true, value: { ackedSeq: 6, stored: 4 } });
    expect((await stored(w)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('stores every row exactly once under 20 parallel overlapping pushes from each of 3 windows', async () => {
    const windows = await Promise.all(['11', '12', '13'].map((no) => enrolWindow(t.hall, no)));
    const logs = windows.map(() => Array.from({ length: 60 }, (_, i) => changeRow(i + 1)));
    const pushes = windows.flatMap((w, wi) =>
      Array.from({ length: 20 }, (_, i) => {
        // half start at row 1, half start mid-log (they may meet a gap and take nothing)
        const from = i % 2 === 0 ? 0 : Math.max(0, 3 * i - 6);
        return pushRows(w, (logs[wi] ?? []).slice(from, 3 * i + 3));
      }),
    );
    const results = await Promise.all(pushes);
    expect(results.every((r) => r.ok)).toBe(true);
    // the window's loop: resend from the acknowledged seq until all are taken
    for (const [wi, w] of windows.entries()) {
      let acked = Math.max(...results.slice(wi * 20, wi * 20 + 20).map((r) => (r.ok ? r.value.ackedSeq : 0)));
      while (acked < 60) {
        const r = await value(t.hall, 'push', { windowNo: w.windowNo, rows: (logs[wi] ?? []).slice(acked), auditHead: HEAD, auditAt: null }, w.credential);
        expect(r.ackedSeq).toBeGreaterThan(acked);
        acked = r.ackedSeq;
      }
      expect(await stored(w)).toEqual((logs[wi] ?? []).map((r) => ({ seq: r.seq, id: r.id })));
    }
    const { rows } = await t.hall.pool.query<{ n: string }>('SELECT count(*) AS n FROM change_row WHERE window_id = ANY($1::uuid[])', [windows.map((w) => w.windowId)]);
    expect(Number(rows[0]?.n)).toBe(180);
  });

  it('acknowledges and quarantines rows it cannot take, and stores the rows after them', async () => {
    const w = await enrolWindow(t.hall, '3');
    const first = changeRow(1);
    const batch = [
      first,
      { ...changeRow(2), op: 'upsert' },
      changeRow(3, { payload: { note: 'NUL \u0000 in text' } }),
      changeRow(4, { entity: 'civil_case', payload: { kind: 'marriage', status: 'registered', certificate_no: 'J110105-2026-000001', registered_at: '2026-11-27T02:00:00.000Z', parties: [{}, {}] } }),
      changeRow(5),
      changeRow(6, { id: first.id }),
      { seq: 7, garbage: true },
    ];
    expect(await pushRows(w, batch)).toMatchObject({ ok: true, value: { ackedSeq: 7, stored: 2, quarantined: 5 } });
    expect(await pushRows(w, [changeRow(8)])).toMatchObject({ ok: true, value: { ackedSeq: 8, stored: 1 } });
    expect((await stored(w)).map((r) => r.seq)).toEqual([1, 5, 8]);
    const listed = (await quarantinedRows(t.hall.pool, t.hall.hall.hallId)).filter((q) => q.windowNo === '3');
    expect(listed.map((q) => q.seq)).toEqual([2, 3, 4, 6, 7]);
    expect(listed.map((q) => q.reason)).toEqual([
      expect.stringContaining('op'),
      expect.stringContaining('not stored'),
      expect.stringContaining('cannot be indexed'),
      expect.stringContaining('already held'),
      expect.stringContaining('invalid row'),
    ]);
    // replaying the batch quarantines nothing twice
    expect(await pushRows(w, batch)).toMatchObject({ ok: true, value: { ackedSeq: 8, stored: 0, quarantined: 0 } });
  });

  it('refuses a batch whose rows are not in increasing seq order', async () => {
    const w = await enrolWindow(t.hall, '4');
    expect(await pushRows(w, [changeRow(2), changeRow(1)])).toMatchObject({ ok: false, status: 400, error: { code: 'VALIDATION' } });
  });
});

async function pullAll(w: EnrolledWindow, cursor: string, limit?: number): Promise<{ rows: ReferenceRow[]; cursor: string }> {
  const rows: ReferenceRow[] = [];
  for (;;) {
    const page = await value(t.hall, 'pull', { cursor, ...(limit === undefined ? {} : { limit }) }, w.credential);
    rows.push(...page.rows);
    cursor = page.cursor;
    if (!page.more) return { rows, cursor };
  }
}

describe('pull', () => {
  it('never skips a row committed out of order: the later-started transaction committing first', async () => {
    const w = await enrolWindow(t.hall, '21');
    const start = await pullAll(w, '');
    const hallId = t.hall.hall.hallId;
    const early = await t.hall.pool.connect();
    try {
      await early.query('BEGIN');
      await putReference(early, hallId, { kind: 'staff', key: 'early', body: { name: '先开始' } });
      // the later transaction takes a larger transaction id and commits first
      await inTransaction(t.hall.pool, (client) => putReference(client, hallId, { kind: 'staff', key: 'late', body: { name: '后开始' } }));
      const first = await pullAll(w, start.cursor);
      expect(first.rows.map((r) => r.key)).toEqual(['late']);
      await early.query('COMMIT');
      const second = await pullAll(w, first.cursor);
      expect(second.rows.map((r) => r.key)).toContain('early');
    } finally {
      early.release();
    }
  });

  it('pages through many rows, sends tombstones, and gives a window only its own bookings', async () => {
    const w = await enrolWindow(t.hall, '22');
    const other = await enrolWindow(t.hall, '23');
    const hallId = t.hall.hall.hallId;
    const begin = await pullAll(w, '');
    await inTransaction(t.hall.pool, async (client) => {
      for (let i = 0; i < 25; i++) await putReference(client, hallId, { kind: 'calendarOverride', key: `d${String(i).padStart(2, '0')}`, body: { i } });
    });
    await inTransaction(t.hall.pool, (client) => putReference(client, hallId, { kind: 'booking', key: 'b-22', body: { who: '张*三' }, windowNo: '22' }));
    await inTransaction(t.hall.pool, (client) => putReference(client, hallId, { kind: 'booking', key: 'b-23', body: { who: '李*四' }, windowNo: '23' }));
    const paged = await pullAll(w, begin.cursor, 10);
    const keys = paged.rows.map((r) => r.key);
    expect(keys.filter((k) => k.startsWith('d'))).toHaveLength(25);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('b-22');
    expect(keys).not.toContain('b-23');
    expect((await pullAll(other, begin.cursor)).rows.map((r) => r.key)).toContain('b-23');

    await inTransaction(t.hall.pool, (client) => deleteReference(client, hallId, 'calendarOverride', 'd03'));
    const after = await pullAll(w, paged.cursor);
    expect(after.rows).toEqual([{ kind: 'calendarOverride', key: 'd03', deleted: true, body: {} }]);
  });

  it('refuses a cursor it did not write', async () => {
    const w = await enrolWindow(t.hall, '24');
    expect(await call(t.hall, 'pull', { cursor: 'bm90LWEtY3Vyc29y' }, w.credential)).toMatchObject({ ok: false, status: 400, error: { code: 'VALIDATION' } });
  });
});
