/**
 * The ledger connection keeps prepared statements by SQL text
 * (electron/services/db/connection.ts). A kept statement behaves as a newly
 * prepared one: the row mode a caller chose does not reach the next caller,
 * a statement still being iterated is not handed out again, and a full cache
 * still answers.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, STATEMENT_CACHE_SIZE, type Db } from '../../electron/services/db/connection';
import { cleanupAll, makeTempDir } from '../support/core';

afterAll(cleanupAll);

function ledger(): Db {
  const db = openDatabase(join(makeTempDir('counter-statements-'), 'counter.sqlite3'));
  db.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  db.prepare("INSERT INTO probe (name) VALUES ('甲'), ('乙')").run();
  return db;
}

const SQL = 'SELECT id, name FROM probe ORDER BY id';

describe('prepared statements kept by SQL text', () => {
  it('gives each caller the plain row mode, whatever the caller before chose', () => {
    const db = ledger();
    try {
      expect(db.prepare(SQL).pluck().all()).toEqual([1, 2]);
      expect(db.prepare(SQL).all()).toEqual([
        { id: 1, name: '甲' },
        { id: 2, name: '乙' },
      ]);
      expect(db.prepare(SQL).raw(true).get()).toEqual([1, '甲']);
      expect(db.prepare(SQL).get()).toEqual({ id: 1, name: '甲' });
      expect(db.prepare(SQL).expand(true).get()).toEqual({ probe: { id: 1, name: '甲' } });
      expect(db.prepare(SQL).get()).toEqual({ id: 1, name: '甲' });
    } finally {
      db.close();
    }
  });

  it('prepares the same text again while a statement for it is being iterated', () => {
    const db = ledger();
    try {
      const seen: unknown[] = [];
      for (const row of db.prepare(SQL).iterate()) seen.push(row, db.prepare(SQL).pluck().get());
      expect(seen).toEqual([{ id: 1, name: '甲' }, 1, { id: 2, name: '乙' }, 1]);
    } finally {
      db.close();
    }
  });

  it('keeps answering once more texts were prepared than it keeps, writes included', () => {
    const db = ledger();
    try {
      const insert = "INSERT INTO probe (name) VALUES ('丙')";
      db.prepare(insert).run();
      for (let i = 0; i < STATEMENT_CACHE_SIZE + 10; i++) expect(db.prepare(`SELECT ${i} AS n`).pluck().get()).toBe(i);
      db.prepare(insert).run();
      expect(db.prepare('SELECT COUNT(*) FROM probe').pluck().get()).toBe(4);
      expect(db.prepare(SQL).all()).toHaveLength(4);
    } finally {
      db.close();
    }
  });
});
