/**
 * Issue 13: a clerk's action at a window → the hall console shows it, p50 /
 * p95. A real core (SQLite) opens a walk-in contact (intake.start); its new
 * change-log rows are pushed to a real hall on a durable PostgreSQL by the
 * window's own HallClient (the push stores and projects them in one
 * transaction); the console API is then asked, over HTTP with a supervisor's
 * session as the page does, for the window's open cases until the contact is
 * listed. The time covers the action, the push and projection, and the
 * console query; the sync loop's wait before a push (its schedule) is not in it.
 */
import { performance } from 'node:perf_hooks';
import { startHall } from '../hall/app';
import { seedDemoStaff } from '../hall/demo';
import { GENESIS_HASH } from '../shared/audit/chain';
import type { ChangeRow } from '../shared/hall/contract';
import { consoleCall, consoleLogin } from '../tests/support/hall-console';
import { withSupervisor } from './bench-core';
import { enrolBenchWindow, startBenchPostgres } from './hall-common';
import { percentile } from './measure';

const ACTIONS = 100;

interface LogRow {
  seq: number;
  id: string;
  schema_version: number;
  entity: string;
  entity_id: string;
  op: ChangeRow['op'];
  payload: string;
  created_at: string;
}

export async function consoleVisibleBench(): Promise<string[]> {
  const pg = await startBenchPostgres('console_visible');
  const hall = await startHall({ databaseUrl: pg.url, port: 0, host: '127.0.0.1', hallName: '基准测试大厅' });
  try {
    await seedDemoStaff(hall.pool, hall.hall);
    const cookie = await consoleLogin(hall.url, '9001', '246810');
    const window = await enrolBenchWindow(hall, '3');
    const times = await withSupervisor('console-visible', { hallName: '基准测试政务服务中心', windowNo: '3' }, async (core) => {
      const clerk = await core.call('staff.create', { staffNo: '1001', pin: '135790', name: '李晓梅', title: '登记员', duties: '', partyMember: false, role: 'clerk' });
      if (!clerk.ok) throw new Error(clerk.error.message);
      await core.call('auth.logout', {});
      const login = await core.call('auth.login', { staffNo: '1001', pin: '135790' });
      if (!login.ok) throw new Error(login.error.message);
      const unsent = core.db.prepare('SELECT seq, id, schema_version, entity, entity_id, op, payload, created_at FROM change_log WHERE seq > ? ORDER BY seq');
      // what setup wrote goes first, outside the measurement
      let acked = 0;
      const push = async (): Promise<void> => {
        const rows = (unsent.all(acked) as LogRow[]).map((r) => ({ id: r.id, seq: r.seq, schemaVersion: r.schema_version, entity: r.entity, entityId: r.entity_id, op: r.op, payload: JSON.parse(r.payload) as Record<string, unknown>, createdAt: r.created_at }));
        if (rows.length === 0) return;
        const answer = await window.client.call('push', { windowNo: '3', rows, auditHead: { seq: 0, hash: GENESIS_HASH }, auditAt: null });
        acked = answer.ackedSeq;
      };
      await push();
      const latencies: number[] = [];
      for (let i = 0; i < ACTIONS; i++) {
        const t0 = performance.now();
        const started = await core.call('intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: `申请人${i}`, applicantPhone: '13800000000', applicantIdNumber: '11010519491231002X' });
        if (!started.ok) throw new Error(started.error.message);
        await push();
        for (;;) {
          const seen = await consoleCall(hall.url, 'openCases', { windowNo: '3', kind: 'intake' }, cookie);
          if (!seen.ok) throw new Error(seen.error.message);
          if (seen.value.rows.some((r) => r.entityId === started.value.id)) break;
        }
        latencies.push(performance.now() - t0);
        const closed = await core.call('intake.close', { id: started.value.id, reason: 'consulted' });
        if (!closed.ok) throw new Error(closed.error.message);
      }
      return latencies;
    });
    return [`window action → hall console shows it (intake.start, push + projection, console open-cases query; ${ACTIONS} actions): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`];
  } finally {
    await hall.close();
    await pg.stop();
  }
}
