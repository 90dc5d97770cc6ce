/**
 * Migration 6: evaluation and follow-up. Ratings (好差评) per contact, follow-ups
 * and appeals of bad ratings, callbacks and the rules that schedule them,
 * complaints and suggestions, and coordination notes on cases.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
  CREATE TABLE rating (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    contact_id TEXT NOT NULL UNIQUE REFERENCES contact(id),
    staff_id TEXT NOT NULL REFERENCES staff(id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'rated', 'notRated')),
    level INTEGER CHECK (level BETWEEN 1 AND 5),
    reasons TEXT NOT NULL DEFAULT '[]',
    comment TEXT NOT NULL DEFAULT '',
    requested_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    answered_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((status = 'rated') = (level IS NOT NULL))
  );
  CREATE INDEX rating_pending ON rating(expires_at) WHERE status = 'pending';
  CREATE INDEX rating_staff_answered ON rating(staff_id, answered_at);
  CREATE INDEX rating_answered ON rating(answered_at);

  CREATE TABLE follow_up (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    rating_id TEXT NOT NULL UNIQUE REFERENCES rating(id),
    contact_id TEXT NOT NULL REFERENCES contact(id),
    staff_id TEXT NOT NULL REFERENCES staff(id),
    opened_at TEXT NOT NULL,
    contact_due TEXT,
    rectify_due TEXT,
    contacted_at TEXT,
    contact_note TEXT,
    finding TEXT,
    rectification TEXT,
    applicant_response TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    closed_at TEXT,
    closed_by TEXT REFERENCES staff(id),
    appeal_status TEXT NOT NULL DEFAULT 'none' CHECK (appeal_status IN ('none', 'filed', 'upheld', 'rejected')),
    appeal_reason TEXT,
    appeal_decision TEXT,
    appeal_decided_by TEXT REFERENCES staff(id),
    appeal_decided_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX follow_up_open ON follow_up(status, rectify_due);

  CREATE TABLE callback_rule (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('badRating', 'completedShare', 'matter')),
    share_percent INTEGER NOT NULL DEFAULT 100 CHECK (share_percent BETWEEN 0 AND 100),
    item_code TEXT,
    days_after INTEGER NOT NULL DEFAULT 3 CHECK (days_after BETWEEN 0 AND 60),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE callback (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    rule_id TEXT REFERENCES callback_rule(id),
    source TEXT NOT NULL CHECK (source IN ('badRating', 'completedShare', 'matter')),
    contact_id TEXT NOT NULL REFERENCES contact(id),
    due_date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('due', 'done', 'unreachable')),
    outcome TEXT,
    satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
    done_by TEXT REFERENCES staff(id),
    done_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (contact_id, source)
  );
  CREATE INDEX callback_due ON callback(status, due_date);

  CREATE TABLE complaint (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    complaint_no TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('complaint', 'suggestion')),
    channel TEXT NOT NULL CHECK (channel IN ('window', 'phone', 'hotline12345', 'letter', 'online')),
    complainant TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    subject_staff_id TEXT REFERENCES staff(id),
    owner_staff_id TEXT NOT NULL REFERENCES staff(id),
    deadline TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'resolved', 'closed')),
    resolution TEXT,
    reply TEXT,
    replied_at TEXT,
    received_at TEXT NOT NULL,
    closed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX complaint_status ON complaint(status, deadline);

  CREATE TABLE coordination_note (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES service_case(id),
    from_staff_id TEXT NOT NULL REFERENCES staff(id),
    addressed_to TEXT NOT NULL,
    content TEXT NOT NULL,
    reply TEXT,
    replied_by TEXT,
    replied_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX coordination_note_case ON coordination_note(case_id, created_at);
  CREATE INDEX coordination_note_open ON coordination_note(created_at) WHERE reply IS NULL;
  `);
}
