/**
 * Ledgers on a real SQLite file: views with each filter, search by number and
 * by name, CSV/XLSX exports read back, masking and its audit, unwritable
 * folders, the monthly archive (including a process killed midway) and the
 * purge of old scans.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, EventName, LedgerFilter, LedgerPage } from '../../shared/contract';
import { EXPORT_KEEP_MINUTES } from '../../shared/api/ledger';
import { KILL_AT_ENV } from '../../electron/services/ledger/archive-service';
import { takeExport } from '../../electron/services/ledger/downloads';
import { CHINESE, CLERK, SUPERVISOR, FakeClock, call, cleanupAll, createTestCore, expectError, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { auditSince, changesSince, maxSeq } from '../support/db';
import { downloaded, downloadedWorkbook } from '../support/downloads';
import { waitUntil } from '../support/print-core';

afterAll(cleanupAll);

/** Wednesday 2024-01-10, 10:00 in Beijing: the old records. */
const OLD = new Date('2024-01-10T02:00:00.000Z');
/** Monday 2026-09-28, 10:00 in Beijing: today (24 months → archive before 2024-09-01). */
const TODAY = new Date('2026-09-28T02:00:00.000Z');

interface Seeded {
  t: TestCore;
  clerkId: string;
  supervisorId: string;
  c: Record<'recordDone' | 'reissueWithdrawn' | 'referred' | 'caseOpen' | 'open' | 'recent' | 'formula', Contact>;
  caseNo: string;
  gzSlip: string;
}

async function waitPrinted(t: TestCore): Promise<void> {
  await waitUntil(() => (t.core.db.prepare("SELECT COUNT(*) AS n FROM print_job WHERE status IN ('queued', 'sending')").get() as { n: number }).n === 0, 20_000, 'print jobs sent');
}

