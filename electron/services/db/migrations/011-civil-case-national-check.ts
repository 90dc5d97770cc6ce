/**
 * Migration 11: 结婚登记 records who confirmed the national check (联网核查) and
 * when; 离婚登记 records the marriage certificate number(s) and the ledger's
 * marriage case. Existing cases get NULL.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
  ALTER TABLE civil_case ADD COLUMN national_check TEXT;
  ALTER TABLE civil_case ADD COLUMN marriage_certificate_nos TEXT;
  ALTER TABLE civil_case ADD COLUMN marriage_case_id TEXT REFERENCES civil_case(id);
  `);
}
