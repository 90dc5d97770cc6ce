/**
 * Migration 1: the window's first schema. Staff (with PIN hashes and lockout), the
 * service commitments shown on the public display, clerk sessions and window
 * pauses (at most one open of each: one database serves one window), the audit
 * trail, and the change log (outbox) the hall server will take in seq order.
 */
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
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
  `);
}
