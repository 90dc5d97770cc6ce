/**
 * Commit cost of the ledger's durability setting: synchronous = NORMAL (a
 * commit survives a killed process but may be lost on power loss) against
 * FULL (the WAL is synced before a commit returns; what the app uses). On a
 * real core and a data directory on disk, each mode measures
 *  - a typical write through the API: intake.start (a new contact, with its
 *    change-log and audit rows) and settings.update (a settings change, with
 *    its audit row),
 *  - a bare one-row insert transaction on the same connection.
 * The modes alternate in rounds so that load from other processes falls on
 * both alike.
 */
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CounterCore } from '../electron/services/core/core';
import { percentile } from './measure';
import { runAlone, withSupervisor } from './bench-core';

const ROUNDS = 10;
const PER_ROUND = 30;
const MODES = ['NORMAL', 'FULL'] as const;
type Mode = (typeof MODES)[number];
type Kind = 'intake.start' | 'settings.update' | 'bare insert';
const KINDS: readonly Kind[] = ['intake.start', 'settings.update', 'bare insert'];

async function login(core: CounterCore, staffNo: string, pin: string): Promise<void> {
  const result = await core.call('auth.login', { staffNo, pin });
  if (!result.ok) throw new Error(result.error.message);
}

export async function commitBench(): Promise<string[]> {
  const times = new Map<string, number[]>();
  const record = (mode: Mode, kind: Kind, ms: number): void => {
    const key = `${mode} ${kind}`;
    times.set(key, [...(times.get(key) ?? []), ms]);
  };
  await withSupervisor('commit', { hallName: '基准测试政务服务中心', windowNo: '3' }, async (core) => {
    const clerk = await core.call('staff.create', { staffNo: '1001', pin: '135790', name: '李晓梅', title: '登记员', duties: '', partyMember: false, role: 'clerk' });
    if (!clerk.ok) throw new Error(clerk.error.message);
    const db = core.db;
    db.exec('CREATE TABLE bench_commit (id INTEGER PRIMARY KEY, at TEXT NOT NULL, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO bench_commit (at, body) VALUES (?, ?)');
    const bareInsert = db.transaction((at: string) => insert.run(at, 'x'.repeat(200)));

    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of MODES) {
        db.pragma(`synchronous = ${mode}`);
        // the supervisor changes a setting
        for (let i = 0; i < PER_ROUND; i++) {
          const t0 = performance.now();
          const result = await core.call('settings.update', { idleLockMinutes: 5 + (n++ % 20) });
          record(mode, 'settings.update', performance.now() - t0);
          if (!result.ok) throw new Error(result.error.message);
        }
        for (let i = 0; i < PER_ROUND; i++) {
          const t0 = performance.now();
          bareInsert(new Date().toISOString());
          record(mode, 'bare insert', performance.now() - t0);
        }
      }
    }
    await core.call('auth.logout', {});
    await login(core, '1001', '135790');
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of MODES) {
        db.pragma(`synchronous = ${mode}`);
        for (let i = 0; i < PER_ROUND; i++) {
          const t0 = performance.now();
          const result = await core.call('intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: `测试${n++}`, applicantPhone: '', applicantIdNumber: '' });
          record(mode, 'intake.start', performance.now() - t0);
          if (!result.ok) throw new Error(result.error.message);
        }
      }
    }
  });
  const count = ROUNDS * PER_ROUND;
  return KINDS.map((kind) => {
    const figures = MODES.map((mode) => {
      const values = times.get(`${mode} ${kind}`) ?? [];
      return `${mode} p50 ${percentile(values, 50).toFixed(2)} ms, p95 ${percentile(values, 95).toFixed(2)} ms`;
    });
    return `commit cost, ${kind} (${count} commits per mode, data dir in ${tmpdir()}): ${figures.join(' | ')}`;
  });
}

// `tsx bench/commit.ts` runs it alone
if (process.argv[1]?.endsWith('commit.ts')) runAlone(commitBench);
