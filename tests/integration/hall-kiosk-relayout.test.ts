/**
 * Kiosk tickets waiting for an 80 mm printer, moved to a 58 mm one (the
 * kiosk's printer changed on the console: another printer, or the same one
 * with narrower paper; a failed ticket sent again after the change): laid
 * out again for the new paper, read back from a fake ESC/POS printer on a
 * real TCP socket as 32-column lines. 20 parallel saves and retries, the print
 * worker trying the old printer meanwhile: every ticket printed exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleResponse, ConsoleRouteName } from '../../shared/hall/console-contract';
import type { PrintJobView } from '../../shared/hall/console-printers';
import type { QueueTicket } from '../../shared/hall/queue-contract';
import { PAPER_COLUMNS } from '../../shared/print/document';
import { ticketQrData } from '../../shared/print/slips/queue-ticket';
import { printedColumns, slipText, type ReadJob } from '../support/escpos-reader';
import { FakePrinter } from '../support/fake-printer';
import { type EnrolledWindow, type TestHall } from '../support/hall';
import { consoleCall, type ConsoleResult } from '../support/hall-console';
import { take, TestClock } from '../support/queue';
import { startKioskPrintHall } from '../support/kiosk-print-hall';

const clock = new TestClock(new Date('2026-11-27T02:05:00.000Z'));
let t: TestHall;
let base: string;
let cookie: string;
let kiosk: EnrolledWindow;
/** The 58 mm printers the jobs move to. */
let narrow: FakePrinter;
let other: FakePrinter;
/** Switched off: its port refuses connections. */
let dead: FakePrinter;

beforeAll(async () => {
  narrow = await FakePrinter.start();
  other = await FakePrinter.start();
  dead = await FakePrinter.start();
  await dead.stop();
  ({ t, base, cookie, kiosk } = await startKioskPrintHall(clock));
});
afterAll(async () => {
  await t?.stop();
  await narrow?.stop();
  await other?.stop();
  await dead?.stop();
});

function value<N extends ConsoleRouteName>(r: ConsoleResult<N>): ConsoleResponse<N> {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const save = (p: FakePrinter, paperWidth: 58 | 80) => consoleCall(base, 'kioskPrinterSave', { kioskNo: 'K1', printer: { host: '127.0.0.1', port: p.port, paperWidth } }, cookie);

async function jobOf(ticket: QueueTicket): Promise<PrintJobView> {
  const job = value(await consoleCall(base, 'printJobs', {}, cookie)).jobs.find((j) => j.ticketCode === ticket.code);
  if (job === undefined) throw new Error(`no job for ${ticket.code}`);
  return job;
}

/** Polls the jobs list until the ticket's job is in the state (the worker runs on its own). */
async function jobInState(ticket: QueueTicket, state: PrintJobView['state'], withMessage = false): Promise<PrintJobView> {
  for (let i = 0; i < 1500; i++) {
    const job = await jobOf(ticket);
    if (job.state === state && (!withMessage || job.message !== null)) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${ticket.code} never became ${state}`);
}

/** The ticket's copies on every printer. */
function printed(ticket: QueueTicket): ReadJob[] {
  const qr = ticketQrData({ ticketId: ticket.id, code: ticket.code, day: ticket.day });
  return [...narrow.jobs(), ...other.jobs()].filter((j) => j.qrs.some((q) => q.data === qr));
}

/** The ticket printed once, on 58 mm paper: no line wider than 32 columns, the rules 32 wide (80 mm: 48). */
function expectOn58(ticket: QueueTicket): void {
  const copies = printed(ticket);
  expect(copies).toHaveLength(1);
  const job = copies[0] as ReadJob;
  expect(Math.max(...job.lines.map(printedColumns))).toBe(PAPER_COLUMNS[58]);
  const paper = slipText(job);
  expect(paper.filter((l) => /^[=-]+$/.test(l))).toEqual(['='.repeat(32), '-'.repeat(32), '-'.repeat(32), '-'.repeat(32)]);
  expect(paper.map((l) => l.trim())).toEqual(expect.arrayContaining(['测试大厅', '排队号票', ticket.code, '办理事项：结婚登记', '办理窗口：1 号窗口']));
}

async function paperWidthOf(ticket: QueueTicket): Promise<number | null> {
  const { rows } = await t.hall.pool.query<{ paper_width: number | null }>('SELECT paper_width FROM kiosk_print_job WHERE ticket_id = $1', [ticket.id]);
  return rows[0]?.paper_width ?? null;
}

describe('waiting kiosk tickets moved to a printer with narrower paper', () => {
  it('to another printer: 20 parallel saves while the worker tries the old one; each ticket printed once, at 32 columns', async () => {
    value(await save(dead, 80));
    const tickets = [await take(t.hall, kiosk, 'MAR-REG'), await take(t.hall, kiosk, 'MAR-REG'), await take(t.hall, kiosk, 'MAR-REG')];
    for (const ticket of tickets) await jobInState(ticket, 'waiting', true);

    const saves = await Promise.all(Array.from({ length: 20 }, () => save(narrow, 58)));
    expect(saves.every((r) => r.ok)).toBe(true);
    for (const ticket of tickets) await jobInState(ticket, 'printed');
    for (const ticket of tickets) expectOn58(ticket);
    for (const ticket of tickets) expect(await paperWidthOf(ticket)).toBe(58);
    // one change audited, whatever the worker was doing with the jobs then
    const { rows } = await t.hall.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM console_audit WHERE action = 'kioskPrinter.save' AND detail->>'printer' = $1", [narrow.uri]);
    expect(rows[0]?.n).toBe(1);
  });

  it('the same printer given narrower paper while off: printed at 32 columns when it comes back', async () => {
    await other.stop();
    value(await save(other, 80));
    const ticket = await take(t.hall, kiosk, 'MAR-REG');
    await jobInState(ticket, 'waiting', true);
    await Promise.all(Array.from({ length: 20 }, () => save(other, 58)));
    await other.restart();
    await jobInState(ticket, 'printed');
    expectOn58(ticket);
  });

  it('a failed ticket sent again after the printer was changed: 20 parallel retries print it once, at 32 columns', async () => {
    value(await save(dead, 80));
    const ticket = await take(t.hall, kiosk, 'MAR-REG');
    await jobInState(ticket, 'waiting', true);
    // the applicant took it 10 minutes ago: the worker gives it up
    await t.hall.pool.query("UPDATE kiosk_print_job SET created_at = created_at - interval '10 minutes' WHERE ticket_id = $1", [ticket.id]);
    const failed = await jobInState(ticket, 'failed');
    value(await save(narrow, 58));
    const retries = await Promise.all(Array.from({ length: 20 }, () => consoleCall(base, 'printJobRetry', { id: failed.id }, cookie)));
    for (const r of retries) if (!r.ok) expect(r.error.message).toBe('号票已经打印，不能再打印（避免一个号出两张票）');
    await jobInState(ticket, 'printed');
    // a later ticket printed after it: by then any second copy would have been sent too
    const later = await take(t.hall, kiosk, 'MAR-REG');
    await jobInState(later, 'printed');
    expectOn58(ticket);
    expectOn58(later);
  });
});
