/** The appointments feature's tables, appointment and appointment_import: every statement on them, rows typed once here. */
import type { Appointment, ImportProblem } from '../../../shared/contract';
import { CounterError } from '../../../shared/result';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

/** Both parties of the appointment a contact was checked in from, as booked (numbers sealed). */
export interface BookedParties {
  applicant_name: string;
  document_type: string;
  document_sealed: string;
  phone: string;
  partner_name: string;
  partner_document_type: string | null;
  partner_document_sealed: string | null;
}

export function bookedPartiesOfContact(db: Db, contactId: string): BookedParties | undefined {
  return db
    .prepare('SELECT applicant_name, document_type, document_sealed, phone, partner_name, partner_document_type, partner_document_sealed FROM appointment WHERE contact_id = ?')
    .get(contactId) as BookedParties | undefined;
}

export interface AppointmentRow {
  id: string;
  hall_id: string;
  window_no: string;
  code: string;
  day: string;
  slot_start: string;
  slot_end: string;
  item_code: string;
  applicant_name: string;
  document_type: string;
  document_sealed: string;
  document_hash: string;
  document_masked: string;
  phone: string;
  partner_name: string;
  partner_document_type: string | null;
  partner_document_sealed: string | null;
  partner_document_hash: string | null;
  partner_document_masked: string;
  status: Appointment['status'];
  over_capacity: 0 | 1;
  contact_id: string | null;
  checked_in_at: string | null;
  no_show_at: string | null;
  import_id: string;
  created_at: string;
  updated_at: string;
}

/** The appointment, or the clerk's NOT_FOUND refusal. */
export function appointmentRow(db: Db, id: string): AppointmentRow {
  const row = db.prepare('SELECT * FROM appointment WHERE id = ?').get(id) as AppointmentRow | undefined;
  if (!row) throw new CounterError('NOT_FOUND', '找不到该预约记录，请刷新今日预约');
  return row;
}

export function appointmentByCode(db: Db, code: string): AppointmentRow | undefined {
  return db.prepare('SELECT * FROM appointment WHERE code = ?').get(code) as AppointmentRow | undefined;
}

/** A day's appointments by slot, then code. */
export function appointmentsOn(db: Db, day: string): AppointmentRow[] {
  return db.prepare('SELECT * FROM appointment WHERE day = ? ORDER BY slot_start, slot_end, code').all(day) as AppointmentRow[];
}

/** The appointments (not cancelled) in which the holder of the document with this lookup hash is a party: today's first, then the coming ones, then the nearest. */
export function appointmentsOfDocument(db: Db, hash: string, today: string): AppointmentRow[] {
  return db
    .prepare(
      `SELECT * FROM appointment WHERE (document_hash = ? OR partner_document_hash = ?) AND status <> 'cancelled'
       ORDER BY day = ? DESC, day >= ? DESC, abs(julianday(day) - julianday(?)), slot_start`,
    )
    .all(hash, hash, today, today, today) as AppointmentRow[];
}

export function markAppointmentCheckedIn(db: Db, id: string, contactId: string, at: string): void {
  db.prepare("UPDATE appointment SET status = 'checkedIn', contact_id = ?, checked_in_at = ?, updated_at = ? WHERE id = ?").run(contactId, at, at, id);
}

export function markAppointmentNoShow(db: Db, id: string, at: string): void {
  db.prepare("UPDATE appointment SET status = 'noShow', no_show_at = ?, updated_at = ? WHERE id = ?").run(at, at, id);
}

// ------------------------------------------------------------------ import

/** An appointment as an import writes it (inserted as 'booked', or updated keeping its status). */
export type ImportedAppointment = Omit<AppointmentRow, 'status' | 'contact_id' | 'checked_in_at' | 'no_show_at'>;

/** The statements an import runs for every row of the file, prepared once per import. */
export interface ImportStatements {
  byCode(code: string): AppointmentRow | undefined;
  /** Appointments of a slot that are not cancelled. */
  countInSlot(day: string, slotStart: string, slotEnd: string): number;
  insert(row: ImportedAppointment): void;
  update(row: ImportedAppointment): void;
}

export function importStatements(db: Db): ImportStatements {
  const byCode = db.prepare('SELECT * FROM appointment WHERE code = ?');
  const countSlot = db.prepare("SELECT COUNT(*) FROM appointment WHERE day = ? AND slot_start = ? AND slot_end = ? AND status <> 'cancelled'").pluck();
  const insert = db.prepare(
    `INSERT INTO appointment (id, hall_id, window_no, code, day, slot_start, slot_end, item_code, applicant_name,
       document_type, document_sealed, document_hash, document_masked, phone, partner_name,
       partner_document_type, partner_document_sealed, partner_document_hash, partner_document_masked,
       status, over_capacity, import_id, created_at, updated_at)
     VALUES (@id, @hall_id, @window_no, @code, @day, @slot_start, @slot_end, @item_code, @applicant_name,
       @document_type, @document_sealed, @document_hash, @document_masked, @phone, @partner_name,
       @partner_document_type, @partner_document_sealed, @partner_document_hash, @partner_document_masked,
       'booked', @over_capacity, @import_id, @created_at, @updated_at)`,
  );
  const update = db.prepare(
    `UPDATE appointment SET day = @day, slot_start = @slot_start, slot_end = @slot_end, item_code = @item_code, applicant_name = @applicant_name,
       document_type = @document_type, document_sealed = @document_sealed, document_hash = @document_hash, document_masked = @document_masked,
       phone = @phone, partner_name = @partner_name, partner_document_type = @partner_document_type,
       partner_document_sealed = @partner_document_sealed, partner_document_hash = @partner_document_hash,
       partner_document_masked = @partner_document_masked, over_capacity = @over_capacity, import_id = @import_id, updated_at = @updated_at
     WHERE id = @id`,
  );
  return {
    byCode: (code) => byCode.get(code) as AppointmentRow | undefined,
    countInSlot: (day, slotStart, slotEnd) => countSlot.get(day, slotStart, slotEnd) as number,
    insert: (row) => {
      insert.run(row);
    },
    update: (row) => {
      update.run(row);
    },
  };
}

export interface NewImport {
  id: string;
  fileName: string;
  /** null: handed down by the hall, imported by nobody at this window. */
  importedBy: string | null;
  totalRows: number;
  at: string;
}

/** The import's record, before its rows are written; its counts are set by finishImport. */
export function insertImport(db: Db, origin: Origin, i: NewImport): void {
  db.prepare(
    `INSERT INTO appointment_import (id, hall_id, window_no, file_name, imported_by, imported_at, total_rows, added, updated, rejected, problems, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '[]', ?, ?)`,
  ).run(i.id, origin.hallId, origin.windowNo, i.fileName, i.importedBy, i.at, i.totalRows, i.at, i.at);
}

export function finishImport(db: Db, id: string, result: { added: number; updated: number; rejected: number; problems: readonly ImportProblem[] }, at: string): void {
  db.prepare('UPDATE appointment_import SET added = ?, updated = ?, rejected = ?, problems = ?, updated_at = ? WHERE id = ?').run(
    result.added,
    result.updated,
    result.rejected,
    JSON.stringify(result.problems),
    at,
    id,
  );
}
