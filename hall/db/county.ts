/**
 * A county (or city) database: the hall's schema, migrated by the same
 * migrations, with the columns that never leave a hall made nullable, since
 * the subscription leaves them empty (README "County scale").
 */
import { migrate } from './migrate';
import { HALL_ONLY_COLUMNS } from './migrations/008-county-publication';
import type { Pool } from './pool';

/** Migrates a county database; safe to run again after every hall server upgrade (before the halls upgrade). */
export async function migrateCounty(pool: Pool): Promise<number[]> {
  const applied = await migrate(pool);
  for (const [table, columns] of Object.entries(HALL_ONLY_COLUMNS)) {
    for (const column of columns) await pool.query(`ALTER TABLE ${table} ALTER COLUMN ${column} DROP NOT NULL`);
  }
  return applied;
}
