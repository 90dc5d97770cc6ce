/**
 * Appointments at the window (预约): the online booking system's export is
 * imported into the local `appointment` table (or handed down by the hall,
 * hall-link/apply-reference.ts; both through booking-writer.ts); the clerk checks applicants in by appointment code or document
 * number, marks no-shows after their slot and prints the 预约凭条
 * (appointment-slip.ts).
 *
 * Document numbers are sealed by ctx.vault with a keyed lookup hash and a
 * masked form beside them; audit rows and change-log payloads carry the
 * masked form only.
 */
import type { Appointment, AppointmentDay, AppointmentImportResult, Contact, ImportProblem, ParsedRequestOf } from '../../../shared/contract';
import { parseBookingExport } from '../../../shared/domain/booking-import';
import { hallDate, hallDayBounds, hallTime } from '../../../shared/domain/hall-time';
import { normalizeDocumentNumber } from '../../../shared/domain/identity-documents';
import { maskIdNumber } from '../../../shared/domain/masking';
import { chineseDate, chineseDateTime } from '../../../shared/print/slips/common';
import { CounterError } from '../../../shared/result';
import { actorOf, RecordedRefusal, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { recordChange, recordEvent } from '../db/ledger';
import { newId } from '../core/ids';
import { walkInsBetween } from '../intake/contact-repo';
import { handledHere } from '../intake/contact-view';
import { startContact } from '../intake/intake-service';
import { appointmentByCode, appointmentRow, appointmentsOfDocument, appointmentsOn, finishImport, insertImport, markAppointmentCheckedIn, markAppointmentNoShow, type AppointmentRow } from './appointment-repo';
import { appointmentPayload, appointmentView, catalogueItems, KEPT_STATUS } from './appointment-view';
import { bookingWriter, capacityOf } from './booking-writer';

/** The hall's wall clock (UTC+8, no daylight saving): date and 'HH:MM'. */
function hallClock(ctx: CoreContext): { at: string; today: string; time: string } {
  const at = ctx.clock.now().toISOString();
  return { at, today: hallDate(at), time: hallTime(at) };
}

// ------------------------------------------------------------------ day view

export function appointmentDay(ctx: CoreContext, date?: string): AppointmentDay {
  const { today } = hallClock(ctx);
  const day = date ?? today;
  const windowNo = ctx.origin().windowNo;
  const items = catalogueItems(ctx);
  const { capacity, peak } = capacityOf(ctx, day);
  const rows = appointmentsOn(ctx.db, day);
  const slots: AppointmentDay['slots'] = [];
  for (const row of rows) {
    if (!handledHere(items.get(row.item_code), windowNo)) continue;
    let slot = slots.at(-1);
    if (!slot || slot.start !== row.slot_start || slot.end !== row.slot_end) {
      slot = { start: row.slot_start, end: row.slot_end, capacity, booked: 0, overCapacity: false, appointments: [] };
      slots.push(slot);
    }
    slot.appointments.push(appointmentView(row, items));
    if (row.status !== 'cancelled') slot.booked++;
    slot.overCapacity = slot.booked > capacity;
  }
  const bounds = hallDayBounds(day);
  const [from, to] = [bounds.start.toISOString(), bounds.end.toISOString()];
  const walkIns = walkInsBetween(ctx.db, windowNo, from, to);
  return {
    date: day,
    peak,
    capacity,
    slots,
    walkIns: walkIns.map((c) => ({ contactId: c.id, number: c.contact_no, applicantName: c.applicant_name, itemName: c.item_name, receivedAt: c.received_at, status: c.status })),
  };
}

// ------------------------------------------------------------------ import


export function importAppointments(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'appointments.import'>): AppointmentImportResult {
  const { at, today } = hallClock(ctx);
  const origin = ctx.origin();
  const parsed = parseBookingExport(req.fileName, req.content, today);
  const fileProblem = parsed.problems.find((p) => p.row === 0);
  if (fileProblem) {
    recordEvent(ctx.db, origin, actorOf(call), at, {
      action: 'appointments.importRefused',
      entity: 'appointment_import',
      entityId: null,
      detail: { fileName: req.fileName, problem: fileProblem.message },
    });
    // the refusal's audit row stands
    throw new RecordedRefusal('VALIDATION', `预约文件未导入：${fileProblem.message}`, { content: fileProblem.message });
  }
  const problems: ImportProblem[] = parsed.problems.map((p) => ({ ...p, severity: 'error' }));
  const rejected = new Set(parsed.problems.map((p) => p.row));
  const importId = newId();
  const counts = { added: 0, updated: 0, unchanged: 0, kept: 0, overCapacity: 0 };
  const actor = actorOf(call);
  insertImport(ctx.db, origin, { id: importId, fileName: req.fileName, importedBy: session.staffId, totalRows: parsed.records, at });
  const write = bookingWriter(ctx, { importId, actor, at, items: catalogueItems(ctx) });
  for (const b of parsed.rows) {
    const written = write(b);
    problems.push(...written.problems);
    if (written.outcome === 'rejected') rejected.add(b.row);
    else counts[written.outcome]++;
    if (written.over) counts.overCapacity++;
  }

  problems.sort((a, b) => a.row - b.row);
  finishImport(ctx.db, importId, { added: counts.added, updated: counts.updated, rejected: rejected.size, problems }, at);
  recordChange(ctx.db, origin, actor, at, {
    action: 'appointments.import',
    entity: 'appointment_import',
    entityId: importId,
    op: 'insert',
    payload: { id: importId, fileName: req.fileName, importedBy: session.staffId, importedAt: at, totalRows: parsed.records, ...counts, rejected: rejected.size },
    detail: { fileName: req.fileName, format: parsed.format, totalRows: parsed.records, ...counts, rejected: rejected.size, problems: problems.length },
  });

  return { importId, totalRows: parsed.records, ...counts, rejected: rejected.size, problems };
}

// ------------------------------------------------------------------ check-in

function findForCheckIn(ctx: CoreContext, req: ParsedRequestOf<'appointments.checkIn'>, today: string): AppointmentRow {
  if ('code' in req) {
    const row = appointmentByCode(ctx.db, req.code.trim());
    if (!row) throw new CounterError('NOT_FOUND', `没有预约号为 ${req.code.trim().toUpperCase()} 的预约，请核对预约号，或导入最新的预约数据`);
    return row;
  }
  const hash = ctx.vault.lookupHash(normalizeDocumentNumber(req.documentNumber));
  const row = appointmentsOfDocument(ctx.db, hash, today)[0];
  if (!row) throw new CounterError('NOT_FOUND', `没有找到证件号码 ${maskIdNumber(normalizeDocumentNumber(req.documentNumber))} 的预约，请核对号码，或按现场接待办理`);
  return row;
}

export function checkIn(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'appointments.checkIn'>): { appointment: Appointment; contact: Contact } {
  const { at, today } = hallClock(ctx);
  const row = findForCheckIn(ctx, req, today);
  const when = `${chineseDate(row.day)} ${row.slot_start}-${row.slot_end}`;
  if (row.status === 'cancelled') throw new CounterError('CONFLICT', `预约 ${row.code} 已取消，不能签到，请按现场接待办理`);
  if (row.status === 'checkedIn') {
    throw new CounterError('CONFLICT', `预约 ${row.code} 已于 ${chineseDateTime(row.checked_in_at ?? at)} 签到，不能重复签到`);
  }
  if (row.day !== today) {
    const hint = row.day > today ? '请在预约当天前来签到，或重新预约' : '预约已过期，请重新预约或按现场接待办理';
    throw new CounterError('CONFLICT', `预约 ${row.code} 的日期是 ${when}，不是今天（${chineseDate(today)}）。${hint}`);
  }
  const items = catalogueItems(ctx);
  const item = items.get(row.item_code);
  if (!item) throw new CounterError('NOT_FOUND', `预约的事项编码 ${row.item_code} 不在事项目录中，请核对预约数据或更新事项目录`);
  if (!handledHere(item, ctx.origin().windowNo)) {
    const where = item.referral ? item.referral.where : `${item.windows.join('、')} 号窗口`;
    throw new CounterError('CONFLICT', `预约的事项“${item.name}”由${where}办理，请引导申请人前往`);
  }
  const contact = startContact(ctx, call, session, {
    itemCode: row.item_code,
    channel: 'appointment',
    applicantName: row.applicant_name,
    applicantPhone: row.phone,
    applicantIdNumber: ctx.vault.open(row.document_sealed),
  });
  markAppointmentCheckedIn(ctx.db, row.id, contact.id, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'appointments.checkIn',
    entity: 'appointment',
    entityId: row.id,
    op: 'update',
    payload: appointmentPayload(appointmentRow(ctx.db, row.id)),
    detail: { code: row.code, by: 'code' in req ? 'code' : 'documentNumber', contactId: contact.id, wasNoShow: row.status === 'noShow' },
  });
  return { appointment: appointmentView(appointmentRow(ctx.db, row.id), items), contact };
}

// ------------------------------------------------------------------ no-show

export function markNoShow(ctx: CoreContext, call: CallContext, id: string): Appointment {
  const { at, today, time } = hallClock(ctx);
  const row = appointmentRow(ctx.db, id);
  if (row.status !== 'booked') {
    const state = row.status === 'checkedIn' ? `已于 ${chineseDateTime(row.checked_in_at ?? at)} 签到` : KEPT_STATUS[row.status];
    throw new CounterError('CONFLICT', `预约 ${row.code} ${state}，不能标记未到`);
  }
  if (row.day > today || (row.day === today && time < row.slot_end)) {
    throw new CounterError('CONFLICT', `预约时段 ${chineseDate(row.day)} ${row.slot_start}-${row.slot_end} 尚未结束，时段结束后才能标记未到`);
  }
  markAppointmentNoShow(ctx.db, id, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'appointments.markNoShow',
    entity: 'appointment',
    entityId: id,
    op: 'update',
    payload: appointmentPayload(appointmentRow(ctx.db, id)),
    detail: { code: row.code },
  });
  return appointmentView(appointmentRow(ctx.db, id), catalogueItems(ctx));
}
