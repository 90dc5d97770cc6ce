/**
 * Per-migration tests on real SQLite files: a database at version N - 1 built
 * by the app's own runner (migrations 1..N-1), rows as that version held them,
 * then the upgrade the app runs when it opens the file, and the checks every
 * migrated file must pass.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { openDatabase, schemaVersion, type Db } from '../../electron/services/db/connection';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { makeTempDir } from './core';

export type Cell = string | number | null | Buffer;
export type Row = Record<string, Cell>;

export interface VersionedDb {
  file: string;
  db: Db;
}

/** A new database file at `version`, opened as the app opens it (WAL, foreign keys on), holding `rows` (table → rows, inserted in that order). */
export function databaseAt(version: number, rows: Record<string, Row[]> = {}): VersionedDb {
  const file = join(makeTempDir('counter-migration-'), 'counter.sqlite3');
  const db = openDatabase(file, MIGRATIONS.slice(0, version));
  expect(schemaVersion(db)).toBe(version);
  for (const [table, tableRows] of Object.entries(rows)) for (const row of tableRows) insertRow(db, table, row);
  return { file, db };
}

/**
 * Closes the old version's connection and opens the file with migrations
 * 1..`version`, as the app does after an upgrade; the result must pass
 * integrity_check and foreign_key_check.
 */
export function upgrade(old: VersionedDb, version: number): Db {
  old.db.close();
  const db = openDatabase(old.file, MIGRATIONS.slice(0, version));
  expect(schemaVersion(db)).toBe(version);
  expectHealthy(db);
  return db;
}

/** upgrade(), then `check` on the upgraded database, which is closed afterwards (also when a check fails). */
export function upgraded(old: VersionedDb, version: number, check: (db: Db) => void): void {
  const db = upgrade(old, version);
  try {
    check(db);
  } finally {
    db.close();
  }
}

/**
 * A migration that adds columns to `table`: after upgraded(), the table has its old columns and
 * then `added`'s, in that order, and every old row is kept with `added`'s values in the new
 * columns; then `check` runs.
 */
export function upgradedAddingColumns(old: VersionedDb, version: number, table: string, added: Row, check: (db: Db) => void = () => undefined): void {
  const before = allRows(old.db, table);
  const columnsBefore = columnsOf(old.db, table);
  upgraded(old, version, (db) => {
    expect(columnsOf(db, table)).toEqual([...columnsBefore, ...Object.keys(added)]);
    expect(allRows(db, table)).toEqual(before.map((row) => ({ ...row, ...added })));
    check(db);
  });
}

export function expectHealthy(db: Db): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
}

/** Inserts one row given as column → value. */
export function insertRow(db: Db, table: string, row: Row): void {
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
}

/** Every row of a table, ordered by rowid. */
export function allRows(db: Db, table: string): Row[] {
  return db.prepare<[], Row>(`SELECT * FROM ${table} ORDER BY rowid`).all();
}

export function columnsOf(db: Db, table: string): string[] {
  return db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(table).map((c) => c.name);
}

/** Names of the tables, indexes or triggers in the schema. */
export function schemaNames(db: Db, type: 'table' | 'index' | 'trigger'): string[] {
  return db
    .prepare<[string], { name: string }>("SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all(type)
    .map((r) => r.name);
}

/** What SQLite's planner says it will do for a query (EXPLAIN QUERY PLAN details, joined). */
export function queryPlan(db: Db, sql: string): string {
  return db
    .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all()
    .map((r) => r.detail)
    .join('\n');
}

export const AT = '2026-03-02T01:00:00.000Z';
const ORIGIN = { hall_id: 'hall-1', window_no: '3' };

/** Rows as the versions before held them, with the columns every version requires. */
export const rowsOf = {
  staff: (id: string, staffNo: string): Row => ({
    id, ...ORIGIN, staff_no: staffNo, name: `员工${staffNo}`, role: 'clerk', pin_hash: 'scrypt$x', created_at: AT, updated_at: AT,
  }),
  audit: (id: string, action: string): Row => ({
    id, ...ORIGIN, at: AT, actor_id: null, actor_staff_no: 'C001', action, entity: 'clerk_session', entity_id: null, detail: JSON.stringify({ id }),
  }),
  change: (id: string, entityId: string, schemaVersion: number): Row => ({
    id, ...ORIGIN, schema_version: schemaVersion, entity: 'staff', entity_id: entityId, op: 'insert', payload: '{}', created_at: AT, synced_at: null,
  }),
  printJob: (id: string, status: string, sentAt: string | null = null): Row => ({
    id, ...ORIGIN, kind: 'slip', title: `小票${id}`, document: '{}', bytes: Buffer.from([0x1b, 0x40]), printer: 'none',
    paper_width: 80, status, attempts: 1, created_at: AT, updated_at: AT, sent_at: sentAt,
  }),
  contact: (id: string, ownerStaffId: string, receivedAt = AT): Row => ({
    id, ...ORIGIN, contact_no: `JJ-${id}`, channel: 'walkIn', item_code: 'MAR-REG', item_name: '结婚登记', applicant_name: '张三',
    applicant_id_masked: '1101**********1234', owner_staff_id: ownerStaffId, status: 'open', received_at: receivedAt, created_at: AT, updated_at: AT,
  }),
  serviceCase: (id: string, contactId: string, staffId: string): Row => ({
    id, ...ORIGIN, case_no: `SL-${id}`, contact_id: contactId, item_code: 'MAR-REG', item_name: '结婚登记', accepted_by: staffId, accepted_at: AT,
    time_limit_kind: 'workingDays', working_days: 5, due_date: '2026-03-09', due_pending_reason: null, status: 'open', created_at: AT, updated_at: AT,
  }),
  calendarOverride: (id: string, date: string): Row => ({
    id, ...ORIGIN, date, kind: 'restday', name: '劳动节', source: 'manual', created_at: AT, updated_at: AT,
  }),
  rating: (id: string, contactId: string, staffId: string, status: string, level: number | null): Row => ({
    id, ...ORIGIN, contact_id: contactId, staff_id: staffId, status, level, requested_at: AT, expires_at: AT,
    answered_at: status === 'rated' ? AT : null, created_at: AT, updated_at: AT,
  }),
  civilCase: (id: string, kind: string, staffId: string, status = 'registered'): Row => ({
    id, ...ORIGIN, case_no: `HY-${id}`, kind, status, contact_id: null, received_by: staffId, received_at: AT, created_at: AT, updated_at: AT,
  }),
};
