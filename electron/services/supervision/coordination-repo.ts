/**
 * The coordination_note table (沟通联系制). Every statement on it lives here;
 * a row read from SQLite gets its type here, once.
 */
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

/** A note with its case number and the sender's name. */
export interface NoteRow {
  id: string;
  case_id: string;
  from_staff_id: string;
  addressed_to: string;
  content: string;
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
  created_at: string;
  updated_at: string;
  case_no: string;
  from_name: string | null;
  from_no: string | null;
}

const SELECT_NOTE = `SELECT n.*, c.case_no, s.name AS from_name, s.staff_no AS from_no
  FROM coordination_note n JOIN service_case c ON c.id = n.case_id LEFT JOIN staff s ON s.id = n.from_staff_id`;

export function noteById(db: Db, id: string): NoteRow | undefined {
  return db.prepare(`${SELECT_NOTE} WHERE n.id = ?`).get(id) as NoteRow | undefined;
}

/** A case's notes, oldest first. */
export function notesOfCase(db: Db, caseId: string): NoteRow[] {
  return db.prepare(`${SELECT_NOTE} WHERE n.case_id = ? ORDER BY n.created_at, n.id`).all(caseId) as NoteRow[];
}

/** Notes not answered yet, oldest first. */
export function unansweredNotes(db: Db, limit: number): NoteRow[] {
  return db.prepare(`${SELECT_NOTE} WHERE n.reply IS NULL ORDER BY n.created_at, n.id LIMIT ?`).all(limit) as NoteRow[];
}

/** Whether the case exists (the intake feature's service_case table, read only). */
export function caseExists(db: Db, caseId: string): boolean {
  return db.prepare('SELECT 1 FROM service_case WHERE id = ?').get(caseId) !== undefined;
}

export interface NewNote {
  id: string;
  caseId: string;
  fromStaffId: string;
  addressedTo: string;
  content: string;
  at: string;
}

export function insertNote(db: Db, origin: Origin, n: NewNote): void {
  db.prepare(
    `INSERT INTO coordination_note (id, hall_id, window_no, case_id, from_staff_id, addressed_to, content, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(n.id, origin.hallId, origin.windowNo, n.caseId, n.fromStaffId, n.addressedTo, n.content, n.at, n.at);
}

export function replyToNote(db: Db, id: string, reply: string, repliedBy: string, at: string): void {
  db.prepare('UPDATE coordination_note SET reply = ?, replied_by = ?, replied_at = ?, updated_at = ? WHERE id = ?').run(reply, repliedBy, at, at, id);
}
