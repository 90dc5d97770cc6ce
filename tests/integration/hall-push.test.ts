/**
 * The push loop on real cores and a real hall: every change of three windows
 * arrives exactly once and in order; rounds run one at a time however often
 * they are asked for; the hall down leaves the window working and the rows
 * waiting, and they drain once it is back; a hall restored from an older
 * backup gets what it lost again; a row the hall cannot take is
 * acknowledged, quarantined and does not hold up the rows after it; a
 * write's push does not wait for a pull in flight, and a write retries a hall
 * that was down without waiting out the backoff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendChangeRow } from '../../electron/services/db/ledger';
import { readHallLink } from '../../electron/services/hall-link/link-repo';
import { auditHead } from '../../electron/services/hall-link/sync-repo';
import { CounterCore } from '../../electron/services/core/core';
import { CLERK, SUPERVISOR, TEST_HALL_TIMEOUT_MS, call, closeCore, login, logout, settingsBackend, type TestCore } from '../support/core';
import { startRestartableHall, type RestartableHall, type TestHall } from '../support/hall';
import { closeWindowsAndHall, joinHall, localRows, windowCore, type LogRow } from '../support/hall-window';

let hall: RestartableHall;

/** The hall as tests/support/hall-window.ts wants it; restartable on the same port. */
function testHall(): TestHall {
  return { pg: hall.pg, hall: hall.running, stop: async () => hall.running.close() };
}

beforeAll(async () => {
  hall = await startRestartableHall();
});
afterAll(() => closeWindowsAndHall(hall));

