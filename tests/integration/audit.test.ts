/**
 * The tamper-evident audit trail on real SQLite files: the chain the app writes,
 * what a tamperer with their own connection can do to it and how verification
 * finds it, the backfill of rows older than the chain, the append-only triggers,
 * the supervisor's API and the `npm run audit:verify` command line.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { auditRowHash, GENESIS_HASH, type AuditChainRow } from '../../shared/audit/chain';
import { auditSentence } from '../../shared/audit/sentences';
import { DATABASE_FILE } from '../../electron/services/core/core';
import { EXIT_BROKEN, EXIT_INTACT, EXIT_USAGE, LEDGER_FILE, runAuditVerify } from '../../electron/services/audit/cli';
import { appendAudit, sha256Hex, type NewAuditRow } from '../../electron/services/audit/chain-store';
import { verifyAuditChain } from '../../electron/services/audit/verify';
import { openDatabase, writeTransaction } from '../../electron/services/db/connection';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { CLERK, CHINESE, SUPERVISOR, call, cleanupAll, closeCore, createTestCore, expectError, login, logout, makeTempDir, setUpWithClerk, type TestCore } from '../support/core';

afterAll(cleanupAll);

interface ChainedRow extends AuditChainRow {
  prev_hash: string | null;
  hash: string | null;
}

function auditRows(file: string): ChainedRow[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as ChainedRow[];
  } finally {
    db.close();
  }
}

/** A real session: setup, staff, login, intake, pause, logout. */
async function session(t: TestCore): Promise<void> {
  await setUpWithClerk(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
  const contact = await call(t.core, 'intake.start', { itemCode: 'MAR-REG', channel: 'walkIn', applicantName: '张三', applicantPhone: '', applicantIdNumber: '' });
  await call(t.core, 'intake.close', { id: contact.id, reason: 'consulted' });
  await call(t.core, 'window.pause', { reason: '临时离开', returnAt: '2026-03-02T09:30:00+08:00' });
  await call(t.core, 'window.resume', {});
  await call(t.core, 'auth.lock', {});
  expectError(await t.core.call('auth.unlock', { pin: '000000' }), 'PIN_WRONG');
  await call(t.core, 'auth.unlock', { pin: CLERK.pin });
  await logout(t.core);
  expectError(await t.core.call('auth.login', { staffNo: CLERK.staffNo, pin: '999999' }), 'PIN_WRONG');
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
}

/** What a tamperer does first: their own connection, the append-only triggers dropped. */
function tamper(file: string, run: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    run(db);
  } finally {
    db.close();
  }
}

async function sessionCore(): Promise<TestCore> {
  const t = createTestCore();
  await session(t);
  return t;
}

describe('the chain the app writes', () => {
  it('links every row of a real session, from the genesis hash, and verifies intact', async () => {
    const t = await sessionCore();
    const rows = auditRows(t.databasePath);
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    let prev = GENESIS_HASH;
    for (const row of rows) {
      expect(row.prev_hash).toBe(prev);
      expect(row.hash).toBe(auditRowHash(sha256Hex, prev, row));
      prev = row.hash ?? '';
    }
    const verified = await call(t.core, 'audit.verify', {});
    expect(verified).toMatchObject({ ok: true, rows: rows.length, lastSeq: rows.length });
    if (verified.ok) expect(verified.durationMs).toBeGreaterThanOrEqual(0);
    // the chain continues across a restart
    t.reopen(); // the restored session comes back locked
    await call(t.core, 'auth.unlock', { pin: SUPERVISOR.pin });
    const again = await call(t.core, 'audit.verify', {});
    expect(again.ok).toBe(true);
    expect(again.rows).toBeGreaterThan(rows.length);
  });

  it('the append-only triggers refuse UPDATE and DELETE through the app connection', async () => {
    const t = await sessionCore();
    const db = t.core.db;
    expect(() => db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET hash = 'x' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE audit_log SET prev_hash = NULL WHERE seq = 3').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('appends only inside a write transaction (writeTransaction outside a request) and rolls back with it', () => {
    const db = openDatabase(join(makeTempDir(), DATABASE_FILE));
    const row = (id: string): NewAuditRow => ({
      id, hall_id: 'hall-1', window_no: '3', at: '2026-03-02T01:00:00.000Z', actor_id: null, actor_staff_no: null,
      action: 'settings.update', entity: 'settings', entity_id: null, detail: '{}',
    });
    expect(() => appendAudit(db, row('a'))).toThrow(/outside a write transaction/);
    expect(writeTransaction(db, () => appendAudit(db, row('b')))).toBe(1);
    expect(() => writeTransaction(db, () => {
      appendAudit(db, row('c'));
      throw new Error('refused');
    })).toThrow('refused');
    expect(writeTransaction(db, () => appendAudit(db, row('d')))).toBe(2);
    expect(db.prepare('SELECT id FROM audit_log ORDER BY seq').pluck().all()).toEqual(['b', 'd']);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 2 });
    db.close();
  });
});

