/**
 * The print queue against a fake ESC/POS printer on a real TCP socket:
 * bytes as received and decoded, printer down and back, paper out, printer
 * switched, broken connections, a crash mid-send.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PAPER_COLUMNS } from '../../shared/print/document';
import { INTERRUPTED_MESSAGE } from '../../electron/services/printing/queue';
import { CLERK, SUPERVISOR, call, cleanupAll, login, logout, setUpWithClerk } from '../support/core';
import { printedColumns } from '../support/escpos-reader';
import { PAPER_OUT, STATUS_OK } from '../support/fake-printer';
import { SAMPLE_SLIP, enqueue, fakePrinters, jobRow, openPrintCore, sleep, waitUntil, type PrintCore } from '../support/print-core';

const fakePrinter = fakePrinters();
afterAll(cleanupAll);

/** Set up, point the window at `uri` as the supervisor, and leave the clerk logged in. */
async function readyCore(uri: string, options: Parameters<typeof openPrintCore>[0] = {}): Promise<PrintCore> {
  const t = openPrintCore(options);
  await setUpWithClerk(t.core);
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(t.core, 'printer.configure', { printer: uri, paperWidth: 80 });
  await logout(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
  return t;
}

describe('printing to a network printer', () => {
  it('sends the test page once: GB18030 text within 48 columns, QR length = UTF-8 byte length, status before and after', async () => {
    const printer = await fakePrinter();
    const t = await readyCore(printer.uri);
    const job = await call(t.core, 'printer.testPage', {});
    // 'sending' when the printer answered ready on the connection kept since printer.configure
    expect(['queued', 'sending']).toContain(job.status);
    const [received] = await printer.waitForJobs(1);
    await t.core.printing.settled();
    expect(printer.jobs()).toHaveLength(1);
    const text = received?.lines.map((l) => l.text).join('\n') ?? '';
    expect(text).toContain('测试区政务服务中心');
    expect(text).toContain('3 号窗口');
    expect(text).toContain('李晓梅（C001）');
    for (const line of received?.lines ?? []) expect(printedColumns(line), line.text).toBeLessThanOrEqual(PAPER_COLUMNS[80]);
    const qr = received?.qrs[0];
    expect(qr?.declaredLength).toBe(Buffer.byteLength(qr?.data ?? '', 'utf8'));
    expect(qr?.data).toMatch(/^窗口工作台打印测试｜测试区政务服务中心｜3号窗口｜/);
    // DLE EOT 1, 2, 4 before and after the job
    expect(printer.statusQueries.slice(-6)).toEqual([1, 2, 4, 1, 2, 4]);
    const row = jobRow(t.core, job.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, printer: printer.uri });
    expect(Buffer.from(row.bytes).equals(printer.data.subarray(printer.data.length - row.bytes.length))).toBe(true);
    const status = await call(t.core, 'printer.status', {});
    expect(status).toMatchObject({ state: 'ready', queued: 0, failed: 0, printer: printer.uri });
  });

  it('keeps the connection for the next job, asks the status before each job on it, and opens a fresh one when the printer dropped it', async () => {
    const printer = await fakePrinter();
    const t = await readyCore(printer.uri);
    const first = await call(t.core, 'printer.testPage', {});
    await printer.waitForJobs(1);
    await waitUntil(() => jobRow(t.core, first.id).status === 'sent', 5000, 'first job sent');
    const connections = printer.connections;
    const queriesBefore = printer.statusQueries.length;

    const second = await call(t.core, 'printer.testPage', {});
    await printer.waitForJobs(2);
    await waitUntil(() => jobRow(t.core, second.id).status === 'sent', 5000, 'second job sent');
    expect(printer.connections).toBe(connections);
    // DLE EOT 1, 2, 4 before the job and after it, on the same connection
    expect(printer.statusQueries.slice(queriesBefore)).toEqual([1, 2, 4, 1, 2, 4]);

    // the printer is switched off and on: the kept connection is dead, the next job opens a new one and prints once
    await printer.stop();
    await printer.restart();
    const third = await call(t.core, 'printer.testPage', {});
    await printer.waitForJobs(3);
    await waitUntil(() => jobRow(t.core, third.id).status === 'sent', 5000, 'third job sent');
    expect(printer.connections).toBe(connections + 1);
    expect(printer.jobs()).toHaveLength(3);
    expect(jobRow(t.core, third.id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  it('a slip recorded as being sent in its own write and stopped before its first byte is failed at the next start, never printed', async () => {
    const printer = await fakePrinter();
    const t = await readyCore(printer.uri);
    // printer.configure found the printer ready and kept the connection: the write records the job as being sent
    const asked = t.core.call('printer.testPage', {});
    const reopened = t.reopen(); // the program stops before the worker sends it
    const answered = await asked;
    expect(answered.ok && answered.value.status).toBe('sending');
    const id = answered.ok ? answered.value.id : '';
    expect(jobRow(reopened.core, id)).toMatchObject({ status: 'failed', attempts: 1, last_error: INTERRUPTED_MESSAGE });

    await call(reopened.core, 'auth.unlock', { pin: CLERK.pin });
    const next = await call(reopened.core, 'printer.testPage', {});
    await printer.waitForJobs(1);
    await waitUntil(() => jobRow(reopened.core, next.id).status === 'sent', 5000, 'next job sent');
    expect(printer.jobs()).toHaveLength(1);
    expect(jobRow(reopened.core, id).status).toBe('failed');
  });

  it('printer off: the job is kept, the clerk is told within 3 s, and it prints exactly once when the printer is back (default timing)', async () => {
    const printer = await fakePrinter();
    const t = await readyCore(printer.uri, { printing: null });
    await printer.stop();
    const asked = Date.now();
    const job = await call(t.core, 'printer.testPage', {});
    await waitUntil(() => t.events.some((e) => e.at >= asked && e.status.state === 'unreachable' && e.status.queued === 1), 3000, 'printer.changed unreachable');
    expect(Date.now() - asked).toBeLessThan(3000);
    const told = t.events.find((e) => e.status.state === 'unreachable');
    expect(told?.status.message).toMatch(/无法连接打印机 127\.0\.0\.1:\d+：连接被拒绝/);
    const [waiting] = await call(t.core, 'print.jobs', { status: 'queued' });
    expect(waiting).toMatchObject({ id: job.id, status: 'queued', attempts: 0, lastError: expect.stringMatching(/无法连接打印机/) });
    expect(printer.data.length).toBe(0);

    await sleep(2500); // a retry or two while it is off: still nothing recorded twice
    await printer.restart();
    await printer.waitForJobs(1, 8000);
    await waitUntil(() => jobRow(t.core, job.id).status === 'sent', 3000, 'job sent');
    await sleep(800);
    expect(printer.jobs()).toHaveLength(1);
    expect(jobRow(t.core, job.id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    await waitUntil(() => t.events.at(-1)?.status.state === 'ready' && t.events.at(-1)?.status.queued === 0, 2000, 'ready event');
    // the retries while it was off wrote the reason once, not once per retry
    const waits = t.core.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'print.waiting' AND entity_id = ?").get(job.id) as { n: number };
    expect(waits.n).toBe(1);
  });

  it('paper out (DLE EOT 4): nothing is sent while it lasts; the job goes out once paper is loaded', async () => {
    const printer = await fakePrinter();
    const t = await readyCore(printer.uri);
    printer.status = { ...PAPER_OUT };
    const id = enqueue(t.core, SAMPLE_SLIP);
    await waitUntil(() => t.events.some((e) => e.status.state === 'paperOut' && e.status.queued === 1), 3000, 'paperOut event');
    expect(jobRow(t.core, id)).toMatchObject({ status: 'queued', last_error: expect.stringMatching(/缺纸/) });
    const queriesBefore = printer.statusQueries.length;
    await waitUntil(() => printer.statusQueries.length > queriesBefore, 8000, 'status queries while the paper is out'); // it keeps checking
    expect(printer.data.length).toBe(0); // and sends nothing
    printer.status = { ...STATUS_OK };
    await printer.waitForJobs(1);
    await waitUntil(() => jobRow(t.core, id).status === 'sent', 3000, 'sent');
    await sleep(500);
    expect(printer.jobs()).toHaveLength(1);
    expect(printer.jobs()[0]?.lines.some((l) => l.text.includes('受理回执'))).toBe(true);
  });

  it('switching printers sends the waiting jobs, in order, to the new one only', async () => {
    const first = await fakePrinter();
    const second = await fakePrinter();
    const t = await readyCore(first.uri);
    await first.stop();
    const ids = [enqueue(t.core, SAMPLE_SLIP), enqueue(t.core, { ...SAMPLE_SLIP, title: '第二张', blocks: [{ kind: 'text', text: '第二张单据' }] })];
    await waitUntil(() => jobRow(t.core, ids[0] ?? '').last_error !== null, 3000, 'waiting reason');
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const status = await call(t.core, 'printer.configure', { printer: second.uri, paperWidth: 80 });
    expect(status).toMatchObject({ printer: second.uri, state: 'ready' });
    const jobs = await second.waitForJobs(2);
    expect(jobs[0]?.lines.some((l) => l.text.includes('受理回执'))).toBe(true);
    expect(jobs[1]?.lines.some((l) => l.text.includes('第二张单据'))).toBe(true);
    await first.restart();
    await sleep(500);
    expect(first.data.length).toBe(0);
    for (const id of ids) expect(jobRow(t.core, id)).toMatchObject({ status: 'sent', printer: second.uri });
  });

  it('a paper-width change lays the waiting jobs out again for the new paper', async () => {
    const printer = await fakePrinter();
    const t = await readyCore(printer.uri);
    await printer.stop();
    const id = enqueue(t.core, SAMPLE_SLIP);
    expect(jobRow(t.core, id).paper_width).toBe(80);
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'printer.configure', { printer: printer.uri, paperWidth: 58 });
    expect(jobRow(t.core, id).paper_width).toBe(58);
    await printer.restart();
    const [job] = await printer.waitForJobs(1);
    for (const line of job?.lines ?? []) expect(printedColumns(line), line.text).toBeLessThanOrEqual(32);
    expect(job?.lines.some((l) => printedColumns(l) === 32)).toBe(true);
  });

  it('a printer that hangs up mid-job: the job fails with the reason and is never resent by itself', async () => {
    const printer = await fakePrinter();
    const t = await readyCore(printer.uri);
    printer.mode = { kind: 'closeAfter', bytes: 60 };
    const id = enqueue(t.core, SAMPLE_SLIP);
    await waitUntil(() => jobRow(t.core, id).status === 'failed', 5000, 'failed');
    expect(jobRow(t.core, id).last_error).toMatch(/无法确认是否(已打印|打印完整)，请核对后重打/);
    printer.mode = { kind: 'normal' };
    const received = printer.data.length;
    await sleep(800);
    expect(printer.data.length).toBe(received); // not resent
    const status = await call(t.core, 'printer.status', {});
    expect(status.failed).toBe(1);
    // the clerk reprints it with a reason
    const again = await call(t.core, 'print.reprint', { id, reason: '上一张打印中断' });
    expect(again).toMatchObject({ reprintOf: id, reprintReason: '上一张打印中断', status: 'queued' });
    await waitUntil(() => jobRow(t.core, again.id).status === 'sent', 5000, 'reprint sent');
    expect(printer.jobs().filter((j) => j.items.some((i) => i.kind === 'cut'))).toHaveLength(1);
    expect((await call(t.core, 'printer.status', {})).failed).toBe(0);
  });

  it('a printer that accepts and closes at once keeps the job waiting, with the reason', async () => {
    const printer = await fakePrinter();
    const t = await readyCore(printer.uri);
    printer.mode = { kind: 'closeOnConnect' };
    const id = enqueue(t.core, SAMPLE_SLIP);
    await waitUntil(() => jobRow(t.core, id).last_error !== null, 3000, 'reason');
    expect(jobRow(t.core, id)).toMatchObject({ status: 'queued', attempts: 0, last_error: expect.stringMatching(/断开了连接/) });
    printer.mode = { kind: 'normal' };
    await printer.waitForJobs(1);
    await waitUntil(() => jobRow(t.core, id).status === 'sent', 3000, 'sent');
  });

  it('a job left "sending" by a crash is failed at the next start, not resent', async () => {
    const printer = await fakePrinter();
    const t = await readyCore(printer.uri);
    await printer.stop();
    const id = enqueue(t.core, SAMPLE_SLIP);
    await waitUntil(() => jobRow(t.core, id).last_error !== null, 3000, 'waiting');
    // the state a crash between "sending" and "sent" leaves behind
    t.core.db.prepare("UPDATE print_job SET status = 'sending', attempts = 1 WHERE id = ?").run(id);
    const reopened = t.reopen();
    await printer.restart();
    expect(jobRow(reopened.core, id)).toMatchObject({ status: 'failed', last_error: INTERRUPTED_MESSAGE });
    const audit = reopened.core.db.prepare("SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq DESC LIMIT 1").get(id) as { action: string };
    expect(audit.action).toBe('print.interrupted');
    await sleep(700);
    expect(printer.data.length).toBe(0);
  });
});