/** A clerk's morning at the window: log in, two contacts, a pause and back, log out. */
async function work(t: TestCore, name: string): Promise<void> {
  await login(t.core, CLERK.staffNo, CLERK.pin);
  await call(t.core, 'intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: `${name}甲`, applicantPhone: '', applicantIdNumber: '' });
  await call(t.core, 'window.pause', { reason: '取材料', returnAt: new Date(t.clock.now().getTime() + 10 * 60_000).toISOString() });
  await call(t.core, 'window.resume', {});
  await call(t.core, 'intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: `${name}乙`, applicantPhone: '', applicantIdNumber: '' });
  await logout(t.core);
}

function unsent(t: TestCore): number {
  return t.core.db.prepare('SELECT count(*) FROM change_log WHERE synced_at IS NULL').pluck().get() as number;
}

async function hallRows(t: TestCore): Promise<LogRow[]> {
  const link = readHallLink(t.core.db, t.core.ctx.vault);
  const { rows } = await hall.running.pool.query<{ id: string; seq: string }>('SELECT id, seq FROM change_row WHERE window_id = $1 ORDER BY seq', [link?.windowId]);
  return rows.map((r) => ({ id: r.id, seq: Number(r.seq) }));
}

describe('push', () => {
  it('three windows: every change arrives exactly once, in order, however often a round is asked for', async () => {
    const windows = await Promise.all(['21', '22', '23'].map((no) => windowCore(no)));
    for (const t of windows) await joinHall(t, testHall());
    // writes and rounds interleaved at all three windows at once
    await Promise.all(
      windows.map(async (t, i) => {
        const rounds: Promise<void>[] = [];
        for (let k = 0; k < 3; k++) {
          await work(t, `窗${i}第${k}`);
          rounds.push(t.core.hallSync.syncNow(), t.core.hallSync.syncNow());
        }
        await Promise.all(rounds);
        await t.core.hallSync.syncNow();
      }),
    );
    for (const t of windows) {
      expect(unsent(t)).toBe(0);
      expect(await hallRows(t)).toEqual(localRows(t));
      const entities = t.core.db.prepare('SELECT DISTINCT entity FROM change_log ORDER BY entity').pluck().all();
      expect(entities).toEqual(expect.arrayContaining(['contact', 'clerk_session', 'window_pause']));
      // the hall holds the window's audit head
      const windowId = readHallLink(t.core.db, t.core.ctx.vault)?.windowId;
      const { rows } = await hall.running.pool.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_head WHERE window_id = $1', [windowId]);
      expect({ seq: Number(rows[0]?.seq), hash: rows[0]?.hash }).toEqual(auditHead(t.core.db));
      expect((await hall.running.pool.query('SELECT 1 FROM audit_break WHERE window_id = $1', [windowId])).rowCount).toBe(0);
      await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
      // the login's own rows go too
      await t.core.hallSync.syncNow();
      expect(await call(t.core, 'hall.status', {})).toMatchObject({ joined: true, rowsWaiting: 0, lastError: null });
      await logout(t.core);
    }
  });

  it('the hall down: the window keeps working, rows wait, the status says why; back up: they drain once', async () => {
    const t = await windowCore('24');
    await joinHall(t, testHall());
    await t.core.hallSync.syncNow();
    await hall.running.close();
    await work(t, '断网');
    await t.core.hallSync.syncNow();
    expect(unsent(t)).toBeGreaterThan(0);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const down = await call(t.core, 'hall.status', {});
    expect(down.rowsWaiting).toBeGreaterThan(0);
    expect(down.lastError).toContain('无法连接大厅服务器');
    await logout(t.core);

    await hall.restart();
    await work(t, '恢复');
    await t.core.hallSync.syncNow();
    await t.core.hallSync.syncNow();
    expect(unsent(t)).toBe(0);
    expect(await hallRows(t)).toEqual(localRows(t));
  });

  it('a hall restored from an older backup gets the rows it lost again, each once', async () => {
    const t = await windowCore('25');
    await joinHall(t, testHall());
    await work(t, '备份前');
    await t.core.hallSync.syncNow();
    const all = localRows(t);
    expect(await hallRows(t)).toEqual(all);
    // the backup was taken when the hall held only the first three rows
    const windowId = readHallLink(t.core.db, t.core.ctx.vault)?.windowId;
    await hall.running.pool.query('DELETE FROM change_row WHERE window_id = $1 AND seq > 3', [windowId]);
    await hall.running.pool.query('UPDATE hall_window SET acked_seq = 3 WHERE window_id = $1', [windowId]);
    await work(t, '恢复后');
    await t.core.hallSync.syncNow();
    expect(unsent(t)).toBe(0);
    expect(await hallRows(t)).toEqual(localRows(t));
  });

  it('an acknowledgement lost on the way: the rows go again and the hall stores nothing twice', async () => {
    const t = await windowCore('27');
    await joinHall(t, testHall());
    await work(t, '重发');
    await t.core.hallSync.syncNow();
    // as if the answer never arrived: the window still holds the rows as unsent
    t.core.db.prepare('UPDATE change_log SET synced_at = NULL').run();
    await Promise.all([t.core.hallSync.syncNow(), t.core.hallSync.syncNow()]);
    expect(unsent(t)).toBe(0);
    expect(await hallRows(t)).toEqual(localRows(t));
  });

  it('a row the hall cannot take is acknowledged and quarantined; the rows after it arrive', async () => {
    const t = await windowCore('26');
    await joinHall(t, testHall());
    t.core.db.transaction(() => appendChangeRow(t.core.db, t.core.ctx.origin(), t.clock.now().toISOString(), { entity: 'x'.repeat(80), entityId: 'bad', op: 'insert', payload: {} }))();
    const bad = t.core.db.prepare("SELECT seq FROM change_log WHERE entity_id = 'bad'").pluck().get() as number;
    await work(t, '隔离后');
    await t.core.hallSync.syncNow();
    expect(unsent(t)).toBe(0);
    const windowId = readHallLink(t.core.db, t.core.ctx.vault)?.windowId;
    const { rows } = await hall.running.pool.query<{ seq: string }>('SELECT seq FROM quarantine WHERE window_id = $1', [windowId]);
    expect(rows.map((r) => Number(r.seq))).toEqual([bad]);
    expect((await hallRows(t)).map((r) => r.seq)).toEqual(localRows(t).map((r) => r.seq).filter((s) => s !== bad));
  });

  it('a write’s push does not wait for a pull held up at the hall', async () => {
    const t = await windowCore('27');
    await joinHall(t, testHall());
    await t.core.hallSync.syncNow();
    const blocker = await hall.running.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE reference_row IN ACCESS EXCLUSIVE MODE');
      const round = t.core.hallSync.syncNow();
      // the round's pull is waiting for the lock at the hall
      await expect
        .poll(async () => (await hall.running.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'reference_row'::regclass")).rows[0]?.n, { timeout: 30_000 })
        .toBeGreaterThan(0);
      await work(t, '拉取中');
      await expect.poll(async () => (await hallRows(t)).length, { timeout: 30_000 }).toBe(localRows(t).length);
      await blocker.query('ROLLBACK');
      await round;
    } finally {
      blocker.release();
    }
    expect(await hallRows(t)).toEqual(localRows(t));
  });

  it('a write while backing off from a hall that was down tries again once retryOnWriteMs has passed', async () => {
    const t = await windowCore('28');
    await joinHall(t, testHall());
    closeCore(t.core);
    // an hour's heartbeat and backoff: only a write can bring the next push
    const core = new CounterCore({
      dataDir: t.dataDir,
      settingsBackend: settingsBackend(t.dataDir),
      mode: 'host',
      version: 'test',
      clock: t.clock,
      hallTimeoutMs: TEST_HALL_TIMEOUT_MS,
      hallSync: { heartbeatMs: 3_600_000, maxBackoffMs: 3_600_000, retryOnWriteMs: 0 },
    });
    try {
      await core.hallSync.syncNow();
      await hall.running.close();
      await login(core, CLERK.staffNo, CLERK.pin);
      await core.hallSync.idle();
      expect(core.db.prepare('SELECT last_error FROM hall_sync').pluck().get()).toContain('无法连接大厅服务器');
      await hall.restart();
      await call(core, 'intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: '重连甲', applicantPhone: '', applicantIdNumber: '' });
      await core.hallSync.idle();
      expect(core.db.prepare('SELECT count(*) FROM change_log WHERE synced_at IS NULL').pluck().get()).toBe(0);
    } finally {
      core.close();
    }
  });
});