describe('tampering is found at its position', () => {
  it('an edited audit row is reported at exactly its seq, as 内容被改动', async () => {
    const t = await sessionCore();
    const rows = auditRows(t.databasePath);
    const middle = rows[Math.floor(rows.length / 2)];
    if (!middle) throw new Error('no rows');
    tamper(t.databasePath, (db) => {
      db.prepare('UPDATE audit_log SET detail = ? WHERE seq = ?').run(JSON.stringify({ note: '改过了' }), middle.seq);
    });
    const result = await call(t.core, 'audit.verify', {});
    expect(result).toMatchObject({ ok: false, rows: middle.seq, firstBad: { seq: middle.seq, id: middle.id, at: middle.at, action: middle.action, reason: '内容被改动' } });
  });

  it('an edited row whose own hash is recomputed breaks the link at the next row', async () => {
    const t = await sessionCore();
    const rows = auditRows(t.databasePath);
    const target = rows[4];
    if (!target?.prev_hash) throw new Error('no row 5');
    tamper(t.databasePath, (db) => {
      const edited = { ...target, actor_staff_no: 'X999' };
      db.prepare('UPDATE audit_log SET actor_staff_no = ?, hash = ? WHERE seq = ?').run('X999', auditRowHash(sha256Hex, target.prev_hash ?? '', edited), target.seq);
    });
    expect(verifyAuditChain(t.core.db)).toMatchObject({ ok: false, firstBad: { seq: target.seq + 1, reason: '链接断开' } });
  });

  it('a deleted row is reported as 序号缺失 at the row after it', async () => {
    const t = await sessionCore();
    tamper(t.databasePath, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 6').run());
    expect(verifyAuditChain(t.core.db)).toMatchObject({ ok: false, rows: 6, firstBad: { seq: 7, reason: '序号缺失', expectedSeq: 6 } });
  });

  it('a deleted first row and a deleted last row are found too', async () => {
    const t = await sessionCore();
    const count = auditRows(t.databasePath).length;
    tamper(t.databasePath, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 1').run());
    expect(verifyAuditChain(t.core.db)).toMatchObject({ ok: false, rows: 1, firstBad: { seq: 2, reason: '序号缺失', expectedSeq: 1 } });
    // the last row: the chain alone cannot show it, but the app's next row gets the next seq AUTOINCREMENT
    // would give (after the deleted one), so the gap shows as soon as the app writes again
    const u = await sessionCore();
    tamper(u.databasePath, (db) => db.prepare('DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)').run());
    expect(verifyAuditChain(u.core.db)).toMatchObject({ ok: true, rows: count - 1 });
    await logout(u.core);
    expect(verifyAuditChain(u.core.db)).toMatchObject({ ok: false, rows: count, firstBad: { seq: count + 1, reason: '序号缺失', expectedSeq: count } });
  });

  it('a row inserted with a forged hash breaks the chain at the next row', async () => {
    const t = await sessionCore();
    const rows = auditRows(t.databasePath);
    const victim = rows[7];
    const before = rows[6];
    if (!victim || !before?.hash) throw new Error('rows missing');
    tamper(t.databasePath, (db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(victim.seq);
      const forged: AuditChainRow = { ...victim, id: 'forged-row', action: 'staff.update', detail: '{"forged":true}' };
      const hash = auditRowHash(sha256Hex, before.hash ?? '', forged);
      db.prepare(
        `INSERT INTO audit_log (seq, id, hall_id, window_no, at, actor_id, actor_staff_no, action, entity, entity_id, detail, prev_hash, hash)
         VALUES (@seq, @id, @hall_id, @window_no, @at, @actor_id, @actor_staff_no, @action, @entity, @entity_id, @detail, @prev_hash, @hash)`,
      ).run({ ...forged, prev_hash: before.hash, hash });
    });
    expect(verifyAuditChain(t.core.db)).toMatchObject({ ok: false, rows: victim.seq + 1, firstBad: { seq: victim.seq + 1, reason: '链接断开' } });
  });

  it('two rows swapped (content exchanged between seqs) are found at the first of them', async () => {
    const t = await sessionCore();
    const rows = auditRows(t.databasePath);
    const [a, b] = [rows[3], rows[4]];
    if (!a || !b) throw new Error('rows missing');
    tamper(t.databasePath, (db) => {
      const move = db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?');
      db.transaction(() => {
        move.run(-1, a.seq);
        move.run(a.seq, b.seq);
        move.run(b.seq, -1);
      })();
    });
    expect(verifyAuditChain(t.core.db)).toMatchObject({ ok: false, firstBad: { seq: a.seq, id: b.id } });
  });

  it('a row with its hash removed is 缺少哈希', async () => {
    const t = await sessionCore();
    tamper(t.databasePath, (db) => db.prepare('UPDATE audit_log SET hash = NULL WHERE seq = 3').run());
    expect(verifyAuditChain(t.core.db)).toMatchObject({ ok: false, firstBad: { seq: 3, reason: '缺少哈希' } });
  });
});

describe('rows written before the chain existed', () => {
  it('are chained in seq order when the app opens the database, and later rows link on', () => {
    const dir = makeTempDir();
    const file = join(dir, DATABASE_FILE);
    const old = openDatabase(file, MIGRATIONS.slice(0, 4));
    const insert = old.prepare(
      "INSERT INTO audit_log (id, hall_id, window_no, at, actor_id, actor_staff_no, action, entity, entity_id, detail) VALUES (?, 'h', '3', ?, NULL, 'C001', 'auth.login', 'clerk_session', NULL, ?)",
    );
    for (let i = 1; i <= 25; i++) insert.run(`old-${i}`, `2025-12-01T0${i % 10}:00:00.000Z`, JSON.stringify({ n: i, z: 'a', a: 'z' }));
    old.close();

    const t = createTestCore({ dataDir: dir });
    const rows = auditRows(file);
    expect(rows).toHaveLength(25);
    let prev = GENESIS_HASH;
    for (const row of rows) {
      expect(row.prev_hash).toBe(prev);
      expect(row.hash).toBe(auditRowHash(sha256Hex, prev, row));
      prev = row.hash ?? '';
    }
    expect(verifyAuditChain(t.core.db)).toEqual({ ok: true, rows: 25, lastSeq: 25 });
    // a new row continues from the backfilled chain, and reopening changes nothing
    const core = t.reopen();
    expect(auditRows(file)).toEqual(rows);
    return setUpWithClerk(core).then(() => {
      const after = auditRows(file);
      expect(after[25]?.prev_hash).toBe(rows[24]?.hash);
      expect(verifyAuditChain(core.db)).toMatchObject({ ok: true, rows: after.length });
    });
  });
});

describe('audit.recent', () => {
  it('pages the latest rows, newest first, with the actor as 姓名（工号）', async () => {
    const t = await sessionCore();
    const total = auditRows(t.databasePath).length;
    const first = await call(t.core, 'audit.recent', { limit: 5 });
    expect(first.total).toBe(total);
    expect(first.rows.map((r) => r.seq)).toEqual([total, total - 1, total - 2, total - 3, total - 4]);
    const login = first.rows.find((r) => r.action === 'auth.login');
    expect(login?.actor).toBe(`${SUPERVISOR.name}（${SUPERVISOR.staffNo}）`);
    expect(first.rows[0]?.hash).toMatch(/^[0-9a-f]{12}$/);
    const next = await call(t.core, 'audit.recent', { limit: 200, before: total - 4 });
    expect(next.rows[0]?.seq).toBe(total - 5);
    expect(next.rows.at(-1)?.seq).toBe(1);
    expectError(await t.core.call('audit.recent', { limit: 201 }), 'VALIDATION');
  });

  it('reads a settings change as 名称 原值 → 新值, each of parallel and repeated saves once', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'settings.update', { idleLockMinutes: 1 });
    await Promise.all([call(t.core, 'settings.update', { idleLockMinutes: 5 }), call(t.core, 'settings.update', { idleLockMinutes: 5 })]);
    const { rows } = await call(t.core, 'audit.recent', { limit: 10 });
    const sentences = rows.filter((r) => r.action === 'settings.update').map((r) => auditSentence(r.action, r.detail));
    expect(sentences.slice(0, 2)).toEqual(['修改系统设置：无操作锁屏时间 1 分钟 → 5 分钟', '修改系统设置：无操作锁屏时间 5 分钟 → 1 分钟']);
    // the settings screen sends every field, the peak-day list as a new array: unchanged values are not logged
    const { appointmentPeakDays } = await call(t.core, 'settings.get', {});
    const seq = rows[0]?.seq ?? 0;
    await call(t.core, 'settings.update', { appointmentPeakDays: appointmentPeakDays.map((r) => ({ ...r })), idleLockMinutes: 5 });
    expect((await call(t.core, 'audit.recent', { limit: 10 })).rows.filter((r) => r.seq > seq)).toEqual([]);
  });

  it('is for supervisors only', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    expectError(await t.core.call('audit.verify', {}), 'FORBIDDEN');
    expectError(await t.core.call('audit.recent', {}), 'FORBIDDEN');
    expectError(await t.core.dispatch('audit.verify', {}, 'display'), 'FORBIDDEN');
  });
});

