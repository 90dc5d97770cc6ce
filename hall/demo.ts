/**
 * --demo: the demo hall (the windows' demo office) with a one-time enrolment
 * code for each of windows 1–3, printed for the supervisor to type in, and
 * the demo supervisor's staff account for the console.
 */
import type { StaffReference } from '../shared/hall/reference-bodies';
import { hashPin } from './console/pin';
import { inTransaction, type Pool } from './db/pool';
import { putReference } from './store/reference';
import { createEnrolmentCode, type Hall } from './store/windows';

export const DEMO_HALL_NAME = '示范区婚姻登记处';
export const DEMO_WINDOWS = ['1', '2', '3'] as const;

export async function seedDemoCodes(pool: Pool, hall: Hall): Promise<{ windowNo: string; code: string }[]> {
  const codes: { windowNo: string; code: string }[] = [];
  for (const windowNo of DEMO_WINDOWS) codes.push({ windowNo, code: await createEnrolmentCode(pool, hall.hallId, windowNo) });
  return codes;
}

/** The demo office's supervisor, as the windows' demo creates him (electron/services/demo.ts): he logs in on the console. */
export const DEMO_SUPERVISOR = { staffNo: '9001', pin: '246810', name: '王建国', title: '登记处主任', duties: '窗口管理、服务监督、疑难业务审核', partyMember: true } as const;

/** Seeds the demo supervisor's staff reference row once (a PIN changed later is kept across restarts). */
export async function seedDemoSupervisor(pool: Pool, hall: Hall): Promise<void> {
  const { staffNo, pin, ...fields } = DEMO_SUPERVISOR;
  const body: StaffReference = { staffNo, ...fields, role: 'supervisor', active: true, pinHash: await hashPin(pin), lockedUntil: null };
  await inTransaction(pool, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM reference_row WHERE hall_id = $1 AND kind = 'staff' AND key = $2 FOR UPDATE", [hall.hallId, staffNo]);
    if (rowCount === 0) await putReference(client, hall.hallId, { kind: 'staff', key: staffNo, body });
  });
}
