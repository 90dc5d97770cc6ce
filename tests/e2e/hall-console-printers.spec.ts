/**
 * The console's 取号机与打印机 screen in Chromium against a real hall on
 * PostgreSQL and fake ESC/POS printers on real TCP sockets: the board lists
 * windows only; the kiosk is listed with its last contact; the supervisor
 * sets its printer, prints a test page (read back from the printer), and
 * sees the print jobs — a ticket failed with the printer's problem in
 * Chinese, sent again once and printed. Also the office form's 咨询电话.
 * Screenshots at 1366×768.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { seedDemoQueue, seedDemoStaff } from '../../hall/demo';
import type { QueueTicket } from '../../shared/hall/queue-contract';
import { ticketQrData } from '../../shared/print/slips/queue-ticket';
import { enrolWindow, startTestHall, value, type TestHall } from '../support/hall';
import { FakePrinter } from '../support/fake-printer';
import { slipText, type ReadJob } from '../support/escpos-reader';
import { ARTIFACTS_DIR } from './host';

let t: TestHall;
let printer: FakePrinter;
let dead: FakePrinter;
let kiosk = '';
let failedTicket: QueueTicket;

test.beforeAll(async () => {
  printer = await FakePrinter.start();
  dead = await FakePrinter.start();
  await dead.stop();
  t = await startTestHall({ kioskPrint: { retryMs: 200, giveUpMs: 120_000 } });
  await seedDemoStaff(t.hall.pool, t.hall.hall);
  const code = await seedDemoQueue(t.hall.pool, t.hall.hall);
  await enrolWindow(t.hall, '1');
  await enrolWindow(t.hall, '2');
  kiosk = (await value(t.hall, 'enrol', { code, windowNo: 'K1' }, null)).credential;
  // the kiosk's printer was off for a long time: its ticket was given up
  await t.hall.pool.query("INSERT INTO kiosk_printer (hall_id, kiosk_no, printer) VALUES ($1, 'K1', $2)", [t.hall.hall.hallId, `tcp://127.0.0.1:${dead.port}`]);
  failedTicket = (await value(t.hall, 'queueTake', { requestId: randomUUID(), matter: 'MAR-REG', priority: 'normal' }, kiosk)).ticket;
  await t.hall.pool.query("UPDATE kiosk_print_job SET created_at = created_at - interval '10 minutes' WHERE ticket_id = $1", [failedTicket.id]);
});

test.afterAll(async () => {
  await t?.stop();
  await printer?.stop();
  await dead?.stop();
});

test.use({ viewport: { width: 1366, height: 768 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS_DIR, `console-${name}-1366x768.png`) });
}

test('the supervisor sets the kiosk printer, prints a test page and sends a failed ticket again', async ({ page }) => {
  await page.goto(`${t.hall.url}/console`);
  await page.getByLabel('工号').fill('9001');
  await page.getByLabel('PIN').fill('246810');
  await page.getByRole('button', { name: '登录' }).click();

  // the board: windows only
  const board = page.getByTestId('board');
  await expect(board.locator('[data-window]')).toHaveCount(2);
  await expect(board.locator('[data-window="K1"]')).toHaveCount(0);
  await expect(page.getByText('共 2 个窗口')).toBeVisible();
  await shot(page, 'board-windows-only');

  await page.getByRole('button', { name: '取号机与打印机' }).click();
  const row = page.locator('[data-kiosk="K1"]');
  await expect(row).toContainText('在线');
  await expect(row).toContainText(`127.0.0.1:${dead.port}`);
  await expect(row).toContainText('启动参数');
  await expect(row).toContainText('失败 1');
  const job = page.locator(`[data-job="${failedTicket.code}"]`);
  await expect(job).toHaveAttribute('data-state', 'failed');
  await expect(job).toContainText('打印机长时间无法打印，号票未打印（号码已在取号机屏幕上显示）');
  await shot(page, 'printers-failed-job');

  await row.getByRole('button', { name: '设置打印机' }).click();
  const form = page.getByRole('form', { name: '取号机 K1 的号票打印机' });
  await form.getByLabel('打印机 IP 地址').fill('192.168.1.300');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toContainText('IP 地址 192.168.1.300 不正确');
  await form.getByLabel('打印机 IP 地址').fill('127.0.0.1');
  await form.getByLabel('端口').fill(String(printer.port));
  await form.getByRole('button', { name: '打印测试页' }).click();
  await expect(form.getByRole('status')).toContainText('测试页已打印');
  await form.evaluate((el) => el.scrollIntoView());
  await shot(page, 'printers-test-page');
  const page1 = slipText((await printer.waitForJobs(1))[0] as ReadJob);
  expect(page1.map((l) => l.trim())).toEqual(expect.arrayContaining(['打印测试页', '取号机 K1', `打印机：网络打印机 127.0.0.1:${printer.port}`, '操作人：王建国（9001）']));
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toContainText('已保存，之后的号票打印到这台打印机');
  await expect(row).toContainText(`127.0.0.1:${printer.port}`);
  await expect(row).toContainText('王建国');
  await row.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(page, 'printers-saved');

  await job.getByRole('button', { name: '重新打印' }).click();
  await expect(job).toHaveAttribute('data-state', 'printed');
  await expect(job.getByRole('button')).toHaveCount(0);
  const qr = ticketQrData({ ticketId: failedTicket.id, code: failedTicket.code, day: failedTicket.day });
  expect((await printer.waitForJobs(2)).filter((j) => j.qrs.some((q) => q.data === qr))).toHaveLength(1);
  await page.getByRole('button', { name: /^已打印 / }).click();
  await expect(page.getByTestId('print-jobs').locator('[data-job]')).toHaveCount(1);
  await page.getByRole('region', { name: '号票打印任务' }).evaluate((el) => el.scrollIntoView());
  await shot(page, 'printers-printed');

  // the office form carries 咨询电话
  await page.getByRole('button', { name: '基础数据' }).click();
  await page.getByRole('tab', { name: '办公信息' }).click();
  const office = page.getByRole('form', { name: '办公信息' });
  for (const [label, text] of [['大厅名称', '示范区婚姻登记处'], ['所属部门', '示范区民政局'], ['投诉电话', '010-12345678'], ['监督电话', '12345'], ['值班领导', '刘主任']] as const) {
    await office.getByLabel(label).fill(text);
  }
  await office.getByLabel(/^咨询电话/).fill('咨询');
  await office.getByRole('button', { name: '保存' }).click();
  await expect(office).toContainText('电话号码只能包含数字和 + - ( )');
  await office.getByLabel(/^咨询电话/).fill('010-88886666');
  await office.getByRole('button', { name: '保存' }).click();
  await expect(office).toContainText('已保存，各窗口将自动同步');
  const { rows } = await t.hall.pool.query<{ body: { officePhone?: string } }>("SELECT body FROM reference_row WHERE kind = 'officeSettings' AND NOT deleted");
  expect(rows.map((r) => r.body.officePhone)).toEqual(['010-88886666']);
  await shot(page, 'office-phone');
});
