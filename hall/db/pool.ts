/**
 * The hall's PostgreSQL handle: a pg pool, and one helper that runs a unit of
 * work in a transaction (COMMIT on success, ROLLBACK on any error).
 */
import pg from 'pg';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

export function openPool(connectionString: string, max = 20): Pool {
  const pool = new pg.Pool({ connectionString, max });
  // an idle client losing its server (restart, kill) must not crash the hall
  pool.on('error', () => undefined);
  return pool;
}

export async function inTransaction<T>(pool: Pool, work: (client: Client) => Promise<T>, isolation: 'READ COMMITTED' | 'REPEATABLE READ' = 'READ COMMITTED'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
