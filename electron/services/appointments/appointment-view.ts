/** Appointments as the contract shows them and as the hall server stores them. */
import type { Appointment } from '../../../shared/contract';
import type { CatalogueItem } from '../../../shared/catalogue/schema';
import type { CoreContext } from '../core/context';
import { activeCatalogue } from '../reference/catalogue-service';
import type { AppointmentRow } from './appointment-repo';

/** The active catalogue's items by code. */
export function catalogueItems(ctx: CoreContext): Map<string, CatalogueItem> {
  return new Map(activeCatalogue(ctx).items.map((i) => [i.code, i]));
}

/** How an appointment no longer open to the import or to check-in stands, in the clerk's words. */
export const KEPT_STATUS: Record<Exclude<Appointment['status'], 'booked'>, string> = {
  checkedIn: '已签到',
  noShow: '已标记未到',
  cancelled: '已取消',
};

export function appointmentView(row: AppointmentRow, items: Map<string, CatalogueItem>): Appointment {
  return {
    id: row.id,
    code: row.code,
    date: row.day,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    itemCode: row.item_code,
    itemName: items.get(row.item_code)?.name ?? row.item_code,
    applicantName: row.applicant_name,
    documentMasked: row.document_masked,
    partnerName: row.partner_name,
    partnerDocumentMasked: row.partner_document_masked,
    phone: row.phone,
    status: row.status,
    overCapacity: row.over_capacity === 1,
    checkedInAt: row.checked_in_at,
    contactId: row.contact_id,
  };
}

/** What the hall server stores (masked numbers only: the sealed value never leaves this machine). */
export function appointmentPayload(row: AppointmentRow): Record<string, unknown> {
  return {
    id: row.id,
    code: row.code,
    day: row.day,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    itemCode: row.item_code,
    applicantName: row.applicant_name,
    documentType: row.document_type,
    documentMasked: row.document_masked,
    phone: row.phone,
    partnerName: row.partner_name,
    partnerDocumentType: row.partner_document_type,
    partnerDocumentMasked: row.partner_document_masked,
    status: row.status,
    overCapacity: row.over_capacity === 1,
    contactId: row.contact_id,
    checkedInAt: row.checked_in_at,
    noShowAt: row.no_show_at,
    importId: row.import_id,
  };
}
