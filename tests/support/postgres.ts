/**
 * A throwaway PostgreSQL server for one test file: the system's binaries
 * (hall/postgres), a cluster in a temporary directory (initdb --no-sync,
 * fsync off), a fresh database, removed afterwards. Under root the cluster
 * runs as an unprivileged account (postgres or nobody), so the suite runs
 * the same as root (CI) and as a normal user.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { giveTo, serverAccount } from '../../hall/postgres/binaries';
import { startPostgres, type RunningPostgres } from '../../hall/postgres/server';

export interface TestPostgres {
  server: RunningPostgres;
  /** URL of the test file's own database. */
  url: string;
  stop(): Promise<void>;
}

/** settings: more server settings, e.g. { wal_level: 'logical' } for a hall that publishes to a county. */
export async function startTestPostgres(database = 'hall_test', settings: Readonly<Record<string, string>> = {}): Promise<TestPostgres> {
  const root = await mkdtemp(join(tmpdir(), 'hall-pg-'));
  await giveTo(await serverAccount(), root);
  const server = await startPostgres({ dataDir: join(root, 'pg'), throwaway: true, settings });
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  return {
    server,
    url: server.url(database),
    stop: async () => {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
