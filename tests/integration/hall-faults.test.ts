/**
 * Faults between windows and the hall, on real window cores (SQLite), a real
 * hall and a real PostgreSQL: a proxy that drops, delays, duplicates and cuts
 * connections; a hall restored from a backup behind the windows; a window
 * offline for a day; the hall process killed with SIGKILL mid-push. After
 * each: no acknowledged row lost, none stored twice, every window converged,
 * and the hall's ledger counts equal to the windows' own.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool, type Pool } from '../../hall/db/pool';
import { createEnrolmentCode } from '../../hall/store/windows';
import { readHallLink } from '../../electron/services/hall-link/link-repo';
import { CLERK, MINUTE, SUPERVISOR, call, login, logout, makeTempDir, type TestCore } from '../support/core';
import { startHallChild } from '../support/hall-child';
import { closeWindowsAndHall, localRows, windowCore, type LogRow } from '../support/hall-window';
import { startRestartableHall, type RestartableHall } from '../support/hall';
import { startTestPostgres } from '../support/postgres';
import { startTcpProxy } from '../support/tcp-proxy';

const PG_BIN = '/usr/lib/postgresql/15/bin';
/** Generous: a bound, not an expectation (the machine may be busy). */
const CONVERGE_MS = 90_000;

let hall: RestartableHall;

beforeAll(async () => {
  hall = await startRestartableHall();
});
afterAll(() => closeWindowsAndHall(hall));

/** The supervisor joins the window to the hall at url (the hall itself or a proxy in front of it). */
async function joinVia(t: TestCore, pool: Pool, url: string): Promise<string> {
  const windowNo = t.core.ctx.settings.get().windowNo;
  const { rows } = await pool.query<{ hall_id: string }>('SELECT hall_id FROM hall');
  const code = await createEnrolmentCode(pool, rows[0]?.hall_id ?? '', windowNo);
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(t.core, 'hall.join', { url, code });
  await logout(t.core);
  const windowId = readHallLink(t.core.db, t.core.ctx.vault)?.windowId;
  if (windowId === undefined) throw new Error('not joined');
  return windowId;
}

