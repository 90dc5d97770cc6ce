/**
 * Migration 13 on real files: audit rows written before the hash chain
 * (before migration 5, hash NULL) are chained once, in seq order, from the
 * genesis hash; a chained or fresh database is unchanged; and since the app no
 * longer re-chains on every start, a hash a tamperer removes stays missing.
 */
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { auditRowHash, GENESIS_HASH, type AuditChainRow } from '../../../shared/audit/chain';
import { appendAudit, sha256Hex, type NewAuditRow } from '../../../electron/services/audit/chain-store';
import { EXIT_INTACT, runAuditVerify } from '../../../electron/services/audit/cli';
import { verifyAuditChain } from '../../../electron/services/audit/verify';
import { openDatabase, writeTransaction, type Db } from '../../../electron/services/db/connection';
import { CLERK, cleanupAll, createTestCore, login, setUpWithClerk } from '../../support/core';
import { AT, databaseAt, insertRow, upgrade } from '../../support/migration-db';

afterAll(cleanupAll);

interface StoredRow extends AuditChainRow {
  prev_hash: string | null;
  hash: string | null;
}

function auditRows(db: Db): StoredRow[] {
  return db.prepare<[], StoredRow>('SELECT * FROM audit_log ORDER BY seq').all();
}

function auditRow(n: number): NewAuditRow {
  return {
    id: `old-${n}`, hall_id: 'hall-1', window_no: '3', at: AT, actor_id: null, actor_staff_no: 'C001',
    action: n % 2 ? 'auth.login' : 'auth.logout', entity: 'clerk_session', entity_id: n % 3 ? null : `session-${n}`, detail: JSON.stringify({ n, z: 'a', a: 'z' }),
  };
}

/** Rows as versions before 5 wrote them: no chain columns (or NULL in them). */
function insertUnchained(db: Db, from: number, to: number): void {
  for (let n = from; n <= to; n++) insertRow(db, 'audit_log', { ...auditRow(n) });
}

/** Every row links to the one before, from the genesis hash, with the hash of its own content. */
function expectChained(rows: StoredRow[]): void {
  let prev = GENESIS_HASH;
  for (const { prev_hash, hash, ...content } of rows) {
    expect(prev_hash).toBe(prev);
    expect(hash).toBe(auditRowHash(sha256Hex, prev, content));
    prev = hash ?? '';
  }
}

const contentOf = (rows: StoredRow[]): AuditChainRow[] => rows.map(({ prev_hash: _p, hash: _h, ...content }) => content);

function schemaOf(db: Db): unknown[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').all();
}

describe('migration 13 (chaining the audit rows older than the chain)', () => {
  it('chains a version 4 database’s rows in seq order on the upgrade, once; audit:verify finds them intact', () => {
    const old = databaseAt(4);
    insertUnchained(old.db, 1, 25);
    const contents = auditRows(old.db);
    const db = upgrade(old, 13);
    const rows = auditRows(db);
    expect(contentOf(rows)).toEqual(contents);
    expectChained(rows);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 25, lastSeq: 25 });
    // the next row links on from the chained ones
    writeTransaction(db, () => appendAudit(db, auditRow(26)));
    const chained = auditRows(db);
    expectChained(chained);
    db.close();

    const lines: string[] = [];
    expect(runAuditVerify([`--data-dir=${dirname(old.file)}`], (line) => lines.push(line))).toBe(EXIT_INTACT);
    expect(lines.join('\n')).toContain('26');
    // opening again runs nothing: the chain stays as it is
    const again = openDatabase(old.file);
    expect(auditRows(again)).toEqual(chained);
    again.close();
  });

  it('chains rows a version 12 database still holds unchained (an old app stopped before its start-up backfill)', () => {
    const old = databaseAt(4);
    insertUnchained(old.db, 1, 3);
    const v12 = { file: old.file, db: upgrade(old, 12) };
    expect(auditRows(v12.db).map((r) => r.hash)).toEqual([null, null, null]);
    const db = upgrade(v12, 13);
    expectChained(auditRows(db));
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 3, lastSeq: 3 });
    db.close();
  });

  it('leaves a chained version 12 database and a fresh one as they were', () => {
    for (const rowCount of [0, 5]) {
      const old = databaseAt(12);
      for (let n = 1; n <= rowCount; n++) writeTransaction(old.db, () => appendAudit(old.db, auditRow(n)));
      const [rows, schema] = [auditRows(old.db), schemaOf(old.db)];
      const db = upgrade(old, 13);
      expect(auditRows(db)).toEqual(rows);
      expect(schemaOf(db)).toEqual(schema);
      expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: rowCount });
      db.close();
    }
  });

  it('a tamperer’s edited rows with their hashes removed stay 缺少哈希 after the app restarts and writes again', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    const count = auditRows(t.core.db).length;
    expect(count).toBeGreaterThan(3);
    // their own connection: triggers dropped, row 3 edited, the hashes from there on removed
    const tamperer = new Database(t.databasePath);
    tamperer.exec('DROP TRIGGER audit_log_no_update;');
    tamperer.prepare("UPDATE audit_log SET detail = '{\"forged\":true}' WHERE seq = 3").run();
    tamperer.prepare('UPDATE audit_log SET prev_hash = NULL, hash = NULL WHERE seq >= 3').run();
    tamperer.close();

    const core = t.reopen();
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: false, firstBad: { seq: 3, reason: '缺少哈希' } });
    await login(core, CLERK.staffNo, CLERK.pin);
    expect(auditRows(core.db).length).toBeGreaterThan(count);
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: false, firstBad: { seq: 3, reason: '缺少哈希' } });
  });
});
