/**
 * The console's kiosk printers screen against a real hall on PostgreSQL and
 * fake ESC/POS printers on real TCP sockets: kiosks listed apart from the
 * windows' board, a kiosk's printer set on the console (one audited
 * transaction, nothing written when nothing changes, 20 parallel saves), the
 * command line's --kiosk-printer seeding it, the test page read back from the
 * printer's bytes, and the print jobs: waiting / failed / printed with the
 * printer's problem in Chinese, retry and cancel under 20 parallel clicks,
 * never a ticket printed twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setKioskPrinter } from '../../hall/print/ticket-print';
import type { PrintJobView } from '../../shared/hall/console-printers';
import type { QueueTicket } from '../../shared/hall/queue-contract';
import { testPageQrData } from '../../shared/print/test-page';
import { ticketQrData } from '../../shared/print/slips/queue-ticket';
import { FakePrinter } from '../support/fake-printer';
import { slipText, type ReadJob } from '../support/escpos-reader';
import { type EnrolledWindow, type TestHall } from '../support/hall';
import { consoleCall, type ConsoleResult } from '../support/hall-console';
import type { ConsoleResponse, ConsoleRouteName } from '../../shared/hall/console-contract';
import { take, TestClock } from '../support/queue';
import { startKioskPrintHall } from '../support/kiosk-print-hall';

const clock = new TestClock(new Date('2026-11-27T02:05:00.000Z'));
let t: TestHall;
let base: string;
let cookie: string;
let kiosk: EnrolledWindow;
let printer: FakePrinter;
/** Switched off: its port refuses connections. */
let dead: FakePrinter;

beforeAll(async () => {
  printer = await FakePrinter.start();
  dead = await FakePrinter.start();
  await dead.stop();
  ({ t, base, cookie, kiosk } = await startKioskPrintHall(clock, ['1']));
});
afterAll(async () => {
  await t?.stop();
  await printer?.stop();
  await dead?.stop();
});

