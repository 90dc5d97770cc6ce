/**
 * The kiosk (取号机) against a real hall on PostgreSQL and a fake ESC/POS
 * printer on a real TCP socket: pairing with a one-time code, tickets by
 * matter, 绿色通道, appointment code and ID card, a double tap and 20
 * parallel takes, and every ticket printed exactly once on the kiosk's
 * printer — read back from the printer's bytes — also after the printer was off.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../hall/db/pool';
import { setKioskPrinter } from '../../hall/print/ticket-print';
import { putReference } from '../../hall/store/reference';
import { createEnrolmentCode } from '../../hall/store/windows';
import { DEFAULT_TIMEOUTS } from '../../escpos/transport';
import type { QueueTicket } from '../../shared/hall/queue-contract';
import { ticketQrData } from '../../shared/print/slips/queue-ticket';
import { testCatalogue } from '../support/catalogue';
import { FakePrinter } from '../support/fake-printer';
import { slipText, type ReadJob } from '../support/escpos-reader';
import { call, enrolWindow, startTestHall, value, type TestHall } from '../support/hall';
import { configureQueue, matter, TestClock } from '../support/queue';

const clock = new TestClock(new Date('2026-11-27T02:05:00.000Z')); // 10:05 in Beijing
let t: TestHall;
let printer: FakePrinter;
let kiosk = '';

const MAR_REG = {
  code: 'MAR-REG',
  name: '结婚登记',
  department: '民政局',
  windows: ['1', '2'],
  materials: [
    { id: 'hukou', name: '户口簿', standard: '原件', obtainFrom: '本人携带', required: true },
    { id: 'id', name: '居民身份证', standard: '原件', obtainFrom: '本人携带', required: true },
    { id: 'photo', name: '2寸合影照片', standard: '3张', obtainFrom: '照相馆', required: false },
  ],
  legalBasis: '《婚姻登记条例》',
  timeLimit: { kind: 'onTheSpot' },
  fee: '不收费',
  resultPickup: '当场领取',
};

async function booking(code: string, date: string, itemCode: string, documentNumber: string): Promise<void> {
  const party = { name: '张三', documentType: 'resident_id', documentNumber };
  const body = { code, date, slotStart: '10:00', slotEnd: '11:00', itemCode, applicant: party, phone: '', partner: null };
  await inTransaction(t.hall.pool, (client) => putReference(client, t.hall.hall.hallId, { kind: 'booking', key: code, body }));
}

function takeBy(input: Record<string, unknown>): ReturnType<typeof call<'queueTake'>> {
  return call(t.hall, 'queueTake', { requestId: randomUUID(), ...input }, kiosk);
}

/** The printed jobs whose QR code is the ticket's. */
function printedTicket(jobs: ReadJob[], ticket: QueueTicket): ReadJob[] {
  const qr = ticketQrData({ ticketId: ticket.id, code: ticket.code, day: ticket.day });
  return jobs.filter((j) => j.qrs.some((q) => q.data === qr));
}

async function jobStatuses(): Promise<{ status: string; n: number }[]> {
  const { rows } = await t.hall.pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM kiosk_print_job GROUP BY status ORDER BY status');
  return rows;
}

