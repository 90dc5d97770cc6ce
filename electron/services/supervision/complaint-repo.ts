/**
 * The complaint table (意见箱). Every statement on it lives here; a row read
 * from SQLite gets its type here, once.
 */
import type { Complaint } from '../../../shared/contract';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

export interface ComplaintRow {
  id: string;
  complaint_no: string;
  kind: 'complaint' | 'suggestion';
  channel: Complaint['via'];
  complainant: string;
  phone: string;
  content: string;
  subject_staff_id: string | null;
  owner_staff_id: string;
  deadline: string | null;
  status: 'open' | 'resolved' | 'closed';
  resolution: string | null;
  reply: string | null;
  replied_at: string | null;
  received_at: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export function complaintById(db: Db, id: string): ComplaintRow | undefined {
  return db.prepare('SELECT * FROM complaint WHERE id = ?').get(id) as ComplaintRow | undefined;
}

/** Open ones first by deadline (待定 last), then the newest; at most 500. */
export function complaintRows(db: Db, filter: { ownerStaffId: string | undefined; status: ComplaintRow['status'] | undefined }): ComplaintRow[] {
  const where: string[] = [];
  const args: string[] = [];
  if (filter.ownerStaffId !== undefined) {
    where.push('owner_staff_id = ?');
    args.push(filter.ownerStaffId);
  }
  if (filter.status !== undefined) {
    where.push('status = ?');
    args.push(filter.status);
  }
  return db
    .prepare(
      `SELECT * FROM complaint ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY status = 'open' DESC, deadline IS NULL, deadline, received_at DESC LIMIT 500`,
    )
    .all(...args) as ComplaintRow[];
}

export interface NewComplaint {
  id: string;
  complaintNo: string;
  kind: ComplaintRow['kind'];
  channel: ComplaintRow['channel'];
  complainant: string;
  phone: string;
  content: string;
  subjectStaffId: string | null;
  ownerStaffId: string;
  deadline: string | null;
  at: string;
}

export function insertComplaint(db: Db, origin: Origin, c: NewComplaint): void {
  db.prepare(
    `INSERT INTO complaint (id, hall_id, window_no, complaint_no, kind, channel, complainant, phone, content, subject_staff_id,
       owner_staff_id, deadline, status, received_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
  ).run(c.id, origin.hallId, origin.windowNo, c.complaintNo, c.kind, c.channel, c.complainant, c.phone, c.content, c.subjectStaffId, c.ownerStaffId, c.deadline, c.at, c.at, c.at);
}

export function resolveComplaintRow(db: Db, id: string, resolution: string, reply: string, at: string): void {
  db.prepare("UPDATE complaint SET status = 'resolved', resolution = ?, reply = ?, replied_at = ?, updated_at = ? WHERE id = ?").run(resolution, reply, at, at, id);
}

export function closeComplaintRow(db: Db, id: string, at: string): void {
  db.prepare("UPDATE complaint SET status = 'closed', closed_at = ?, updated_at = ? WHERE id = ?").run(at, at, id);
}
