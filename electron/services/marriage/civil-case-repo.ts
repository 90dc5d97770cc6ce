/**
 * The marriage feature's civil_case table (结婚、离婚、补领 applications) and
 * its certificate number counter: every statement on them, rows typed once here.
 */
import type { CivilKind, CivilStatus } from '../../../shared/api/marriage';
import { CounterError } from '../../../shared/result';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';
import { divorceDeadlines } from '../../../shared/domain/divorce-periods';
import { hallDate } from '../../../shared/domain/hall-time';
import type { WorkCalendar } from '../../../shared/domain/working-days';

export interface CivilCaseRow {
  id: string;
  case_no: string;
  kind: CivilKind;
  status: CivilStatus;
  contact_id: string | null;
  received_by: string;
  received_at: string;
  checks: string;
  details: string;
  certificate_no: string | null;
  registered_at: string | null;
  registrar_id: string | null;
  refusal_reasons: string | null;
  refusal_note: string | null;
  withdrawn_at: string | null;
  withdrawn_by_party: 0 | 1 | null;
  deemed_withdrawn_at: string | null;
  /** JSON NationalCheckRecord. */
  national_check: string | null;
  /** JSON string[]. */
  marriage_certificate_nos: string | null;
  marriage_case_id: string | null;
  /** A divorce's stored period ends (setDivorceDates); null while 待定 and for other kinds. */
  cooling_off_end: string | null;
  certificate_deadline: string | null;
}

/** The clerk's confirmation of the national check (联网核查), as stored with the registration and in its audit row. */
export interface NationalCheckRecord {
  parties: [boolean, boolean];
  checkedBy: string;
  checkedByStaffNo: string;
  checkedAt: string;
  /** A window joined to a hall: whether the hall answered the registry check across windows. */
  hallRegistry?: 'checked' | 'unreachable';
}

/** The case, or the clerk's NOT_FOUND refusal. */
export function civilCaseRow(db: Db, id: string): CivilCaseRow {
  const row = db.prepare('SELECT * FROM civil_case WHERE id = ?').get(id) as CivilCaseRow | undefined;
  if (!row) throw new CounterError('NOT_FOUND', '找不到该婚姻登记申请，请刷新后重试');
  return row;
}

/** Divorce applications accepted and not yet registered, withdrawn or deemed withdrawn, oldest first. */
export function acceptedDivorces(db: Db): CivilCaseRow[] {
  return db.prepare("SELECT * FROM civil_case WHERE kind = 'divorce' AND status = 'accepted' ORDER BY received_at").all() as CivilCaseRow[];
}

/** A window's applications received since an instant, newest first. */
export function casesReceivedSince(db: Db, windowNo: string, since: string): CivilCaseRow[] {
  return db.prepare('SELECT * FROM civil_case WHERE received_at >= ? AND window_no = ? ORDER BY received_at DESC LIMIT 200').all(since, windowNo) as CivilCaseRow[];
}

/** The number of the application already made from a contact, if any. */
export function caseNoOfContact(db: Db, contactId: string): string | undefined {
  const row = db.prepare('SELECT case_no FROM civil_case WHERE contact_id = ?').get(contactId) as { case_no: string } | undefined;
  return row?.case_no;
}

/** The registered marriage (or 补领 of one) that issued a certificate number, if any. */
export function registeredMarriageByCertificate(db: Db, certificateNo: string): { id: string; kind: 'marriage' | 'reissue' } | undefined {
  return db.prepare("SELECT id, kind FROM civil_case WHERE certificate_no = ? AND status = 'registered' AND kind IN ('marriage', 'reissue')").get(certificateNo) as
    | { id: string; kind: 'marriage' | 'reissue' }
    | undefined;
}

export interface NewCivilCase {
  id: string;
  caseNo: string;
  kind: CivilKind;
  status: CivilStatus;
  contactId: string | null;
  receivedBy: string;
  /** JSON texts, as stored. */
  checks: string;
  details: string;
  certificateNo: string | null;
  registrarId: string | null;
  refusalReasons: string | null;
  refusalNote: string | null;
  nationalCheck: string | null;
  marriageCertificateNos: string | null;
  marriageCaseId: string | null;
  at: string;
}

export function insertCivilCase(db: Db, origin: Origin, c: NewCivilCase): void {
  db.prepare(
    `INSERT INTO civil_case (id, hall_id, window_no, case_no, kind, status, contact_id, received_by, received_at, checks, details,
       certificate_no, registered_at, registrar_id, refusal_reasons, refusal_note, national_check, marriage_certificate_nos, marriage_case_id,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    origin.hallId,
    origin.windowNo,
    c.caseNo,
    c.kind,
    c.status,
    c.contactId,
    c.receivedBy,
    c.at,
    c.checks,
    c.details,
    c.certificateNo,
    c.status === 'registered' ? c.at : null,
    c.registrarId,
    c.refusalReasons,
    c.refusalNote,
    c.nationalCheck,
    c.marriageCertificateNos,
    c.marriageCaseId,
    c.at,
    c.at,
  );
}

/** What a later step of a divorce application changes. */
export type CivilCaseChange = Partial<
  Pick<CivilCaseRow, 'status' | 'certificate_no' | 'registered_at' | 'registrar_id' | 'withdrawn_at' | 'withdrawn_by_party' | 'deemed_withdrawn_at'>
>;

export function updateCivilCase(db: Db, id: string, change: CivilCaseChange, at: string): void {
  const columns = Object.keys(change) as (keyof CivilCaseChange)[];
  db.prepare(`UPDATE civil_case SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...columns.map((c) => change[c] ?? null), at, id);
}

/**
 * The divorce periods' end dates, kept with the record for the ledger's
 * filters (null while 待定); refreshDivorceDates keeps them equal to what the
 * case shows from today's calendar.
 */
export function setDivorceDates(db: Db, id: string, coolingOffEnd: string | null, certificateDeadline: string | null): void {
  db.prepare('UPDATE civil_case SET cooling_off_end = ?, certificate_deadline = ? WHERE id = ?').run(coolingOffEnd, certificateDeadline, id);
}

/**
 * After the working-day calendar changed, in the same transaction: the open
 * divorce applications' stored dates follow it (a year's arrangement entered
 * later turns 待定 into dates; a corrected day moves them). Returns how many changed.
 */
export function refreshDivorceDates(db: Db, calendar: WorkCalendar): number {
  let changed = 0;
  for (const row of acceptedDivorces(db)) {
    const { coolingOffEnd, certificateDeadline } = divorceDeadlines(calendar, hallDate(row.received_at));
    const end = 'date' in coolingOffEnd ? coolingOffEnd.date : null;
    const deadline = 'date' in certificateDeadline ? certificateDeadline.date : null;
    if (end === row.cooling_off_end && deadline === row.certificate_deadline) continue;
    setDivorceDates(db, row.id, end, deadline);
    changed++;
  }
  return changed;
}

/** Whether a certificate number (结婚证/离婚证字号) has been issued already. */
export function certificateInUse(db: Db, certificateNo: string): boolean {
  return db.prepare('SELECT 1 FROM civil_case WHERE certificate_no = ?').get(certificateNo) !== undefined;
}

/** The next local certificate sequence for a prefix and year (the counter goes up even if the number is then skipped). */
export function nextCertificateSeq(db: Db, prefix: string, year: number): number {
  const row = db
    .prepare(
      `INSERT INTO certificate_counter (prefix, year, last) VALUES (?, ?, 1)
       ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .get(prefix, year) as { last: number };
  return row.last;
}
