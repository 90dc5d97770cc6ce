/**
 * Migration 9: marriage and divorce registration (cases and their parties, final
 * once written), appointments imported from the online booking system, the
 * certificate counters, and document numbers at rest: sealed (AES-256-GCM)
 * with a keyed lookup hash beside the masked form, on contacts too (see
 * electron/services/crypto/document-vault.ts). Contacts received before keep
 * their masked form only (the new columns are NULL).
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
  ALTER TABLE contact ADD COLUMN applicant_id_type TEXT;
  ALTER TABLE contact ADD COLUMN applicant_id_sealed TEXT;
  ALTER TABLE contact ADD COLUMN applicant_id_hash TEXT;
  CREATE INDEX contact_applicant_id_hash ON contact(applicant_id_hash) WHERE applicant_id_hash IS NOT NULL;

  CREATE TABLE appointment_import (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    file_name TEXT NOT NULL,
    imported_by TEXT NOT NULL REFERENCES staff(id),
    imported_at TEXT NOT NULL,
    total_rows INTEGER NOT NULL,
    added INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    problems TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE appointment (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE COLLATE NOCASE,
    day TEXT NOT NULL,
    slot_start TEXT NOT NULL,
    slot_end TEXT NOT NULL,
    item_code TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    document_type TEXT NOT NULL,
    document_sealed TEXT NOT NULL,
    document_hash TEXT NOT NULL,
    document_masked TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    partner_name TEXT NOT NULL DEFAULT '',
    partner_document_type TEXT,
    partner_document_sealed TEXT,
    partner_document_hash TEXT,
    partner_document_masked TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('booked', 'checkedIn', 'noShow', 'cancelled')),
    over_capacity INTEGER NOT NULL DEFAULT 0 CHECK (over_capacity IN (0, 1)),
    contact_id TEXT REFERENCES contact(id),
    checked_in_at TEXT,
    no_show_at TEXT,
    import_id TEXT NOT NULL REFERENCES appointment_import(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX appointment_day ON appointment(day, slot_start);
  CREATE INDEX appointment_document ON appointment(document_hash);
  CREATE INDEX appointment_partner_document ON appointment(partner_document_hash) WHERE partner_document_hash IS NOT NULL;

  CREATE TABLE civil_case (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    case_no TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('marriage', 'divorce', 'reissue')),
    status TEXT NOT NULL CHECK (status IN ('registered', 'refused', 'accepted', 'withdrawn', 'deemedWithdrawn')),
    contact_id TEXT REFERENCES contact(id),
    received_by TEXT NOT NULL REFERENCES staff(id),
    received_at TEXT NOT NULL,
    checks TEXT NOT NULL DEFAULT '{}',
    details TEXT NOT NULL DEFAULT '{}',
    cooling_off_end TEXT,
    certificate_deadline TEXT,
    certificate_no TEXT UNIQUE,
    registered_at TEXT,
    registrar_id TEXT REFERENCES staff(id),
    refusal_reasons TEXT,
    refusal_note TEXT,
    withdrawn_at TEXT,
    withdrawn_by_party INTEGER CHECK (withdrawn_by_party IN (0, 1)),
    deemed_withdrawn_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX civil_case_open_divorce ON civil_case(received_at) WHERE kind = 'divorce' AND status = 'accepted';
  CREATE INDEX civil_case_received ON civil_case(received_at, kind, status);
  CREATE INDEX civil_case_contact ON civil_case(contact_id) WHERE contact_id IS NOT NULL;

  CREATE TABLE civil_party (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES civil_case(id),
    position INTEGER NOT NULL CHECK (position IN (0, 1)),
    document_type TEXT NOT NULL,
    document_sealed TEXT NOT NULL,
    document_hash TEXT NOT NULL,
    document_masked TEXT NOT NULL,
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    birth_date TEXT NOT NULL,
    nationality TEXT NOT NULL,
    ethnicity TEXT NOT NULL DEFAULT '',
    occupation TEXT NOT NULL DEFAULT '',
    education TEXT NOT NULL,
    prior_status TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (case_id, position)
  );
  CREATE INDEX civil_party_document ON civil_party(document_hash);

  -- a registration is final: the parties of a case never change after it is written
  CREATE TRIGGER civil_party_no_update BEFORE UPDATE ON civil_party BEGIN
    SELECT RAISE(ABORT, 'civil_party rows are final');
  END;
  CREATE TRIGGER civil_party_no_delete BEFORE DELETE ON civil_party BEGIN
    SELECT RAISE(ABORT, 'civil_party rows are final');
  END;

  -- certificate sequence per kind prefix and year (J/L/BJ/BL + year)
  CREATE TABLE certificate_counter (
    prefix TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
  );
  `);
}
