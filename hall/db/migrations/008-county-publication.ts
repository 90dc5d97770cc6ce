/**
 * 8: the publication a county (or city) database subscribes to, to hold the
 * rows of all its halls (PostgreSQL logical replication; README "County
 * scale"). Every published table is keyed by hall_id first, so halls never
 * clash at the county. A publication costs nothing until a county subscribes
 * (it has no replication slot of its own), and it needs wal_level = logical
 * only then. Two columns never leave the hall (HALL_ONLY_COLUMNS), so the
 * county's copy of the schema has them nullable (hall/db/county.ts). A later
 * migration that adds a table says which list it joins: published tables
 * (listed in COUNTY_TABLES and PUBLISHED_LATER, and added with ALTER
 * PUBLICATION hall_county ADD TABLE …, with a primary key, or updates and
 * deletes on it fail) or hall-only ones; a column it adds to hall or
 * hall_window joins that table's column list (ALTER PUBLICATION … SET TABLE).
 */
import { ddlMigration } from '../ddl-migration';

export const COUNTY_PUBLICATION = 'hall_county';

/** What the county holds of every hall. */
export const COUNTY_TABLES = [
  'hall',
  'hall_window',
  'audit_head',
  'audit_break',
  'change_row',
  'quarantine',
  'certificate_counter',
  'certificate_lease',
  'certificate_number',
  'marriage_registry',
  'reference_row',
  'console_setting',
  'ledger_entry',
  'queue_setting',
  'queue_matter',
  'queue_counter',
  'queue_matter_day',
  'queue_ticket',
  'queue_window',
  'queue_event',
  // ref13: the console's audit of reference edits
  'console_audit',
  'certificate_claim',
] as const;

/** Published tables created after this migration, each with the migration that adds it to the publication (ALTER PUBLICATION … ADD TABLE). */
export const PUBLISHED_LATER: Readonly<Partial<Record<(typeof COUNTY_TABLES)[number], number>>> = { certificate_claim: 14 };

/**
 * Never leave the hall: its migration record (the county migrates its own
 * copy of the schema) and the one-time enrolment codes (short codes, so their
 * hashes could be reversed by trying every code), and the console's sessions
 * and wrong-PIN counts (of no use at the county).
 */
export const HALL_ONLY_TABLES = [
  'hall_migration',
  'enrolment_code',
  'console_session',
  'console_pin_failure',
  // kiosk14: the kiosks' ticket printers and print jobs (hall-local devices)
  'kiosk_printer',
  'kiosk_print_job',
  // when each account's latest lock and unlock were decided (migration 16)
  'staff_lock_time',
  // the ID card read at the kiosk for a walk-in ticket (migration 17)
  'queue_ticket_document',
] as const;

/**
 * Published tables' columns the county never gets: the hall's document lookup
 * key (with it the keyed hashes of ID numbers could be reversed by trying
 * every possible number) and the windows' credential hashes (of no use there).
 */
export const HALL_ONLY_COLUMNS: Readonly<Record<string, readonly string[]>> = { hall: ['lookup_key'], hall_window: ['credential_hash'] };

/** The published columns of the tables that keep some at the hall. */
const COLUMN_LISTS: Readonly<Record<string, string>> = {
  hall: '(hall_id, name, created_at)',
  hall_window:
    '(hall_id, window_id, window_no, acked_seq, enrolled_at, last_contact_at, retired_at, status, backlog_rows, backlog_oldest_at, status_at, device_kind)',
};

export const migration008 = ddlMigration(
  8,
  'county-publication',
  `CREATE PUBLICATION ${COUNTY_PUBLICATION} FOR TABLE ${COUNTY_TABLES.filter((t) => PUBLISHED_LATER[t] === undefined).map((t) => `${t} ${COLUMN_LISTS[t] ?? ''}`.trim()).join(', ')}`,
);