/** A clerk's stretch at the window: log in, `contacts` contacts with a pause in the middle, log out. */
async function work(t: TestCore, name: string, contacts: number): Promise<void> {
  await login(t.core, CLERK.staffNo, CLERK.pin);
  for (let i = 0; i < contacts; i++) {
    await call(t.core, 'intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: `${name}${i}`, applicantPhone: '', applicantIdNumber: '' });
    if (i === Math.floor(contacts / 2)) {
      await call(t.core, 'window.pause', { reason: '取材料', returnAt: new Date(t.clock.now().getTime() + 10 * MINUTE).toISOString() });
      await call(t.core, 'window.resume', {});
    }
    t.clock.advance(MINUTE);
  }
  await logout(t.core);
}

/** Ids of the rows the window holds as acknowledged by the hall. */
function ackedIds(t: TestCore): string[] {
  return t.core.db.prepare('SELECT id FROM change_log WHERE synced_at IS NOT NULL').pluck().all() as string[];
}

function unsent(t: TestCore): number {
  return t.core.db.prepare('SELECT count(*) FROM change_log WHERE synced_at IS NULL').pluck().get() as number;
}

async function hallRows(pool: Pool, windowId: string): Promise<LogRow[]> {
  const { rows } = await pool.query<{ id: string; seq: string }>('SELECT id, seq FROM change_row WHERE window_id = $1 ORDER BY seq', [windowId]);
  return rows.map((r) => ({ id: r.id, seq: Number(r.seq) }));
}

async function ackedSeq(pool: Pool, windowId: string): Promise<number> {
  const { rows } = await pool.query<{ acked_seq: string }>('SELECT acked_seq FROM hall_window WHERE window_id = $1', [windowId]);
  return Number(rows[0]?.acked_seq ?? -1);
}

interface Window {
  t: TestCore;
  windowId: string;
  /** Every row id ever seen acknowledged at the window. */
  acked: Set<string>;
}

function noteAcked(w: Window): void {
  for (const id of ackedIds(w.t)) w.acked.add(id);
}

/** Rounds at every window until none has a row waiting and the hall acknowledged each one's last row; returns ms taken. */
async function converge(windows: Window[], pool: Pool): Promise<number> {
  const started = Date.now();
  for (;;) {
    await Promise.all(windows.map((w) => w.t.core.hallSync.syncNow()));
    windows.forEach(noteAcked);
    const done = await Promise.all(windows.map(async (w) => unsent(w.t) === 0 && (await ackedSeq(pool, w.windowId)) === (localRows(w.t).at(-1)?.seq ?? 0)));
    if (done.every(Boolean)) return Date.now() - started;
    if (Date.now() - started > CONVERGE_MS) throw new Error(`not converged after ${CONVERGE_MS} ms: ${windows.map((w) => unsent(w.t)).join(', ')} rows waiting`);
  }
}

/** Zero lost, zero twice, every window converged, the hall's ledger counts equal to the windows' own. */
async function expectConverged(windows: Window[], pool: Pool): Promise<void> {
  for (const w of windows) {
    const local = localRows(w.t);
    const held = await hallRows(pool, w.windowId);
    expect(held).toEqual(local);
    expect(new Set(held.map((r) => r.id)).size).toBe(held.length);
    const heldIds = new Set(held.map((r) => r.id));
    expect([...w.acked].filter((id) => !heldIds.has(id))).toEqual([]);
    expect(unsent(w.t)).toBe(0);
    expect(await ackedSeq(pool, w.windowId)).toBe(local.at(-1)?.seq);
    const contacts = w.t.core.db.prepare('SELECT count(*) FROM contact').pluck().get() as number;
    const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM ledger_entry WHERE window_id = $1 AND entity = 'contact'", [w.windowId]);
    expect(Number(rows[0]?.n)).toBe(contacts);
    expect(contacts).toBeGreaterThan(0);
  }
}

async function windowsJoined(numbers: string[], pool: Pool, url: string): Promise<Window[]> {
  const windows: Window[] = [];
  for (const no of numbers) {
    const t = await windowCore(no);
    windows.push({ t, windowId: await joinVia(t, pool, url), acked: new Set() });
  }
  return windows;
}

function pgTool(tool: string, args: string[]): void {
  const result = spawnSync(join(PG_BIN, tool), args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`);
}

describe('hall faults', () => {
  it('a proxy that drops, delays, duplicates and cuts connections: after it heals every window converges, nothing lost or doubled', async () => {
    const proxy = await startTcpProxy(hall.running.port, 1307);
    try {
      proxy.setMode('healthy');
      const windows = await windowsJoined(['41', '42', '43'], hall.running.pool, proxy.url);
      proxy.setMode('faulty');
      await Promise.all(
        windows.map(async (w, i) => {
          for (let k = 0; k < 6; k++) {
            await work(w.t, `窗${i}轮${k}`, 3);
            for (let r = 0; r < 3; r++) {
              await w.t.core.hallSync.syncNow();
              noteAcked(w);
            }
          }
        }),
      );
      const ackedInFaults = windows.map((w) => w.acked.size);
      // the last stretch before healing reaches no hall at all, so every window has a backlog to drain
      proxy.setMode('refusing');
      await Promise.all(windows.map((w, i) => work(w.t, `愈前${i}`, 2)));
      await Promise.all(windows.map((w) => w.t.core.hallSync.syncNow()));
      const waiting = windows.map((w) => unsent(w.t));
      waiting.forEach((n) => expect(n).toBeGreaterThan(0));
      proxy.setMode('healthy');
      const ms = await converge(windows, hall.running.pool);
      await expectConverged(windows, hall.running.pool);
      const rows = windows.map((w) => localRows(w.t).length);
      console.log(`[faults] proxy: rows ${rows.join('+')}, acknowledged while faulty ${ackedInFaults.join('+')}, waiting at healing ${waiting.join('+')}, requests by fault ${JSON.stringify(proxy.counts)}, converged in ${ms} ms after healing`);
      for (const n of Object.values(proxy.counts)) expect(n).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });

  it('a hall restored from a backup behind the windows: they send again what it lost, each row once', async () => {
    const windows = await windowsJoined(['51', '52', '53'], hall.running.pool, hall.running.url);
    await Promise.all(windows.map((w, i) => work(w.t, `备份前${i}`, 4)));
    await converge(windows, hall.running.pool);
    const backup = join(makeTempDir('hall-backup-'), 'hall.dump');
    pgTool('pg_dump', ['-Fc', '-f', backup, hall.pg.url]);
    // after the backup: more work, acknowledged by the hall, then the hall is lost and restored
    await Promise.all(windows.map((w, i) => work(w.t, `备份后${i}`, 4)));
    await converge(windows, hall.running.pool);
    const before = await Promise.all(windows.map((w) => ackedSeq(hall.running.pool, w.windowId)));
    await hall.running.close();
    pgTool('pg_restore', ['--clean', '--if-exists', '--single-transaction', '-d', hall.pg.url, backup]);
    await hall.restart();
    const after = await Promise.all(windows.map((w) => ackedSeq(hall.running.pool, w.windowId)));
    after.forEach((seq, i) => expect(seq).toBeLessThan(before[i] ?? 0));
    await Promise.all(windows.map((w, i) => work(w.t, `恢复后${i}`, 2)));
    const ms = await converge(windows, hall.running.pool);
    await expectConverged(windows, hall.running.pool);
    console.log(`[faults] restore: hall acked ${after.join(',')} of ${before.join(',')} after restore, converged in ${ms} ms`);
  });

  it('a window offline for a day while its clerks work: on reconnecting it drains in order and converges', async () => {
    const proxy = await startTcpProxy(hall.running.port, 1313);
    try {
      proxy.setMode('healthy');
      const [w] = await windowsJoined(['61'], hall.running.pool, proxy.url);
      if (w === undefined) throw new Error('no window');
      await w.t.core.hallSync.syncNow();
      const sentBefore = localRows(w.t).at(-1)?.seq ?? 0;
      proxy.setMode('refusing');
      const dayStart = w.t.clock.now().getTime();
      // a day of work: four stretches spread over 24 hours, the hall unreachable throughout
      for (let k = 0; k < 4; k++) {
        await work(w.t, `离线${k}`, 25);
        await w.t.core.hallSync.syncNow();
        w.t.clock.set(new Date(dayStart + (k + 1) * 6 * 60 * MINUTE));
      }
      const waiting = unsent(w.t);
      expect(waiting).toBeGreaterThanOrEqual(100);
      expect(await ackedSeq(hall.running.pool, w.windowId)).toBe(sentBefore);
      proxy.setMode('healthy');
      const ms = await converge([w], hall.running.pool);
      await expectConverged([w], hall.running.pool);
      // in order: the hall received the rows in the window's sequence
      const { rows } = await hall.running.pool.query<{ seq: string }>('SELECT seq FROM change_row WHERE window_id = $1 ORDER BY received_at, seq', [w.windowId]);
      expect(rows.map((r) => Number(r.seq))).toEqual(localRows(w.t).map((r) => r.seq));
      console.log(`[faults] offline day: ${waiting} rows waited, drained in ${ms} ms`);
    } finally {
      await proxy.close();
    }
  });

  it('kill -9 of the hall process during pushes: restarted on the same port, the windows converge', async () => {
    const db = await startTestPostgres('hall_kill');
    const child = await startHallChild(db.url);
    const pool = openPool(db.url, 4);
    try {
      const windows = await windowsJoined(['71', '72', '73'], pool, child.url);
      let stop = false;
      const pushing = Promise.all(
        windows.map(async (w, i) => {
          for (let k = 0; !stop; k++) {
            await work(w.t, `杀${i}轮${k}`, 2);
            await w.t.core.hallSync.syncNow();
            noteAcked(w);
          }
        }),
      );
      // kill once the hall holds some rows of every window, while they keep pushing
      const deadline = Date.now() + CONVERGE_MS;
      for (;;) {
        const held = await Promise.all(windows.map(async (w) => (await hallRows(pool, w.windowId)).length));
        if (held.every((n) => n > 10)) break;
        if (Date.now() > deadline) throw new Error('the hall never got rows');
        await windows[0]?.t.core.hallSync.syncNow();
      }
      await child.kill9();
      const during = windows.map((w) => unsent(w.t));
      stop = true;
      await pushing;
      // the clerks keep working while the hall is down
      await Promise.all(windows.map((w, i) => work(w.t, `宕机${i}`, 2)));
      await child.restart();
      const ms = await converge(windows, pool);
      await expectConverged(windows, pool);
      console.log(`[faults] kill -9: rows ${windows.map((w) => localRows(w.t).length).join('+')}, waiting at the kill ${during.join(',')}, converged in ${ms} ms after restart`);
    } finally {
      await pool.end();
      await child.stop();
      await db.stop();
    }
  });
});
