/**
 * A network printer that takes the connection and never reads: the slip is
 * 发送未确认, the status bar says so in red, the print jobs panel explains what
 * to do and offers the reprint with a reason; after switching to a printer
 * that answers, the reprint comes out there. Real host, real Chromium, fake
 * ESC/POS printers on 127.0.0.1 (the host's default timing).
 */
import { expect, test } from './fixtures';
import { join } from 'node:path';
import { FakePrinter } from '../support/fake-printer';
import { ARTIFACTS_DIR, configurePrinterAsSupervisor, login, startHostProcess, type HostProcess } from './host';

let host: HostProcess;
const printers: FakePrinter[] = [];

test.afterEach(async () => {
  await host?.stop();
  for (const printer of printers.splice(0)) await printer.stop();
});

test('a printer that never reads: the slip is unconfirmed, the clerk is told, and reprints it on another printer', async ({ browser }) => {
  const silent = await FakePrinter.start();
  const good = await FakePrinter.start();
  printers.push(silent, good);
  host = await startHostProcess({ demo: true });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${host.baseUrl}/`);
  await configurePrinterAsSupervisor(page, silent.uri);

  // the supervisor prints a test page; the printer has hung: it accepts and reads nothing
  silent.mode = { kind: 'neverRead' };
  await login(page, '9001', '246810');
  await page.getByRole('button', { name: '系统设置' }).click();
  await page.getByRole('button', { name: '打印测试页' }).click();
  const badge = page.getByTestId('printer-status');
  // told within statusMs + confirmMs (2.3 s by default; the integration tests check the budget): no wall-clock race here
  await expect(badge).toContainText('1 张发送未确认', { timeout: 15_000 });
  await expect(badge).toHaveClass(/tone-bad/);
  expect(silent.data.length).toBe(0);

  await badge.click();
  const jobs = page.getByTestId('print-jobs');
  await expect(jobs.locator('.print-tag-unconfirmed')).toHaveText('发送未确认');
  await jobs.getByRole('button', { name: /打印测试页|测试页/ }).first().click();
  const detail = page.getByRole('region', { name: '单据详情' });
  await expect(detail).toContainText('没有回应状态查询，无法确认是否已打印');
  await expect(detail.getByRole('status')).toContainText('不会自动重发');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'print-unconfirmed.png') });
  await badge.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'print-unconfirmed-status-bar.png') });

  // switch to a printer that answers, then reprint with a reason
  await page.getByRole('button', { name: '系统设置' }).click();
  await page.getByLabel('打印机地址').fill(good.uri);
  await page.getByRole('button', { name: '保存并检查打印机' }).click();
  await expect(badge).toContainText('就绪');
  await badge.click();
  await jobs.locator('tr', { has: page.locator('.print-tag-unconfirmed') }).getByRole('button').click();
  await page.getByLabel('重打原因（必填，记入操作日志）').fill('原打印机无响应，换打印机重打');
  await page.getByRole('button', { name: '重打这张单据' }).click();
  const [reprinted] = await good.waitForJobs(1);
  expect(reprinted?.lines.some((l) => l.text.includes('打印测试页'))).toBe(true);
  await expect(badge).not.toContainText('发送未确认');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'print-unconfirmed-reprinted.png') });
});
