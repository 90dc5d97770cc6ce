/** The staff table: reading, writing and mapping staff rows. */
import type { Staff } from '../../../shared/contract';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

export interface StaffRow {
  id: string;
  staff_no: string;
  name: string;
  title: string;
  duties: string;
  party_member: number;
  role: 'clerk' | 'supervisor';
  active: number;
  pin_hash: string;
  failed_pins: number;
  locked_until: string | null;
  photo_file: string | null;
}

export function staffById(db: Db, id: string): StaffRow | undefined {
  return db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
}

export function staffByNo(db: Db, staffNo: string): StaffRow | undefined {
  return db.prepare('SELECT * FROM staff WHERE staff_no = ?').get(staffNo) as StaffRow | undefined;
}

export function listStaff(db: Db): StaffRow[] {
  return db.prepare("SELECT * FROM staff ORDER BY role = 'supervisor' DESC, staff_no").all() as StaffRow[];
}

export function activeSupervisorCount(db: Db): number {
  return db.prepare("SELECT COUNT(*) FROM staff WHERE role = 'supervisor' AND active = 1").pluck().get() as number;
}

/** "王主任（S001）"-style label parts of a staff id, for records that name who made them. */
export function staffNameAndNo(db: Db, id: string): { name: string; staff_no: string } | undefined {
  return db.prepare('SELECT name, staff_no FROM staff WHERE id = ?').get(id) as { name: string; staff_no: string } | undefined;
}

/** A staff account to insert, as the services hand it over. */
export interface NewStaff {
  staffNo: string;
  name: string;
  title: string;
  duties: string;
  partyMember: boolean;
  role: 'clerk' | 'supervisor';
  pinHash: string;
  photoFile?: string | null;
}

export function insertStaffRow(db: Db, origin: Origin, row: NewStaff & { id: string; at: string }): void {
  db.prepare(
    `INSERT INTO staff (id, hall_id, window_no, staff_no, name, title, duties, party_member, role, pin_hash, photo_file, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, origin.hallId, origin.windowNo, row.staffNo, row.name, row.title, row.duties, row.partyMember ? 1 : 0, row.role, row.pinHash, row.photoFile ?? null, row.at, row.at);
}

export function updateStaffRow(db: Db, id: string, fields: Pick<StaffRow, 'name' | 'title' | 'duties' | 'party_member' | 'role' | 'active'>, at: string): void {
  db.prepare(`UPDATE staff SET name = ?, title = ?, duties = ?, party_member = ?, role = ?, active = ?, updated_at = ? WHERE id = ?`).run(
    fields.name,
    fields.title,
    fields.duties,
    fields.party_member,
    fields.role,
    fields.active,
    at,
    id,
  );
}

/** The holder's own new PIN: the wrong-PIN count starts again. */
export function setPin(db: Db, id: string, pinHash: string, at: string): void {
  db.prepare('UPDATE staff SET pin_hash = ?, failed_pins = 0, updated_at = ? WHERE id = ?').run(pinHash, at, id);
}

/** A supervisor's PIN reset: the count starts again and a lockout ends. */
export function resetPin(db: Db, id: string, pinHash: string, at: string): void {
  db.prepare('UPDATE staff SET pin_hash = ?, failed_pins = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(pinHash, at, id);
}

/** A supervisor ends a lockout: the count starts again. */
export function unlockStaffRow(db: Db, id: string, at: string): void {
  db.prepare('UPDATE staff SET failed_pins = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(at, id);
}

export function setPhotoFile(db: Db, id: string, photoFile: string, at: string): void {
  db.prepare('UPDATE staff SET photo_file = ?, updated_at = ? WHERE id = ?').run(photoFile, at, id);
}

/** Counts one more wrong PIN; returns the count. */
export function countWrongPin(db: Db, id: string): number {
  db.prepare('UPDATE staff SET failed_pins = failed_pins + 1 WHERE id = ?').run(id);
  return db.prepare('SELECT failed_pins FROM staff WHERE id = ?').pluck().get(id) as number;
}

export function lockStaff(db: Db, id: string, until: string, at: string): void {
  db.prepare('UPDATE staff SET failed_pins = 0, locked_until = ?, updated_at = ? WHERE id = ?').run(until, at, id);
}

export function clearWrongPinCount(db: Db, id: string): void {
  db.prepare('UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ? AND (failed_pins > 0 OR locked_until IS NOT NULL)').run(id);
}

/** The fields the screens and the hall server both see. */
function publicFields(row: StaffRow): Pick<Staff, 'id' | 'staffNo' | 'name' | 'title' | 'duties' | 'partyMember' | 'role' | 'active'> {
  return {
    id: row.id,
    staffNo: row.staff_no,
    name: row.name,
    title: row.title,
    duties: row.duties,
    partyMember: row.party_member === 1,
    role: row.role,
    active: row.active === 1,
  };
}

export function toStaff(row: StaffRow, now: Date): Staff {
  const locked = row.locked_until !== null && new Date(row.locked_until).getTime() > now.getTime();
  return { ...publicFields(row), hasPhoto: row.photo_file !== null, lockedUntil: locked ? row.locked_until : null };
}

/** The staff record as the hall server stores it: no PIN hash, no lockout counters. */
export function staffPayload(row: StaffRow): Record<string, unknown> {
  return { ...publicFields(row), photoFile: row.photo_file };
}
