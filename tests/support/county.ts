/**
 * A county database subscribing to halls (README "County scale"): the
 * subscription as a county creates it, and waiting for it to catch up by the
 * publisher's own replication figures (every table copied, the subscriber's
 * confirmed position past the publisher's WAL position), never by sleeping.
 */
import pg from 'pg';
import { COUNTY_PUBLICATION } from '../../hall/db/migrations/008-county-publication';
import type { Pool } from '../../hall/db/pool';

/** The libpq connection string of a postgres:// URL, for CREATE SUBSCRIPTION … CONNECTION. */
export function libpqConnection(url: string): string {
  const u = new URL(url);
  const parts = { host: u.hostname, port: u.port, dbname: decodeURIComponent(u.pathname.slice(1)), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
  return Object.entries(parts)
    .map(([key, value]) => `${key}='${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`)
    .join(' ');
}

/** CREATE SUBSCRIPTION at the county (not in a transaction: it creates the slot at the hall). */
export async function subscribe(county: Pool, name: string, hallUrl: string): Promise<void> {
  await county.query(`CREATE SUBSCRIPTION ${pg.escapeIdentifier(name)} CONNECTION ${pg.escapeLiteral(libpqConnection(hallUrl))} PUBLICATION ${COUNTY_PUBLICATION}`);
}

/** Polls probe until it answers true; fails with what was awaited after the deadline. */
export async function until(what: string, probe: () => Promise<boolean>, deadlineMs = 120_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits until the subscription has copied every table and applied all the
 * hall's WAL written so far: the hall's walsender reports the subscriber's
 * replayed position at or past the hall's current WAL position.
 */
export async function waitForCatchUp(hallAdmin: Pool, county: Pool, name: string): Promise<void> {
  await until(`${name}: initial copy of every table`, async () => {
    const { rows } = await county.query<{ pending: string; total: string }>(
      `SELECT count(*) FILTER (WHERE r.srsubstate NOT IN ('r', 's')) AS pending, count(*) AS total
       FROM pg_subscription_rel r JOIN pg_subscription s ON s.oid = r.srsubid WHERE s.subname = $1`,
      [name],
    );
    return Number(rows[0]?.total) > 0 && Number(rows[0]?.pending) === 0;
  });
  const target = (await hallAdmin.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]?.lsn ?? '0/0';
  await until(`${name}: replay past ${target}`, async () => {
    const { rows } = await hallAdmin.query<{ done: boolean }>(
      "SELECT replay_lsn >= $2::pg_lsn AS done FROM pg_stat_replication WHERE application_name = $1 AND state = 'streaming'",
      [name, target],
    );
    return rows[0]?.done === true;
  });
}

/** Every row of a table for one hall but the columns left out, as JSON text, in a stable order: what the county must equal. */
export async function hallRows(pool: Pool, table: string, hallId: string, leftOut: readonly string[] = []): Promise<string[]> {
  const { rows } = await pool.query<{ row: string }>(`SELECT (to_jsonb(t) - $2::text[])::text AS row FROM ${pg.escapeIdentifier(table)} t WHERE hall_id = $1 ORDER BY 1`, [hallId, leftOut]);
  return rows.map((r) => r.row);
}
