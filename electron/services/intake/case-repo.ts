/** The service_case table (受理件, 限时办结): every statement on it, rows typed once here. */
import type { CatalogueItem } from '../../../shared/catalogue/schema';
import { CounterError } from '../../../shared/result';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

/** A case with its applicant's name from the contact it was accepted from. */
export interface CaseRow {
  id: string;
  case_no: string;
  contact_id: string;
  item_name: string;
  accepted_by: string;
  accepted_at: string;
  time_limit_kind: 'onTheSpot' | 'workingDays';
  working_days: number;
  due_date: string | null;
  due_pending_reason: string | null;
  status: 'open' | 'completed';
  completed_at: string | null;
  applicant_name: string;
}

const SELECT_CASE = `SELECT c.*, ct.applicant_name FROM service_case c JOIN contact ct ON ct.id = c.contact_id`;

/** The case, or the clerk's NOT_FOUND refusal. */
export function caseRow(db: Db, id: string): CaseRow {
  const row = db.prepare(`${SELECT_CASE} WHERE c.id = ?`).get(id) as CaseRow | undefined;
  if (!row) throw new CounterError('NOT_FOUND', '找不到该受理件，请刷新后重试');
  return row;
}

/**
 * A clerk's open cases, by due date (待定 last), then by acceptance. Read from
 * the window's open cases (a partial index), not from every case the clerk
 * ever accepted (service_case_accepted_by would be the planner's choice).
 */
export function openCasesOf(db: Db, staffId: string): CaseRow[] {
  return db
    .prepare(
      `SELECT c.*, ct.applicant_name FROM service_case c INDEXED BY service_case_open_by_due JOIN contact ct ON ct.id = c.contact_id
       WHERE c.accepted_by = ? AND c.status = 'open' ORDER BY c.due_date IS NULL, c.due_date, c.accepted_at`,
    )
    .all(staffId) as CaseRow[];
}

/** The case number of the case accepted from a contact, if any. */
export function caseNoOfContact(db: Db, contactId: string): string | undefined {
  const row = db.prepare('SELECT case_no FROM service_case WHERE contact_id = ?').get(contactId) as { case_no: string } | undefined;
  return row?.case_no;
}

export interface NewServiceCase {
  id: string;
  caseNo: string;
  contactId: string;
  itemCode: string;
  itemName: string;
  acceptedBy: string;
  timeLimit: CatalogueItem['timeLimit'];
  dueDate: string | null;
  duePendingReason: string | null;
  at: string;
}

export function insertServiceCase(db: Db, origin: Origin, c: NewServiceCase): void {
  db.prepare(
    `INSERT INTO service_case (id, hall_id, window_no, case_no, contact_id, item_code, item_name, accepted_by, accepted_at,
       time_limit_kind, working_days, due_date, due_pending_reason, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
  ).run(
    c.id,
    origin.hallId,
    origin.windowNo,
    c.caseNo,
    c.contactId,
    c.itemCode,
    c.itemName,
    c.acceptedBy,
    c.at,
    c.timeLimit.kind,
    c.timeLimit.kind === 'workingDays' ? c.timeLimit.days : 0,
    c.dueDate,
    c.duePendingReason,
    c.at,
    c.at,
  );
}

export function markCaseCompleted(db: Db, id: string, staffId: string, at: string): void {
  db.prepare("UPDATE service_case SET status = 'completed', completed_at = ?, completed_by = ?, updated_at = ? WHERE id = ?").run(at, staffId, at, id);
}

/** The stored case as the change log carries it. */
export function serviceCasePayload(db: Db, id: string): Record<string, unknown> {
  return db.prepare('SELECT * FROM service_case WHERE id = ?').get(id) as Record<string, unknown>;
}
