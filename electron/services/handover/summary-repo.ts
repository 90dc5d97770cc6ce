/**
 * What a shift's handover summary reads from the ledger: read-only queries
 * across the intake, rating and marriage-registry tables, typed here once.
 */
import type { Db } from '../db/connection';

function count(db: Db, sql: string, ...params: unknown[]): number {
  return db.prepare(sql).pluck().get(...params) as number;
}

/** The clerk's work in [from, to]. */
export function shiftWorkCounts(db: Db, staffId: string, from: string, to: string) {
  return {
    received: count(db, 'SELECT COUNT(*) FROM contact WHERE owner_staff_id = ? AND received_at >= ? AND received_at <= ?', staffId, from, to),
    notified: count(db, 'SELECT COUNT(*) FROM notification WHERE issued_by = ? AND issued_at >= ? AND issued_at <= ?', staffId, from, to),
    referred: count(db, 'SELECT COUNT(*) FROM referral WHERE issued_by = ? AND issued_at >= ? AND issued_at <= ?', staffId, from, to),
    accepted: count(db, 'SELECT COUNT(*) FROM service_case WHERE accepted_by = ? AND accepted_at >= ? AND accepted_at <= ?', staffId, from, to),
    completed: count(db, 'SELECT COUNT(*) FROM service_case WHERE completed_by = ? AND completed_at >= ? AND completed_at <= ?', staffId, from, to),
    closed: count(db, "SELECT COUNT(*) FROM contact WHERE owner_staff_id = ? AND status = 'closed' AND closed_at >= ? AND closed_at <= ?", staffId, from, to),
  };
}

/** The clerk's ratings answered (or run out) in [from, to]. */
export function shiftRatingCounts(db: Db, staffId: string, from: string, to: string) {
  return {
    rated: count(db, "SELECT COUNT(*) FROM rating WHERE staff_id = ? AND status = 'rated' AND answered_at >= ? AND answered_at <= ?", staffId, from, to),
    notRated: count(db, "SELECT COUNT(*) FROM rating WHERE staff_id = ? AND status = 'notRated' AND expires_at >= ? AND expires_at <= ?", staffId, from, to),
  };
}

/** Applicants the clerk is still receiving (contacts open). */
export function receptionInProgress(db: Db, staffId: string): number {
  return count(db, "SELECT COUNT(*) FROM contact WHERE owner_staff_id = ? AND status = 'open'", staffId);
}

export interface OpenCaseRow {
  case_no: string;
  item_name: string;
  applicant_name: string;
  due_date: string | null;
}

/** The window's open cases by due date (待定 first), at most `limit`, and their totals. */
export function openCases(db: Db, limit: number, today: string): { rows: OpenCaseRow[]; total: number; overdue: number } {
  const rows = db
    .prepare(
      `SELECT c.case_no, c.item_name, ct.applicant_name, c.due_date FROM service_case c JOIN contact ct ON ct.id = c.contact_id
       WHERE c.status = 'open' ORDER BY c.due_date LIMIT ?`,
    )
    .all(limit) as OpenCaseRow[];
  return {
    rows,
    total: count(db, "SELECT COUNT(*) FROM service_case WHERE status = 'open'"),
    overdue: count(db, "SELECT COUNT(*) FROM service_case WHERE status = 'open' AND due_date < ?", today),
  };
}

export interface AwaitingRow {
  slip_no: string;
  item_name: string;
  applicant_name: string;
  supplement_by: string | null;
}

/** Contacts awaiting materials, longest waiting first, each with its latest slip; at most `limit`, and their total. */
export function awaitingMaterials(db: Db, limit: number): { rows: AwaitingRow[]; total: number } {
  const rows = db
    .prepare(
      `SELECT n.slip_no, w.item_name, w.applicant_name, n.supplement_by
       FROM (SELECT id, item_name, applicant_name, received_at FROM contact WHERE status = 'notified' ORDER BY received_at LIMIT ?) w
       JOIN notification n ON n.id = (SELECT id FROM notification WHERE contact_id = w.id ORDER BY issued_at DESC LIMIT 1)
       ORDER BY w.received_at`,
    )
    .all(limit) as AwaitingRow[];
  return { rows, total: count(db, "SELECT COUNT(*) FROM contact WHERE status = 'notified'") };
}

/** The clerk's marriage-registry work in [from, to]. */
export function registryCounts(db: Db, staffId: string, from: string, to: string) {
  const registered = (kind: string): number =>
    count(db, "SELECT COUNT(*) FROM civil_case WHERE kind = ? AND status = 'registered' AND registrar_id = ? AND registered_at >= ? AND registered_at <= ?", kind, staffId, from, to);
  return {
    marriages: registered('marriage'),
    reissues: registered('reissue'),
    // received in the shift and not refused: a divorce withdrawn later in the shift was still accepted
    divorcesAccepted: count(db, "SELECT COUNT(*) FROM civil_case WHERE kind = 'divorce' AND status <> 'refused' AND received_by = ? AND received_at >= ? AND received_at <= ?", staffId, from, to),
    divorcesRegistered: registered('divorce'),
    refused: count(db, "SELECT COUNT(*) FROM civil_case WHERE status = 'refused' AND received_by = ? AND received_at >= ? AND received_at <= ?", staffId, from, to),
    withdrawn: count(db, "SELECT COUNT(*) FROM civil_case WHERE status = 'withdrawn' AND withdrawn_at >= ? AND withdrawn_at <= ?", from, to),
  };
}

export interface AcceptedDivorceRow {
  id: string;
  case_no: string;
  received_at: string;
}

/** Divorce applications accepted at the window and not finished. */
export function acceptedDivorcesAt(db: Db, windowNo: string): AcceptedDivorceRow[] {
  return db.prepare("SELECT id, case_no, received_at FROM civil_case WHERE kind = 'divorce' AND status = 'accepted' AND window_no = ?").all(windowNo) as AcceptedDivorceRow[];
}

/** The parties' names of a case, in order. */
export function partyNames(db: Db, caseId: string): string[] {
  return db.prepare('SELECT name FROM civil_party WHERE case_id = ? ORDER BY position').pluck().all(caseId) as string[];
}
