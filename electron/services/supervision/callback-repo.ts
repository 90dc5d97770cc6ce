/**
 * The callback_rule and callback tables (跟踪回访). Every statement on them
 * lives here; a row read from SQLite gets its type here, once.
 */
import type { CallbackSource } from '../../../shared/domain/callbacks';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

export interface RuleRow {
  id: string;
  kind: CallbackSource;
  share_percent: number;
  item_code: string | null;
  days_after: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** A callback with the contact, clerk and case it is about. */
export interface CallbackRow {
  id: string;
  rule_id: string | null;
  source: CallbackSource;
  contact_id: string;
  due_date: string;
  status: 'due' | 'done' | 'unreachable';
  outcome: string | null;
  satisfaction: number | null;
  done_by: string | null;
  done_at: string | null;
  created_at: string;
  updated_at: string;
  contact_no: string;
  item_name: string;
  applicant_name: string;
  applicant_phone: string;
  owner_name: string | null;
  case_no: string | null;
}

const SELECT_CALLBACK = `SELECT cb.*, ct.contact_no, ct.item_name, ct.applicant_name, ct.applicant_phone,
    s.name AS owner_name, sc.case_no
  FROM callback cb
  JOIN contact ct ON ct.id = cb.contact_id
  LEFT JOIN staff s ON s.id = ct.owner_staff_id
  LEFT JOIN service_case sc ON sc.contact_id = cb.contact_id`;

export function ruleById(db: Db, id: string): RuleRow | undefined {
  return db.prepare('SELECT * FROM callback_rule WHERE id = ?').get(id) as RuleRow | undefined;
}

/** Active rules first. */
export function allRules(db: Db): RuleRow[] {
  return db.prepare('SELECT * FROM callback_rule ORDER BY active DESC, kind, created_at').all() as RuleRow[];
}

export function activeRules(db: Db): RuleRow[] {
  return db.prepare('SELECT * FROM callback_rule WHERE active = 1').all() as RuleRow[];
}

/** Another active rule of the kind for the same item (or for no item). */
export function activeTwinOf(db: Db, kind: CallbackSource, itemCode: string | null, exceptId: string): string | undefined {
  return db.prepare('SELECT id FROM callback_rule WHERE active = 1 AND kind = ? AND item_code IS ? AND id <> ?').pluck().get(kind, itemCode, exceptId) as
    | string
    | undefined;
}

export interface RuleFields {
  sharePercent: number;
  itemCode: string | null;
  daysAfter: number;
  active: boolean;
}

export function insertRule(db: Db, origin: Origin, id: string, kind: CallbackSource, f: RuleFields, at: string): void {
  db.prepare(
    `INSERT INTO callback_rule (id, hall_id, window_no, kind, share_percent, item_code, days_after, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, origin.hallId, origin.windowNo, kind, f.sharePercent, f.itemCode, f.daysAfter, f.active ? 1 : 0, at, at);
}

export function updateRule(db: Db, id: string, f: RuleFields, at: string): void {
  db.prepare('UPDATE callback_rule SET share_percent = ?, item_code = ?, days_after = ?, active = ?, updated_at = ? WHERE id = ?').run(
    f.sharePercent,
    f.itemCode,
    f.daysAfter,
    f.active ? 1 : 0,
    at,
    id,
  );
}

/** An event a rule may select: a completed case or a bad rating, with the sources already scheduled for its contact. */
export interface CandidateRow {
  contact_id: string;
  key: string;
  item_code: string;
  at: string;
  /** Comma-separated callback sources, or null. */
  scheduled: string | null;
}

/**
 * The cases completed since a time. A completed case names the staff member
 * who completed it (a staff row, by its foreign key), so the cases are found
 * per staff member in service_case_completed_by (completed_by, completed_at):
 * one range search each, never a read of every case ever accepted.
 */
export function completedCasesSince(db: Db, since: string): CandidateRow[] {
  return db
    .prepare(
      `SELECT c.contact_id, c.id AS key, ct.item_code, c.completed_at AS at,
         (SELECT group_concat(cb.source) FROM callback cb WHERE cb.contact_id = c.contact_id) AS scheduled
       FROM service_case c JOIN contact ct ON ct.id = c.contact_id
       WHERE c.completed_by IN (SELECT id FROM staff) AND c.status = 'completed' AND c.completed_at >= ?
       ORDER BY c.completed_at, c.id`,
    )
    .all(since) as CandidateRow[];
}

export function badRatingsSince(db: Db, maxLevel: number, since: string): CandidateRow[] {
  return db
    .prepare(
      `SELECT r.contact_id, r.id AS key, ct.item_code, r.answered_at AS at,
         (SELECT group_concat(cb.source) FROM callback cb WHERE cb.contact_id = r.contact_id) AS scheduled
       FROM rating r JOIN contact ct ON ct.id = r.contact_id
       WHERE r.status = 'rated' AND r.level <= ? AND r.answered_at IS NOT NULL AND r.answered_at >= ?
       ORDER BY r.answered_at, r.id`,
    )
    .all(maxLevel, since) as CandidateRow[];
}

export interface NewCallback {
  id: string;
  ruleId: string;
  source: CallbackSource;
  contactId: string;
  dueDate: string;
}

/** Inserts a due callback unless the contact already has one from that source; false when it had. */
export function insertCallback(db: Db, origin: Origin, c: NewCallback, at: string): boolean {
  return (
    db
      .prepare(
        `INSERT INTO callback (id, hall_id, window_no, rule_id, source, contact_id, due_date, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'due', ?, ?) ON CONFLICT (contact_id, source) DO NOTHING`,
      )
      .run(c.id, origin.hallId, origin.windowNo, c.ruleId, c.source, c.contactId, c.dueDate, at, at).changes > 0
  );
}

export function callbackById(db: Db, id: string): CallbackRow | undefined {
  return db.prepare(`${SELECT_CALLBACK} WHERE cb.id = ?`).get(id) as CallbackRow | undefined;
}

/** Callbacks still to make, earliest due first. */
export function dueCallbackRows(db: Db): CallbackRow[] {
  return db.prepare(`${SELECT_CALLBACK} WHERE cb.status = 'due' ORDER BY cb.due_date, cb.created_at`).all() as CallbackRow[];
}

/** The latest callbacks made (done or unreachable). */
export function recentCallbackRows(db: Db, limit: number): CallbackRow[] {
  return db.prepare(`${SELECT_CALLBACK} WHERE cb.status <> 'due' ORDER BY cb.done_at DESC LIMIT ?`).all(limit) as CallbackRow[];
}

export interface CallbackOutcome {
  status: 'done' | 'unreachable';
  outcome: string | null;
  satisfaction: number | null;
  doneBy: string;
}

export function recordCallbackOutcome(db: Db, id: string, o: CallbackOutcome, at: string): void {
  db.prepare('UPDATE callback SET status = ?, outcome = ?, satisfaction = ?, done_by = ?, done_at = ?, updated_at = ? WHERE id = ?').run(
    o.status,
    o.outcome,
    o.satisfaction,
    o.doneBy,
    at,
    at,
    id,
  );
}