async function seed(): Promise<Seeded> {
  const t = createTestCore({ clock: new FakeClock(OLD) });
  const { supervisor, clerk } = await setUpWithClerk(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
  const start = (itemCode: string, applicantName: string, applicantPhone = '', applicantIdNumber = '') =>
    call(t.core, 'intake.start', { itemCode, channel: 'walkIn', applicantName, applicantPhone, applicantIdNumber });

  const recordDone = await start('MAR-RECORD', '张三', '13812345678', '11010519491231002X');
  const accepted = await call(t.core, 'intake.accept', { id: recordDone.id, receivedMaterialIds: ['id-card', 'application'] });
  await call(t.core, 'cases.complete', { id: accepted.case.id });
  t.clock.advance(60_000);
  const reissueWithdrawn = await start('MAR-REISSUE', '张三丰');
  const notified = await call(t.core, 'intake.notify', { id: reissueWithdrawn.id, receivedMaterialIds: ['id-card'], problems: [] });
  await call(t.core, 'intake.close', { id: reissueWithdrawn.id, reason: 'withdrawn' });
  t.clock.advance(60_000);
  const referred = await start('SOC-ORG-REG', '李四');
  await call(t.core, 'intake.refer', { id: referred.id });
  await call(t.core, 'intake.close', { id: referred.id, reason: 'referralDone' });
  t.clock.advance(60_000);
  const caseOpen = await start('MAR-RECORD', '王五');
  await call(t.core, 'intake.accept', { id: caseOpen.id, receivedMaterialIds: ['id-card', 'application'] });
  t.clock.advance(60_000);
  const open = await start('MAR-RECORD', '赵六');
  await waitPrinted(t);

  t.clock.set(TODAY);
  const recent = await start('MAR-RECORD', '张小明', '01088886666');
  await call(t.core, 'intake.close', { id: recent.id, reason: 'consulted' });
  t.clock.advance(60_000);
  const formula = await start('MAR-RECORD', '=1+2"引号"');
  await waitPrinted(t);
  return {
    t,
    clerkId: clerk.id,
    supervisorId: supervisor.id,
    c: {
      recordDone: await call(t.core, 'intake.get', { id: recordDone.id }),
      reissueWithdrawn,
      referred,
      caseOpen,
      open,
      recent,
      formula,
    },
    caseNo: accepted.case.caseNo,
    gzSlip: notified.contact.notification?.slipNo ?? '',
  };
}

/** RFC 4180 parsing, enough for the test: quoted fields with "" and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

async function query(t: TestCore, filter: LedgerFilter, limit = 50, cursor?: string): Promise<LedgerPage> {
  return call(t.core, 'ledger.query', cursor ? { filter, limit, cursor } : { filter, limit });
}

function column(page: LedgerPage, label: string): string[] {
  const index = page.columns.findIndex((c) => c.label === label);
  expect(index, label).toBeGreaterThanOrEqual(0);
  return page.rows.map((r) => r.values[index] ?? '');
}

describe('ledger views', () => {
  let s: Seeded;
  beforeAll(async () => {
    s = await seed();
  });

  it('lists contacts newest first with masked values, and filters by date, clerk and status', async () => {
    const { t } = s;
    const all = await query(t, { category: 'contacts' });
    expect(all.total).toBe(7);
    expect(column(all, '申请人')).toEqual(['=1+2"引号"', '张小明', '赵六', '王五', '李四', '张三丰', '张三']);
    const zhang = all.rows.findIndex((r) => r.id === s.c.recordDone.id);
    expect(all.rows[zhang]?.values).toContain('138****5678');
    expect(all.rows[zhang]?.values).toContain('110105********002X');
    expect(all.rows[zhang]?.values).toContain(s.caseNo);
    expect(JSON.stringify(all)).not.toContain('13812345678');
    expect(column(all, '接待时间')[6]).toBe('2024-01-10 10:00');

    expect((await query(t, { category: 'contacts', from: '2024-01-10', to: '2024-01-10' })).total).toBe(5);
    expect((await query(t, { category: 'contacts', from: '2026-09-28' })).total).toBe(2);
    expect((await query(t, { category: 'contacts', to: '2024-01-09' })).total).toBe(0);
    expect((await query(t, { category: 'contacts', staffId: s.clerkId })).total).toBe(7);
    expect((await query(t, { category: 'contacts', staffId: s.supervisorId })).total).toBe(0);
    expect(column(await query(t, { category: 'contacts', status: 'closed' }), '申请人')).toEqual(['张小明', '李四', '张三丰']);
    expect(column(await query(t, { category: 'cases', status: 'open' }), '申请人')).toEqual(['王五']);
    expect(column(await query(t, { category: 'cases', status: 'completed' }), '受理编号')).toEqual([s.caseNo]);
    expect((await query(t, { category: 'notifications' })).total).toBe(1);
    expect(column(await query(t, { category: 'referrals' }), '引导去向')[0]).toMatch(CHINESE);
    expect((await query(t, { category: 'printJobs', status: 'sent' })).total).toBeGreaterThanOrEqual(4);
    expect((await query(t, { category: 'handovers' })).total).toBe(0);

    const bad = expectError(await t.core.call('ledger.query', { filter: { category: 'notifications', status: 'open' } }), 'VALIDATION');
    expect(bad.message).toContain('没有状态');
    expectError(await t.core.call('ledger.query', { filter: { category: 'contacts', from: '2024-02-01', to: '2024-01-01' } }), 'VALIDATION');
  });

  it('searches by contact, case and slip number (exact or beginning) and by name (exact or beginning)', async () => {
    const { t } = s;
    const names = async (filter: LedgerFilter) => column(await query(t, filter), '申请人');
    expect(await names({ category: 'contacts', search: s.c.recordDone.number })).toEqual(['张三']);
    expect(await names({ category: 'contacts', search: s.c.recordDone.number.toLowerCase().slice(0, 10) })).toHaveLength(5);
    expect(await names({ category: 'contacts', search: s.caseNo })).toEqual(['张三']);
    expect(await names({ category: 'contacts', search: s.gzSlip })).toEqual(['张三丰']);
    expect(await names({ category: 'cases', search: s.caseNo })).toEqual(['张三']);
    expect(await names({ category: 'notifications', search: s.gzSlip })).toEqual(['张三丰']);
    expect(await names({ category: 'contacts', search: '张三' })).toEqual(['张三丰', '张三']);
    expect(await names({ category: 'contacts', search: '张三丰' })).toEqual(['张三丰']);
    expect(await names({ category: 'contacts', search: '张' })).toEqual(['张小明', '张三丰', '张三']);
    expect(await names({ category: 'cases', search: '王五' })).toEqual(['王五']);
    expect(await names({ category: 'referrals', search: '李四' })).toEqual(['李四']);
    expect(await names({ category: 'contacts', search: '钱' })).toEqual([]);
    expectError(await t.core.call('ledger.query', { filter: { category: 'printJobs', search: '张三' } }), 'VALIDATION');
  });

  it('pages through a ledger with the cursor, and keeps the audit trail for supervisors', async () => {
    const { t } = s;
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await query(t, { category: 'contacts' }, 3, cursor);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect(seen).toEqual((await query(t, { category: 'contacts' })).rows.map((r) => r.id));
    expectError(await t.core.call('ledger.query', { filter: { category: 'contacts' }, cursor: 'nonsense' }), 'VALIDATION');

    expectError(await t.core.call('ledger.query', { filter: { category: 'audit' } }), 'FORBIDDEN');
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const audit = await query(t, { category: 'audit', staffId: s.clerkId }, 5);
    expect(audit.rows).toHaveLength(5);
    expect(column(audit, '操作人')[0]).toContain(CLERK.staffNo);
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
  });
});

describe('ledger exports', () => {
  let s: Seeded;
  beforeAll(async () => {
    s = await seed();
  });

  it('exports CSV with a BOM, RFC 4180 quoting, the formula guard, masked values and progress events', async () => {
    const { t } = s;
    expectError(await t.core.call('ledger.export', { filter: { category: 'contacts' }, format: 'csv', fullValues: false }), 'FORBIDDEN');
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const events: { event: EventName; payload: unknown }[] = [];
    const off = t.core.onEvent((event, payload) => events.push({ event, payload }));
    const exportId = '0199a000-0000-7000-8000-000000000001';
    const result = await call(t.core, 'ledger.export', { filter: { category: 'contacts' }, format: 'csv', fullValues: false, exportId });
    off();
    expect(result.rows).toBe(7);
    expect(result.fileName).toBe('接待台账_20260928-100100.csv');
    const bytes = await downloaded(t.core, result);
    expect(result.bytes).toBe(bytes.length);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows).toHaveLength(8);
    expect(rows[0]?.slice(0, 5)).toEqual(['接待编号', '接待时间', '办理事项', '申请人', '联系电话']);
    expect(rows.map((r) => r[3])).toEqual(['申请人', "'=1+2\"引号\"", '张小明', '赵六', '王五', '李四', '张三丰', '张三']);
    expect(bytes.toString('utf8')).toContain(`"'=1+2""引号"""`);
    const zhang = rows.find((r) => r[0] === s.c.recordDone.number);
    expect(zhang?.[4]).toBe('138****5678');
    expect(zhang?.[5]).toBe('110105********002X');
    const progress = events.filter((e) => e.event === 'export.progress').map((e) => e.payload);
    expect(progress[0]).toEqual({ exportId, done: 0, total: 7 });
    expect(progress[progress.length - 1]).toEqual({ exportId, done: 7, total: 7 });
    const logged = t.core.db.prepare("SELECT * FROM audit_log WHERE action = 'ledger.export'").all() as { detail: string; actor_staff_no: string }[];
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]?.detail ?? '{}')).toMatchObject({ rows: 7, fullValues: false, format: 'csv' });
  });

  it('exports full values only when a supervisor asks, and writes that to the audit trail', async () => {
    const { t } = s;
    const seq = maxSeq(t.core.db, 'audit_log');
    const changes = maxSeq(t.core.db, 'change_log');
    const result = await call(t.core, 'ledger.export', { filter: { category: 'contacts', status: 'accepted' }, format: 'csv', fullValues: true });
    const rows = parseCsv((await downloaded(t.core, result)).toString('utf8').slice(1));
    expect(rows.map((r) => r[4])).toEqual(['联系电话', '', '13812345678']);
    const audit = auditSince(t.core.db, seq);
    expect(audit.map((a) => a.action)).toEqual(['ledger.export.fullValues', 'ledger.export']);
    expect(audit[0]?.actor_staff_no).toBe(SUPERVISOR.staffNo);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ category: 'contacts', format: 'csv' });
    expect(changesSince(t.core.db, changes)).toEqual([]);
  });

  it('exports XLSX that reads back with the same rows', async () => {
    const { t } = s;
    const result = await call(t.core, 'ledger.export', { filter: { category: 'cases' }, format: 'xlsx', fullValues: false });
    expect(result.rows).toBe(2);
    const book = await downloadedWorkbook(t.core, result);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe('受理件台账');
    const values = (n: number): string[] => ((sheet?.getRow(n).values ?? []) as unknown[]).slice(1).map((v) => String(v ?? ''));
    expect(values(1).slice(0, 4)).toEqual(['受理编号', '受理时间', '办理事项', '申请人']);
    expect(sheet?.rowCount).toBe(3);
    expect(values(2)[3]).toBe('王五');
    expect(values(3)[0]).toBe(s.caseNo);
    expect(values(3)[8]).toBe('已办结');
  });

  it('offers an export once, to the session that asked, and deletes it when taken, expired or at the next start', async () => {
    const { t } = s;
    const exportsDir = join(t.dataDir, 'exports');
    const request = { filter: { category: 'contacts' }, format: 'csv', fullValues: false } as const;
    const first = await call(t.core, 'ledger.export', request);
    expect(readdirSync(exportsDir)).toHaveLength(1);
    await downloaded(t.core, first);
    expect(takeExport(t.core.ctx, first.download)).toBeNull(); // once
    expect(readdirSync(exportsDir)).toEqual([]);

    // another session (or none, or a locked screen) cannot take it; the session that asked still can
    const second = await call(t.core, 'ledger.export', request);
    await call(t.core, 'auth.lock', {});
    expect(takeExport(t.core.ctx, second.download)).toBeNull();
    await call(t.core, 'auth.unlock', { pin: SUPERVISOR.pin });
    await logout(t.core);
    expect(takeExport(t.core.ctx, second.download)).toBeNull();
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    expect(takeExport(t.core.ctx, second.download)).toBeNull();

    // nobody took it: gone after EXPORT_KEEP_MINUTES (at the next export or take)
    t.clock.advance((EXPORT_KEEP_MINUTES + 1) * 60_000);
    const third = await call(t.core, 'ledger.export', request);
    expect(readdirSync(exportsDir)).toHaveLength(1);
    expect(takeExport(t.core.ctx, second.download)).toBeNull();
    // and whatever is left is removed when the workstation starts again
    t.reopen();
    expect(readdirSync(join(t.dataDir, 'exports'))).toEqual([]);
    expect(takeExport(t.core.ctx, third.download)).toBeNull();
  });
});

function workingCounts(db: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of ['contact', 'service_case', 'notification', 'referral', 'print_job', 'audit_log', 'handover']) {
    counts[table] = (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return counts;
}

function archivedContacts(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT applicant_name FROM contact ORDER BY received_at').all() as { applicant_name: string }[]).map((r) => r.applicant_name);
  } finally {
    db.close();
  }
}

describe('archive and retention', () => {
  it('moves old closed records to the month file after verifying it, keeps open and recent ones, and is idempotent', async () => {
    const s = await seed();
    const { t } = s;
    await logout(t.core);
    expectError(await t.core.call('archive.run', {}), 'AUTH_REQUIRED');
    await login(t.core, CLERK.staffNo, CLERK.pin);
    expectError(await t.core.call('archive.run', {}), 'FORBIDDEN');
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const before = workingCounts(t.core.db) as Record<'contact' | 'service_case' | 'print_job', number>;
    const sentOld = (t.core.db.prepare("SELECT COUNT(*) AS n FROM print_job WHERE status = 'sent' AND created_at < '2024-09'").get() as { n: number }).n;
    const seq = maxSeq(t.core.db, 'audit_log');
    const changes = maxSeq(t.core.db, 'change_log');

    const result = await call(t.core, 'archive.run', {});
    expect(result.cutoff).toBe('2024-08-31T16:00:00.000Z');
    expect(result.runs.map((r) => [r.month, r.status])).toEqual([['2024-01', 'completed']]);
    expect(result.archived).toEqual({ print_job: sentOld, contact: 3, service_case: 1, notification: 1, referral: 1 });
    const file = join(t.dataDir, 'archive', '2024-01.sqlite3');
    expect(result.runs[0]?.file).toBe(file);
    expect(archivedContacts(file)).toEqual(['张三', '张三丰', '李四']);

    const after = workingCounts(t.core.db);
    expect(after.contact).toBe(before.contact - 3);
    expect(after.service_case).toBe(before.service_case - 1);
    expect(after.notification).toBe(0);
    expect(after.referral).toBe(0);
    expect(after.print_job).toBe(before.print_job - sentOld);
    const names = column(await query(t, { category: 'contacts' }), '申请人');
    expect(names).toEqual(['=1+2"引号"', '张小明', '赵六', '王五']);
    expect(auditSince(t.core.db, seq).map((a) => a.action)).toEqual(['archive.started', 'archive.copied', 'archive.verified', 'archive.completed']);
    expect(changesSince(t.core.db, changes).map((c) => [c.entity, c.op])).toEqual([
      ['archive_run', 'insert'],
      ['archive_run', 'update'],
      ['archive_run', 'update'],
      ['archive_run', 'update'],
    ]);

    // again: nothing left to move, nothing changes
    const again = await call(t.core, 'archive.run', {});
    expect(again.runs).toEqual([]);
    expect(workingCounts(t.core.db)).toEqual({ ...after, audit_log: after.audit_log });
    const listed = await call(t.core, 'archive.list', {});
    expect(listed.archiveAfterMonths).toBe(24);
    expect(listed.runs.map((r) => r.status)).toEqual(['completed']);
    expect(listed.runs[0]?.startedBy).toContain(SUPERVISOR.staffNo);

    // closing the open case later makes its contact archivable in the same month file, next to the earlier rows
    const waiting = await call(t.core, 'archive.run', { olderThanMonths: 1 });
    expect(waiting.runs.map((r) => r.month)).toEqual([]);
  });

  it('an archive killed midway loses nothing, and the next run completes it', async () => {
    const s = await seed();
    const { t } = s;
    await logout(t.core);
    const before = workingCounts(t.core.db) as Record<'contact', number>;
    const file = join(t.dataDir, 'archive', '2024-01.sqlite3');
    for (const step of ['copied', 'verified']) {
      // node with tsx's loader, so the process that kills itself is the one spawned
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/archive-child.ts', t.dataDir, TODAY.toISOString(), SUPERVISOR.staffNo, SUPERVISOR.pin], {
        env: { ...process.env, [KILL_AT_ENV]: step },
        encoding: 'utf8',
        timeout: 90_000,
      });
      expect(child.signal, child.stderr).toBe('SIGKILL');
      expect(workingCounts(t.core.db)).toEqual({ ...before, audit_log: workingCounts(t.core.db).audit_log });
      const runs = t.core.db.prepare('SELECT status FROM archive_run ORDER BY rowid').all() as { status: string }[];
      expect(runs.at(-1)?.status).toBe(step);
      expect(existsSync(file)).toBe(true);
    }
    // the killed process left the supervisor's session open: reopened, it is locked until the PIN is entered
    t.reopen();
    await call(t.core, 'auth.unlock', { pin: SUPERVISOR.pin });
    const result = await call(t.core, 'archive.run', {});
    expect(result.runs.map((r) => r.status)).toEqual(['completed']);
    const runs = t.core.db.prepare('SELECT status, error FROM archive_run ORDER BY rowid').all() as { status: string; error: string | null }[];
    expect(runs.map((r) => r.status)).toEqual(['failed', 'failed', 'completed']);
    expect(runs[0]?.error).toMatch(CHINESE);
    expect(archivedContacts(file)).toEqual(['张三', '张三丰', '李四']);
    expect(workingCounts(t.core.db).contact).toBe(before.contact - 3);
  }, 240_000);

  it('purges only scans and print files older than the setting, and logs it', async () => {
    const t = createTestCore({ clock: new FakeClock(TODAY) });
    await setUpWithClerk(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const day = 86_400_000;
    const place = (relative: string, ageDays: number): string => {
      const path = join(t.dataDir, relative);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, 'scan bytes');
      const at = new Date(TODAY.getTime() - ageDays * day);
      utimesSync(path, at, at);
      return path;
    };
    const old = place('scans/2024/old.jpg', 400);
    const young = place('scans/recent.jpg', 10);
    const oldJob = place('print-jobs/0199a000-0000-7000-8000-00000000000a.bin', 200);
    const photo = place('photos/staff.jpg', 900);
    const seq = maxSeq(t.core.db, 'audit_log');
    const result = await call(t.core, 'retention.purge', {});
    expect(result.removed).toBe(2);
    expect(result.bytes).toBe(20);
    expect([existsSync(old), existsSync(young), existsSync(oldJob), existsSync(photo)]).toEqual([false, true, false, true]);
    const audit = auditSince(t.core.db, seq);
    expect(audit.map((a) => a.action)).toEqual(['retention.purge']);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ olderThanDays: 180, removed: 2 });
    expect((await call(t.core, 'retention.purge', { olderThanDays: 5 })).removed).toBe(1);
  });
});
