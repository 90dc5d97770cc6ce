/** The 预约凭条: the appointment slip, printed on request (again) at the window. */
import { appointmentDocument } from '../../../shared/print/slips/appointment';
import { chineseDateTime } from '../../../shared/print/slips/common';
import { maskName } from '../../../shared/domain/masking';
import { slipClerk, slipHall } from '../common/slip-context';
import type { ActiveSession, CallContext, CoreContext } from '../core/context';
import { appointmentRow } from './appointment-repo';
import { catalogueItems, KEPT_STATUS } from './appointment-view';

export function printAppointmentSlip(ctx: CoreContext, call: CallContext, session: ActiveSession, id: string): { printJobId: string } {
  const row = appointmentRow(ctx.db, id);
  const item = catalogueItems(ctx).get(row.item_code);
  const party = (name: string, masked: string): string => (masked ? `${maskName(name)}（${masked}）` : maskName(name));
  const parties = [party(row.applicant_name, row.document_masked)];
  if (row.partner_name) parties.push(party(row.partner_name, row.partner_document_masked));
  const document = appointmentDocument(slipHall(ctx), slipClerk(ctx, session), {
    code: row.code,
    date: row.day,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    matter: item?.name ?? row.item_code,
    parties,
    bring: item ? item.materials.filter((m) => m.required).map((m) => m.name) : [],
    status: row.status === 'checkedIn' && row.checked_in_at ? `已签到（${chineseDateTime(row.checked_in_at)}）` : (row.status === 'booked' ? '待签到' : KEPT_STATUS[row.status]),
  });
  return { printJobId: ctx.printing.enqueue(call, { kind: 'appointment', document }) };
}
