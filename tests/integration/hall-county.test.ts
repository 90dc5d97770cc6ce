/**
 * County scale: two halls on one PostgreSQL server (wal_level = logical), each
 * publishing hall_county (migration 8), replicated into one county database
 * on a second server by logical replication. The halls get their rows through
 * the real HTTP API (enrolled windows pushing change rows, registrations,
 * quarantined rows, audit heads and a break, certificate numbers and leases)
 * and the hall's reference store; the county must hold every row of every
 * published table of both halls, byte for byte, after the initial copy and
 * again after more inserts, updates and tombstones stream through, and never
 * a hall's lookup key or a window's credential hash.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type RunningHall } from '../../hall/app';
import { migrateCounty } from '../../hall/db/county';
import { COUNTY_PUBLICATION, COUNTY_TABLES, HALL_ONLY_COLUMNS, HALL_ONLY_TABLES } from '../../hall/db/migrations/008-county-publication';
import { inTransaction, openPool, type Pool } from '../../hall/db/pool';
import { setOfflineMinutes } from '../../hall/console/board';
import { auditEdit } from '../../hall/console/reference-write';
import { deleteReference, putReference } from '../../hall/store/reference';
import type { ChangeRow } from '../../shared/hall/contract';
import { hallRows, subscribe, waitForCatchUp } from '../support/county';
import { chainHashes, changeRow, enrolWindow, value, type EnrolledWindow } from '../support/hall';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { configureQueue, enrolKiosk, matter, take } from '../support/queue';

interface HallUnderTest {
  name: string;
  url: string;
  hall: RunningHall;
  windows: EnrolledWindow[];
  /** Rows pushed so far by each window (index = window). */
  pushed: number[];
}

let hallServer: TestPostgres;
let countyServer: TestPostgres;
let hallAdmin: Pool;
let county: Pool;
const halls: HallUnderTest[] = [];

beforeAll(async () => {
  hallServer = await startTestPostgres('hall_a', { wal_level: 'logical' });
  countyServer = await startTestPostgres('county');
  hallAdmin = openPool(hallServer.server.url('postgres'), 2);
  await hallAdmin.query('CREATE DATABASE hall_b');
  county = openPool(countyServer.url, 4);
  for (const [name, database] of [['甲政务服务中心', 'hall_a'], ['乙政务服务中心', 'hall_b']] as const) {
    const url = hallServer.server.url(database);
    const hall = await startHall({ databaseUrl: url, port: 0, host: '127.0.0.1', hallName: name });
    // the same window numbers at both halls: the county keeps them apart by hall_id
    const windows = await Promise.all(['1', '2', '3'].map((no) => enrolWindow(hall, no)));
    halls.push({ name: database, url, hall, windows, pushed: windows.map(() => 0) });
  }
});

afterAll(async () => {
  // the subscriber first: the hall server's fast shutdown waits for its walsenders
  await county?.end();
  await countyServer?.stop();
  for (const h of halls) await h.hall.close();
  await hallAdmin?.end();
  await hallServer?.stop();
});

function registration(h: HallUnderTest, w: EnrolledWindow, seq: number): ChangeRow {
  const hash = (doc: string): string => createHmac('sha256', w.lookupKey).update(doc, 'utf8').digest('hex');
  return changeRow(seq, {
    entity: 'civil_case',
    entityId: randomUUID(),
    payload: {
      kind: 'marriage',
      status: 'registered',
      certificate_no: `J${h.name}-${w.windowNo}-${seq}`,
      registered_at: '2026-11-27T02:00:00.000Z',
      parties: [{ documentHash: hash(`A${seq}`) }, { documentHash: hash(`B${seq}`) }],
    },
  });
}

/** A window's next `count` rows through the push route (one registration and one row the hall quarantines among them). */
async function pushRows(h: HallUnderTest, wi: number, count: number): Promise<void> {
  const w = h.windows[wi]!;
  const from = h.pushed[wi]! + 1;
  const rows: (ChangeRow | Record<string, unknown>)[] = Array.from({ length: count }, (_, i) => {
    const seq = from + i;
    if (i === 1) return registration(h, w, seq);
    if (i === 2) return { ...changeRow(seq), op: 'upsert' };
    return changeRow(seq, { payload: { note: `${h.name} window ${w.windowNo} row ${seq}`, amount: seq * 3 } });
  });
  for (let at = 0; at < rows.length; at += 40) {
    const last = from + Math.min(at + 40, rows.length) - 1;
    const heads = chainHashes(last);
    const r = await value(h.hall, 'push', { windowNo: w.windowNo, rows: rows.slice(at, at + 40) as ChangeRow[], auditHead: heads[last]!, auditAt: null }, w.credential);
    expect(r.ackedSeq).toBe(last);
  }
  h.pushed[wi] = from + count - 1;
}

