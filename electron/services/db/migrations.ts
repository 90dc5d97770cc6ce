/**
 * Numbered schema migrations. Migration N brings the schema to
 * PRAGMA user_version = N. Never edit a shipped migration: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: staff, commitments, clerk sessions, window status, audit trail, change log (outbox)
  `
  CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    staff_no TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    duties TEXT NOT NULL DEFAULT '',
    party_member INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
    role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    pin_hash TEXT NOT NULL,
    failed_pins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    photo_file TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE commitment (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    time_limit TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE clerk_session (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff(id),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    end_reason TEXT,
    locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  -- one workstation database serves one window: at most one open session, one open pause
  CREATE UNIQUE INDEX clerk_session_one_open ON clerk_session((ended_at IS NULL)) WHERE ended_at IS NULL;

  CREATE TABLE window_pause (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    session_id TEXT NOT NULL REFERENCES clerk_session(id),
    reason TEXT NOT NULL,
    return_at TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX window_pause_one_open ON window_pause((ended_at IS NULL)) WHERE ended_at IS NULL;

  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    at TEXT NOT NULL,
    actor_id TEXT,
    actor_staff_no TEXT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    detail TEXT NOT NULL
  );

  CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    synced_at TEXT
  );
  CREATE INDEX change_log_unsynced ON change_log(seq) WHERE synced_at IS NULL;
  `,
  // 2: the durable print queue: every job is recorded (with its ESC/POS bytes) before it is sent
  `
  CREATE TABLE print_job (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    document TEXT NOT NULL,
    bytes BLOB NOT NULL,
    printer TEXT NOT NULL,
    paper_width INTEGER NOT NULL CHECK (paper_width IN (58, 80)),
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    reprint_of TEXT REFERENCES print_job(id),
    reprint_reason TEXT,
    created_by TEXT REFERENCES staff(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sent_at TEXT,
    CHECK ((reprint_of IS NULL) = (reprint_reason IS NULL)),
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
  );
  CREATE INDEX print_job_waiting ON print_job(created_at) WHERE status IN ('queued', 'sending');
  CREATE INDEX print_job_recent ON print_job(created_at);
  CREATE INDEX print_job_reprint_of ON print_job(reprint_of) WHERE reprint_of IS NOT NULL;
  `,
  // 3: intake (contacts, notifications, referrals, cases, slip numbers) and reference data
  //    (imported service catalogues, working-day calendar overrides)
  `
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
  `,
  // 4: an override can state that a year's State Council arrangement is entered in full
  `ALTER TABLE calendar_override ADD COLUMN covers_year INTEGER NOT NULL DEFAULT 0 CHECK (covers_year IN (0, 1));`,
  // 5: shifts and handovers, the hash chain of the audit trail, archive runs, ledger search indexes
  `
  ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
  ALTER TABLE audit_log ADD COLUMN hash TEXT;
  -- the audit trail is append-only: a row's hash may be filled in once, nothing else changes
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    WHEN OLD.hash IS NOT NULL
      OR NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.hall_id IS NOT OLD.hall_id OR NEW.window_no IS NOT OLD.window_no
      OR NEW.at IS NOT OLD.at OR NEW.actor_id IS NOT OLD.actor_id OR NEW.actor_staff_no IS NOT OLD.actor_staff_no
      OR NEW.action IS NOT OLD.action OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id OR NEW.detail IS NOT OLD.detail
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

  CREATE TABLE shift (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff(id),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    close_kind TEXT CHECK (close_kind IN ('handover', 'dayEnd', 'logout')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((closed_at IS NULL) = (close_kind IS NULL))
  );
  CREATE UNIQUE INDEX shift_one_open ON shift((closed_at IS NULL)) WHERE closed_at IS NULL;
  CREATE INDEX shift_opened ON shift(opened_at);

  CREATE TABLE handover (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    shift_id TEXT NOT NULL REFERENCES shift(id),
    kind TEXT NOT NULL CHECK (kind IN ('handover', 'dayEnd', 'correction')),
    from_staff_id TEXT NOT NULL REFERENCES staff(id),
    summary TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    items TEXT NOT NULL DEFAULT '[]',
    countersigned_by TEXT NOT NULL REFERENCES staff(id),
    countersigned_at TEXT NOT NULL,
    corrects_id TEXT REFERENCES handover(id),
    acknowledged_by TEXT REFERENCES staff(id),
    acknowledged_at TEXT,
    print_job_id TEXT REFERENCES print_job(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((kind = 'correction') = (corrects_id IS NOT NULL)),
    CHECK (countersigned_by <> from_staff_id)
  );
  CREATE INDEX handover_unacknowledged ON handover(countersigned_at) WHERE acknowledged_at IS NULL;
  -- a signed handover is never edited: only its acknowledgement (and print job) may be filled in
  CREATE TRIGGER handover_signed_is_final BEFORE UPDATE ON handover
    WHEN NEW.summary IS NOT OLD.summary OR NEW.notes IS NOT OLD.notes OR NEW.items IS NOT OLD.items
      OR NEW.kind IS NOT OLD.kind OR NEW.from_staff_id IS NOT OLD.from_staff_id OR NEW.shift_id IS NOT OLD.shift_id
      OR NEW.countersigned_by IS NOT OLD.countersigned_by OR NEW.countersigned_at IS NOT OLD.countersigned_at
      OR NEW.corrects_id IS NOT OLD.corrects_id
      OR (OLD.acknowledged_at IS NOT NULL AND (NEW.acknowledged_at IS NOT OLD.acknowledged_at OR NEW.acknowledged_by IS NOT OLD.acknowledged_by))
      OR (OLD.print_job_id IS NOT NULL AND NEW.print_job_id IS NOT OLD.print_job_id)
    BEGIN SELECT RAISE(ABORT, 'a signed handover is final: add a correction instead'); END;
  CREATE TRIGGER handover_no_delete BEFORE DELETE ON handover
    BEGIN SELECT RAISE(ABORT, 'a signed handover is final'); END;

  CREATE TABLE archive_run (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    month TEXT NOT NULL,
    file TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('started', 'copied', 'verified', 'completed', 'failed')),
    counts TEXT NOT NULL DEFAULT '{}',
    error TEXT,
    started_by TEXT REFERENCES staff(id),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE INDEX contact_applicant_name ON contact(applicant_name);
  CREATE INDEX contact_status_received ON contact(status, received_at);
  CREATE INDEX service_case_accepted ON service_case(accepted_at);
  CREATE INDEX notification_issued ON notification(issued_at);
  CREATE INDEX referral_issued ON referral(issued_at);
  -- the shift summary counts one clerk's work over the shift
  CREATE INDEX contact_owner_received ON contact(owner_staff_id, received_at);
  CREATE INDEX service_case_completed_by ON service_case(completed_by, completed_at);
  CREATE INDEX notification_issued_by ON notification(issued_by, issued_at);
  CREATE INDEX referral_issued_by ON referral(issued_by, issued_at);
  CREATE INDEX service_case_open_by_due ON service_case(due_date) WHERE status = 'open';
  CREATE INDEX service_case_accepted_by ON service_case(accepted_by, accepted_at);
  CREATE INDEX contact_owner_closed ON contact(owner_staff_id, closed_at);
  `,
  // 6: evaluation and follow-up: ratings, bad-rating follow-ups and appeals, callbacks and their rules,
  //    complaints and suggestions, coordination notes on cases
  `
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
  `,
  // 7: statistics indexes: each source table by its time column with the clerk and window
  //    (and what the report reads), so a month's GROUP BY reads the index alone
  `
  CREATE INDEX contact_stats ON contact(received_at, owner_staff_id, window_no);
  CREATE INDEX service_case_stats ON service_case(accepted_at, accepted_by, window_no, contact_id);
  CREATE INDEX notification_stats ON notification(issued_at, issued_by, window_no);
  CREATE INDEX referral_stats ON referral(issued_at, issued_by, window_no);
  CREATE INDEX rating_stats ON rating(answered_at, staff_id, window_no, status, level);
  `,
  // 8: statistics indexes, continued: a case's contact received_at without reading the contact row
  //    (average handling time), and ratings that expired unanswered (未评价) by when they expired
  `
  CREATE INDEX contact_received_of ON contact(id, received_at);
  CREATE INDEX rating_not_rated_stats ON rating(expires_at, staff_id, window_no) WHERE status = 'notRated' AND answered_at IS NULL;
  `,
  // 9: marriage and divorce registration (cases and their parties), appointments imported from the
  //    online booking system, and document numbers at rest: sealed (AES-256-GCM) with a keyed lookup
  //    hash beside the masked form, on contacts too (see electron/services/crypto/document-vault.ts)
  `
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
  `,
  // 10: answers to writes sent with a request id, so a repeat (double click, retried send, after a
  // restart too) gets the first answer instead of a second effect; pruned after a day
  `
  CREATE TABLE request_log (
    key TEXT PRIMARY KEY,
    method TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done')),
    result_sealed TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX request_log_created ON request_log(created_at);
  `,
  // 11: 结婚登记: who confirmed the national check (联网核查) and when; 离婚登记: the marriage certificate number(s) and the ledger's marriage
  `
  ALTER TABLE civil_case ADD COLUMN national_check TEXT;
  ALTER TABLE civil_case ADD COLUMN marriage_certificate_nos TEXT;
  ALTER TABLE civil_case ADD COLUMN marriage_case_id TEXT REFERENCES civil_case(id);
  `,
  // 12: print jobs the printer took without answering the status query after them (发送未确认), and each
  //     job's stage timestamps (for the click → paper latency). SQLite cannot change a CHECK constraint, so
  //     the table is rebuilt with its rowids (the queue's order); the rows referencing it (handovers,
  //     reprints) are checked when the migration commits, after the rows are back.
  `
  PRAGMA defer_foreign_keys = ON;
  CREATE TABLE print_job_copy AS SELECT rowid AS copy_rowid, * FROM print_job;
  DROP TABLE print_job;
  CREATE TABLE print_job (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    window_no TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    document TEXT NOT NULL,
    bytes BLOB NOT NULL,
    printer TEXT NOT NULL,
    paper_width INTEGER NOT NULL CHECK (paper_width IN (58, 80)),
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'unconfirmed', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    reprint_of TEXT REFERENCES print_job(id),
    reprint_reason TEXT,
    created_by TEXT REFERENCES staff(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sent_at TEXT,
    stages TEXT,
    CHECK ((reprint_of IS NULL) = (reprint_reason IS NULL)),
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
  );
  INSERT INTO print_job (rowid, id, hall_id, window_no, kind, title, document, bytes, printer, paper_width, status, attempts,
      last_error, reprint_of, reprint_reason, created_by, created_at, updated_at, sent_at)
    SELECT copy_rowid, id, hall_id, window_no, kind, title, document, bytes, printer, paper_width, status, attempts,
      last_error, reprint_of, reprint_reason, created_by, created_at, updated_at, sent_at
    FROM print_job_copy ORDER BY copy_rowid;
  DROP TABLE print_job_copy;
  CREATE INDEX print_job_waiting ON print_job(created_at) WHERE status IN ('queued', 'sending');
  CREATE INDEX print_job_recent ON print_job(created_at);
  CREATE INDEX print_job_reprint_of ON print_job(reprint_of) WHERE reprint_of IS NOT NULL;
  `,
  // a supervisor's login opens the window only when they start serving (a configuration login leaves it closed)
  `
  ALTER TABLE clerk_session ADD COLUMN serving INTEGER NOT NULL DEFAULT 1 CHECK (serving IN (0, 1));
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
