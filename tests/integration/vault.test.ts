/**
 * Document numbers at rest on a real core: the number is sealed beside its
 * keyed hash and masked form, never in the database files, the audit trail
 * or the change log; the ledger finds it by the hash; the key file is
 * owner-only; a different or corrupt key stops the core without touching
 * the data; an altered sealed value is refused, not read as garbage.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { looksLikeDocumentNumber } from '../../shared/api/ledger';
import { CounterError } from '../../shared/result';
import { KEY_FILE, type CounterCore } from '../../electron/services/core/core';
import { DocumentVault } from '../../electron/services/crypto/document-vault';
import {
  CHINESE,
  CLERK,
  SUPERVISOR,
  call,
  cleanupAll,
  closeCore,
  createTestCore,
  expectError,
  login,
  logout,
  openCore,
  setUpWithClerk,
  type TestCore,
} from '../support/core';
import { downloaded } from '../support/downloads';

afterAll(cleanupAll);

const NUMBER = '11010519491231002X';
const FORBIDDEN = [NUMBER, '19491231002X', '110105194912'];

interface ContactSecrets {
  applicant_id_type: string | null;
  applicant_id_masked: string;
  applicant_id_sealed: string | null;
  applicant_id_hash: string | null;
}

function secrets(core: CounterCore, id: string): ContactSecrets {
  return core.db.prepare('SELECT applicant_id_type, applicant_id_masked, applicant_id_sealed, applicant_id_hash FROM contact WHERE id = ?').get(id) as ContactSecrets;
}

/** Every database file that exists (main, -wal, -shm), as bytes. */
function databaseFiles(t: TestCore): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const suffix of ['', '-wal', '-shm']) {
    const path = t.databasePath + suffix;
    if (existsSync(path)) files.set(path, readFileSync(path));
  }
  return files;
}

function expectNoNumber(label: string, bytes: Buffer | string): void {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('latin1');
  for (const f of FORBIDDEN) expect(text.includes(f), `${label} contains ${f}`).toBe(false);
}

