/** Reading and mapping staff rows. */
import type { Staff } from '../../shared/contract';
import type { Db } from './db/connection';

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
  const row = db.prepare("SELECT COUNT(*) AS n FROM staff WHERE role = 'supervisor' AND active = 1").get() as { n: number };
  return row.n;
}

export function toStaff(row: StaffRow, now: Date): Staff {
  const locked = row.locked_until !== null && new Date(row.locked_until).getTime() > now.getTime();
  return {
    id: row.id,
    staffNo: row.staff_no,
    name: row.name,
    title: row.title,
    duties: row.duties,
    partyMember: row.party_member === 1,
    role: row.role,
    active: row.active === 1,
    hasPhoto: row.photo_file !== null,
    lockedUntil: locked ? row.locked_until : null,
  };
}

/** The staff record as the hall server stores it: no PIN hash, no lockout counters. */
export function staffPayload(row: StaffRow): Record<string, unknown> {
  return {
    id: row.id,
    staffNo: row.staff_no,
    name: row.name,
    title: row.title,
    duties: row.duties,
    partyMember: row.party_member === 1,
    role: row.role,
    active: row.active === 1,
    photoFile: row.photo_file,
  };
}
