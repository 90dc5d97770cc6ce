/**
 * --demo: the demo hall (the windows' demo office) with a one-time enrolment
 * code for each of windows 1–3, printed for the supervisor to type in.
 */
import type { Pool } from './db/pool';
import { createEnrolmentCode, type Hall } from './store/windows';

export const DEMO_HALL_NAME = '示范区婚姻登记处';
export const DEMO_WINDOWS = ['1', '2', '3'] as const;

export async function seedDemoCodes(pool: Pool, hall: Hall): Promise<{ windowNo: string; code: string }[]> {
  const codes: { windowNo: string; code: string }[] = [];
  for (const windowNo of DEMO_WINDOWS) codes.push({ windowNo, code: await createEnrolmentCode(pool, hall.hallId, windowNo) });
  return codes;
}
