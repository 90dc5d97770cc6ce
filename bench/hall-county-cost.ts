/**
 * The county's side of the cost (README "County scale"): a county database on
 * a second durable PostgreSQL subscribes to the benchmark's hall. Measured:
 * the initial copy of everything the hall holds, the lag after 20 windows
 * push 10,000 more rows, the WAL a replicated row costs at the county, the
 * bytes a row takes there, and the memory of the processes one subscription
 * runs (the county's apply worker, the hall's walsender): a county of 2,000
 * halls runs 2,000 of each pair.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { RunningHall } from '../hall/app';
import { migrateCounty } from '../hall/db/county';
import { openPool } from '../hall/db/pool';
import type { ChangeRow } from '../shared/hall/contract';
import { subscribe, waitForCatchUp } from '../tests/support/county';
import { changeRowCost, drain, enrolBenchWindow, size, ROWS_A_DAY, SCALE, startBenchPostgres, walBytes, windowLog, type BenchPostgres } from './hall-common';

const STREAMED_WINDOWS = 20;
const STREAMED_ROWS = 500;
const SUBSCRIPTION = 'county_bench';

/**
 * A process's memory from /proc/PID/smaps_rollup: proportional (PSS, its
 * share of shared memory included) and its own (private pages: what one more
 * such process adds). NaN where it cannot be read.
 */
async function memory(pid: number | undefined): Promise<{ pss: number; own: number }> {
  const text = pid === undefined ? '' : await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { pss: kb('Pss'), own: kb('Private_Clean') + kb('Private_Dirty') };
}

export async function countyCostBench(hallPg: BenchPostgres, hall: RunningHall, sample: readonly Omit<ChangeRow, 'id' | 'seq'>[]): Promise<string[]> {
  const lines: string[] = [];
  const countyPg = await startBenchPostgres('county');
  const county = openPool(countyPg.url, 2);
  try {
    await migrateCounty(county);
    const held = Number((await hall.pool.query<{ n: string }>('SELECT count(*) AS n FROM change_row')).rows[0]?.n);
    const t0 = performance.now();
    await subscribe(county, SUBSCRIPTION, hallPg.url);
    await waitForCatchUp(hallPg.admin, county, SUBSCRIPTION);
    lines.push(`county initial copy of a hall (${held} change rows and the rest): ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const windows = await Promise.all(Array.from({ length: STREAMED_WINDOWS }, (_, i) => enrolBenchWindow(hall, `C${i + 1}`)));
    const hallWal = await walBytes(hallPg.admin);
    const countyWal = await walBytes(countyPg.admin);
    await Promise.all(windows.map((w) => drain(w, windowLog(sample, STREAMED_ROWS))));
    const pushedAt = performance.now();
    await waitForCatchUp(hallPg.admin, county, SUBSCRIPTION);
    const lag = performance.now() - pushedAt;
    const rows = STREAMED_WINDOWS * STREAMED_ROWS;
    const hallPerRow = ((await walBytes(hallPg.admin)) - hallWal) / rows;
    const countyPerRow = ((await walBytes(countyPg.admin)) - countyWal) / rows;
    lines.push(
      `county streaming (${rows} rows pushed by ${STREAMED_WINDOWS} windows at once): caught up ${lag.toFixed(0)} ms after the last push; WAL ${hallPerRow.toFixed(0)} bytes a row at the hall, ${countyPerRow.toFixed(0)} at the county`,
    );

    const cost = await changeRowCost(county);
    lines.push(`change_row at the county (${cost.rows} rows): ${cost.bytesPerRow.toFixed(0)} bytes a row on disk (heap ${cost.heapPerRow.toFixed(0)}, indexes ${cost.indexesPerRow.toFixed(0)})`);

    const worker = (await county.query<{ pid: number }>('SELECT pid FROM pg_stat_subscription WHERE subname = $1 AND relid IS NULL AND pid IS NOT NULL', [SUBSCRIPTION])).rows[0]?.pid;
    const sender = (await hallPg.admin.query<{ pid: number }>('SELECT pid FROM pg_stat_replication WHERE application_name = $1', [SUBSCRIPTION])).rows[0]?.pid;
    const [w, s] = [await memory(worker), await memory(sender)];
    lines.push(
      `one subscription's processes: county apply worker ${size(w.own)} own (PSS ${size(w.pss)}), hall walsender ${size(s.own)} own (PSS ${size(s.pss)}); ` +
        `${SCALE.halls} halls: ${size(SCALE.halls * w.own)} of apply workers' own memory at the county`,
    );
    lines.push(
      `county of ${SCALE.halls} halls: ${ROWS_A_DAY.toLocaleString('en')} rows a day, county WAL ${size(ROWS_A_DAY * countyPerRow)} a day, change_row ${size(ROWS_A_DAY * 365 * cost.bytesPerRow)} a year`,
    );
  } finally {
    // the subscriber first: the hall server's fast shutdown waits for its walsender
    await county.end();
    await countyPg.stop();
  }
  return lines;
}
