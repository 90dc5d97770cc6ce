/**
 * What the hall benchmarks share: a PostgreSQL server set up as a hall that a
 * county subscribes to would run it (durable: fsync, synchronous commit and
 * full-page writes on; wal_level = logical), change-log rows as a real window
 * writes them, and a window's push loop over HTTP (HallClient, the window's
 * own client: one batch of up to MAX_PUSH_ROWS in flight, resend from the
 * acknowledged seq).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPool, type Pool } from '../hall/db/pool';
import { giveTo, serverAccount } from '../hall/postgres/binaries';
import { startPostgres, type RunningPostgres } from '../hall/postgres/server';
import { createEnrolmentCode } from '../hall/store/windows';
import type { RunningHall } from '../hall/app';
import { HallClient } from '../electron/services/hall-link/hall-client';
import { GENESIS_HASH } from '../shared/audit/chain';
import { MAX_PUSH_ROWS, type ChangeRow } from '../shared/hall/contract';
import { CounterError } from '../shared/result';
import { withSupervisor } from './bench-core';

export interface BenchPostgres {
  server: RunningPostgres;
  url: string;
  admin: Pool;
  stop(): Promise<void>;
}

/** A durable PostgreSQL server with one database, in a temporary directory removed by stop(). */
export async function startBenchPostgres(database: string): Promise<BenchPostgres> {
  const root = await mkdtemp(join(tmpdir(), 'hall-bench-pg-'));
  await giveTo(await serverAccount(), root);
  const server = await startPostgres({ dataDir: join(root, 'pg'), settings: { wal_level: 'logical', max_slot_wal_keep_size: '1GB' } });
  const admin = openPool(server.url('postgres'), 2);
  await admin.query(`CREATE DATABASE ${database}`);
  return {
    server,
    url: server.url(database),
    admin,
    stop: async () => {
      await admin.end();
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

type SampleRow = Omit<ChangeRow, 'id' | 'seq'>;

/**
 * Change-log rows of a real core (20 walk-in contacts opened and closed by a
 * clerk: a contact insert and update each, about 600 bytes of payload).
 */
export async function sampleRows(): Promise<SampleRow[]> {
  return withSupervisor('hall-rows', { hallName: '基准测试政务服务中心', windowNo: '3' }, async (core) => {
    const clerk = await core.call('staff.create', { staffNo: '1001', pin: '135790', name: '李晓梅', title: '登记员', duties: '', partyMember: false, role: 'clerk' });
    if (!clerk.ok) throw new Error(clerk.error.message);
    await core.call('auth.logout', {});
    const login = await core.call('auth.login', { staffNo: '1001', pin: '135790' });
    if (!login.ok) throw new Error(login.error.message);
    for (let i = 0; i < 20; i++) {
      const started = await core.call('intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: `申请人${i}`, applicantPhone: '13800000000', applicantIdNumber: '11010519491231002X' });
      if (!started.ok) throw new Error(started.error.message);
      const closed = await core.call('intake.close', { id: started.value.id, reason: 'consulted' });
      if (!closed.ok) throw new Error(closed.error.message);
    }
    const rows = core.db
      .prepare("SELECT schema_version, entity, entity_id, op, payload, created_at FROM change_log WHERE entity = 'contact' ORDER BY seq")
      .all() as { schema_version: number; entity: string; entity_id: string; op: ChangeRow['op']; payload: string; created_at: string }[];
    return rows.map((r) => ({ schemaVersion: r.schema_version, entity: r.entity, entityId: r.entity_id, op: r.op, payload: JSON.parse(r.payload) as Record<string, unknown>, createdAt: r.created_at }));
  });
}

/**
 * A window's change log of `count` rows (seq 1…count), the sample's rows in
 * turn with fresh row ids and, each time round, fresh entity ids: each
 * window's contacts are its own, as a real window's UUIDs are.
 */
export function windowLog(sample: readonly SampleRow[], count: number): ChangeRow[] {
  const entityIds = new Map<string, string>();
  return Array.from({ length: count }, (_, i) => {
    const row = sample[i % sample.length] as SampleRow;
    if (i % sample.length === 0) entityIds.clear();
    const entityId = entityIds.get(row.entityId) ?? randomUUID();
    entityIds.set(row.entityId, entityId);
    return { ...row, entityId, payload: 'id' in row.payload ? { ...row.payload, id: entityId } : row.payload, id: randomUUID(), seq: i + 1 };
  });
}

export interface BenchWindow {
  windowNo: string;
  client: HallClient;
}

/** How long the bench's windows wait for a push's answer (a window waits HALL_CALL_TIMEOUT_MS): the bench measures, it does not give up early. */
export const PUSH_TIMEOUT_MS = 60_000;

/** Enrols a window through the HTTP API. */
export async function enrolBenchWindow(hall: RunningHall, windowNo: string): Promise<BenchWindow> {
  const code = await createEnrolmentCode(hall.pool, hall.hall.hallId, windowNo);
  const enrolled = await new HallClient({ url: hall.url, credential: null }).call('enrol', { code, windowNo });
  return { windowNo, client: new HallClient({ url: hall.url, credential: enrolled.credential, timeoutMs: PUSH_TIMEOUT_MS }) };
}

export interface Drained {
  /** Round trip of each answered push, ms. */
  times: number[];
  /** Pushes that got no answer in time and were sent again, as the window does. */
  resends: number;
}

/**
 * Pushes the log as the window does, one batch in flight, from the row after
 * `acked` until every row is acknowledged; a push that gets no answer in
 * time (DISCONNECTED) is sent again from the last acknowledged seq.
 */
export async function drain(w: BenchWindow, log: readonly ChangeRow[], acked = 0): Promise<Drained> {
  const result: Drained = { times: [], resends: 0 };
  while (acked < log.length) {
    const rows = log.slice(acked, acked + MAX_PUSH_ROWS);
    const t0 = performance.now();
    const answer = await w.client
      .call('push', { windowNo: w.windowNo, rows, auditHead: { seq: 0, hash: GENESIS_HASH }, auditAt: null, backlog: { rows: log.length - acked, oldestAt: rows[0]?.createdAt ?? null } })
      .catch((error: unknown) => {
        if (error instanceof CounterError && error.code === 'DISCONNECTED') return null;
        throw error;
      });
    if (answer === null) {
      result.resends++;
      continue;
    }
    result.times.push(performance.now() - t0);
    if (answer.ackedSeq <= acked) throw new Error(`window ${w.windowNo}: push acknowledged nothing past ${acked}`);
    acked = answer.ackedSeq;
  }
  return result;
}

/** The server's current WAL position, as bytes since 0/0. */
export async function walBytes(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ b: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint AS b");
  return Number(rows[0]?.b ?? 0);
}

/** Bytes in the largest binary unit that keeps the number at or above 1 (MiB at the least). */
export function size(bytes: number): string {
  const units = ['MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes / 1024 / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit] ?? ''}`;
}

/** 2,000 halls × 20 windows × 300 events a window a day. */
export const SCALE = { halls: 2000, windows: 20, eventsPerWindowDay: 300 } as const;
export const ROWS_A_DAY = SCALE.halls * SCALE.windows * SCALE.eventsPerWindowDay;
export const HALL_ROWS_A_DAY = SCALE.windows * SCALE.eventsPerWindowDay;

export interface RowCost {
  rows: number;
  /** pg_total_relation_size / rows: heap, TOAST and indexes. */
  bytesPerRow: number;
  heapPerRow: number;
  indexesPerRow: number;
  /** avg(pg_column_size(row)): the tuple itself. */
  tupleBytes: number;
}

export async function changeRowCost(pool: Pool): Promise<RowCost> {
  const { rows } = await pool.query<{ n: string; total: string; heap: string; idx: string; tuple: string }>(
    `SELECT count(*) AS n, pg_total_relation_size('change_row') AS total, pg_relation_size('change_row') AS heap,
            pg_indexes_size('change_row') AS idx, avg(pg_column_size(t.*)) AS tuple FROM change_row t`,
  );
  const r = rows[0];
  const n = Number(r?.n ?? 0);
  return { rows: n, bytesPerRow: Number(r?.total) / n, heapPerRow: Number(r?.heap) / n, indexesPerRow: Number(r?.idx) / n, tupleBytes: Number(r?.tuple) };
}
