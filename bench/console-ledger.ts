/**
 * Hall console ledger search over 10,000,000 change rows from 50 windows, on
 * a throwaway PostgreSQL and a real hall: the rows are generated in SQL
 * (INSERT … SELECT generate_series, in the shape the windows push: a contact
 * or a civil case inserted then updated, every tenth entity a registered
 * marriage), projected into the ledger with the migration's backfill SQL,
 * then searched through the console API over HTTP as the page does: a full
 * name, a contact number, a certificate number, each with and without a
 * window and date filter. Prints the generation time and the search p50 / p95.
 */
import { performance } from 'node:perf_hooks';
import { startHall } from '../hall/app';
import type { Client } from '../hall/db/pool';
import { seedDemoStaff } from '../hall/demo';
import { LEDGER_BACKFILL_SQL } from '../hall/store/ledger-projection';
import { createEnrolmentCode, enrol } from '../hall/store/windows';
import { startTestPostgres } from '../tests/support/postgres';
import { consoleCall, consoleLogin } from '../tests/support/hall-console';
import type { LedgerQuery } from '../shared/hall/console-contract';
import { percentile, seededRandom } from './measure';

const WINDOWS = 50;
const SEARCHES = 300;
const CHUNK = 1_000_000;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '英', '华', '玉', '兰', '文', '辉', '建', '国'];

const sqlArray = (items: readonly string[]): string => `ARRAY[${items.map((s) => `'${s}'`).join(',')}]`;

/** The name of entity k (20 × 30 × 30 = 18,000 names). */
function nameOf(k: number): string {
  return `${SURNAMES[k % 20]}${GIVEN[Math.floor(k / 20) % 30]}${GIVEN[Math.floor(k / 600) % 30]}`;
}
const NAME_SQL = (k: string): string =>
  `(${sqlArray(SURNAMES)})[1 + ${k} % 20] || (${sqlArray(GIVEN)})[1 + (${k} / 20) % 30] || (${sqlArray(GIVEN)})[1 + (${k} / 600) % 30]`;

/** Change rows [from, to) of the generated set: row g is seq g/50+1 of window g%50; two seqs per entity (insert, then update). */
function generateSql(from: number, to: number): string {
  return `
    INSERT INTO change_row (hall_id, id, window_id, seq, schema_version, entity, entity_id, op, payload, window_created_at)
    SELECT w.hall_id, gen_random_uuid(), w.window_id, s.seq, 1,
      CASE WHEN s.k % 10 = 0 THEN 'civil_case' ELSE 'contact' END, w.window_no || '-' || s.k,
      CASE WHEN s.seq % 2 = 1 THEN 'insert' ELSE 'update' END,
      CASE WHEN s.k % 10 = 0 THEN jsonb_build_object(
          'id', w.window_no || '-' || s.k, 'window_no', w.window_no, 'case_no', 'HY' || lpad(w.window_no, 2, '0') || lpad(s.k::text, 8, '0'),
          'kind', 'marriage', 'status', CASE WHEN s.seq % 2 = 0 THEN 'registered' ELSE 'accepted' END, 'received_at', s.at,
          'registered_at', CASE WHEN s.seq % 2 = 0 THEN s.at END,
          'certificate_no', CASE WHEN s.seq % 2 = 0 THEN 'J330100-2026-' || lpad(w.window_no, 2, '0') || lpad(s.k::text, 7, '0') END,
          'parties', jsonb_build_array(jsonb_build_object('name', ${NAME_SQL('s.k')}), jsonb_build_object('name', ${NAME_SQL('(s.k + 7)')})))
        ELSE jsonb_build_object(
          'id', w.window_no || '-' || s.k, 'window_no', w.window_no, 'contact_no', 'JD' || lpad(w.window_no, 2, '0') || lpad(s.k::text, 8, '0'),
          'channel', 'walkIn', 'item_code', 'MR01', 'item_name', '结婚登记', 'applicant_name', ${NAME_SQL('s.k')},
          'applicant_id_masked', '110***********1234', 'status', CASE WHEN s.seq % 2 = 0 THEN 'closed' ELSE 'open' END,
          'received_at', s.at, 'created_at', s.at, 'updated_at', s.at) END,
      s.at
    FROM (SELECT g, g / ${WINDOWS} + 1 AS seq, g % ${WINDOWS} AS wi, (g / ${WINDOWS}) / 2 + 1 AS k,
            to_char(timestamptz '2026-01-01 00:30:00+00' + ((g / ${WINDOWS}) / 2) * interval '150 seconds', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"') AS at
          FROM generate_series(${from}, ${to - 1}) g) s
    JOIN (SELECT hall_id, window_id, window_no, row_number() OVER (ORDER BY window_no::int) - 1 AS wi FROM hall_window) w ON w.wi = s.wi`;
}

/**
 * Runs a bulk load with a table's indexes and unique constraints dropped and then rebuilt from
 * their own definitions (a sorted build instead of 10 million random inserts), and without the
 * per-row foreign-key triggers (the rows reference windows enrolled just before).
 */
