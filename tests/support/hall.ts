/**
 * A hall server on a throwaway PostgreSQL for one test file, and plain HTTP
 * calls to it as a window would make them (fetch, JSON, bearer credential).
 */
import { createHash, randomUUID } from 'node:crypto';
import { startHall, type HallOptions, type RunningHall } from '../../hall/app';
import { createEnrolmentCode } from '../../hall/store/windows';
import { HALL_ROUTES, type AuditHead, type ChangeRow, type HallRequest, type HallResponse, type HallRouteName } from '../../shared/hall/contract';
import { GENESIS_HASH } from '../../shared/audit/chain';
import type { ApiError } from '../../shared/result';
import { startTestPostgres, type TestPostgres } from './postgres';

export interface TestHall {
  pg: TestPostgres;
  hall: RunningHall;
  stop(): Promise<void>;
}

/** clock: the hall's clock for the queue (a test moves it across the hall's midnight); kioskPrint: the kiosks' ticket printing; voiceClipsDir: the office's own voice clips. */
export async function startTestHall(options: Pick<HallOptions, 'clock' | 'kioskPrint' | 'voiceClipsDir'> = {}): Promise<TestHall> {
  const pg = await startTestPostgres();
  const hall = await startHall({ databaseUrl: pg.url, port: 0, host: '127.0.0.1', hallName: '测试大厅', ...options }).catch(async (error: unknown) => {
    await pg.stop();
    throw error;
  });
  return {
    pg,
    hall,
    stop: async () => {
      await hall.close();
      await pg.stop();
    },
  };
}

/** A hall on a throwaway PostgreSQL that a test file closes and starts again on the same port (the hall down, a restore from a backup). */
export interface RestartableHall {
  readonly pg: TestPostgres;
  /** The hall now running: a new one after each restart. */
  readonly running: RunningHall;
  /** Starts the hall again on the port it had, after running.close(). */
  restart(): Promise<void>;
  /** Closes the hall and drops its PostgreSQL. */
  stop(): Promise<void>;
}

export async function startRestartableHall(): Promise<RestartableHall> {
  const pg = await startTestPostgres();
  let port = 0;
  let running: RunningHall | undefined;
  const start = async (): Promise<void> => {
    running = await startHall({ databaseUrl: pg.url, port, host: '127.0.0.1', hallName: '测试大厅' });
    port = running.port;
  };
  await start().catch(async (error: unknown) => {
    await pg.stop();
    throw error;
  });
  const current = (): RunningHall => {
    if (running === undefined) throw new Error('the hall never started');
    return running;
  };
  return {
    pg,
    get running() {
      return current();
    },
    restart: start,
    stop: async () => {
      await current().close();
      await pg.stop();
    },
  };
}

export type CallResult<N extends HallRouteName> = { status: number; ok: true; value: HallResponse<N> } | { status: number; ok: false; error: ApiError };

/** One call of a route; the body is sent as given (it may be invalid on purpose). */
export async function call<N extends HallRouteName>(hall: RunningHall, name: N, input: HallRequest<N> | Record<string, unknown>, credential: string | null): Promise<CallResult<N>> {
  const route = HALL_ROUTES[name];
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (credential !== null) headers.authorization = `Bearer ${credential}`;
  const query = route.method === 'GET' ? `?${new URLSearchParams(Object.entries(input).map(([k, v]) => [k, String(v)])).toString()}` : '';
  const res = await fetch(`${hall.url}${route.path}${query}`, { method: route.method, headers, ...(route.method === 'GET' ? {} : { body: JSON.stringify(input) }) });
  const body = (await res.json()) as { ok: true; value: HallResponse<N> } | { ok: false; error: ApiError };
  return { status: res.status, ...body };
}

/** The value of a call that must succeed. */
export async function value<N extends HallRouteName>(hall: RunningHall, name: N, input: HallRequest<N>, credential: string | null): Promise<HallResponse<N>> {
  const result = await call(hall, name, input, credential);
  if (!result.ok) throw new Error(`${name} failed: ${result.status} ${result.error.code} ${result.error.message}`);
  return result.value;
}

export interface EnrolledWindow {
  windowNo: string;
  windowId: string;
  credential: string;
  lookupKey: string;
}

export async function enrolWindow(hall: RunningHall, windowNo: string): Promise<EnrolledWindow> {
  const code = await createEnrolmentCode(hall.pool, hall.hall.hallId, windowNo);
  const enrolled = await value(hall, 'enrol', { code, windowNo }, null);
  return { windowNo, windowId: enrolled.windowId, credential: enrolled.credential, lookupKey: enrolled.lookupKey };
}

/** A change-log row as a window writes it: seq n, a fresh UUID unless given. */
export function changeRow(seq: number, overrides: Partial<ChangeRow> = {}): ChangeRow {
  return {
    id: randomUUID(),
    seq,
    schemaVersion: 1,
    entity: 'contact',
    entityId: randomUUID(),
    op: 'insert',
    payload: { note: `row ${seq}` },
    createdAt: '2026-11-27T01:00:00.000Z',
    ...overrides,
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The heads of a stand-in audit chain of n rows, index = seq: each hash
 * covers the one before, as a real chain's do. Rows from rewrittenFrom on
 * hash differently: the chain rewritten from that row onwards.
 */
export function chainHashes(n: number, rewrittenFrom = Number.POSITIVE_INFINITY): AuditHead[] {
  const heads: AuditHead[] = [{ seq: 0, hash: GENESIS_HASH }];
  for (let seq = 1; seq <= n; seq++) heads.push({ seq, hash: sha256(`${heads[seq - 1]?.hash ?? ''}${seq >= rewrittenFrom ? 'edited' : ''}${seq}`) });
  return heads;
}