async function hallWork(h: HallUnderTest, round: number): Promise<void> {
  await Promise.all(h.windows.map((_, wi) => pushRows(h, wi, 90)));
  for (const w of h.windows) {
    await value(h.hall, 'certificateNext', { kind: 'marriage', year: 2026 }, w.credential);
    const lease = await value(h.hall, 'certificateLease', { kind: 'divorce', year: 2026, count: 5 }, w.credential);
    await value(h.hall, 'certificateUsed', { kind: 'divorce', year: 2026, seqs: [lease.firstSeq] }, w.credential);
    await value(h.hall, 'certificateClaim', { certificateNo: `J${h.name}-${w.windowNo}-T${round}` }, w.credential);
  }
  // window 3 reports a rewritten chain: an audit break
  const w3 = h.windows[2]!;
  const forged = chainHashes(h.pushed[2]! + 1, 2);
  await value(h.hall, 'push', { windowNo: w3.windowNo, rows: [], auditHead: forged.at(-1)!, auditAt: forged[h.pushed[2]!]! }, w3.credential);
  // the console's setting and the queue: a kiosk ticket called, served and finished at window 1
  await setOfflineMinutes(h.hall.pool, h.hall.hall.hallId, 5 + round);
  if (round === 1) await configureQueue(h.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1'] })]);
  const kiosk = await enrolKiosk(h.hall, `K${round}`);
  await take(h.hall, kiosk, 'MAR-REG');
  const w1 = h.windows[0]!;
  const called = await value(h.hall, 'queueCallNext', { staffNo: '1001' }, w1.credential);
  if (called.ticket === null) throw new Error('no ticket to call');
  await value(h.hall, 'queueStart', { ticketId: called.ticket.id, staffNo: '1001' }, w1.credential);
  await value(h.hall, 'queueFinish', { ticketId: called.ticket.id, staffNo: '1001' }, w1.credential);
  // the same reference keys at both halls; round 2 replaces and deletes some
  await inTransaction(h.hall.pool, async (client) => {
    for (let i = 1; i <= 6; i++) await putReference(client, h.hall.hall.hallId, { kind: 'staff', key: `100${i}`, body: { name: `职员${i}`, round } });
    await putReference(client, h.hall.hall.hallId, { kind: 'booking', key: `B-${round}`, body: { matter: '结婚登记' }, windowNo: '2' });
    if (round === 2) await deleteReference(client, h.hall.hall.hallId, 'staff', '1006');
    // the console's audit of the edit (ref13)
    await auditEdit(client, h.hall.hall.hallId, { staffNo: '9001', name: '王建国', hallName: h.name }, 'staff.save', 'staff', '1001', { round });
  });
}

async function expectCountyHoldsEveryRow(): Promise<void> {
  for (const h of halls) await waitForCatchUp(hallAdmin, county, `county_${h.name}`);
  for (const h of halls) {
    for (const table of COUNTY_TABLES) {
      const leftOut = HALL_ONLY_COLUMNS[table] ?? [];
      const atHall = await hallRows(h.hall.pool, table, h.hall.hall.hallId, leftOut);
      expect(atHall.length, `${h.name}.${table} has rows`).toBeGreaterThan(0);
      expect(await hallRows(county, table, h.hall.hall.hallId, leftOut), `${h.name}.${table} at the county`).toEqual(atHall);
    }
  }
  // what never leaves a hall: its lookup key and the windows' credential hashes
  const kept = await county.query<{ n: string }>('SELECT (SELECT count(*) FROM hall WHERE lookup_key IS NOT NULL) + (SELECT count(*) FROM hall_window WHERE credential_hash IS NOT NULL) AS n');
  expect(Number(kept.rows[0]?.n)).toBe(0);
}

describe('county replication', () => {
  it('publishes every hall table and column but the hall-only ones, each table with a primary key', async () => {
    const pool = halls[0]!.hall.pool;
    const published = await pool.query<{ tablename: string; keyed: boolean; attnames: string[]; columns: string[] }>(
      `SELECT p.tablename, p.attnames::text[] AS attnames,
         EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = format('%I.%I', p.schemaname, p.tablename)::regclass AND i.indisprimary) AS keyed,
         ARRAY(SELECT c.column_name::text FROM information_schema.columns c WHERE c.table_schema = p.schemaname AND c.table_name = p.tablename) AS columns
       FROM pg_publication_tables p WHERE p.pubname = $1`,
      [COUNTY_PUBLICATION],
    );
    expect(published.rows.map((r) => r.tablename).sort()).toEqual([...COUNTY_TABLES].sort());
    expect(published.rows.filter((r) => !r.keyed)).toEqual([]);
    for (const r of published.rows) expect([...r.attnames, ...(HALL_ONLY_COLUMNS[r.tablename] ?? [])].sort(), r.tablename).toEqual([...r.columns].sort());
    // a table a later migration adds must join one of the two lists
    const tables = await pool.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.rows.map((r) => r.tablename).sort()).toEqual([...COUNTY_TABLES, ...HALL_ONLY_TABLES].sort());
  });

  it('replicates two halls into one county: the initial copy, then streamed inserts, updates and tombstones', async () => {
    for (const h of halls) await hallWork(h, 1);
    await migrateCounty(county);
    for (const h of halls) await subscribe(county, `county_${h.name}`, h.url);
    await expectCountyHoldsEveryRow();

    for (const h of halls) await hallWork(h, 2);
    await expectCountyHoldsEveryRow();
    const { rows } = await county.query<{ hall_id: string; n: string; quarantined: string }>(
      `SELECT c.hall_id, count(*) AS n, (SELECT count(*) FROM quarantine q WHERE q.hall_id = c.hall_id) AS quarantined FROM change_row c GROUP BY c.hall_id ORDER BY c.hall_id`,
    );
    // 3 windows × 2 rounds × 90 rows, one of each 90 quarantined
    expect(rows.map((r) => [Number(r.n), Number(r.quarantined)])).toEqual([
      [3 * 2 * 89, 3 * 2],
      [3 * 2 * 89, 3 * 2],
    ]);
    expect(new Set(rows.map((r) => r.hall_id))).toEqual(new Set(halls.map((h) => h.hall.hall.hallId)));
  });
});
