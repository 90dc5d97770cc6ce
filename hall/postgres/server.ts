/**
 * A real PostgreSQL server in a data directory, started from the system's
 * binaries: `npm run hall` without --database-url (DATA_DIR/pg) and the test
 * harness (a throwaway cluster per test file). It listens on 127.0.0.1 only,
 * on a free port, with its unix socket inside the data directory and a
 * password (SCRAM) kept in the data directory; under root it runs as an
 * unprivileged account (binaries.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin, giveTo, runPostgresCommand, serverAccount, type RunAs } from './binaries';

export const SUPERUSER = 'hall';
const PASSWORD_FILE = 'hall.password';

export interface PostgresOptions {
  /** The cluster directory: created and initialised when it holds no cluster yet. */
  dataDir: string;
  /** Throwaway clusters (tests): initdb --no-sync, fsync and synchronous commit off. */
  throwaway?: boolean;
  /** More server settings (-c name=value), e.g. { wal_level: 'logical' } for a hall a county subscribes to. */
  settings?: Readonly<Record<string, string>>;
}

export interface RunningPostgres {
  port: number;
  dataDir: string;
  /** postgres://hall:…@127.0.0.1:PORT/DATABASE */
  url(database: string): string;
  /** pg_ctl stop -m fast -w. */
  stop(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function quoteForShell(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

async function initCluster(bin: string, dataDir: string, runAs: RunAs | null, throwaway: boolean): Promise<void> {
  const password = randomBytes(24).toString('base64url');
  // initdb reads the password file as the server account: a private directory of its own
  const secrets = await mkdtemp(join(tmpdir(), 'hall-pwfile-'));
  try {
    const pwfile = join(secrets, 'pw');
    await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    await giveTo(runAs, secrets);
    await giveTo(runAs, pwfile);
    const args = ['-D', dataDir, '-U', SUPERUSER, `--pwfile=${pwfile}`, '--auth-host=scram-sha-256', '--auth-local=scram-sha-256', '--encoding=UTF8', '--locale=C'];
    if (throwaway) args.push('--no-sync');
    await runPostgresCommand(bin, 'initdb', args, runAs);
  } finally {
    await rm(secrets, { recursive: true, force: true });
  }
  const passwordPath = join(dataDir, PASSWORD_FILE);
  await writeFile(passwordPath, password, { mode: 0o600 });
  await giveTo(runAs, passwordPath);
}

/** The port of a server already running on this data directory (postmaster.pid line 4), or null. */
async function runningPort(bin: string, dataDir: string, runAs: RunAs | null): Promise<number | null> {
  try {
    await runPostgresCommand(bin, 'pg_ctl', ['status', '-D', dataDir], runAs);
  } catch {
    return null;
  }
  const pid = await readFile(join(dataDir, 'postmaster.pid'), 'utf8');
  const port = Number(pid.split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

async function startOnFreePort(bin: string, dataDir: string, runAs: RunAs | null, throwaway: boolean, extra: Readonly<Record<string, string>>): Promise<number> {
  const settings = ['-c listen_addresses=127.0.0.1', `-k ${quoteForShell(dataDir)}`];
  if (throwaway) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  for (const [name, value] of Object.entries(extra)) settings.push(`-c ${name}=${quoteForShell(value)}`);
  let lastError: unknown = null;
  // another process may take the port between the probe and the bind: try a few
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    try {
      const options = [`-p ${port}`, ...settings].join(' ');
      await runPostgresCommand(bin, 'pg_ctl', ['start', '-w', '-t', '120', '-D', dataDir, '-l', join(dataDir, 'server.log'), '-o', options], runAs);
      return port;
    } catch (error) {
      lastError = error;
      const log = await readFile(join(dataDir, 'server.log'), 'utf8').catch(() => '');
      if (!/could not bind|Address already in use/i.test(log.slice(-2000))) break;
    }
  }
  throw lastError instanceof Error ? lastError : new Error('PostgreSQL did not start');
}

/**
 * Starts PostgreSQL on the data directory (initialising it first when it
 * holds no cluster). A server left running on it by a killed hall is adopted.
 */
export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  if (bin === null) {
    throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, or pass --database-url');
  }
  const runAs = await serverAccount();
  const { dataDir } = options;
  const throwaway = options.throwaway ?? false;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700);
  await giveTo(runAs, dataDir);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await initCluster(bin, dataDir, runAs, throwaway).catch((error: unknown) => {
      const hint = runAs !== null && String(error).includes('Permission denied') ? `\n(every parent directory of ${dataDir} must be searchable by the ${runAs.user} account)` : '';
      throw new Error(`${String(error)}${hint}`);
    });
  }
  const password = (await readFile(join(dataDir, PASSWORD_FILE), 'utf8')).trim();
  const port = (await runningPort(bin, dataDir, runAs)) ?? (await startOnFreePort(bin, dataDir, runAs, throwaway, options.settings ?? {}));
  return {
    port,
    dataDir,
    url: (database) => `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop: async () => {
      await runPostgresCommand(bin, 'pg_ctl', ['stop', '-m', 'fast', '-w', '-t', '120', '-D', dataDir], runAs);
    },
  };
}