describe('npm run audit:verify', () => {
  const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

  it('checks read-only and answers with exit codes 0 (intact), 1 (broken), 2 (cannot check)', async () => {
    expect(LEDGER_FILE).toBe(DATABASE_FILE);
    const t = await sessionCore();
    const count = auditRows(t.databasePath).length;
    closeCore(t.core);
    const before = sha(t.databasePath);

    // the real command, once, on an intact ledger
    const intact = spawnSync('npx', ['tsx', 'scripts/audit-verify.ts', '--data-dir', t.dataDir], { encoding: 'utf8' });
    expect(intact.status, intact.stderr).toBe(EXIT_INTACT);
    expect(intact.stdout).toContain(`审计日志完整：共 ${count} 条`);
    expect(intact.stdout).toContain(`Audit trail intact: ${count} rows`);
    expect(sha(t.databasePath)).toBe(before);

    tamper(t.databasePath, (db) => db.prepare("UPDATE audit_log SET at = '2026-01-01T00:00:00.000Z' WHERE seq = 9").run());
    // and once on a broken one
    const broken = spawnSync('npx', ['tsx', 'scripts/audit-verify.ts', '--data-dir', t.dataDir], { encoding: 'utf8' });
    expect(broken.status, broken.stderr).toBe(EXIT_BROKEN);
    expect(broken.stdout).toContain('第 9 条');
    expect(broken.stdout).toContain('内容被改动');
    expect(broken.stdout).toContain('broken at seq 9');

    // usage errors, in process
    const lines: string[] = [];
    const print = (line: string): void => {
      lines.push(line);
    };
    expect(runAuditVerify([], print)).toBe(EXIT_USAGE);
    expect(runAuditVerify(['--data-dir'], print)).toBe(EXIT_USAGE);
    expect(runAuditVerify(['--frob', 'x'], print)).toBe(EXIT_USAGE);
    expect(runAuditVerify(['--data-dir', makeTempDir()], print)).toBe(EXIT_USAGE);
    expect(lines.join('\n')).toMatch(CHINESE);
    // a ledger from before the chain is not changed, and cannot be checked
    const oldDir = makeTempDir();
    openDatabase(join(oldDir, DATABASE_FILE), MIGRATIONS.slice(0, 4)).close();
    expect(runAuditVerify([`--data-dir=${oldDir}`], print)).toBe(EXIT_USAGE);
    expect(lines.at(-1)).toContain('no audit hash chain');
  });
});
