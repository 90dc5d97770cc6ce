/**
 * Durability of the ledger: synchronous FULL (a commit survives power loss),
 * and a core killed with SIGKILL in the middle of writing loses nothing it
 * acknowledged, leaves an intact database and an intact audit chain.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../electron/services/core/clock';
import { runAuditVerify } from '../../electron/services/audit/cli';
import { CLERK, cleanupAll, closeCore, createTestCore, makeTempDir, openCore, setUpWithClerk } from '../support/core';
import { Prng } from '../support/prng';

let childDir = '';
let childScript = '';

/**
 * The child is bundled once (its dependencies stay external, as in the app's
 * own build), so each of the restarts costs a process start-up and not
 * loading every TypeScript file through tsx again (seconds on a busy machine).
 */
beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  childDir = mkdtempSync(join('test-results', 'write-child-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { ssr: 'tests/support/write-child.ts', outDir: childDir, emptyOutDir: false, minify: false, target: 'node20', reportCompressedSize: false },
  });
  childScript = join(childDir, 'write-child.js');
});

afterAll(() => {
  cleanupAll();
  if (childDir) rmSync(childDir, { recursive: true, force: true });
});

const KILLS = 20;
const SEED = 20261127;
/** Each child is killed once it has acknowledged between 1 and this many writes. */
const MAX_WRITES_BEFORE_KILL = 25;

/**
 * Runs tests/support/write-child.ts (bundled) on dataDir and SIGKILLs it as soon as it
 * has acknowledged `writes` records (it keeps writing until the signal lands).
 * Resolves with every id it acknowledged: each complete line on its stdout.
 */
function writeUntilKilled(dataDir: string, writes: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dataDir, CLERK.staffNo, CLERK.pin], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (child.signalCode === null && !child.killed && stdout.split('\n').length - 1 >= writes) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', reject);
    // 'close': the process has exited and its pipes are drained, so every line it wrote is in stdout
    child.once('close', (code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`write-child ended with code ${String(code)} / ${String(signal)} instead of being killed:\n${stderr}`));
        return;
      }
      // a last line without its newline was never acknowledged
      resolve(stdout.split('\n').slice(0, -1));
    });
  });
}

describe('ledger durability', () => {
  it('commits with synchronous = FULL in WAL mode', () => {
    const t = createTestCore();
    expect(t.core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.core.db.pragma('synchronous', { simple: true })).toBe(2);
    // and again after a restart on the same file
    const reopened = t.reopen();
    expect(reopened.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('keeps the answer of a write with a request id in the write\'s own FULL commit', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    const requestId = randomUUID();
    const first = await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }, 'clerk', requestId);
    expect(first.ok).toBe(true);
    expect(t.core.db.pragma('synchronous', { simple: true })).toBe(2);
    // committed with the login itself: the session and the kept answer are there together
    expect(t.core.db.prepare('SELECT method FROM request_log WHERE result_sealed IS NOT NULL').all()).toEqual([{ method: 'auth.login' }]);
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM clerk_session WHERE ended_at IS NULL').get()).toEqual({ n: 1 });
    // the answer is kept: a repeat gets it without a second login
    expect(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }, 'clerk', requestId)).toEqual(first);
  });

  it(`keeps every acknowledged write across ${KILLS} kill -9 of a core writing through the API`, async () => {
    const dataDir = makeTempDir('counter-kill-');
    const setup = createTestCore({ dataDir });
    await setUpWithClerk(setup.core);
    closeCore(setup.core);

    const prng = new Prng(SEED);
    const acknowledged: string[] = [];
    let unacknowledgedKept = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      const target = prng.int(1, MAX_WRITES_BEFORE_KILL);
      const ids = await writeUntilKilled(dataDir, target);
      expect(ids.length, `kill ${kill}`).toBeGreaterThanOrEqual(target);
      acknowledged.push(...ids);

      // restart on the same data directory: every acknowledged record is there, the file is sound
      const core = openCore(dataDir, systemClock);
      const stored = new Set((core.db.prepare('SELECT id FROM contact').all() as { id: string }[]).map((r) => r.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost, `kill ${kill}: acknowledged records lost`).toEqual([]);
      // at most the one write in flight when the signal landed is kept without its acknowledgement
      unacknowledgedKept = stored.size - acknowledged.length;
      expect(unacknowledgedKept).toBeLessThanOrEqual(kill);
      expect(core.db.pragma('integrity_check', { simple: true }), `kill ${kill}`).toBe('ok');
      closeCore(core);
      const lines: string[] = [];
      expect(runAuditVerify(['--data-dir', dataDir], (line) => lines.push(line)), `kill ${kill}: ${lines.join('\n')}`).toBe(0);
    }

    // the command a supervisor runs: npm run audit:verify (scripts/audit-verify.ts)
    const verify = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', '--data-dir', dataDir], { encoding: 'utf8' });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    console.log(
      `kill -9: ${KILLS} kills, ${acknowledged.length} acknowledged records, 0 lost, ${unacknowledgedKept} kept unacknowledged, integrity_check ok, audit:verify exit ${String(verify.status)}`,
    );
    // twenty process start-ups: about 40 s with the cores busy, several times that when other test files share them
  }, 300_000);
});
