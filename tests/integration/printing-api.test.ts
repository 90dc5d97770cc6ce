/**
 * The printing API on a real core: the embedded 'none' printer, settings,
 * validation, reprints, previews, device paths, and the ledger rows every
 * change leaves.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLERK, SUPERVISOR, call, cleanupAll, expectError, login, logout, setUpWithClerk } from '../support/core';
import { allChanges, rowCounts } from '../support/db';
import { readJobs } from '../support/escpos-reader';
import { SAMPLE_SLIP, closeAllPrintCores, enqueue, jobRow, openPrintCore, waitUntil, type PrintCore } from '../support/print-core';
import { UNKNOWN_ID } from '../support/requests';

const shmFiles: string[] = [];
afterEach(() => {
  closeAllPrintCores();
  for (const file of shmFiles.splice(0)) rmSync(file, { force: true });
});
afterAll(cleanupAll);

async function asClerk(): Promise<PrintCore> {
  const t = openPrintCore();
  await setUpWithClerk(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
  return t;
}

async function asSupervisor(): Promise<PrintCore> {
  const t = openPrintCore();
  await setUpWithClerk(t.core);
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  return t;
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("the embedded 'none' printer", () => {
  it('works on a fresh install: each job is kept as print-jobs/<id>.bin and .svg in the data directory', async () => {
    const t = await asClerk();
    const status = await call(t.core, 'printer.status', {});
    expect(status).toMatchObject({ printer: 'none', state: 'none', paperWidth: 80, queued: 0, failed: 0 });
    expect(status.message).toMatch(/未接打印机/);
    const job = await call(t.core, 'printer.testPage', {});
    expect(job).toMatchObject({ kind: 'testPage', status: 'queued', createdBy: '李晓梅（C001）', paperWidth: 80 });
    await t.core.printing.settled();
    const row = jobRow(t.core, job.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, printer: 'none' });
    const bin = join(t.dataDir, 'print-jobs', `${job.id}.bin`);
    const svg = join(t.dataDir, 'print-jobs', `${job.id}.svg`);
    expect(readFileSync(bin).equals(Buffer.from(row.bytes))).toBe(true);
    expect(readJobs(readFileSync(bin))[0]?.lines.some((l) => l.text.includes('打印测试页'))).toBe(true);
    expect(readFileSync(svg, 'utf8')).toContain('<svg');
    expect(existsSync(`${bin}.tmp`)).toBe(false);
    const [listed] = await call(t.core, 'print.jobs', {});
    expect(listed).toMatchObject({ id: job.id, status: 'sent', title: expect.stringMatching(/^打印测试页/) });
    const preview = await call(t.core, 'print.preview', { id: job.id });
    expect(preview.columns).toBe(48);
    expect(preview.svg).toContain('测试区政务服务中心');
    expect(preview.svg).toBe(readFileSync(svg, 'utf8'));
  });
});

describe('printer settings', () => {
  it('only a supervisor configures the printer; bad addresses and widths get clear Chinese messages and change nothing', async () => {
    const clerk = await asClerk();
    expectError(await clerk.core.call('printer.configure', { printer: 'tcp://127.0.0.1:9100', paperWidth: 80 }), 'FORBIDDEN');

    const t = await asSupervisor();
    const before = rowCounts(t.core.db);
    const bad: [unknown, RegExp][] = [
      [{ printer: 'tcp://192.168.1.300:9100', paperWidth: 80 }, /IP 地址 192\.168\.1\.300 不正确/],
      [{ printer: 'tcp://192.168.1.20:99999', paperWidth: 80 }, /端口 99999 不正确/],
      [{ printer: 'lpt0', paperWidth: 80 }, /打印机地址格式/],
      [{ printer: '/dev/shm', paperWidth: 80 }, /是目录，不是打印机设备/],
      [{ printer: '', paperWidth: 80 }, /请填写打印机地址/],
      [{ printer: 'none', paperWidth: 60 }, /纸宽只能是 58 毫米或 80 毫米/],
      [{ printer: 'none', paperWidth: '80' }, /纸宽/],
    ];
    for (const [request, message] of bad) {
      const error = expectError(await t.core.dispatch('printer.configure', request, 'clerk'), 'VALIDATION');
      expect(error.message, JSON.stringify(request)).toMatch(message);
    }
    expect(rowCounts(t.core.db)).toEqual(before);
    expect(t.core.ctx.settings.get()).toMatchObject({ printer: 'none', paperWidth: 80 });
  });

  it('an unreachable address is saved (jobs will wait for it) and the answer says why it cannot print', async () => {
    const t = await asSupervisor();
    const port = await closedPort();
    const asked = Date.now();
    const status = await call(t.core, 'printer.configure', { printer: `tcp://127.0.0.1:${port}`, paperWidth: 58 });
    expect(Date.now() - asked).toBeLessThan(3000);
    expect(status).toMatchObject({ printer: `tcp://127.0.0.1:${port}`, paperWidth: 58, state: 'unreachable', label: `网络打印机 127.0.0.1:${port}` });
    expect(status.message).toMatch(/连接被拒绝/);
    expect(t.core.ctx.settings.get()).toMatchObject({ printer: `tcp://127.0.0.1:${port}`, paperWidth: 58 });
    const audit = t.core.db.prepare("SELECT detail FROM audit_log WHERE action = 'printer.configure'").get() as { detail: string };
    expect(JSON.parse(audit.detail)).toEqual({ before: { printer: 'none', paperWidth: 80 } });
    expect(t.events.at(-1)?.status).toMatchObject({ state: 'unreachable', paperWidth: 58 });
  });

  it('a device path that is not there: the job waits with the reason; a device that takes the bytes prints it', async () => {
    const t = await asSupervisor();
    await call(t.core, 'printer.configure', { printer: '/dev/counter-test-missing/lp0', paperWidth: 80 });
    const id = enqueue(t.core, SAMPLE_SLIP);
    await waitUntil(() => jobRow(t.core, id).last_error !== null, 3000, 'reason');
    expect(jobRow(t.core, id)).toMatchObject({ status: 'queued', last_error: expect.stringMatching(/找不到打印机设备 \/dev\/counter-test-missing\/lp0/) });
    expect(existsSync('/dev/counter-test-missing')).toBe(false); // nothing created in /dev

    // /dev/null is a character device that takes every byte (and never answers a status query)
    await call(t.core, 'printer.configure', { printer: '/dev/null', paperWidth: 80 });
    await waitUntil(() => jobRow(t.core, id).status === 'sent', 5000, 'sent');
    expect(jobRow(t.core, id)).toMatchObject({ status: 'sent', attempts: 1, printer: '/dev/null' });
  });

  it('a regular file is not a printer: refused in Chinese when saved, and a job for it waits without writing to it', async () => {
    if (!existsSync('/dev/shm')) {
      console.warn('skipped: /dev/shm is not available for a regular file under /dev');
      return;
    }
    const t = await asSupervisor();
    const file = `/dev/shm/counter-print-test-${process.pid}-${Date.now()}`;
    writeFileSync(file, '');
    shmFiles.push(file);
    const refused = expectError(await t.core.call('printer.configure', { printer: file, paperWidth: 80 }), 'VALIDATION');
    expect(refused.message).toMatch(/不是打印机设备（是普通文件）/);
    expect(refused.fields?.printer).toMatch(/不是打印机设备/);
    expect(t.core.ctx.settings.get().printer).toBe('none');
    // a setting saved before this check existed: the job waits with the reason, the file gets nothing
    t.core.ctx.settings.update({ printer: file });
    const id = enqueue(t.core, SAMPLE_SLIP);
    await waitUntil(() => jobRow(t.core, id).last_error !== null, 5000, 'reason');
    expect(jobRow(t.core, id)).toMatchObject({ status: 'queued', attempts: 0, last_error: expect.stringMatching(/不是打印机设备/) });
    expect(readFileSync(file).length).toBe(0);
  });
});

describe('characters outside the printer\'s font', () => {
  it('are printed, not refused: the job is recorded and its preview has no warning when a font has them', async () => {
    const t = await asClerk();
    const id = enqueue(t.core, { title: '受理回执', blocks: [{ kind: 'field', label: '申请人', value: '𠮷田 😀' }, { kind: 'text', text: '收费 ¥0 €0' }] });
    await t.core.printing.settled();
    expect(jobRow(t.core, id)).toMatchObject({ status: 'sent' });
    const [job] = readJobs(jobRow(t.core, id).bytes);
    expect(job?.rasters).toHaveLength(1);
    expect(job?.lines.map((line) => line.text.trim())).toContain('收费 ￥0 EUR0');
    expect((await call(t.core, 'print.preview', { id })).warning).toBeNull();
  });
});

describe('reprints', () => {
  it('need a reason, are refused while the original still waits, and are logged as new jobs pointing at the original', async () => {
    const t = await asClerk();
    const original = await call(t.core, 'printer.testPage', {});
    await t.core.printing.settled();
    expectError(await t.core.call('print.reprint', { id: original.id, reason: '' }), 'VALIDATION');
    expectError(await t.core.call('print.reprint', { id: original.id, reason: ' 好' }), 'VALIDATION');
    expectError(await t.core.call('print.reprint', { id: UNKNOWN_ID, reason: '卡纸重打' }), 'NOT_FOUND');
    expectError(await t.core.call('print.preview', { id: UNKNOWN_ID }), 'NOT_FOUND');

    const again = await call(t.core, 'print.reprint', { id: original.id, reason: '申请人要求补打' });
    expect(again).toMatchObject({ reprintOf: original.id, reprintReason: '申请人要求补打', kind: 'testPage', title: original.title });
    const audit = t.core.db.prepare("SELECT actor_staff_no, detail FROM audit_log WHERE action = 'print.reprint' AND entity_id = ?").get(again.id) as {
      actor_staff_no: string;
      detail: string;
    };
    expect(audit.actor_staff_no).toBe('C001');
    expect(JSON.parse(audit.detail)).toMatchObject({ reprintOf: original.id, reason: '申请人要求补打' });

    // while a job still waits for the printer, reprinting it would print it twice
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'printer.configure', { printer: `tcp://127.0.0.1:${await closedPort()}`, paperWidth: 80 });
    const waiting = enqueue(t.core, SAMPLE_SLIP);
    expectError(await t.core.call('print.reprint', { id: waiting, reason: '没打出来' }), 'CONFLICT');
    const queued = await call(t.core, 'print.jobs', { status: 'queued' });
    expect(queued.map((j) => j.id)).toEqual([waiting]);
  });
});

describe('the ledger', () => {
  it('every print job change has its audit row and change-log row, and the change log carries no printer bytes', async () => {
    const t = await asClerk();
    await call(t.core, 'printer.testPage', {});
    enqueue(t.core, SAMPLE_SLIP);
    await t.core.printing.settled();
    const changes = allChanges(t.core.db).filter((c) => c.entity === 'print_job');
    const audits = t.core.db.prepare("SELECT action, entity_id, at FROM audit_log WHERE entity = 'print_job' ORDER BY seq").all() as { action: string; entity_id: string; at: string }[];
    expect(changes.length).toBe(6); // per job: queued, sending, sent
    expect(audits.map((a) => a.action).sort()).toEqual(['print.enqueue', 'print.enqueue', 'print.sending', 'print.sending', 'print.sent', 'print.sent']);
    expect(changes.map((c) => [c.entity_id, c.created_at])).toEqual(audits.map((a) => [a.entity_id, a.at]));
    for (const change of changes) expect(change.payload).not.toMatch(/"bytes"/);
    const inserted = JSON.parse(changes[0]?.payload ?? '{}') as { document?: { title?: string } };
    expect(inserted.document?.title).toMatch(/^打印测试页/);
  });
});
