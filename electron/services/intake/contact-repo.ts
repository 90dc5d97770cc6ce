/**
 * The intake feature's tables: contact, notification and referral. Every
 * statement on them lives here; a row read from SQLite gets its type here,
 * once. Other features (marriage, appointments) go through these functions.
 */
import type { ContactStatus } from '../../../shared/api/intake';
import { CounterError } from '../../../shared/result';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

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

export function contactById(db: Db, id: string): ContactRow | undefined {
  return db.prepare('SELECT * FROM contact WHERE id = ?').get(id) as ContactRow | undefined;
}

/** The contact, or the clerk's NOT_FOUND refusal. */
export function contactRow(db: Db, id: string): ContactRow {
  const row = contactById(db, id);
  if (!row) throw new CounterError('NOT_FOUND', '找不到该接待记录，请刷新后重试');
  return row;
}

/** A clerk's contacts that are not finished, newest first. */
export function unfinishedContactsOf(db: Db, staffId: string): ContactRow[] {
  return db
    .prepare("SELECT * FROM contact WHERE owner_staff_id = ? AND status IN ('open', 'notified', 'referred') ORDER BY received_at DESC LIMIT 100")
    .all(staffId) as ContactRow[];
}

export interface NewContact {
  id: string;
  contactNo: string;
  channel: ContactRow['channel'];
  itemCode: string;
  itemName: string;
  applicantName: string;
  applicantPhone: string;
  document: { type: string; masked: string; sealed: string; hash: string } | null;
  ownerStaffId: string;
  at: string;
}

export function insertContact(db: Db, origin: Origin, c: NewContact): void {
  db.prepare(
    `INSERT INTO contact (id, hall_id, window_no, contact_no, channel, item_code, item_name, applicant_name, applicant_phone,
       applicant_id_masked, applicant_id_type, applicant_id_sealed, applicant_id_hash, owner_staff_id, status, received_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
  ).run(
    c.id,
    origin.hallId,
    origin.windowNo,
    c.contactNo,
    c.channel,
    c.itemCode,
    c.itemName,
    c.applicantName,
    c.applicantPhone,
    c.document?.masked ?? '',
    c.document?.type ?? null,
    c.document?.sealed ?? null,
    c.document?.hash ?? null,
    c.ownerStaffId,
    c.at,
    c.at,
    c.at,
  );
}

/**
 * A new status with the materials received so far; closed_at and the reason
 * are set when the status is 'closed'. A contact never leaves 'closed', so
 * any other status leaves them as they are (NULL): an UPDATE that names
 * closed_at rewrites contact_owner_closed's entry, one more page in the
 * commit a 受理 receipt waits for.
 */
export function updateContactStatus(db: Db, id: string, fields: { status: ContactStatus; receivedMaterials: string; closeReason: string | null }, at: string): void {
  if (fields.status === 'closed') {
    db.prepare('UPDATE contact SET status = ?, received_materials = ?, closed_at = ?, close_reason = ?, updated_at = ? WHERE id = ?').run(
      fields.status,
      fields.receivedMaterials,
      at,
      fields.closeReason,
      at,
      id,
    );
    return;
  }
  db.prepare('UPDATE contact SET status = ?, received_materials = ?, updated_at = ? WHERE id = ?').run(fields.status, fields.receivedMaterials, at, id);
}

/** Closes the contact an outcome of another feature (a registration, a refusal) settled; the materials stay as received. */
export function closeContactWith(db: Db, id: string, reason: string, at: string): void {
  db.prepare("UPDATE contact SET status = 'closed', closed_at = ?, close_reason = ?, updated_at = ? WHERE id = ?").run(at, reason, at, id);
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
export function contactPayload(db: Db, id: string): Record<string, unknown> {
  return db.prepare(`SELECT ${PAYLOAD_COLUMNS.join(', ')} FROM contact WHERE id = ?`).get(id) as Record<string, unknown>;
}

export type WalkInRow = Pick<ContactRow, 'id' | 'contact_no' | 'applicant_name' | 'item_name' | 'received_at' | 'status'>;

/** This window's walk-in contacts received in [from, to) (ISO instants), in order. */
export function walkInsBetween(db: Db, windowNo: string, from: string, to: string): WalkInRow[] {
  return db
    .prepare(
      `SELECT id, contact_no, applicant_name, item_name, received_at, status FROM contact
       WHERE channel = 'walkIn' AND window_no = ? AND received_at >= ? AND received_at < ? ORDER BY received_at`,
    )
    .all(windowNo, from, to) as WalkInRow[];
}

// ------------------------------------------------------------------ notification and referral slips

export interface NotificationRow {
  slip_no: string;
  /** JSON MissingEntry[]. */
  missing: string;
  supplement_by: string | null;
}

export function latestNotification(db: Db, contactId: string): NotificationRow | undefined {
  return db
    .prepare('SELECT slip_no, missing, supplement_by FROM notification WHERE contact_id = ? ORDER BY issued_at DESC, rowid DESC LIMIT 1')
    .get(contactId) as NotificationRow | undefined;
}

/** The contact a notification slip was issued for. */
export function contactIdOfNotification(db: Db, slipNo: string): string | undefined {
  const row = db.prepare('SELECT contact_id FROM notification WHERE slip_no = ?').get(slipNo) as { contact_id: string } | undefined;
  return row?.contact_id;
}

export interface NewNotification {
  id: string;
  slipNo: string;
  contactId: string;
  received: readonly string[];
  missing: readonly unknown[];
  supplementBy: string | null;
  issuedBy: string;
  at: string;
}

export function insertNotification(db: Db, origin: Origin, n: NewNotification): void {
  db.prepare(
    `INSERT INTO notification (id, hall_id, window_no, slip_no, contact_id, received, missing, supplement_by, issued_by, issued_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(n.id, origin.hallId, origin.windowNo, n.slipNo, n.contactId, JSON.stringify(n.received), JSON.stringify(n.missing), n.supplementBy, n.issuedBy, n.at, n.at, n.at);
}

export interface ReferralRow {
  slip_no: string;
  /** JSON of the referral target ({ where, address, phone, hours }). */
  target: string;
}

export function latestReferral(db: Db, contactId: string): ReferralRow | undefined {
  return db.prepare('SELECT slip_no, target FROM referral WHERE contact_id = ? ORDER BY issued_at DESC, rowid DESC LIMIT 1').get(contactId) as ReferralRow | undefined;
}

export interface NewReferral {
  id: string;
  slipNo: string;
  contactId: string;
  target: unknown;
  issuedBy: string;
  at: string;
}

export function insertReferral(db: Db, origin: Origin, r: NewReferral): void {
  db.prepare('INSERT INTO referral (id, hall_id, window_no, slip_no, contact_id, target, issued_by, issued_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    r.id,
    origin.hallId,
    origin.windowNo,
    r.slipNo,
    r.contactId,
    JSON.stringify(r.target),
    r.issuedBy,
    r.at,
    r.at,
    r.at,
  );
}
