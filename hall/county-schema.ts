/**
 * `npx tsx hall/county-schema.ts --database-url postgres://…/county`: creates
 * or upgrades a county database's schema (hall/db/county.ts), then exits.
 * Run it at the county before the halls upgrade: DDL is not replicated.
 */
import { migrateCounty } from './db/county';
import { openPool } from './db/pool';

const USAGE = 'usage: npx tsx hall/county-schema.ts --database-url postgres://USER:PASSWORD@HOST:PORT/county';

async function main(): Promise<void> {
  const [flag, url] = process.argv.slice(2);
  if (flag !== '--database-url' || url === undefined || !/^postgres(ql)?:\/\//.test(url)) throw new Error(USAGE);
  const pool = openPool(url, 1);
  try {
    const applied = await migrateCounty(pool);
    console.log(applied.length === 0 ? 'county schema up to date' : `county schema: applied migrations ${applied.join(', ')}`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
