/**
 * The follow_up table (差评整改). Every statement on it lives here; a row read
 * from SQLite gets its type here, once. The rating feature opens a follow-up
 * through insertFollowUp.
 */
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

/** A follow-up with its rating, contact and the clerk rated, as the supervisor's list shows it. */
export interface FollowUpRow {
  id: string;
  rating_id: string;
  contact_id: string;
  staff_id: string;
  window_no: string;
  opened_at: string;
  contact_due: string | null;
  rectify_due: string | null;
  contacted_at: string | null;
  contact_note: string | null;
  finding: string | null;
  rectification: string | null;
  applicant_response: string | null;
  status: 'open' | 'closed';
  closed_at: string | null;
  appeal_status: 'none' | 'filed' | 'upheld' | 'rejected';
  appeal_reason: string | null;
  appeal_decision: string | null;
  appeal_decided_at: string | null;
  level: number;
  reasons: string;
  comment: string;
  answered_at: string;
  contact_no: string;
  item_name: string;
  applicant_name: string;
  applicant_phone: string;
  clerk_name: string;
  clerk_staff_no: string;
}

const SELECT = `SELECT f.*, r.level, r.reasons, r.comment, r.answered_at, c.contact_no, c.item_name, c.applicant_name, c.applicant_phone,
    s.name AS clerk_name, s.staff_no AS clerk_staff_no
  FROM follow_up f JOIN rating r ON r.id = f.rating_id JOIN contact c ON c.id = f.contact_id JOIN staff s ON s.id = f.staff_id`;

export function followUpById(db: Db, id: string): FollowUpRow | undefined {
  return db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FollowUpRow | undefined;
}

/** Newest first, at most 500: the open ones, the closed ones or all. */
export function followUpRows(db: Db, status: 'open' | 'closed' | 'all'): FollowUpRow[] {
  const where = status === 'all' ? '' : 'WHERE f.status = ?';
  const params = status === 'all' ? [] : [status];
  return db.prepare(`${SELECT} ${where} ORDER BY f.opened_at DESC LIMIT 500`).all(...params) as FollowUpRow[];
}

/** The follow_up row as stored, for the change log. */
export function followUpPayload(db: Db, id: string): Record<string, unknown> {
  return db.prepare('SELECT * FROM follow_up WHERE id = ?').get(id) as Record<string, unknown>;
}

/** Who filed the appeal: the follow_up table has no column for it, the audit trail (same transaction) does. */
export function appellantOf(db: Db, id: string): { id: string; name: string } | undefined {
  return db
    .prepare(
      `SELECT a.actor_id AS id, s.name FROM audit_log a JOIN staff s ON s.id = a.actor_id
       WHERE a.action = 'followUp.appeal' AND a.entity = 'follow_up' AND a.entity_id = ? ORDER BY a.seq DESC LIMIT 1`,
    )
    .get(id) as { id: string; name: string } | undefined;
}

export interface NewFollowUp {
  id: string;
  ratingId: string;
  contactId: string;
  staffId: string;
  contactDue: string | null;
  rectifyDue: string | null;
  at: string;
}

export function insertFollowUp(db: Db, origin: Origin, f: NewFollowUp): void {
  db.prepare(
    `INSERT INTO follow_up (id, hall_id, window_no, rating_id, contact_id, staff_id, opened_at, contact_due, rectify_due, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
  ).run(f.id, origin.hallId, origin.windowNo, f.ratingId, f.contactId, f.staffId, f.at, f.contactDue, f.rectifyDue, f.at, f.at);
}

/** What the supervisor recorded; null leaves a field as it was. */
export interface FollowUpNotes {
  contact_note: string | null;
  finding: string | null;
  rectification: string | null;
  applicant_response: string | null;
}

export function updateFollowUpNotes(db: Db, id: string, notes: FollowUpNotes, contactedAt: string | null, at: string): void {
  db.prepare(
    `UPDATE follow_up SET contact_note = COALESCE(?, contact_note), finding = COALESCE(?, finding), rectification = COALESCE(?, rectification),
       applicant_response = COALESCE(?, applicant_response), contacted_at = ?, updated_at = ? WHERE id = ?`,
  ).run(notes.contact_note, notes.finding, notes.rectification, notes.applicant_response, contactedAt, at, id);
}

export function closeFollowUpRow(db: Db, id: string, staffId: string, at: string): void {
  db.prepare("UPDATE follow_up SET status = 'closed', closed_at = ?, closed_by = ?, updated_at = ? WHERE id = ?").run(at, staffId, at, id);
}

export function fileAppeal(db: Db, id: string, reason: string, at: string): void {
  db.prepare("UPDATE follow_up SET appeal_status = 'filed', appeal_reason = ?, updated_at = ? WHERE id = ?").run(reason, at, id);
}

/** An upheld appeal sets the bad rating aside: the follow-up closes with it. */
export function upholdAppeal(db: Db, id: string, decision: string, staffId: string, at: string): void {
  db.prepare(
    `UPDATE follow_up SET appeal_status = 'upheld', appeal_decision = ?, appeal_decided_by = ?, appeal_decided_at = ?,
       status = 'closed', closed_at = ?, closed_by = ?, updated_at = ? WHERE id = ?`,
  ).run(decision, staffId, at, at, staffId, at, id);
}

export function rejectAppeal(db: Db, id: string, decision: string, staffId: string, at: string): void {
  db.prepare("UPDATE follow_up SET appeal_status = 'rejected', appeal_decision = ?, appeal_decided_by = ?, appeal_decided_at = ?, updated_at = ? WHERE id = ?").run(
    decision,
    staffId,
    at,
    at,
    id,
  );
}
