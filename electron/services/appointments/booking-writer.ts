/**
 * Writing one booking into the window's appointments, for the file import and
 * for the bookings the hall hands down (hall-link/apply-reference.ts): the
 * document numbers are sealed at once (an unchanged number keeps its sealed
 * value), the slot's capacity is checked (a booking over it is kept and
 * marked), and the row's change-log entry is recorded. Call inside the
 * write's transaction; one writer serves one import (it counts the slots it
 * has filled).
 */
// chinese-days is CommonJS: Node's ESM loader offers no named exports for it, so take the default
import chineseDays from 'chinese-days';
import type { ImportProblem } from '../../../shared/contract';
import type { CatalogueItem } from '../../../shared/catalogue/schema';
import type { ParsedBooking } from '../../../shared/domain/booking-import';
import { maskIdNumber } from '../../../shared/domain/masking';
import { slotCapacity, type LunarOf } from '../../../shared/domain/peak-days';
import { chineseDate } from '../../../shared/print/slips/common';
import type { CoreContext } from '../core/context';
import { newId } from '../core/ids';
import { recordChange, type Actor } from '../db/ledger';
import { handledHere } from '../intake/contact-view';
import { appointmentRow, importStatements, type AppointmentRow } from './appointment-repo';
import { appointmentPayload, KEPT_STATUS } from './appointment-view';

/** chinese-days' lunar calendar, as shared/domain/peak-days wants it. */
const lunarOf: LunarOf = (date) => {
  const lunar = chineseDays.getLunarDate(date);
  return { month: lunar.lunarMon, day: lunar.lunarDay, leap: lunar.isLeap };
};

/** A day's slot capacity by the settings (normal or peak day) and the peak day's name. */
export function capacityOf(ctx: CoreContext, date: string): { capacity: number; peak: { name: string } | null } {
  const s = ctx.settings.get();
  const { capacity, peak } = slotCapacity(date, { normal: s.appointmentSlotCapacity, peak: s.appointmentPeakCapacity, rules: s.appointmentPeakDays }, lunarOf);
  return { capacity, peak: peak ? { name: peak.name } : null };
}

/** A booking as both sources give it: the row number is the file's line (0 for the hall's rows). */
export type BookingInput = ParsedBooking;

export type BookingOutcome = 'added' | 'updated' | 'unchanged' | 'kept' | 'rejected';

export interface BookingWritten {
  outcome: BookingOutcome;
  /** Marked over the slot's capacity (added or updated). */
  over: boolean;
  problems: ImportProblem[];
}

interface SealedParty {
  type: string;
  sealed: string;
  hash: string;
  masked: string;
}

/** Why a booked matter cannot be taken at this window (not in the catalogue, or handled elsewhere), or null. */
function matterProblem(item: CatalogueItem | undefined, itemCode: string, windowNo: string): string | null {
  if (!item) return `事项编码 ${itemCode} 不在事项目录中，未导入；请核对预约数据或更新事项目录`;
  if (handledHere(item, windowNo)) return null;
  return `事项“${item.name}”（${itemCode}）不在本窗口办理（${item.referral ? item.referral.where : `${item.windows.join('、')} 号窗口`}），未导入`;
}

const COMPARED = ['day', 'slot_start', 'slot_end', 'item_code', 'applicant_name', 'document_type', 'document_hash', 'phone', 'partner_name', 'partner_document_type', 'partner_document_hash', 'over_capacity'] as const;

export type BookingWrite = (b: BookingInput) => BookingWritten;

