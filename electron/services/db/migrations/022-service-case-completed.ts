/**
 * Migration 22: the completed cases in acceptance order, for the ledger's
 * 已办结 filter. Without it the filter's count read every case ever accepted
 * (and a page had to read the open ones too); with it the count reads the
 * completed cases' entries alone, covered (contact_id for the contact, and
 * accepted_by for the clerk's LEFT JOIN), and a page walks them newest
 * first. Partial, as service_case_completed_by is since migration 20: a 受理
 * writes an open case, which has no entry here (the commit the receipt waits
 * for writes no page of it); 办结 writes the case's one entry.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`CREATE INDEX service_case_completed ON service_case(accepted_at, contact_id, accepted_by) WHERE status = 'completed';`);
}
