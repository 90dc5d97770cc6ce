/**
 * Where the system's PostgreSQL binaries are and which account runs them.
 * initdb and postgres refuse to run as root, so under root every command
 * runs through `runuser -u USER --` as an existing unprivileged account
 * (postgres when the package created it, nobody otherwise).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';

const PG_LIB = '/usr/lib/postgresql';
const RUNUSER = '/usr/sbin/runuser';

/** The bin directory of the newest PostgreSQL under /usr/lib/postgresql, or null when none is installed. */
export function findPostgresBin(): string | null {
  if (!existsSync(PG_LIB)) return null;
  const versions = readdirSync(PG_LIB)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(PG_LIB, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  const newest = versions[0];
  return newest === undefined ? null : join(PG_LIB, newest, 'bin');
}

/** The account PostgreSQL runs as: null means "this process's own account" (not root). */
export interface RunAs {
  user: string;
  uid: number;
  gid: number;
}

function lookupAccount(name: string): Promise<RunAs | null> {
  return new Promise((resolve) => {
    execFile('getent', ['passwd', name], (error, stdout) => {
      if (error) return resolve(null);
      const [, , uid, gid] = stdout.trim().split(':');
      resolve(uid !== undefined && gid !== undefined ? { user: name, uid: Number(uid), gid: Number(gid) } : null);
    });
  });
}

/** Under root: an existing unprivileged account to run PostgreSQL as; otherwise null. */
export async function serverAccount(): Promise<RunAs | null> {
  if (userInfo().uid !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const account = await lookupAccount(name);
    if (account !== null && account.uid !== 0) return account;
  }
  throw new Error('running as root and neither the postgres nor the nobody account exists to run PostgreSQL as');
}

/** Hands a path PostgreSQL must write to over to its account (no-op when not root). */
export async function giveTo(runAs: RunAs | null, path: string): Promise<void> {
  if (runAs !== null) await chown(path, runAs.uid, runAs.gid);
}

export interface CommandResult {
  stdout: string;
  stderr: string;
}

/** Runs a PostgreSQL binary (as the server account under root); rejects with its output on failure. */
export function runPostgresCommand(bin: string, program: string, args: readonly string[], runAs: RunAs | null): Promise<CommandResult> {
  const file = runAs === null ? join(bin, program) : RUNUSER;
  const argv = runAs === null ? [...args] : ['-u', runAs.user, '--', join(bin, program), ...args];
  return new Promise((resolve, reject) => {
    // cwd /: the server account may not be able to enter the caller's directory
    execFile(file, argv, { cwd: '/', maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${program} failed: ${error.message}\n${stderr}${stdout}`.trim()));
      else resolve({ stdout, stderr });
    });
  });
}