async function seeded(): Promise<{ t: TestCore; contactId: string }> {
  const t = createTestCore();
  await setUpWithClerk(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
  const contact = await call(t.core, 'intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: '张三', applicantPhone: '13812345678', applicantIdNumber: NUMBER });
  await call(t.core, 'intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: '李四', applicantPhone: '', applicantIdNumber: 'e1234567 8' });
  await call(t.core, 'intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: '王五', applicantPhone: '', applicantIdNumber: '' });
  return { t, contactId: contact.id };
}

function contactNames(page: { rows: { values: string[] }[] }): string[] {
  return page.rows.map((r) => r.values[3] ?? '');
}

describe('document numbers at rest', () => {
  it('seals the number beside its hash; no file, audit or change-log row holds it; the ledger finds it by the hash', async () => {
    const { t, contactId } = await seeded();
    const row = secrets(t.core, contactId);
    expect(row.applicant_id_type).toBe('residentId');
    expect(row.applicant_id_masked).toBe('110105********002X');
    expect(row.applicant_id_sealed).toMatch(/^v1:/);
    expect(t.core.ctx.vault.open(row.applicant_id_sealed ?? '')).toBe(NUMBER);
    expect(row.applicant_id_hash).toBe(t.core.ctx.vault.lookupHash(NUMBER));

    const passport = t.core.db.prepare("SELECT applicant_id_type, applicant_id_sealed, applicant_id_hash FROM contact WHERE applicant_name = '李四'").get() as ContactSecrets;
    expect(passport.applicant_id_type).toBe('other');
    expect(t.core.ctx.vault.open(passport.applicant_id_sealed ?? '')).toBe('E12345678');
    const none = t.core.db.prepare("SELECT applicant_id_type, applicant_id_masked, applicant_id_sealed, applicant_id_hash FROM contact WHERE applicant_name = '王五'").get() as ContactSecrets;
    expect(none).toEqual({ applicant_id_type: null, applicant_id_masked: '', applicant_id_sealed: null, applicant_id_hash: null });

    // the outbox and the audit trail carry the masked form only: not the number, not the sealed value, not the hash
    const changes = t.core.db.prepare("SELECT payload FROM change_log WHERE entity = 'contact'").all() as { payload: string }[];
    expect(changes.length).toBeGreaterThan(0);
    const logs = [
      ...changes.map((c) => c.payload),
      ...(t.core.db.prepare('SELECT * FROM change_log').all() as object[]).map((r) => JSON.stringify(r)),
      ...(t.core.db.prepare('SELECT * FROM audit_log').all() as object[]).map((r) => JSON.stringify(r)),
    ];
    for (const log of logs) {
      expectNoNumber('log row', log);
      expect(log).not.toContain(row.applicant_id_sealed);
      expect(log).not.toContain(row.applicant_id_hash);
    }
    const payload = JSON.parse(changes[0]?.payload ?? '{}') as Record<string, unknown>;
    expect(payload.applicant_id_masked).toBe('110105********002X');
    expect(Object.keys(payload).filter((k) => k.includes('sealed') || k.includes('hash'))).toEqual([]);

    // search by the number however it is typed
    for (const typed of [NUMBER, '11010519491231002x', '110105 19491231 002X', '１１０１０５１９４９１２３１００２Ｘ', ' 1101 0519 4912 3100 2x ']) {
      expect(looksLikeDocumentNumber(typed), typed).toBe(true);
      const page = await call(t.core, 'ledger.query', { filter: { category: 'contacts', documentNumber: typed }, limit: 50 });
      expect(contactNames(page), typed).toEqual(['张三']);
      expect(page.rows[0]?.values).toContain('110105********002X');
      expect(JSON.stringify(page)).not.toContain(NUMBER);
    }
    expect(contactNames(await call(t.core, 'ledger.query', { filter: { category: 'contacts', documentNumber: 'E12345678' }, limit: 50 }))).toEqual(['李四']);
    expect(contactNames(await call(t.core, 'ledger.query', { filter: { category: 'contacts', documentNumber: '110105194912310028' }, limit: 50 }))).toEqual([]);
    expect(looksLikeDocumentNumber('JD20260302-3-001')).toBe(false);
    expect(looksLikeDocumentNumber('JD20260302')).toBe(false);
    expect(looksLikeDocumentNumber('张三')).toBe(false);
    expectError(await t.core.call('ledger.query', { filter: { category: 'handovers', documentNumber: NUMBER }, limit: 50 }), 'VALIDATION');
    await logout(t.core);

    // the supervisor's full-value export shows the number (logged); the masked export and the log do not
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const masked = await call(t.core, 'ledger.export', { filter: { category: 'contacts' }, format: 'csv', fullValues: false });
    expectNoNumber('masked export', await downloaded(t.core, masked));
    const full = await call(t.core, 'ledger.export', { filter: { category: 'contacts', documentNumber: '11010519491231002x' }, format: 'csv', fullValues: true });
    expect(full.rows).toBe(1);
    const csv = (await downloaded(t.core, full)).toString('utf8');
    expect(csv).toContain(NUMBER);
    expect(csv).toContain('13812345678');
    const exportLogs = t.core.db.prepare("SELECT detail FROM audit_log WHERE action LIKE 'ledger.export%'").all() as { detail: string }[];
    expect(exportLogs.map((l) => (JSON.parse(l.detail) as { filter: { documentNumber?: string } }).filter.documentNumber)).toContain('110105********002X');
    await logout(t.core);

    for (const log of (t.core.db.prepare('SELECT * FROM audit_log').all() as object[]).map((r) => JSON.stringify(r))) expectNoNumber('audit row', log);
    const files = databaseFiles(t);
    expect(files.has(t.databasePath)).toBe(true);
    for (const [path, bytes] of files) expectNoNumber(path, bytes);
    closeCore(t.core);
    for (const [path, bytes] of databaseFiles(t)) expectNoNumber(path, bytes);
  });

  it('keeps the key owner-only, reads old values after a reopen, and stops on another or a corrupt key without touching the data', async () => {
    const { t, contactId } = await seeded();
    const keyFile = join(t.dataDir, KEY_FILE);
    expect(existsSync(keyFile)).toBe(true);
    const mode = (): number => statSync(keyFile).mode & 0o777;
    if (process.platform !== 'win32') {
      expect(mode()).toBe(0o600);
      expect(statSync(join(t.dataDir, 'keys')).mode & 0o077).toBe(0);
      chmodSync(keyFile, 0o644);
    }
    const sealed = secrets(t.core, contactId).applicant_id_sealed ?? '';
    const reopened = t.reopen();
    if (process.platform !== 'win32') expect(mode()).toBe(0o600);
    expect(reopened.ctx.vault.open(sealed)).toBe(NUMBER);
    // the same key: the same lookup hash (the session is locked after a restart, so read the row directly)
    expect(reopened.db.prepare('SELECT applicant_name AS n FROM contact WHERE applicant_id_hash = ?').all(reopened.ctx.vault.lookupHash(NUMBER))).toEqual([{ n: '张三' }]);
    closeCore(reopened);

    const goodKey = readFileSync(keyFile);
    const before = readFileSync(t.databasePath);

    // another valid key: the stored value does not open (Chinese CounterError), and the core does not start
    const otherKey = randomBytes(32);
    writeFileSync(keyFile, otherKey.toString('base64'));
    expect(() => new DocumentVault(otherKey).open(sealed)).toThrow(CounterError);
    try {
      new DocumentVault(otherKey).open(sealed);
    } catch (error) {
      expect((error as CounterError).message).toMatch(CHINESE);
    }
    expect(() => openCore(t.dataDir, t.clock)).toThrow(/密钥.*不匹配/);
    expect(readFileSync(t.databasePath).equals(before)).toBe(true);

    // a lost key file: a new key is made, it does not open the data, so the core refuses too
    rmSync(keyFile);
    expect(() => openCore(t.dataDir, t.clock)).toThrow(/密钥.*不匹配/);
    expect(readFileSync(t.databasePath).equals(before)).toBe(true);

    // a corrupt key file (wrong length): refused before the database is opened
    writeFileSync(keyFile, randomBytes(20).toString('base64'));
    let refused: unknown = null;
    try {
      openCore(t.dataDir, t.clock);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CounterError);
    expect((refused as CounterError).message).toMatch(/已损坏/);
    expect((refused as CounterError).message).toMatch(CHINESE);
    expect(readFileSync(t.databasePath).equals(before)).toBe(true);
    expect(readdirSync(t.dataDir).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toEqual([]);

    // the backup key restored: everything reads again
    writeFileSync(keyFile, goodKey);
    const restored = openCore(t.dataDir, t.clock);
    expect(restored.ctx.vault.open(sealed)).toBe(NUMBER);
    closeCore(restored);
  });

  it('refuses an altered sealed value instead of returning garbage', async () => {
    const { t, contactId } = await seeded();
    const sealed = secrets(t.core, contactId).applicant_id_sealed ?? '';
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const flipped = Buffer.from(raw);
    flipped[raw.length - 3] = (flipped[raw.length - 3] ?? 0) ^ 0x80;
    let error: unknown = null;
    try {
      t.core.ctx.vault.open(`v1:${flipped.toString('base64')}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CounterError);
    expect((error as CounterError).message).toMatch(CHINESE);
  });

  it('keeps contacts received before numbers were sealed (masked only) working: views, search by name, exports', async () => {
    const { t, contactId } = await seeded();
    // what a contact from before migration 9 looks like: the masked form, no type, no sealed value, no hash
    t.core.db.prepare('UPDATE contact SET applicant_id_type = NULL, applicant_id_sealed = NULL, applicant_id_hash = NULL WHERE id = ?').run(contactId);
    expect((await call(t.core, 'intake.get', { id: contactId })).applicantIdMasked).toBe('110105********002X');
    expect(contactNames(await call(t.core, 'ledger.query', { filter: { category: 'contacts', search: '张三' }, limit: 50 }))).toEqual(['张三']);
    expect(contactNames(await call(t.core, 'ledger.query', { filter: { category: 'contacts', documentNumber: NUMBER }, limit: 50 }))).toEqual([]);
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const out = await call(t.core, 'ledger.export', { filter: { category: 'contacts' }, format: 'csv', fullValues: true });
    expect((await downloaded(t.core, out)).toString('utf8')).toContain('110105********002X');
    expect(t.reopen()).toBeTruthy();
  });
});
