/** Reading contacts and turning rows into the contract's Contact. */
import type { Contact, ContactStatus } from '../../../shared/api/intake';
import type { CatalogueItem } from '../../../shared/catalogue/schema';
import { CounterError } from '../../../shared/result';
import type { CoreContext } from '../context';
import { staffById } from '../staff-repo';

export interface ContactRow {
  id: string;
  contact_no: string;
  channel: 'walkIn' | 'appointment';
  item_code: string;
  item_name: string;
  applicant_name: string;
  applicant_phone: string;
  applicant_id_masked: string;
  /** 'residentId' | 'other'; null for contacts without a number and for those received before migration 9 (masked only). */
  applicant_id_type: string | null;
  /** The number sealed by ctx.vault ('v1:…'); never leaves this machine (not in payloads, audit, slips or screens). */
  applicant_id_sealed: string | null;
  /** ctx.vault.lookupHash of the normalized number, for the ledger's search by number. */
  applicant_id_hash: string | null;
  owner_staff_id: string;
  status: ContactStatus;
  received_materials: string;
  received_at: string;
  closed_at: string | null;
}

export interface MissingEntry {
  materialId: string;
  name: string;
  standard: string;
  obtainFrom: string;
  problem?: string;
}

export function contactRow(ctx: CoreContext, id: string): ContactRow {
  const row = ctx.db.prepare('SELECT * FROM contact WHERE id = ?').get(id) as ContactRow | undefined;
  if (!row) throw new CounterError('NOT_FOUND', '找不到该接待记录，请刷新后重试');
  return row;
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
  const notification = ctx.db
    .prepare('SELECT slip_no, missing, supplement_by FROM notification WHERE contact_id = ? ORDER BY issued_at DESC, rowid DESC LIMIT 1')
    .get(row.id) as { slip_no: string; missing: string; supplement_by: string | null } | undefined;
  const referral = ctx.db
    .prepare('SELECT slip_no, target FROM referral WHERE contact_id = ? ORDER BY issued_at DESC, rowid DESC LIMIT 1')
    .get(row.id) as { slip_no: string; target: string } | undefined;
  const serviceCase = ctx.db.prepare('SELECT case_no FROM service_case WHERE contact_id = ?').get(row.id) as { case_no: string } | undefined;
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
    caseNo: serviceCase?.case_no ?? null,
  };
}

/**
 * The columns the hall server receives. Listed one by one, never `*`: the
 * sealed document number and its lookup hash stay on this machine (the hash
 * is keyed per machine and would be useless there; the sealed value cannot
 * be opened without this machine's key), and a column added later is left
 * out until someone decides it belongs in the outbox.
 */
const PAYLOAD_COLUMNS = [
  'id',
  'hall_id',
  'window_no',
  'contact_no',
  'channel',
  'item_code',
  'item_name',
  'applicant_name',
  'applicant_phone',
  'applicant_id_type',
  'applicant_id_masked',
  'owner_staff_id',
  'status',
  'received_materials',
  'received_at',
  'closed_at',
  'close_reason',
  'created_at',
  'updated_at',
] as const;

/** The contact as the hall server stores it (masked document number only). */
export function contactPayload(ctx: CoreContext, id: string): Record<string, unknown> {
  return ctx.db.prepare(`SELECT ${PAYLOAD_COLUMNS.join(', ')} FROM contact WHERE id = ?`).get(id) as Record<string, unknown>;
}