async function bulkLoad(pool: Client, table: string, load: () => Promise<void>): Promise<void> {
  const { rows: constraints } = await pool.query<{ name: string; def: string }>(
    "SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u')",
    [table],
  );
  const { rows: indexes } = await pool.query<{ name: string; def: string }>(
    'SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = $1 AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass)',
    [table],
  );
  for (const c of constraints) await pool.query(`ALTER TABLE ${table} DROP CONSTRAINT ${c.name}`);
  for (const i of indexes) await pool.query(`DROP INDEX ${i.name}`);
  await load();
  for (const c of constraints) await pool.query(`ALTER TABLE ${table} ADD CONSTRAINT ${c.name} ${c.def}`);
  for (const i of indexes) await pool.query(i.def);
}

export async function consoleLedgerBench(rows = Number(process.env.CONSOLE_BENCH_ROWS ?? 10_000_000)): Promise<string[]> {
  const pg = await startTestPostgres('hall_bench');
  const hall = await startHall({ databaseUrl: pg.url, port: 0, host: '127.0.0.1', hallName: '基准测试大厅' });
  try {
    await seedDemoStaff(hall.pool, hall.hall);
    for (let w = 1; w <= WINDOWS; w++) {
      await enrol(hall.pool, hall.hall, { code: await createEnrolmentCode(hall.pool, hall.hall.hallId, String(w)), windowNo: String(w) });
    }
    const loader = await hall.pool.connect();
    let generated = 0;
    let projected = 0;
    try {
      await loader.query(`SET maintenance_work_mem = '256MB'; SET work_mem = '128MB'; SET session_replication_role = 'replica'`);
      const t0 = performance.now();
      await bulkLoad(loader, 'change_row', async () => {
        for (let from = 0; from < rows; from += CHUNK) await loader.query(generateSql(from, Math.min(rows, from + CHUNK)));
      });
      generated = performance.now() - t0;
      const t1 = performance.now();
      await bulkLoad(loader, 'ledger_entry', async () => {
        await loader.query(LEDGER_BACKFILL_SQL);
      });
      await loader.query('RESET session_replication_role');
      for (const table of ['change_row', 'ledger_entry']) await loader.query(`VACUUM ANALYZE ${table}`);
      projected = performance.now() - t1;
    } finally {
      loader.release();
    }
    const { rows: sizes } = await hall.pool.query<{ n: string; size: string }>(
      "SELECT (SELECT count(*) FROM ledger_entry) AS n, pg_size_pretty(pg_total_relation_size('change_row') + pg_total_relation_size('ledger_entry')) AS size",
    );

    const cookie = await consoleLogin(hall.url, '9001', '246810');
    const entities = rows / 2 / WINDOWS;
    const random = seededRandom(13);
    const pick = (): { w: number; k: number } => ({ w: 1 + Math.floor(random() * WINDOWS), k: 1 + Math.floor(random() * entities) });
    const kinds: ((i: number) => LedgerQuery)[] = [
      () => ({ ledger: 'contacts', q: nameOf(pick().k) }),
      () => {
        const p = pick();
        return { ledger: 'contacts', q: nameOf(p.k), windowNo: String(p.w), from: '2026-03-01', to: '2026-08-31' };
      },
      () => {
        const p = pick();
        return { ledger: 'contacts', q: `JD${String(p.w).padStart(2, '0')}${String(p.k - (p.k % 10) + 1).padStart(8, '0')}` };
      },
      () => {
        const p = pick();
        return { ledger: 'marriages', q: `J330100-2026-${String(p.w).padStart(2, '0')}${String(Math.max(10, p.k - (p.k % 10))).padStart(7, '0')}` };
      },
      () => ({ ledger: 'marriages', q: nameOf(pick().k) }),
      () => ({ ledger: 'contacts', windowNo: String(pick().w), from: '2026-06-01', to: '2026-06-01' }),
    ];
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < SEARCHES; i++) {
      const query = kinds[i % kinds.length]?.(i) ?? { ledger: 'contacts' };
      const s = performance.now();
      const r = await consoleCall(hall.url, 'ledger', query, cookie);
      times.push(performance.now() - s);
      if (!r.ok) throw new Error(`search failed: ${r.error.message}`);
      if (r.value.total > 0) found++;
    }
    return [
      `console ledger: ${rows.toLocaleString('en')} change rows from ${WINDOWS} windows generated in ${(generated / 1000).toFixed(0)} s, projected into ${Number(sizes[0]?.n).toLocaleString('en')} ledger entries in ${(projected / 1000).toFixed(0)} s (${sizes[0]?.size ?? '?'} with indexes)`,
      `console ledger search over HTTP (${SEARCHES} searches: name, name + window + dates, contact no., certificate no., marriage party, window + day; ${found} with hits): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(0)} ms`,
    ];
  } finally {
    await hall.close();
    await pg.stop();
  }
}
