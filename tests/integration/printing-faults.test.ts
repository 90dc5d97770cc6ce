/**
 * Printing faults that used to lose slips or leave them failed: a printer that
 * takes the connection and never reads (发送未确认), a crash while a job was
 * being written to the data directory ('none' printer). The migration that
 * added the unconfirmed state is tested in migrations/012-print-job-unconfirmed.test.ts.
 * Real TCP sockets on 127.0.0.1, real SQLite files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/services/db/connection';
import { DEFAULT_PRINT_OPTIONS, INTERRUPTED_MESSAGE, type JobStages } from '../../electron/services/printing/queue';
import { PRINT_JOBS_DIR } from '../../electron/services/printing/store';
import { printerStatusLine } from '../../shared/print/status';
import { CLERK, SUPERVISOR, call, cleanupAll, login, logout, setUpWithClerk } from '../support/core';
import { PAPER_OUT, STATUS_OK } from '../support/fake-printer';
import { FAST_PRINTING, SAMPLE_SLIP, closePrintCore, enqueue, fakePrinters, jobRow, openPrintCore, waitUntil, type PrintCore } from '../support/print-core';

const fakePrinter = fakePrinters();
afterAll(cleanupAll);

/** Short, explicit timeouts: a silent printer is found out after statusMs + confirmMs. */
const SILENT_TIMING = { ...FAST_PRINTING, statusMs: 200, confirmMs: 300 };

