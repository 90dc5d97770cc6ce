/** Turning contact rows into the contract's Contact. */
import type { Contact } from '../../../shared/api/intake';
import type { CatalogueItem } from '../../../shared/catalogue/schema';
import type { CoreContext } from '../core/context';
import { staffById } from '../staff/staff-repo';
import { caseNoOfContact } from './case-repo';
import { latestNotification, latestReferral, type ContactRow } from './contact-repo';

export interface MissingEntry {
  materialId: string;
  name: string;
  standard: string;
  obtainFrom: string;
  problem?: string;
}

/** Whether this window handles the item itself (otherwise the applicant is referred). */
export function handledHere(item: CatalogueItem | undefined, windowNo: string): boolean {
  if (!item || item.referral) return false;
  return item.windows.length === 0 || item.windows.includes(windowNo);
}

export function receivedIds(row: ContactRow): string[] {
  return JSON.parse(row.received_materials) as string[];
}

export function contactView(ctx: CoreContext, row: ContactRow, item: CatalogueItem | undefined): Contact {
  const owner = staffById(ctx.db, row.owner_staff_id);
  const notification = latestNotification(ctx.db, row.id);
  const referral = latestReferral(ctx.db, row.id);
  return {
    id: row.id,
    number: row.contact_no,
    channel: row.channel,
    itemCode: row.item_code,
    itemName: row.item_name,
    applicantName: row.applicant_name,
    applicantPhone: row.applicant_phone,
    applicantIdMasked: row.applicant_id_masked,
    status: row.status,
    receivedAt: row.received_at,
    owner: { name: owner?.name ?? '', staffNo: owner?.staff_no ?? '' },
    handledHere: handledHere(item, ctx.origin().windowNo),
    receivedMaterialIds: receivedIds(row),
    notification: notification
      ? { slipNo: notification.slip_no, missing: JSON.parse(notification.missing) as MissingEntry[], supplementBy: notification.supplement_by }
      : null,
    referral: referral ? { slipNo: referral.slip_no, where: (JSON.parse(referral.target) as { where: string }).where } : null,
    caseNo: caseNoOfContact(ctx.db, row.id) ?? null,
  };
}
