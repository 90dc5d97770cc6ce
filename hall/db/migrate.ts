/**
 * Numbered migrations (hall/db/migrations/NNN-name.ts, each an `up(client)`),
 * applied in order in one transaction under an advisory lock, so two halls
 * starting on one database cannot both migrate. The applied versions are
 * recorded in hall_migration; a database newer than this build is refused.
 */
import type { Client, Pool } from './pool';
import { inTransaction } from './pool';
import { migration001 } from './migrations/001-windows';
import { migration002 } from './migrations/002-changes';
import { migration003 } from './migrations/003-numbers-registry';
import { migration004 } from './migrations/004-reference';
import { migration005 } from './migrations/005-console';
import { migration006 } from './migrations/006-queue';
import { migration007 } from './migrations/007-console-audit';
import { migration008 } from './migrations/008-county-publication';
import { migration009 } from './migrations/009-console-work';
import { migration010 } from './migrations/010-kiosk-print';
import { migration011 } from './migrations/011-hall-screen';
import { migration014 } from './migrations/014-certificate-claim';
import { migration015 } from './migrations/015-kiosk-printer-console';
import { migration016 } from './migrations/016-staff-lock-time';
import { migration017 } from './migrations/017-queue-ticket-document';
import { migration019 } from './migrations/019-kiosk-job-document';

export interface Migration {
  version: number;
  name: string;
  up(client: Client): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration014,
  migration015,
  migration016,
  migration017,
  migration019,
];

/** Any constant: the key of the advisory lock migrations hold. */
const MIGRATION_LOCK = 0x4a11;

/** Applies the migrations this database lacks; returns the versions applied. */
export async function migrate(pool: Pool): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS hall_migration (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM hall_migration');
    const done = new Set(rows.map((r) => r.version));
    const newest = MIGRATIONS.at(-1)?.version ?? 0;
    const unknown = [...done].filter((v) => v > newest);
    if (unknown.length > 0) throw new Error(`the hall database has migration ${Math.max(...unknown)}, newer than this hall server (${newest}): upgrade the hall server`);
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await m.up(client);
      await client.query('INSERT INTO hall_migration (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
