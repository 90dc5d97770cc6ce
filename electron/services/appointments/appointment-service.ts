/**
 * Appointments at the window (预约): the online booking system's export is
 * imported into the local `appointment` table (until a hall-server sync
 * exists); the clerk checks applicants in by appointment code or document
 * number, marks no-shows after their slot and prints the 预约凭条
 * (appointment-slip.ts).
 *
 * Document numbers are sealed by ctx.vault with a keyed lookup hash and a
 * masked form beside them; audit rows and change-log payloads carry the
 * masked form only.
 */
// chinese-days is CommonJS: Node's ESM loader offers no named exports for it, so take the default
import chineseDays from 'chinese-days';
import type { Appointment, AppointmentDay, AppointmentImportResult, Contact, ImportProblem, ParsedRequestOf } from '../../../shared/contract';
import type { CatalogueItem } from '../../../shared/catalogue/schema';
import { parseBookingExport, type ParsedBooking } from '../../../shared/domain/booking-import';
import { hallDate, hallDayBounds, hallTime } from '../../../shared/domain/hall-time';
import { normalizeDocumentNumber } from '../../../shared/domain/identity-documents';
import { maskIdNumber } from '../../../shared/domain/masking';
import { slotCapacity, type LunarOf } from '../../../shared/domain/peak-days';
import { chineseDate, chineseDateTime } from '../../../shared/print/slips/common';
import { CounterError } from '../../../shared/result';
import { actorOf, RecordedRefusal, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { recordChange, recordEvent } from '../db/ledger';
import { newId } from '../core/ids';
import { walkInsBetween } from '../intake/contact-repo';
import { handledHere } from '../intake/contact-view';
import { startContact } from '../intake/intake-service';
import { appointmentByCode, appointmentRow, appointmentsOfDocument, appointmentsOn, finishImport, importStatements, insertImport, markAppointmentCheckedIn, markAppointmentNoShow, type AppointmentRow } from './appointment-repo';
import { appointmentPayload, appointmentView, catalogueItems, KEPT_STATUS } from './appointment-view';

/** chinese-days' lunar calendar, as shared/domain/peak-days wants it. */
export const lunarOf: LunarOf = (date) => {
  const lunar = chineseDays.getLunarDate(date);
  return { month: lunar.lunarMon, day: lunar.lunarDay, leap: lunar.isLeap };
};

/** The hall's wall clock (UTC+8, no daylight saving): date and 'HH:MM'. */
function hallClock(ctx: CoreContext): { at: string; today: string; time: string } {
  const at = ctx.clock.now().toISOString();
  return { at, today: hallDate(at), time: hallTime(at) };
}

export function capacityOf(ctx: CoreContext, date: string): { capacity: number; peak: { name: string } | null } {
  const s = ctx.settings.get();
  const { capacity, peak } = slotCapacity(date, { normal: s.appointmentSlotCapacity, peak: s.appointmentPeakCapacity, rules: s.appointmentPeakDays }, lunarOf);
  return { capacity, peak: peak ? { name: peak.name } : null };
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


interface SealedParty {
  type: string;
  sealed: string;
  hash: string;
  masked: string;
}

/** Why a booked matter cannot be imported at this window (not in the catalogue, or handled elsewhere), or null. */
function matterProblem(item: CatalogueItem | undefined, itemCode: string, windowNo: string): string | null {
  if (!item) return `事项编码 ${itemCode} 不在事项目录中，未导入；请核对预约数据或更新事项目录`;
  if (handledHere(item, windowNo)) return null;
  return `事项“${item.name}”（${itemCode}）不在本窗口办理（${item.referral ? item.referral.where : `${item.windows.join('、')} 号窗口`}），未导入`;
}

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
  const items = catalogueItems(ctx);
  const importId = newId();
  const counts = { added: 0, updated: 0, unchanged: 0, kept: 0, overCapacity: 0 };
  const actor = actorOf(call);

  const seal = (number: string, type: string, existing: { hash: string | null; sealed: string | null } | null): SealedParty => {
    const hash = ctx.vault.lookupHash(number);
    // an unchanged number keeps its sealed value (a fresh IV each time would churn the row)
    const sealed = existing && existing.hash === hash && existing.sealed ? existing.sealed : ctx.vault.seal(number);
    return { type, sealed, hash, masked: maskIdNumber(number) };
  };

  const capacities = new Map<string, { capacity: number; peak: { name: string } | null }>();
  const capacityFor = (day: string): { capacity: number; peak: { name: string } | null } => {
    let c = capacities.get(day);
    if (c === undefined) {
      c = capacityOf(ctx, day);
      capacities.set(day, c);
    }
    return c;
  };
  const statements = importStatements(ctx.db);
  const slotCounts = new Map<string, number>();
  const slotKey = (b: { date: string; slotStart: string; slotEnd: string }): string => `${b.date} ${b.slotStart}-${b.slotEnd}`;
  const taken = (b: ParsedBooking): number => {
    const key = slotKey(b);
    let n = slotCounts.get(key);
    if (n === undefined) {
      n = statements.countInSlot(b.date, b.slotStart, b.slotEnd);
      slotCounts.set(key, n);
    }
    return n;
  };
  insertImport(ctx.db, origin, { id: importId, fileName: req.fileName, importedBy: session.staffId, totalRows: parsed.records, at });

  for (const b of parsed.rows) {
    const matter = matterProblem(items.get(b.itemCode), b.itemCode, origin.windowNo);
    if (matter) {
      problems.push({ row: b.row, field: 'itemCode', message: matter, severity: 'error' });
      rejected.add(b.row);
      continue;
    }
    const existing = statements.byCode(b.code);
    if (existing && existing.status !== 'booked') {
      counts.kept++;
      problems.push({
        row: b.row,
        field: 'code',
        message: `预约号 ${b.code} 在本窗口${KEPT_STATUS[existing.status]}，未按新文件修改`,
        severity: 'warning',
      });
      continue;
    }
    const applicant = seal(b.applicant.documentNumber, b.applicant.documentType, existing ? { hash: existing.document_hash, sealed: existing.document_sealed } : null);
    const partner = b.partner
      ? seal(b.partner.documentNumber, b.partner.documentType, existing ? { hash: existing.partner_document_hash, sealed: existing.partner_document_sealed } : null)
      : null;
    const sameSlot = existing !== undefined && existing.day === b.date && existing.slot_start === b.slotStart && existing.slot_end === b.slotEnd;
    let over: 0 | 1 = sameSlot ? existing.over_capacity : 0;
    if (!sameSlot) {
      const { capacity, peak } = capacityFor(b.date);
      const n = taken(b);
      if (n >= capacity) {
        over = 1;
        problems.push({
          row: b.row,
          field: 'slot',
          message: `${chineseDate(b.date)} ${b.slotStart}-${b.slotEnd} 已约满（每时段 ${capacity} 人${peak ? `，${peak.name}高峰日` : ''}），预约号 ${b.code} 已导入并标记为超额`,
          severity: 'warning',
        });
      }
      slotCounts.set(slotKey(b), n + 1);
      if (existing) {
        const oldKey = `${existing.day} ${existing.slot_start}-${existing.slot_end}`;
        const old = slotCounts.get(oldKey);
        if (old !== undefined) slotCounts.set(oldKey, old - 1);
      }
    }
    const values = {
      id: existing?.id ?? newId(),
      hall_id: origin.hallId,
      window_no: origin.windowNo,
      code: b.code,
      day: b.date,
      slot_start: b.slotStart,
      slot_end: b.slotEnd,
      item_code: b.itemCode,
      applicant_name: b.applicant.name,
      document_type: applicant.type,
      document_sealed: applicant.sealed,
      document_hash: applicant.hash,
      document_masked: applicant.masked,
      phone: b.phone,
      partner_name: b.partner?.name ?? '',
      partner_document_type: partner?.type ?? null,
      partner_document_sealed: partner?.sealed ?? null,
      partner_document_hash: partner?.hash ?? null,
      partner_document_masked: partner?.masked ?? '',
      over_capacity: over,
      import_id: importId,
      created_at: at,
      updated_at: at,
    };
    if (existing) {
      const changed = (
        ['day', 'slot_start', 'slot_end', 'item_code', 'applicant_name', 'document_type', 'document_hash', 'phone', 'partner_name', 'partner_document_type', 'partner_document_hash', 'over_capacity'] as const
      ).some((k) => existing[k] !== values[k]);
      if (!changed) {
        counts.unchanged++;
        continue;
      }
      statements.update(values);
      counts.updated++;
    } else {
      statements.insert(values);
      counts.added++;
    }
    if (over) counts.overCapacity++;
    const row = appointmentRow(ctx.db, values.id);
    recordChange(ctx.db, origin, actor, at, {
      action: existing ? 'appointments.update' : 'appointments.add',
      entity: 'appointment',
      entityId: values.id,
      op: existing ? 'update' : 'insert',
      payload: appointmentPayload(row),
      detail: { importId, row: b.row, code: b.code },
    });
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
