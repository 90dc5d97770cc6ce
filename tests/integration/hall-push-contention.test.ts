/**
 * Pushes that meet other transactions on a real PostgreSQL. A row is
 * quarantined only for what it holds: a push that waits too long for a lock
 * (or meets a deadlock) fails and is sent again, and its rows are stored
 * then. Windows whose rows touch the same ledger entries in different orders
 * all get their rows stored, none quarantined.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type RunningHall } from '../../hall/app';
import { quarantinedRows } from '../../hall/store/push';
import type { ChangeRow } from '../../shared/hall/contract';
import { call, chainHashes, changeRow, enrolWindow, type EnrolledWindow } from '../support/hall';
import { startTestPostgres, type TestPostgres } from '../support/postgres';

const HEAD = chainHashes(0)[0];

function pushRows(hall: RunningHall, w: EnrolledWindow, rows: readonly ChangeRow[]) {
  if (HEAD === undefined) throw new Error('no chain head');
  return call(hall, 'push', { windowNo: w.windowNo, rows: [...rows], auditHead: HEAD, auditAt: null }, w.credential);
}

const contact = (seq: number, entityId: string, name: string): ChangeRow =>
  changeRow(seq, {
    entity: 'contact',
    entityId,
    op: seq === 1 ? 'insert' : 'update',
    payload: { id: entityId, contact_no: `J${seq}`, applicant_name: name, item_name: '结婚登记', status: 'open', received_at: '2026-11-27T01:00:00.000Z' },
  });

async function startHallOn(settings: Record<string, string>): Promise<{ pg: TestPostgres; hall: RunningHall }> {
  const server = await startTestPostgres('hall_test', settings);
  const hall = await startHall({ databaseUrl: server.url, port: 0, host: '127.0.0.1', hallName: '测试大厅' });
  return { pg: server, hall };
}

describe('a push that waits too long for a lock', () => {
  // every session of this server gives up waiting for a lock after 300 ms
  let t: { pg: TestPostgres; hall: RunningHall };
  beforeAll(async () => {
    t = await startHallOn({ lock_timeout: '300ms' });
  });
  afterAll(async () => {
    await t?.hall.close();
    await t?.pg.stop();
  });

  it('fails and stores nothing, quarantines nothing; sent again after the lock is gone, its row is stored', async () => {
    const w = await enrolWindow(t.hall, '1');
    const first = await pushRows(t.hall, w, [contact(1, 'E-LOCKED', '甲')]);
    expect(first.ok && first.value.stored).toBe(1);

    // another transaction holds the entity's ledger entry until the push has answered
    const blocker = new pg.Client({ connectionString: t.pg.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      const held = await blocker.query("SELECT 1 FROM ledger_entry WHERE entity_id = 'E-LOCKED' FOR UPDATE");
      expect(held.rowCount).toBe(1);
      const update = contact(2, 'E-LOCKED', '甲二');
      const blocked = await pushRows(t.hall, w, [update]);
      expect(blocked.ok).toBe(false);
      await blocker.query('COMMIT');

      const again = await pushRows(t.hall, w, [update]);
      if (!again.ok) throw new Error(again.error.message);
      expect(again.value).toMatchObject({ ackedSeq: 2, stored: 1, quarantined: 0 });
    } finally {
      await blocker.end();
    }
    expect(await quarantinedRows(t.hall.pool, t.hall.hall.hallId)).toEqual([]);
    const { rows } = await t.hall.pool.query<{ names: string[]; seq: string }>("SELECT names, seq FROM ledger_entry WHERE entity_id = 'E-LOCKED'");
    expect(rows).toEqual([{ names: ['甲二'], seq: '2' }]);
  });
});

describe('windows whose rows touch the same ledger entries', () => {
  let t: { pg: TestPostgres; hall: RunningHall };
  beforeAll(async () => {
    t = await startHallOn({});
  });
  afterAll(async () => {
    await t?.hall.close();
    await t?.pg.stop();
  });

  const WINDOWS = 12;
  const BATCHES = 4;
  const BATCH_ROWS = 60;
  const ENTITIES = Array.from({ length: 40 }, (_, i) => `E-SHARED-${String(i).padStart(2, '0')}`);

  it('in different orders, all at once: every row is stored once, none quarantined', async () => {
    const windows = await Promise.all(Array.from({ length: WINDOWS }, (_, i) => enrolWindow(t.hall, String(i + 1))));
    await Promise.all(
      windows.map(async (w, wi) => {
        // each window walks the shared entities in its own order (a rotation, every other window reversed)
        const order = ENTITIES.map((_, k) => ENTITIES[(k * (wi % 2 === 0 ? 1 : -1) + wi * 7 + ENTITIES.length * 2) % ENTITIES.length] as string);
        const log = Array.from({ length: BATCHES * BATCH_ROWS }, (_, i) => contact(i + 1, order[i % order.length] as string, `窗口${w.windowNo}第${i + 1}行`));
        for (let b = 0; b < BATCHES; b++) {
          const batch = log.slice(b * BATCH_ROWS, (b + 1) * BATCH_ROWS);
          // a failed push is sent again, as the window's sync does; it never fails for good
          for (let attempt = 1; ; attempt++) {
            const answer = await pushRows(t.hall, w, batch);
            if (answer.ok) {
              expect(answer.value.quarantined).toBe(0);
              break;
            }
            if (attempt === 10) throw new Error(`push kept failing: ${answer.error.message}`);
          }
        }
      }),
    );
    const { rows } = await t.hall.pool.query<{ n: string }>('SELECT count(*) AS n FROM change_row');
    expect(Number(rows[0]?.n)).toBe(WINDOWS * BATCHES * BATCH_ROWS);
    expect(await quarantinedRows(t.hall.pool, t.hall.hall.hallId)).toEqual([]);
    const ledger = await t.hall.pool.query<{ entity_id: string }>("SELECT entity_id FROM ledger_entry WHERE entity = 'contact' ORDER BY entity_id");
    expect(ledger.rows.map((r) => r.entity_id)).toEqual([...ENTITIES].sort());
  });
});
