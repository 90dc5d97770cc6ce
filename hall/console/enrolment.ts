/**
 * Enrolment codes made on the console (窗口登记): a one-time code for a
 * window's or a kiosk's number, shown once to the supervisor. Made and
 * recorded in console_audit in one transaction (the code itself is never
 * recorded), so every code the console gave out has its audit row. Each
 * request makes its own code, so parallel and repeated requests each get a
 * distinct one. A number held by an enrolled device of the other kind is
 * refused: enrolling under it would retire that device.
 */
import type { z } from 'zod';
import type { ConsoleResponse, ConsoleSession, enrolmentCodeRequestSchema } from '../../shared/hall/console-contract';
import { CounterError } from '../../shared/result';
import { inTransaction } from '../db/pool';
import { createEnrolmentCode, type DeviceKind } from '../store/windows';
import { auditEdit } from './reference-write';
import type { ConsoleContext } from './routes';

/** Hours an enrolment code made on the console stays valid. */
export const ENROLMENT_CODE_HOURS = 24;

const KIND_NAMES: Record<DeviceKind, string> = { window: '窗口', kiosk: '取号机' };

export async function issueEnrolmentCode(ctx: ConsoleContext, who: ConsoleSession, req: z.infer<typeof enrolmentCodeRequestSchema>): Promise<ConsoleResponse<'enrolmentCode'>> {
  const { windowNo, deviceKind } = req;
  const code = await inTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query<{ device_kind: DeviceKind }>('SELECT device_kind FROM hall_window WHERE hall_id = $1 AND window_no = $2 AND retired_at IS NULL', [ctx.hall.hallId, windowNo]);
    const held = rows[0]?.device_kind;
    if (held !== undefined && held !== deviceKind) {
      const message = `编号 ${windowNo} 已登记为${KIND_NAMES[held]}，不能再为${KIND_NAMES[deviceKind]}生成登记码，请换一个编号`;
      throw new CounterError('CONFLICT', message, { windowNo: `编号 ${windowNo} 已登记为${KIND_NAMES[held]}` });
    }
    const made = await createEnrolmentCode(client, ctx.hall.hallId, windowNo, ENROLMENT_CODE_HOURS * 60, deviceKind);
    await auditEdit(client, ctx.hall.hallId, who, 'enrolment.code', deviceKind, windowNo, { validHours: ENROLMENT_CODE_HOURS });
    return made;
  });
  return { windowNo, deviceKind, code, validHours: ENROLMENT_CODE_HOURS };
}
