/**
 * Migration 3: intake and reference data. Contacts (接件), notifications of
 * missing materials, referrals, accepted cases with their time limits, the
 * per-day slip counters, and the imported service catalogues and working-day
 * calendar overrides those rules read.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
  CREATE TABLE slip_counter (
    prefix TEXT NOT NULL,
    day TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (prefix, day)
  );

  CREATE TABLE contact (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    contact_no TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL CHECK (channel IN ('walkIn', 'appointment')),
    item_code TEXT NOT NULL,
    item_name TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    applicant_phone TEXT NOT NULL DEFAULT '',
    applicant_id_masked TEXT NOT NULL DEFAULT '',
    owner_staff_id TEXT NOT NULL REFERENCES staff(id),
    status TEXT NOT NULL CHECK (status IN ('open', 'notified', 'referred', 'accepted', 'closed')),
    received_materials TEXT NOT NULL DEFAULT '[]',
    received_at TEXT NOT NULL,
    closed_at TEXT,
    close_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX contact_owner_status ON contact(owner_staff_id, status);
  CREATE INDEX contact_received ON contact(received_at);

  CREATE TABLE notification (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    slip_no TEXT NOT NULL UNIQUE,
    contact_id TEXT NOT NULL REFERENCES contact(id),
    received TEXT NOT NULL,
    missing TEXT NOT NULL,
    supplement_by TEXT,
    issued_by TEXT NOT NULL REFERENCES staff(id),
    issued_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX notification_contact ON notification(contact_id, issued_at);

  CREATE TABLE referral (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    slip_no TEXT NOT NULL UNIQUE,
    contact_id TEXT NOT NULL REFERENCES contact(id),
    target TEXT NOT NULL,
    issued_by TEXT NOT NULL REFERENCES staff(id),
    issued_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX referral_contact ON referral(contact_id);

  CREATE TABLE service_case (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    case_no TEXT NOT NULL UNIQUE,
    contact_id TEXT NOT NULL UNIQUE REFERENCES contact(id),
    item_code TEXT NOT NULL,
    item_name TEXT NOT NULL,
    accepted_by TEXT NOT NULL REFERENCES staff(id),
    accepted_at TEXT NOT NULL,
    time_limit_kind TEXT NOT NULL CHECK (time_limit_kind IN ('onTheSpot', 'workingDays')),
    working_days INTEGER NOT NULL DEFAULT 0,
    due_date TEXT,
    due_pending_reason TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'completed')),
    completed_at TEXT,
    completed_by TEXT REFERENCES staff(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((due_date IS NULL) = (due_pending_reason IS NOT NULL))
  );
  CREATE INDEX service_case_open_due ON service_case(accepted_by, status, due_date);

  CREATE TABLE catalogue_version (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    version TEXT NOT NULL,
    content TEXT NOT NULL,
    imported_by TEXT,
    active INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE calendar_override (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    date TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('workday', 'restday')),
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    entered_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `);
}