export function bookingWriter(ctx: CoreContext, options: { importId: string; actor: Actor; at: string; items: Map<string, CatalogueItem> }): BookingWrite {
  const { importId, actor, at, items } = options;
  const origin = ctx.origin();
  const statements = importStatements(ctx.db);
  const capacities = new Map<string, ReturnType<typeof capacityOf>>();
  const slotCounts = new Map<string, number>();
  const slotKey = (b: { date: string; slotStart: string; slotEnd: string }): string => `${b.date} ${b.slotStart}-${b.slotEnd}`;

  const capacityFor = (day: string): ReturnType<typeof capacityOf> => {
    let c = capacities.get(day);
    if (c === undefined) {
      c = capacityOf(ctx, day);
      capacities.set(day, c);
    }
    return c;
  };
  const taken = (b: BookingInput): number => {
    let n = slotCounts.get(slotKey(b));
    if (n === undefined) {
      n = statements.countInSlot(b.date, b.slotStart, b.slotEnd);
      slotCounts.set(slotKey(b), n);
    }
    return n;
  };
  const seal = (number: string, type: string, existing: { hash: string | null; sealed: string | null } | null): SealedParty => {
    const hash = ctx.vault.lookupHash(number);
    // an unchanged number keeps its sealed value (a fresh IV each time would churn the row)
    const sealed = existing && existing.hash === hash && existing.sealed ? existing.sealed : ctx.vault.seal(number);
    return { type, sealed, hash, masked: maskIdNumber(number) };
  };
  /** The slot check for a booking moving into (or new in) its slot: over capacity or not, and the warning. */
  const checkSlot = (b: BookingInput, existing: AppointmentRow | undefined): { over: 0 | 1; problem: ImportProblem | null } => {
    const { capacity, peak } = capacityFor(b.date);
    const n = taken(b);
    slotCounts.set(slotKey(b), n + 1);
    if (existing) {
      const oldKey = `${existing.day} ${existing.slot_start}-${existing.slot_end}`;
      const old = slotCounts.get(oldKey);
      if (old !== undefined) slotCounts.set(oldKey, old - 1);
    }
    if (n < capacity) return { over: 0, problem: null };
    const message = `${chineseDate(b.date)} ${b.slotStart}-${b.slotEnd} 已约满（每时段 ${capacity} 人${peak ? `，${peak.name}高峰日` : ''}），预约号 ${b.code} 已导入并标记为超额`;
    return { over: 1, problem: { row: b.row, field: 'slot', message, severity: 'warning' } };
  };

  return (b) => {
    const matter = matterProblem(items.get(b.itemCode), b.itemCode, origin.windowNo);
    if (matter) return { outcome: 'rejected', over: false, problems: [{ row: b.row, field: 'itemCode', message: matter, severity: 'error' }] };
    const existing = statements.byCode(b.code);
    if (existing && existing.status !== 'booked') {
      const message = `预约号 ${b.code} 在本窗口${KEPT_STATUS[existing.status]}，未按新文件修改`;
      return { outcome: 'kept', over: false, problems: [{ row: b.row, field: 'code', message, severity: 'warning' }] };
    }
    const applicant = seal(b.applicant.documentNumber, b.applicant.documentType, existing ? { hash: existing.document_hash, sealed: existing.document_sealed } : null);
    const partner = b.partner
      ? seal(b.partner.documentNumber, b.partner.documentType, existing ? { hash: existing.partner_document_hash, sealed: existing.partner_document_sealed } : null)
      : null;
    const sameSlot = existing !== undefined && existing.day === b.date && existing.slot_start === b.slotStart && existing.slot_end === b.slotEnd;
    const slot = sameSlot ? { over: existing.over_capacity, problem: null } : checkSlot(b, existing);
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
      over_capacity: slot.over,
      import_id: importId,
      created_at: at,
      updated_at: at,
    };
    const problems = slot.problem ? [slot.problem] : [];
    if (existing && !COMPARED.some((k) => existing[k] !== values[k])) return { outcome: 'unchanged', over: false, problems };
    if (existing) statements.update(values);
    else statements.insert(values);
    recordChange(ctx.db, origin, actor, at, {
      action: existing ? 'appointments.update' : 'appointments.add',
      entity: 'appointment',
      entityId: values.id,
      op: existing ? 'update' : 'insert',
      payload: appointmentPayload(appointmentRow(ctx.db, values.id)),
      detail: { importId, row: b.row, code: b.code },
    });
    return { outcome: existing ? 'updated' : 'added', over: slot.over === 1, problems };
  };
}
