/**
 * --demo: the demo hall (the windows' demo office) with a one-time enrolment
 * code for each of windows 1–3 and for the kiosk K1, printed for the
 * supervisor to type in, and the queue's matters (the demo catalogue's).
 */
import type { Pool } from './db/pool';
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
