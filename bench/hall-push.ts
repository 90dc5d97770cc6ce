/**
 * The hall's sync figures on a durable PostgreSQL (hall-common.ts), every
 * row through the real HTTP API with the window's own client:
 *  - push throughput: 20 windows pushing at once, batches of MAX_PUSH_ROWS;
 *  - online pushes: each change pushed as it happens (one row a push), the
 *    round trip and the WAL a row costs;
 *  - one full batch (MAX_PUSH_ROWS rows) into the hall, one window alone and
 *    with 19 others pushing: the time the window's 5 s call timeout guards
 *    (set-based since link13: one INSERT per batch, not a savepoint a row);
 *  - catch-up after a day offline: one window's 2,000 rows (one batch in
 *    flight, as the window pushes), then 20 windows' at once;
 *  - the measured bytes of a stored change row and the WAL per pushed row,
 *    and what they come to at 2,000 halls × 20 windows × 300 events a day;
 *  - the county's side (hall-county-cost.ts).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startHall, type RunningHall } from '../hall/app';
import { MAX_PUSH_ROWS } from '../shared/hall/contract';
import { countyCostBench } from './hall-county-cost';
import { changeRowCost, drain, enrolBenchWindow, PUSH_TIMEOUT_MS, HALL_ROWS_A_DAY, size, ROWS_A_DAY, sampleRows, SCALE, startBenchPostgres, walBytes, windowLog, type BenchWindow, type Drained } from './hall-common';
import { percentile } from './measure';
import { runAlone } from './bench-core';

const WINDOWS = 20;
const THROUGHPUT_ROWS = 2000;
const ONLINE_ROWS = 100;
const DAY_OFFLINE_ROWS = 2000;
const SINGLE_CATCH_UPS = 5;

/** How many pushes went unanswered for a minute and were sent again, when any did. */
function resent(drained: readonly Drained[]): string {
  const n = drained.reduce((sum, d) => sum + d.resends, 0);
  return n === 0 ? '' : ` (${n} pushes unanswered within ${PUSH_TIMEOUT_MS / 1000} s and sent again)`;
}

let windowCounter = 0;
async function freshWindows(hall: RunningHall, n: number): Promise<BenchWindow[]> {
  return Promise.all(Array.from({ length: n }, () => enrolBenchWindow(hall, `B${++windowCounter}`)));
}

const FULL_BATCHES = 4;

/** A batch of MAX_PUSH_ROWS rows: its round trip with the hall otherwise idle, and with 19 other windows pushing full batches. */
export async function fullBatchBench(hall: RunningHall, sample: Awaited<ReturnType<typeof sampleRows>>): Promise<string> {
  const [alone] = await freshWindows(hall, 1);
  if (alone === undefined) throw new Error('no window');
  const quiet = (await drain(alone, windowLog(sample, FULL_BATCHES * MAX_PUSH_ROWS))).times;
  const [watched, ...others] = await freshWindows(hall, WINDOWS);
  if (watched === undefined) throw new Error('no window');
  const [loaded] = await Promise.all([drain(watched, windowLog(sample, FULL_BATCHES * MAX_PUSH_ROWS)), ...others.map((w) => drain(w, windowLog(sample, FULL_BATCHES * MAX_PUSH_ROWS)))]);
  return (
    `hall push, one batch of ${MAX_PUSH_ROWS} rows (${FULL_BATCHES} batches): alone p50 ${percentile(quiet, 50).toFixed(0)} ms, p95 ${percentile(quiet, 95).toFixed(0)} ms; ` +
    `with ${WINDOWS - 1} other windows pushing p50 ${percentile(loaded.times, 50).toFixed(0)} ms, p95 ${percentile(loaded.times, 95).toFixed(0)} ms, max ${Math.max(...loaded.times).toFixed(0)} ms`
  );
}