function value<N extends ConsoleRouteName>(r: ConsoleResult<N>): ConsoleResponse<N> {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function audits(action: string): Promise<{ key: string; detail: Record<string, unknown> }[]> {
  const { rows } = await t.hall.pool.query<{ key: string; detail: Record<string, unknown> }>('SELECT key, detail FROM console_audit WHERE action = $1 ORDER BY id', [action]);
  return rows;
}

async function kioskPrinterRow(kioskNo: string): Promise<{ printer: string; paper_width: number; set_by_name: string | null } | undefined> {
  const { rows } = await t.hall.pool.query<{ printer: string; paper_width: number; set_by_name: string | null }>('SELECT printer, paper_width, set_by_name FROM kiosk_printer WHERE kiosk_no = $1', [kioskNo]);
  return rows[0];
}

const save = (kioskNo: string, p: { host: string; port: number; paperWidth: 58 | 80 } | null) => consoleCall(base, 'kioskPrinterSave', { kioskNo, printer: p }, cookie);

async function jobOf(ticket: QueueTicket): Promise<PrintJobView> {
  const jobs = value(await consoleCall(base, 'printJobs', {}, cookie)).jobs;
  const job = jobs.find((j) => j.ticketCode === ticket.code);
  if (job === undefined) throw new Error(`no job for ${ticket.code}`);
  return job;
}

/** Polls the jobs list until the ticket's job is as wanted (the worker runs on its own). */
async function jobWhere(ticket: QueueTicket, wanted: (job: PrintJobView) => boolean, what: string): Promise<PrintJobView> {
  for (let i = 0; i < 1500; i++) {
    const job = await jobOf(ticket);
    if (wanted(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${ticket.code} never became ${what}`);
}

const jobInState = (ticket: QueueTicket, state: PrintJobView['state']) => jobWhere(ticket, (j) => j.state === state, state);

function printedTicket(ticket: QueueTicket): ReadJob[] {
  const qr = ticketQrData({ ticketId: ticket.id, code: ticket.code, day: ticket.day });
  return printer.jobs().filter((j) => j.qrs.some((q) => q.data === qr));
}

describe('kiosks on the console', () => {
  it('the board lists windows only; the kiosk is on the printers screen with its last contact', async () => {
    await take(t.hall, kiosk, 'MAR-REG'); // the kiosk has been in touch (no printer yet: nothing printed)
    const board = value(await consoleCall(base, 'board', {}, cookie));
    expect(board.windows.map((w) => w.windowNo)).toEqual(['1']);
    const kiosks = value(await consoleCall(base, 'kioskPrinters', {}, cookie)).kiosks;
    expect(kiosks).toEqual([expect.objectContaining({ kioskNo: 'K1', enrolled: true, offline: false, printer: null, waiting: 0, failed: 0, lastContactAt: expect.any(String) })]);
  });

  it('--kiosk-printer seeds a printer; once set on the console the console wins', async () => {
    expect(await setKioskPrinter(t.hall.pool, t.hall.hall.hallId, 'K9', { uri: 'tcp://10.0.0.9:9100', paperWidth: 80 })).toBe(true);
    expect(await setKioskPrinter(t.hall.pool, t.hall.hall.hallId, 'K9', { uri: 'tcp://10.0.0.19:9100', paperWidth: 80 })).toBe(true);
    expect(await kioskPrinterRow('K9')).toEqual({ printer: 'tcp://10.0.0.19:9100', paper_width: 80, set_by_name: null });
    value(await save('K9', { host: '10.0.0.29', port: 9101, paperWidth: 58 }));
    expect(await setKioskPrinter(t.hall.pool, t.hall.hall.hallId, 'K9', { uri: 'tcp://10.0.0.19:9100', paperWidth: 80 })).toBe(false);
    expect(await kioskPrinterRow('K9')).toEqual({ printer: 'tcp://10.0.0.29:9101', paper_width: 58, set_by_name: '王建国' });
    const listed = value(await consoleCall(base, 'kioskPrinters', {}, cookie)).kiosks;
    expect(listed.find((k) => k.kioskNo === 'K9')).toMatchObject({ enrolled: false, printer: { host: '10.0.0.29', port: 9101, paperWidth: 58 }, setBy: '王建国' });
    value(await save('K9', null));
    expect(await kioskPrinterRow('K9')).toBeUndefined();
    expect((await audits('kioskPrinter.delete')).map((a) => a.key)).toEqual(['K9']);
  });

  it('checks the address: a bad IP, a port out of range, paper width', async () => {
    const bad = await save('K1', { host: '192.168.1.300', port: 9100, paperWidth: 80 });
    expect(bad).toMatchObject({ ok: false, status: 400, error: { fields: { 'printer.host': 'IP 地址 192.168.1.300 不正确，应为 4 段 0–255 的数字，如 192.168.1.20' } } });
    const port = await consoleCall(base, 'kioskPrinterSave', { kioskNo: 'K1', printer: { host: '10.0.0.1', port: 70000, paperWidth: 80 } }, cookie);
    expect(port).toMatchObject({ ok: false, error: { fields: { 'printer.port': '端口应为 1–65535 的整数' } } });
    expect(await kioskPrinterRow('K1')).toBeUndefined();
  });

  it('20 parallel saves: each change audited once against the one before it; saving the same again writes nothing', async () => {
    const a = { host: '127.0.0.1', port: dead.port, paperWidth: 80 } as const;
    const b = { host: '127.0.0.1', port: printer.port, paperWidth: 80 } as const;
    const before = (await audits('kioskPrinter.save')).length;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => save('K1', i % 2 === 0 ? a : b)));
    expect(results.every((r) => r.ok)).toBe(true);
    const saved = (await audits('kioskPrinter.save')).slice(before).filter((x) => x.key === 'K1');
    expect(saved.length).toBeGreaterThanOrEqual(1);
    // a chain: each audited change starts from what the one before it set
    saved.forEach((x, i) => expect(x.detail.before).toBe(i === 0 ? null : saved[i - 1]?.detail.printer));
    expect((await kioskPrinterRow('K1'))?.printer).toBe(saved.at(-1)?.detail.printer);
    const final = (await kioskPrinterRow('K1'))?.printer === `tcp://127.0.0.1:${a.port}` ? a : b;
    await Promise.all(Array.from({ length: 20 }, () => save('K1', final)));
    expect((await audits('kioskPrinter.save')).length).toBe(before + saved.length);
  });
});

describe('the test page', () => {
  it('prints on the address as typed; read back from the printer it names the kiosk, the printer and who asked', async () => {
    const before = printer.jobs().length;
    const result = value(await consoleCall(base, 'kioskTestPrint', { kioskNo: 'K1', printer: { host: '127.0.0.1', port: printer.port, paperWidth: 58 } }, cookie));
    expect(result).toEqual({ printed: true, message: expect.stringContaining('测试页已打印') });
    const job = (await printer.waitForJobs(before + 1))[before] as ReadJob;
    const paper = slipText(job).map((l) => l.trimEnd());
    // 58 mm: 32 columns, the long fields wrapped under their label
    expect(paper.slice(0, 10)).toEqual([
      '   打印测试页',
      '            测试大厅',
      '   取号机 K1',
      '='.repeat(32),
      '打印机：网络打印机',
      `        127.0.0.1:${printer.port}`,
      '纸宽：58 毫米（每行 32 个字母或',
      '      16 个汉字）',
      '打印时间：2026-11-27 10:05',
      '操作人：王建国（9001）',
    ]);
    expect(paper).toContain('12345678901234567890123456789012');
    expect(job.qrs.map((q) => q.data)).toEqual([testPageQrData({ hallName: '测试大厅', windowNo: 'K1', station: '取号机 K1', printedAt: clock.now().toISOString() })]);
  });

  it('says why in Chinese when the printer cannot be reached', async () => {
    const result = value(await consoleCall(base, 'kioskTestPrint', { kioskNo: 'K1', printer: { host: '127.0.0.1', port: dead.port, paperWidth: 80 } }, cookie));
    expect(result).toEqual({ printed: false, message: `无法连接打印机 127.0.0.1:${dead.port}：连接被拒绝（打印机未开机、正被占用或端口不对）` });
  });
});

describe('print jobs', () => {
  const toDead = () => save('K1', { host: '127.0.0.1', port: dead.port, paperWidth: 80 });
  const toLive = () => save('K1', { host: '127.0.0.1', port: printer.port, paperWidth: 80 });

  it('waiting with the printer problem; given up → failed; 20 parallel retries print it exactly once', async () => {
    value(await toDead());
    const ticket = await take(t.hall, kiosk, 'MAR-REG');
    const waiting = await jobWhere(ticket, (j) => j.state === 'waiting' && j.message !== null, 'waiting with a message');
    expect(waiting).toMatchObject({ kioskNo: 'K1', canRetry: false, canCancel: true, message: `无法连接打印机 127.0.0.1:${dead.port}：连接被拒绝（打印机未开机、正被占用或端口不对）` });
    // the applicant took it 10 minutes ago: the worker gives it up
    await t.hall.pool.query("UPDATE kiosk_print_job SET created_at = created_at - interval '10 minutes' WHERE ticket_id = $1", [ticket.id]);
    const failed = await jobInState(ticket, 'failed');
    expect(failed).toMatchObject({ canRetry: true, canCancel: true, message: '打印机长时间无法打印，号票未打印（号码已在取号机屏幕上显示）' });
    value(await toLive());
    const retries = await Promise.all(Array.from({ length: 20 }, () => consoleCall(base, 'printJobRetry', { id: failed.id }, cookie)));
    const refused = retries.flatMap((r) => (r.ok ? [] : [r.error.message]));
    // a retry that finds it printed already is refused; none sends it again
    for (const m of refused) expect(m).toBe('号票已经打印，不能再打印（避免一个号出两张票）');
    expect((await audits('printJob.retry')).filter((a) => a.key === failed.id)).toHaveLength(1);
    const printed = await jobInState(ticket, 'printed');
    expect(printed).toMatchObject({ printer: `tcp://127.0.0.1:${printer.port}`, canRetry: false, canCancel: false, message: null });
    // a later ticket printed after it: by then any second copy would have been sent too
    const later = await take(t.hall, kiosk, 'MAR-REG');
    await jobInState(later, 'printed');
    expect(printedTicket(ticket)).toHaveLength(1);
    expect(await consoleCall(base, 'printJobRetry', { id: failed.id }, cookie)).toMatchObject({ ok: false, status: 409 });
    expect(await consoleCall(base, 'printJobCancel', { id: failed.id }, cookie)).toMatchObject({ ok: false, error: { message: '号票已经打印，不能取消' } });
  });

  it('20 parallel cancels take a waiting job off the queue once; it never prints when the printer comes back', async () => {
    value(await toDead());
    const ticket = await take(t.hall, kiosk, 'MAR-REG');
    const job = await jobInState(ticket, 'waiting');
    const cancels = await Promise.all(Array.from({ length: 20 }, () => consoleCall(base, 'printJobCancel', { id: job.id }, cookie)));
    // the worker may be trying the printer at that moment: such a cancel is refused, and tried again
    for (const c of cancels) expect(c.ok ? c.value.state : c.error.message).toMatch(/^(cancelled|号票正在发送到打印机，请稍后再取消)$/);
    for (let i = 0; !(await consoleCall(base, 'printJobCancel', { id: job.id }, cookie)).ok; i++) if (i > 500) throw new Error('never cancelled');
    expect(await jobOf(ticket)).toMatchObject({ state: 'cancelled', canRetry: false, canCancel: false });
    expect((await audits('printJob.cancel')).filter((a) => a.key === job.id)).toHaveLength(1);
    expect(await consoleCall(base, 'printJobRetry', { id: job.id }, cookie)).toMatchObject({ ok: false, error: { message: '该打印任务已取消，不能重新打印' } });
    value(await toLive());
    const after = await take(t.hall, kiosk, 'MAR-REG');
    await jobInState(after, 'printed');
    expect(printedTicket(ticket)).toHaveLength(0);
    expect(printedTicket(after)).toHaveLength(1);
  });

  it('moves the waiting jobs to the printer set on the console, and counts jobs by state', async () => {
    value(await toDead());
    const ticket = await take(t.hall, kiosk, 'MAR-REG');
    await jobInState(ticket, 'waiting');
    value(await toLive());
    await jobInState(ticket, 'printed');
    expect(printedTicket(ticket)).toHaveLength(1);
    const list = value(await consoleCall(base, 'printJobs', { state: 'cancelled' }, cookie));
    expect(list.jobs.map((j) => j.state)).toEqual(['cancelled']);
    expect(list.counts).toEqual({ waiting: 0, printing: 0, failed: 0, printed: 4, cancelled: 1 });
  });

  it('a ticket sent but not confirmed is failed without retry (it may be on paper); it can be dismissed', async () => {
    const silent = await FakePrinter.start();
    try {
      silent.mode = { kind: 'silent' };
      value(await save('K1', { host: '127.0.0.1', port: silent.port, paperWidth: 80 }));
      const ticket = await take(t.hall, kiosk, 'MAR-REG');
      const job = await jobInState(ticket, 'failed');
      expect(job).toMatchObject({ canRetry: false, canCancel: true, message: `号票已发出，但打印机 127.0.0.1:${silent.port} 没有确认收到，可能已经打印；为避免一号两票不再重发，请到取号机查看` });
      expect(await consoleCall(base, 'printJobRetry', { id: job.id }, cookie)).toMatchObject({
        ok: false,
        status: 409,
        error: { message: '这张号票发送后打印机未确认，可能已经打印，为避免重复出票不能重新打印；请到取号机查看' },
      });
      expect(await consoleCall(base, 'printJobCancel', { id: job.id }, cookie)).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    } finally {
      await silent.stop();
    }
  });
});