beforeAll(async () => {
  printer = await FakePrinter.start();
  t = await startTestHall({ clock: clock.now, kioskPrint: { retryMs: 100, giveUpMs: 120_000, timeouts: { ...DEFAULT_TIMEOUTS, keepOpenMs: 0 } } });
  await configureQueue(t.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1', '2'] }), matter('DIV-REG', '离婚登记', 'B', { windowNos: ['2'] })]);
  const catalogue = testCatalogue([MAR_REG]);
  await inTransaction(t.hall.pool, (client) => putReference(client, t.hall.hall.hallId, { kind: 'catalogueVersion', key: catalogue.version, body: { catalogue } }));
  await setKioskPrinter(t.hall.pool, t.hall.hall.hallId, 'K1', { uri: printer.uri, paperWidth: 80 });
});
afterAll(async () => {
  await t?.stop();
  await printer?.stop();
});

describe('the kiosk', () => {
  it('pairs once with its one-time code; the credential takes tickets and reads counts, nothing else', async () => {
    const code = await createEnrolmentCode(t.hall.pool, t.hall.hall.hallId, 'K1', 60, 'kiosk');
    const pairs = await Promise.all(Array.from({ length: 3 }, () => call(t.hall, 'enrol', { code: code.toLowerCase(), windowNo: 'K1' }, null)));
    const paired = pairs.flatMap((p) => (p.ok ? [p.value] : []));
    expect(paired).toHaveLength(1);
    expect(pairs.filter((p) => !p.ok).map((p) => (p.ok ? '' : p.error.message))).toEqual(Array(2).fill('该登记码已经使用过，每个登记码只能使用一次，请在大厅管理台重新生成'));
    kiosk = paired[0]?.credential ?? '';
    const waiting = await value(t.hall, 'queueWaiting', {}, kiosk);
    expect(waiting.matters.map((m) => [m.name, m.windows, m.waiting])).toEqual([
      ['结婚登记', ['1', '2'], 0],
      ['离婚登记', ['2'], 0],
    ]);
    expect(await call(t.hall, 'queueCallNext', {}, kiosk)).toMatchObject({ ok: false, status: 403 });
  });

  it('takes by matter and prints the ticket: number large, matter, windows, ahead, hall time, what to bring, the QR code', async () => {
    const first = await takeBy({ matter: 'MAR-REG' });
    const second = await takeBy({ matter: 'MAR-REG' });
    if (!first.ok || !second.ok) throw new Error('take failed');
    expect(second.value).toMatchObject({ ahead: 1, windows: ['1', '2'], bring: ['户口簿', '居民身份证'], printing: true });
    const jobs = printedTicket(await printer.waitForJobs(2), second.value.ticket);
    expect(jobs).toHaveLength(1);
    const job = jobs[0] as ReadJob;
    const big = job.lines.find((l) => l.text.trim() === second.value.ticket.code);
    expect(big).toMatchObject({ size: 0x11, bold: true });
    const paper = slipText(job).map((l) => l.trimEnd());
    expect(paper).toEqual([
      expect.stringContaining('测试大厅'),
      expect.stringContaining('排队号票'),
      '='.repeat(48),
      expect.stringContaining('A002'),
      '-'.repeat(48),
      '办理事项：结婚登记',
      '办理窗口：1、2 号窗口',
      '前面等候：1 人',
      '取号时间：2026年11月27日 10:05',
      '-'.repeat(48),
      '请携带：',
      '1. 户口簿',
      '2. 居民身份证',
      '-'.repeat(48),
      `[QR QT|2026-11-27|A002|${second.value.ticket.id}]`,
      '',
      expect.stringContaining('请留意叫号屏幕和语音'),
    ]);
  });

  it('takes 绿色通道 (priority green), by appointment code and by ID card; no booking for the card → 未找到今日预约', async () => {
    await booking('YY1001', '2026-11-27', 'DIV-REG', '110105199001011234');
    await booking('YY1002', '2026-11-27', 'MAR-REG', '11010519900101567X');
    await booking('YY1003', '2026-11-28', 'MAR-REG', '110105199202021111');
    const green = await takeBy({ matter: 'DIV-REG', priority: 'green' });
    const byCode = await takeBy({ appointmentCode: 'yy1001' });
    const byCard = await takeBy({ documentNumber: '11010519900101567x' });
    expect(green).toMatchObject({ ok: true, value: { ticket: { kind: 'green', code: 'B001', matterName: '离婚登记' }, bring: [] } });
    expect(byCode).toMatchObject({ ok: true, value: { ticket: { kind: 'appointment', code: 'B002', matter: 'DIV-REG' }, ahead: 1 } });
    expect(byCard).toMatchObject({ ok: true, value: { ticket: { kind: 'appointment', matter: 'MAR-REG' }, bring: ['户口簿', '居民身份证'] } });
    // the same card again: the booking it checked in, not a second ticket
    const again = await takeBy({ documentNumber: '11010519900101567X' });
    expect(again.ok && byCard.ok && again.value.ticket.id === byCard.value.ticket.id).toBe(true);
    for (const doc of ['110105199202021111', '110105198001019999']) {
      expect(await takeBy({ documentNumber: doc })).toMatchObject({ ok: false, status: 404, error: { message: '未找到今日预约，请选择办理事项取号' } });
    }
    const jobs = await printer.waitForJobs(5);
    if (!green.ok) throw new Error('green failed');
    expect(slipText(printedTicket(jobs, green.value.ticket)[0] as ReadJob)).toContainEqual(expect.stringContaining('（绿色通道）'));
  });

  it('a double tap (one request id sent 5 times at once, then again) takes one ticket and prints it once', async () => {
    const before = printer.jobs().length;
    const requestId = randomUUID();
    const taps = await Promise.all(Array.from({ length: 5 }, () => value(t.hall, 'queueTake', { requestId, matter: 'MAR-REG', priority: 'normal' }, kiosk)));
    const later = await value(t.hall, 'queueTake', { requestId, matter: 'MAR-REG', priority: 'normal' }, kiosk);
    expect(new Set([...taps, later].map((a) => a.ticket.id)).size).toBe(1);
    expect(later.printing).toBe(true);
    // a ticket taken after it: once it is on paper, the double tap's is there exactly once
    const next = await value(t.hall, 'queueTake', { requestId: randomUUID(), matter: 'MAR-REG', priority: 'normal' }, kiosk);
    const jobs = await printer.waitForJobs(before + 2);
    expect(printedTicket(jobs, next.ticket)).toHaveLength(1);
    expect(printedTicket(jobs, later.ticket)).toHaveLength(1);
    expect(jobs).toHaveLength(before + 2);
  });

  it('20 taps at once at one clock tick: 20 distinct numbers in sequence and 20 distinct places ahead, each printed exactly once', async () => {
    const before = printer.jobs().length;
    const answers = await Promise.all(Array.from({ length: 20 }, () => value(t.hall, 'queueTake', { requestId: randomUUID(), matter: 'DIV-REG', priority: 'normal' }, kiosk)));
    const numbers = answers.map((a) => Number(a.ticket.code.slice(1))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => (numbers[0] ?? 0) + i));
    expect(new Set(answers.map((a) => a.ahead)).size).toBe(20);
    const jobs = await printer.waitForJobs(before + 20);
    for (const a of answers) expect(printedTicket(jobs, a.ticket)).toHaveLength(1);
    expect(jobs).toHaveLength(before + 20);
  });

  it('keeps a ticket while the printer is off and prints it once when it is back; a window taking a ticket prints nothing', async () => {
    const before = printer.jobs().length;
    await printer.stop();
    const taken = await value(t.hall, 'queueTake', { requestId: randomUUID(), matter: 'MAR-REG', priority: 'normal' }, kiosk);
    expect(taken.printing).toBe(true);
    const waitFor = async (check: () => Promise<boolean>): Promise<void> => {
      for (let i = 0; i < 1000 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await waitFor(async () => (await t.hall.pool.query("SELECT 1 FROM kiosk_print_job WHERE status = 'queued' AND attempts >= 2")).rowCount === 1);
    const { rows } = await t.hall.pool.query<{ message: string }>("SELECT message FROM kiosk_print_job WHERE status = 'queued'");
    expect(rows[0]?.message).toContain('无法连接打印机');
    await printer.restart();
    const jobs = await printer.waitForJobs(before + 1);
    expect(printedTicket(jobs, taken.ticket)).toHaveLength(1);
    await waitFor(async () => (await jobStatuses()).every((s) => s.status === 'sent'));
    expect(await jobStatuses()).toEqual([{ status: 'sent', n: jobs.length }]);

    const w1 = await enrolWindow(t.hall, '1');
    const atWindow = await value(t.hall, 'queueTake', { requestId: randomUUID(), matter: 'MAR-REG', priority: 'green' }, w1.credential);
    expect(atWindow.printing).toBe(false);
  });
});
