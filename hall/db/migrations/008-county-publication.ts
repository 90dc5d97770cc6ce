/**
 * 8: the publication a county (or city) database subscribes to, to hold the
 * rows of all its halls (PostgreSQL logical replication; README "County
 * scale"). Every published table is keyed by hall_id first, so halls never
 * clash at the county. A publication costs nothing until a county subscribes
 * (it has no replication slot of its own), and it needs wal_level = logical
 * only then. A later migration that adds a table says which list it joins:
 * published tables (ALTER PUBLICATION hall_county ADD TABLE …, with a
 * primary key, or updates and deletes on it fail) or hall-only ones.
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
] as const;

/**
 * Never leave the hall: its migration record (the county migrates its own
 * copy of the schema) and the one-time enrolment codes (short codes, so their
 * hashes could be reversed by trying every code).
 */
export const HALL_ONLY_TABLES = ['hall_migration', 'enrolment_code'] as const;

export const migration008 = ddlMigration(8, 'county-publication', `CREATE PUBLICATION ${COUNTY_PUBLICATION} FOR TABLE ${COUNTY_TABLES.join(', ')}`);
