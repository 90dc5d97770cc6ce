/**
 * The rating table (好差评). Every statement on it lives here; a row read from
 * SQLite gets its type here, once.
 */
import type { RatingStatus } from '../../../shared/contract';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

export interface RatingRow {
  id: string;
  hall_id: string;
  window_no: string;
  contact_id: string;
  staff_id: string;
  status: 'pending' | 'rated' | 'notRated';
  level: number | null;
  reasons: string;
  comment: string;
  requested_at: string;
  expires_at: string;
  answered_at: string | null;
  created_at: string;
  updated_at: string;
}

export function ratingById(db: Db, id: string): RatingRow | undefined {
  return db.prepare('SELECT * FROM rating WHERE id = ?').get(id) as RatingRow | undefined;
}

/** The stored row for the change log, its reasons as the list they are. */
export function ratingPayload(db: Db, id: string): Record<string, unknown> {
  const row = ratingById(db, id);
  if (!row) throw new Error(`rating ${id} vanished inside its transaction`);
  return { ...row, reasons: JSON.parse(row.reasons) as unknown };
}

/** The status of the contact's rating, if one was asked for. */
export function ratingStatusOf(db: Db, contactId: string): RatingStatus | undefined {
  const row = db.prepare('SELECT status FROM rating WHERE contact_id = ?').get(contactId) as { status: RatingStatus } | undefined;
  return row?.status;
}

/** Pending requests whose time ran out by `now`. */
export function expiredPendingIds(db: Db, now: string): string[] {
  return db.prepare("SELECT id FROM rating WHERE status = 'pending' AND expires_at <= ?").pluck().all(now) as string[];
}

/** Marks a pending request 未评价; false when it was no longer pending. */
export function markNotRated(db: Db, id: string, at: string): boolean {
  return db.prepare("UPDATE rating SET status = 'notRated', updated_at = ? WHERE id = ? AND status = 'pending'").run(at, id).changes > 0;
}

export interface PendingRequestRow {
  id: string;
  expires_at: string;
  window_no: string;
  /** The clerk who asked. */
  name: string;
}

/** The window's newest request still pending at `now`. */
export function pendingRequestOf(db: Db, windowNo: string, now: string): PendingRequestRow | undefined {
  return db
    .prepare(
      `SELECT r.id, r.expires_at, r.window_no, s.name FROM rating r JOIN staff s ON s.id = r.staff_id
       WHERE r.status = 'pending' AND r.window_no = ? AND r.expires_at > ? ORDER BY r.requested_at DESC LIMIT 1`,
    )
    .get(windowNo, now) as PendingRequestRow | undefined;
}

export interface NewRating {
  id: string;
  contactId: string;
  staffId: string;
  at: string;
  expiresAt: string;
}

export function insertRating(db: Db, origin: Origin, r: NewRating): void {
  db.prepare(
    `INSERT INTO rating (id, hall_id, window_no, contact_id, staff_id, status, requested_at, expires_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
  ).run(r.id, origin.hallId, origin.windowNo, r.contactId, r.staffId, r.at, r.expiresAt, r.at, r.at);
}

/** Records the applicant's answer to a pending request; false when it was no longer pending. */
export function answerRating(db: Db, id: string, answer: { level: number; reasons: string[]; comment: string }, at: string): boolean {
  return (
    db
      .prepare("UPDATE rating SET status = 'rated', level = ?, reasons = ?, comment = ?, answered_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'")
      .run(answer.level, JSON.stringify(answer.reasons), answer.comment, at, at, id).changes > 0
  );
}

/** What a rating request needs to know of the contact (the intake feature's table, read only). */
export interface ContactFacts {
  id: string;
  status: string;
  owner_staff_id: string;
  window_no: string;
}

export function contactFacts(db: Db, contactId: string): ContactFacts | undefined {
  return db.prepare('SELECT id, status, owner_staff_id, window_no FROM contact WHERE id = ?').get(contactId) as ContactFacts | undefined;
}
