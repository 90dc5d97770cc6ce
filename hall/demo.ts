/**
 * --demo: the demo hall (the windows' demo office) with a one-time enrolment
 * code for each of windows 1–3 and for the kiosk K1, printed for the
 * supervisor to type in, the queue's matters (the demo catalogue's), and the
 * demo supervisor's staff account for the console.
 */
import { DEMO_STAFF } from '../shared/demo-staff';
import type { StaffReference } from '../shared/hall/reference-bodies';
import { hashPin } from './console/pin';
import { inTransaction, type Pool } from './db/pool';
import { putReference } from './store/reference';
import { DEFAULT_QUEUE_SETTINGS, saveQueueMatter, saveQueueSettings } from './store/queue-config';
import { createEnrolmentCode, type Hall } from './store/windows';

export const DEMO_HALL_NAME = '示范区婚姻登记处';
export const DEMO_WINDOWS = ['1', '2', '3'] as const;

export async function seedDemoCodes(pool: Pool, hall: Hall): Promise<{ windowNo: string; code: string }[]> {
  const codes: { windowNo: string; code: string }[] = [];
  for (const windowNo of DEMO_WINDOWS) codes.push({ windowNo, code: await createEnrolmentCode(pool, hall.hallId, windowNo) });
  return codes;
}

export const DEMO_KIOSK = 'K1';

/** The demo office's queue: 结婚登记 A at windows 1–2, 离婚登记 B at 3, certificates C at 1–3; and the kiosk's enrolment code. */
export async function seedDemoQueue(pool: Pool, hall: Hall): Promise<string> {
  await saveQueueSettings(pool, hall.hallId, DEFAULT_QUEUE_SETTINGS);
  // no issuing hours: the demo takes tickets at any time of day
  const base = { issueFrom: null, issueUntil: null, weight: 1 };
  await saveQueueMatter(pool, hall.hallId, { matter: 'MAR-REG', name: '结婚登记', prefix: 'A', windowNos: ['1', '2'], dailyCap: 120, ...base });
  await saveQueueMatter(pool, hall.hallId, { matter: 'DIV-REG', name: '离婚登记', prefix: 'B', windowNos: ['3'], dailyCap: 60, ...base });
  await saveQueueMatter(pool, hall.hallId, { matter: 'MAR-REISSUE', name: '补领婚姻登记证', prefix: 'C', windowNos: ['1', '2', '3'], dailyCap: null, ...base });
  await saveQueueMatter(pool, hall.hallId, { matter: 'MAR-RECORD', name: '婚姻登记记录证明', prefix: 'C', windowNos: ['1', '2', '3'], dailyCap: null, ...base });
  return createEnrolmentCode(pool, hall.hallId, DEMO_KIOSK, 24 * 60, 'kiosk');
}

/** The demo office's staff at the hall: the windows pull them, and the supervisor logs in on the console. */
export const DEMO_SUPERVISOR = DEMO_STAFF[0];

/** Seeds each demo staff account's reference row once (a PIN changed later is kept across restarts). */
export async function seedDemoStaff(pool: Pool, hall: Hall): Promise<void> {
  for (const { staffNo, pin, name, title, duties, partyMember, role } of DEMO_STAFF) {
    const body: StaffReference = { staffNo, name, title, duties, partyMember, role, active: true, pinHash: await hashPin(pin), lockedUntil: null };
    await inTransaction(pool, async (client) => {
      const { rowCount } = await client.query("SELECT 1 FROM reference_row WHERE hall_id = $1 AND kind = 'staff' AND key = $2 FOR UPDATE", [hall.hallId, staffNo]);
      if (rowCount === 0) await putReference(client, hall.hallId, { kind: 'staff', key: staffNo, body });
    });
  }
}
