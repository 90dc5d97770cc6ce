/** Window cores joined to a test hall: set up as window N, the supervisor joins with a fresh enrolment code. */
import type { HallStatusView } from '../../shared/api/hall-link';
import { inTransaction } from '../../hall/db/pool';
import { putReference, type ReferenceWrite } from '../../hall/store/reference';
import { createEnrolmentCode } from '../../hall/store/windows';
import { CLERK, HALL, SUPERVISOR, call, cleanupAll, createTestCore, login, logout, type TestCore } from './core';
import type { TestHall } from './hall';

/** A core set up as window windowNo, with the standard clerk; nobody logged in. */
export async function windowCore(windowNo: string): Promise<TestCore> {
  const t = createTestCore();
  await call(t.core, 'setup.complete', { hall: { ...HALL, windowNo }, supervisor: SUPERVISOR });
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(t.core, 'staff.create', CLERK);
  await logout(t.core);
  return t;
}

/** A one-time enrolment code for windowNo, as the hall console shows it. */
export function enrolmentCode(hall: TestHall, windowNo: string): Promise<string> {
  return createEnrolmentCode(hall.hall.pool, hall.hall.hall.hallId, windowNo);
}

/** The supervisor joins the window to the hall (hall.join) and logs out again. */
export async function joinHall(t: TestCore, hall: TestHall): Promise<HallStatusView> {
  const windowNo = t.core.ctx.settings.get().windowNo;
  const code = await enrolmentCode(hall, windowNo);
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  const status = await call(t.core, 'hall.join', { url: hall.hall.url, code });
  await logout(t.core);
  return status;
}

/** Reference rows written at the hall in one transaction, as the console saves them. */
export function putHallReferences(hall: TestHall, ...writes: ReferenceWrite[]): Promise<void> {
  return inTransaction(hall.hall.pool, async (client) => {
    for (const w of writes) await putReference(client, hall.hall.hall.hallId, w);
  });
}

/** The end of a hall test file: the window cores closed and their files removed, then the hall stopped (if it started). */
export async function closeWindowsAndHall(hall: { stop(): Promise<void> } | undefined): Promise<void> {
  cleanupAll();
  await hall?.stop();
}

/** A row of the window's change log: its id and sequence number. */
export interface LogRow {
  id: string;
  seq: number;
}

/** The window's whole change log, in order. */
export function localRows(t: TestCore): LogRow[] {
  return t.core.db.prepare('SELECT id, seq FROM change_log ORDER BY seq').all() as LogRow[];
}