/** A set-up core with the clerk logged in. */
async function started(options: Parameters<typeof openPrintCore>[0] = {}): Promise<PrintCore> {
  const t = openPrintCore(options);
  await setUpWithClerk(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
  return t;
}

async function configureAsSupervisor(t: PrintCore, printer: string): Promise<void> {
  await logout(t.core);
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(t.core, 'printer.configure', { printer, paperWidth: 80 });
  await logout(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
}

function slip(n: number): typeof SAMPLE_SLIP {
  return { ...SAMPLE_SLIP, title: `第 ${n} 张`, blocks: [{ kind: 'text', text: `第 ${n} 张单据` }] };
}

describe('a printer that accepts the connection and never reads', () => {
  it('the default timing finds it out within 3 s: status before + confirmation after', () => {
    expect(DEFAULT_PRINT_OPTIONS.statusMs + DEFAULT_PRINT_OPTIONS.confirmMs).toBeLessThanOrEqual(2500);
  });

  it('marks the job 发送未确认, tells the clerk, holds the rest, and switching printers sends the rest and offers the first for reprint', async () => {
    const silent = await fakePrinter();
    const second = await fakePrinter();
    const t = await started({ printing: SILENT_TIMING });
    await configureAsSupervisor(t, silent.uri);
    silent.mode = { kind: 'neverRead' };

    const ids = Array.from({ length: 12 }, (_, i) => enqueue(t.core, slip(i + 1)));
    const [first = '', ...rest] = ids;
    await waitUntil(() => jobRow(t.core, first).status === 'unconfirmed', 8000, 'first job unconfirmed');
    // the clerk is told through the printer's event, the way failures are
    await waitUntil(() => t.events.some((e) => e.status.unconfirmed === 1), 3000, 'printer.changed with the unconfirmed job');
    const told = t.events.find((e) => e.status.unconfirmed === 1)?.status;
    expect(told && printerStatusLine(told)).toMatch(/1 张发送未确认/);
    expect(jobRow(t.core, first)).toMatchObject({ status: 'unconfirmed', attempts: 1, sent_at: null, last_error: expect.stringMatching(/没有回应状态查询，无法确认是否已打印/) });
    const audit = t.core.db.prepare("SELECT detail FROM audit_log WHERE action = 'print.unconfirmed' AND entity_id = ?").get(first) as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ reason: expect.stringMatching(/无法确认是否已打印/) });

    // the next job is not poured into the silent printer: it waits, with the reason
    await waitUntil(() => /没有回应状态查询/.test(jobRow(t.core, rest[0] ?? '').last_error ?? ''), 5000, 'second job held');
    for (const id of rest) expect(jobRow(t.core, id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(silent.data.length).toBe(0); // not a byte read
    const [listed] = await call(t.core, 'print.jobs', { status: 'unconfirmed' });
    expect(listed).toMatchObject({ id: first, status: 'unconfirmed' });
    expect(await call(t.core, 'printer.status', {})).toMatchObject({ unconfirmed: 1, failed: 0, queued: 11 });

    // another printer: the eleven waiting jobs go out there, in order; the unconfirmed one is not resent by itself
    await configureAsSupervisor(t, second.uri);
    const received = await second.waitForJobs(11);
    expect(received.map((job) => job.lines.find((l) => l.text.includes('单据'))?.text.trim())).toEqual(rest.map((_, i) => `第 ${i + 2} 张单据`));
    await waitUntil(() => rest.every((id) => jobRow(t.core, id).status === 'sent'), 5000, 'eleven sent');
    expect(jobRow(t.core, first).status).toBe('unconfirmed');

    // it is offered for reprint on the new printer, with the reason recorded
    const again = await call(t.core, 'print.reprint', { id: first, reason: '原打印机无响应，换打印机重打' });
    expect(again).toMatchObject({ reprintOf: first, reprintReason: '原打印机无响应，换打印机重打', printer: second.uri });
    const reprinted = await second.waitForJobs(12);
    expect(reprinted[11]?.lines.some((l) => l.text.includes('第 1 张单据'))).toBe(true);
    await waitUntil(() => jobRow(t.core, again.id).status === 'sent', 5000, 'reprint sent');
    expect(await call(t.core, 'printer.status', {})).toMatchObject({ unconfirmed: 0, queued: 0 });
  });

  it('a sent job records how long each stage took, from the request to the printer answering', async () => {
    const printer = await fakePrinter();
    const t = await started();
    await configureAsSupervisor(t, printer.uri);
    const id = enqueue(t.core, SAMPLE_SLIP);
    await waitUntil(() => jobRow(t.core, id).status === 'sent', 5000, 'sent');
    const stages = JSON.parse(jobRow(t.core, id).stages ?? '{}') as JobStages;
    const order = [stages.enqueued, stages.committed, stages.picked, stages.connected, stages.checked, stages.written, stages.confirmed];
    for (const at of order) expect(typeof at).toBe('number');
    expect(order).toEqual([...order].sort((a = 0, b = 0) => a - b));
    expect(printer.lastDataAt).toBeGreaterThanOrEqual(stages.checked ?? Infinity);
  });

  it('a printer that ran out of paper since it last answered: the job recorded as sending while asking goes back to waiting, its attempt not counted', async () => {
    const printer = await fakePrinter();
    const t = await started();
    await configureAsSupervisor(t, printer.uri);
    expect(t.core.printing.status().state).toBe('ready');
    printer.status = { ...PAPER_OUT };
    const id = enqueue(t.core, SAMPLE_SLIP);
    await waitUntil(() => /缺纸/.test(jobRow(t.core, id).last_error ?? ''), 5000, 'paper out');
    expect(jobRow(t.core, id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(printer.data.length).toBe(0);
    printer.status = { ...STATUS_OK };
    await printer.waitForJobs(1);
    await waitUntil(() => jobRow(t.core, id).status === 'sent', 5000, 'sent');
    expect(jobRow(t.core, id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  it('parallel and repeated reprints of an unconfirmed job: each is its own job, recorded with its reason, printed once', async () => {
    const silent = await fakePrinter();
    const t = await started({ printing: SILENT_TIMING });
    await configureAsSupervisor(t, silent.uri);
    silent.mode = { kind: 'neverRead' };
    const id = enqueue(t.core, SAMPLE_SLIP);
    await waitUntil(() => jobRow(t.core, id).status === 'unconfirmed', 8000, 'unconfirmed');
    const good = await fakePrinter();
    await configureAsSupervisor(t, good.uri);
    const reasons = Array.from({ length: 6 }, (_, i) => `重打第${i + 1}次`);
    const parallel = await Promise.all(reasons.slice(0, 4).map((reason) => call(t.core, 'print.reprint', { id, reason })));
    const repeated = [];
    for (const reason of reasons.slice(4)) repeated.push(await call(t.core, 'print.reprint', { id, reason }));
    const all = [...parallel, ...repeated];
    expect(new Set(all.map((j) => j.id)).size).toBe(6);
    await good.waitForJobs(6);
    await waitUntil(() => all.every((j) => jobRow(t.core, j.id).status === 'sent'), 8000, 'reprints sent');
    expect(all.map((j) => jobRow(t.core, j.id).reprint_reason).sort()).toEqual([...reasons].sort());
    expect(good.jobs()).toHaveLength(6);
    expect(jobRow(t.core, id).status).toBe('unconfirmed'); // the original stays as it was, resolved by its reprints
    expect(await call(t.core, 'printer.status', {})).toMatchObject({ unconfirmed: 0 });
  });
});

describe('the default none printer after a crash', () => {
  it('finishes the interrupted jobs to the data directory and removes the temporary files left behind', async () => {
    const first = await started();
    const ids = [enqueue(first.core, slip(1)), enqueue(first.core, slip(2)), enqueue(first.core, slip(3))];
    await waitUntil(() => ids.every((id) => jobRow(first.core, id).status === 'sent'), 5000, 'kept in the data directory');
    closePrintCore(first.core);

    // the state a crash leaves: one job cut off mid-write ("sending", half a temp file, no final file), one failed
    // as interrupted by an earlier version, and stray temp files
    const dir = join(first.dataDir, PRINT_JOBS_DIR);
    const [cut = '', earlier = '', done = ''] = ids;
    const db = openDatabase(join(first.dataDir, 'counter.sqlite3'));
    db.prepare("UPDATE print_job SET status = 'sending', sent_at = NULL WHERE id = ?").run(cut);
    db.prepare("UPDATE print_job SET status = 'failed', sent_at = NULL, last_error = ? WHERE id = ?").run(INTERRUPTED_MESSAGE, earlier);
    db.close();
    for (const id of [cut, earlier]) {
      rmSync(join(dir, `${id}.bin`));
      rmSync(join(dir, `${id}.svg`));
    }
    writeFileSync(join(dir, `${cut}.bin.tmp`), Buffer.from([0x1b, 0x40, 0x1c]));
    writeFileSync(join(dir, `${done}.svg.tmp`), '<svg');
    writeFileSync(join(dir, '00000000-0000-0000-0000-000000000000.bin.tmp'), '');
    const doneBefore = readFileSync(join(dir, `${done}.bin`));

    const again = openPrintCore({ dataDir: first.dataDir, clock: first.clock });
    await waitUntil(() => [cut, earlier].every((id) => jobRow(again.core, id).status === 'sent'), 5000, 'interrupted jobs finished');
    await again.core.printing.settled();
    for (const id of [cut, earlier]) {
      const row = jobRow(again.core, id);
      expect(row).toMatchObject({ status: 'sent', last_error: null });
      expect(readFileSync(join(dir, `${id}.bin`)).equals(Buffer.from(row.bytes))).toBe(true);
      expect(readFileSync(join(dir, `${id}.svg`), 'utf8')).toMatch(/^<svg/);
      const audit = again.core.db.prepare("SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq DESC LIMIT 1").get(id) as { action: string };
      expect(audit.action).toBe('print.recovered');
    }
    expect(readFileSync(join(dir, `${done}.bin`)).equals(doneBefore)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(again.core.printing.status()).toMatchObject({ failed: 0, queued: 0 });

    // a restart with nothing interrupted changes nothing
    const rows = (again.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const third = again.reopen();
    await third.core.printing.settled();
    expect((third.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(rows);
  });

  it('a job left "sending" on a real printer still fails, never resent', async () => {
    const printer = await fakePrinter();
    const t = await started();
    await configureAsSupervisor(t, printer.uri);
    await printer.stop();
    const id = enqueue(t.core, SAMPLE_SLIP);
    await waitUntil(() => jobRow(t.core, id).last_error !== null, 3000, 'waiting');
    t.core.db.prepare("UPDATE print_job SET status = 'sending', attempts = 1 WHERE id = ?").run(id);
    const dir = join(t.dataDir, PRINT_JOBS_DIR);
    mkdirSync(dir, { recursive: true });
    const reopened = t.reopen();
    await printer.restart();
    await reopened.core.printing.settled();
    expect(jobRow(reopened.core, id)).toMatchObject({ status: 'failed', last_error: INTERRUPTED_MESSAGE });
    expect(existsSync(join(dir, `${id}.bin`))).toBe(false);
    expect(printer.data.length).toBe(0);
  });
});