export async function hallPushBench(): Promise<string[]> {
  const lines: string[] = [];
  const sample = await sampleRows();
  const pg = await startBenchPostgres('hall');
  const hall = await startHall({ databaseUrl: pg.url, port: 0, host: '127.0.0.1', hallName: '基准测试政务服务中心' });
  try {
    // 1. throughput: 20 windows, each with a backlog, batches of MAX_PUSH_ROWS
    const busy = await freshWindows(hall, WINDOWS);
    const logs = busy.map(() => windowLog(sample, THROUGHPUT_ROWS));
    const wal0 = await walBytes(pg.admin);
    const t0 = performance.now();
    const busyDrained = await Promise.all(busy.map((w, i) => drain(w, logs[i] ?? [])));
    const batchTimes = busyDrained.flatMap((d) => d.times);
    const seconds = (performance.now() - t0) / 1000;
    const batchedWal = ((await walBytes(pg.admin)) - wal0) / (WINDOWS * THROUGHPUT_ROWS);
    lines.push(
      `hall push throughput, ${WINDOWS} windows at once, batches of ${MAX_PUSH_ROWS} (${WINDOWS * THROUGHPUT_ROWS} rows): ${((WINDOWS * THROUGHPUT_ROWS) / seconds).toFixed(0)} rows/s; ` +
        `a batch's round trip p50 ${percentile(batchTimes, 50).toFixed(0)} ms, p95 ${percentile(batchTimes, 95).toFixed(0)} ms${resent(busyDrained)}; WAL ${batchedWal.toFixed(0)} bytes a row ` +
        `(load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores)`,
    );

    // 2. online: every change pushed on its own, 20 windows at once
    const online = await freshWindows(hall, WINDOWS);
    const wal1 = await walBytes(pg.admin);
    const onlineDrained = (
      await Promise.all(
        online.map(async (w) => {
          const log = windowLog(sample, ONLINE_ROWS);
          const pushes: Drained[] = [];
          for (let seq = 1; seq <= ONLINE_ROWS; seq++) pushes.push(await drain(w, log.slice(0, seq), seq - 1));
          return pushes;
        }),
      )
    ).flat();
    const oneRowTimes = onlineDrained.flatMap((d) => d.times);
    const onlineWal = ((await walBytes(pg.admin)) - wal1) / (WINDOWS * ONLINE_ROWS);
    lines.push(
      `hall online push, one row a push, ${WINDOWS} windows at once (${WINDOWS * ONLINE_ROWS} pushes): round trip p50 ${percentile(oneRowTimes, 50).toFixed(1)} ms, p95 ${percentile(oneRowTimes, 95).toFixed(1)} ms${resent(onlineDrained)}; WAL ${onlineWal.toFixed(0)} bytes a row`,
    );

    // 3. one full batch: alone, then while 19 other windows push theirs
    lines.push(await fullBatchBench(hall, sample));

    // 4. catch-up after a day offline: one window alone, then 20 at once
    const single: number[] = [];
    const singleDrained: Drained[] = [];
    for (const w of await freshWindows(hall, SINGLE_CATCH_UPS)) {
      const log = windowLog(sample, DAY_OFFLINE_ROWS);
      const t = performance.now();
      singleDrained.push(await drain(w, log));
      single.push(performance.now() - t);
    }
    lines.push(`hall catch-up, one window after a day offline (${DAY_OFFLINE_ROWS} rows, one batch of ${MAX_PUSH_ROWS} in flight): median ${percentile(single, 50).toFixed(0)} ms, max ${Math.max(...single).toFixed(0)} ms (${SINGLE_CATCH_UPS} runs)${resent(singleDrained)}`);
    const many = await freshWindows(hall, WINDOWS);
    const manyLogs = many.map(() => windowLog(sample, DAY_OFFLINE_ROWS));
    const t2 = performance.now();
    const manyDrained = await Promise.all(
      many.map(async (w, i) => {
        const drained = await drain(w, manyLogs[i] ?? []);
        return { ...drained, ms: performance.now() - t2 };
      }),
    );
    const finished = manyDrained.map((d) => d.ms);
    lines.push(
      `hall catch-up, ${WINDOWS} windows at once after a day offline (${WINDOWS} × ${DAY_OFFLINE_ROWS} rows): all done in ${(Math.max(...finished) / 1000).toFixed(1)} s (first window ${(Math.min(...finished) / 1000).toFixed(1)} s, median ${(percentile(finished, 50) / 1000).toFixed(1)} s)${resent(manyDrained)}`,
    );

    // 5. what a row costs, and the arithmetic at county scale
    const cost = await changeRowCost(hall.pool);
    lines.push(
      `change_row at the hall (${cost.rows} rows): ${cost.bytesPerRow.toFixed(0)} bytes a row on disk (heap ${cost.heapPerRow.toFixed(0)}, indexes ${cost.indexesPerRow.toFixed(0)}; tuple ${cost.tupleBytes.toFixed(0)})`,
    );
    const wal = Math.max(onlineWal, batchedWal);
    lines.push(
      `a hall (${SCALE.windows} windows × ${SCALE.eventsPerWindowDay} events): ${HALL_ROWS_A_DAY} rows a day, WAL ${size(HALL_ROWS_A_DAY * wal)} a day, change_row ${size(HALL_ROWS_A_DAY * 365 * cost.bytesPerRow)} a year`,
    );
    lines.push(
      `${SCALE.halls} halls: ${ROWS_A_DAY.toLocaleString('en')} rows a day (${(ROWS_A_DAY / 86400).toFixed(0)} a second averaged over the day), hall WAL ${size(ROWS_A_DAY * wal)} a day in all`,
    );
    lines.push(...(await countyCostBench(pg, hall, sample)));
  } finally {
    await hall.close();
    await pg.stop();
  }
  return lines;
}

// `tsx bench/hall-push.ts` runs it alone
if (process.argv[1]?.endsWith('hall-push.ts')) runAlone(hallPushBench);
