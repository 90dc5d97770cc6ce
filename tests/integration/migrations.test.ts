import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CounterError } from '../../shared/result';
import { migrate, openDatabase, schemaVersion } from '../../electron/services/db/connection';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../electron/services/db/migrations';
import { CHINESE, cleanupAll, makeTempDir } from '../support/core';
import { rowCounts, tableNames } from '../support/db';

afterAll(cleanupAll);

const EXPECTED_TABLES = ['audit_log', 'change_log', 'clerk_session', 'commitment', 'staff', 'window_pause'];

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** A database as a newer app version would leave it. */
function newerDatabase(file: string, wal: boolean): void {
  const db = new Database(file);
  if (wal) db.pragma('journal_mode = WAL');
  for (const up of MIGRATIONS) up(db);
  db.exec("CREATE TABLE from_the_future (id TEXT PRIMARY KEY); INSERT INTO from_the_future VALUES ('x');");
  db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  db.close();
}

describe('database migrations', () => {
  it('bring a fresh file to the latest version in WAL mode', () => {
    const file = join(makeTempDir(), 'fresh.sqlite3');
    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      for (const table of EXPECTED_TABLES) expect(tableNames(db)).toContain(table);
      const counts = rowCounts(db);
      for (const table of EXPECTED_TABLES) expect(counts[table]).toBe(0);
    } finally {
      db.close();
    }
  });

  it('enforce one open clerk session and one open pause per window', () => {
    const db = openDatabase(join(makeTempDir(), 'unique.sqlite3'));
    try {
      const at = '2026-03-02T01:00:00.000Z';
      db.prepare(
        "INSERT INTO staff (id, hall_id, window_no, staff_no, name, role, pin_hash, created_at, updated_at) VALUES ('s1', 'h', '3', 'C001', '李', 'clerk', 'x', ?, ?)",
      ).run(at, at);
      const open = db.prepare(
        "INSERT INTO clerk_session (id, hall_id, window_no, staff_id, started_at, created_at, updated_at) VALUES (?, 'h', '3', 's1', ?, ?, ?)",
      );
      open.run('a', at, at, at);
      expect(() => open.run('b', at, at, at)).toThrow(/UNIQUE/);
      db.prepare("UPDATE clerk_session SET ended_at = ? WHERE id = 'a'").run(at);
      expect(() => open.run('b', at, at, at)).not.toThrow();
      expect(() =>
        db.prepare(
          "INSERT INTO staff (id, hall_id, window_no, staff_no, name, role, pin_hash, created_at, updated_at) VALUES ('s2', 'h', '3', 'c001', '王', 'clerk', 'x', ?, ?)",
        ).run(at, at),
      ).toThrow(/UNIQUE/); // staff numbers are unique regardless of case
    } finally {
      db.close();
    }
  });

  it.each([
    ['in rollback-journal mode', false],
    ['in WAL mode', true],
  ])('refuse a database from a newer version (%s) and leave its bytes alone', (_label, wal) => {
    const dir = makeTempDir();
    const file = join(dir, 'newer.sqlite3');
    newerDatabase(file, wal);
    const before = sha256(file);
    const filesBefore = readdirSync(dir).sort();

    const error = caught(() => openDatabase(file));
    expect(error).toBeInstanceOf(CounterError);
    if (!(error instanceof CounterError)) return;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(CHINESE);
    expect(error.message).toContain(`（${MIGRATIONS.length + 1}）`);
    expect(error.message).toContain('数据未做任何改动');

    expect(sha256(file)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('re-opening an up-to-date database is a no-op', () => {
    const file = join(makeTempDir(), 'again.sqlite3');
    const first = openDatabase(file);
    first.prepare("INSERT INTO audit_log (id, hall_id, window_no, at, action, entity, detail) VALUES ('a1', 'h', '3', 't', 'x', 'y', '{}')").run();
    first.close();
    const before = sha256(file);

    const second = openDatabase(file);
    try {
      expect(schemaVersion(second)).toBe(MIGRATIONS.length);
      expect(rowCounts(second).audit_log).toBe(1);
      migrate(second); // explicitly, too
      expect(schemaVersion(second)).toBe(MIGRATIONS.length);
    } finally {
      second.close();
    }
    expect(sha256(file)).toBe(before);
  });

  it('run only the migrations after the version a database is at, each once', () => {
    const file = join(makeTempDir(), 'partial.sqlite3');
    openDatabase(file, MIGRATIONS.slice(0, 5)).close();
    const ran: number[] = [];
    const recorded = MIGRATIONS.map((up, i): Migration => (db) => {
      ran.push(i + 1);
      up(db);
    });
    const db = openDatabase(file, recorded);
    db.close();
    expect(ran).toEqual(MIGRATIONS.map((_, i) => i + 1).slice(5));
    ran.length = 0;
    openDatabase(file, recorded).close();
    expect(ran).toEqual([]);
  });

  it('run pending migrations in one transaction: a failing one leaves the old version', () => {
    const file = join(makeTempDir(), 'upgrade.sqlite3');
    openDatabase(file).close();
    const addTable: Migration = (db) => {
      db.exec('CREATE TABLE added_in_v2 (id TEXT);');
    };
    const notSql: Migration = (db) => {
      db.exec('CREATE TABLE this is not sql;');
    };
    const broken = [...MIGRATIONS, addTable, notSql];
    expect(() => openDatabase(file, broken)).toThrow();
    const db = new Database(file);
    try {
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(tableNames(db)).not.toContain('added_in_v2');
    } finally {
      db.close();
    }
    const good = [...MIGRATIONS, addTable];
    const upgraded = openDatabase(file, good);
    try {
      expect(schemaVersion(upgraded)).toBe(MIGRATIONS.length + 1);
      expect(tableNames(upgraded)).toContain('added_in_v2');
    } finally {
      upgraded.close();
    }
  });
});
