/**
 * Issue 13/14 in Chromium: the hall console's 待办案件 (open and overdue cases
 * across windows, filtered), 大厅统计 (业务统计 and 排队统计 with charts) and the
 * board's open-case counts, from windows' pushes and a queue morning on a
 * real hall; and a window's 统计分析 → 排队叫号 section, first not joined
 * (未加入大厅), then joined with its own queue figures. Screenshots at 1366×768.
 */
import { expect, test, type Browser, type Page } from './fixtures';
import { join } from 'node:path';
import { seedDemoStaff } from '../../hall/demo';
import { createEnrolmentCode } from '../../hall/store/windows';
import { hallDate } from '../../shared/domain/hall-time';
import { enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { configureQueue, enrolKiosk, matter, take, TestClock } from '../support/queue';
import { workRows } from '../support/hall-work';
import { ARTIFACTS_DIR, login, startHostProcess, type HostProcess } from './host';
import { consoleLogin } from './forms';

const TODAY = hallDate(new Date());
const clock = new TestClock(new Date());
let hall: TestHall;
let host: HostProcess;
let w1: EnrolledWindow;

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS_DIR, `${name}-1366x768.png`), fullPage: false });

/** A queue morning: two tickets; window 1 calls, starts and finishes one; window 2 calls and passes the other, window 1 calls it back and transfers it. */
async function queueMorning(w2: EnrolledWindow): Promise<void> {
  const kiosk = await enrolKiosk(hall.hall, 'K1');
  await configureQueue(hall.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1', '2'] })]);
  const at = (hhmm: string) => clock.set(new Date(`${TODAY}T${hhmm}:00+08:00`).toISOString());
  at('09:00');
  await take(hall.hall, kiosk, 'MAR-REG');
  at('09:05');
  await take(hall.hall, kiosk, 'MAR-REG');
  at('09:10');
  const first = (await value(hall.hall, 'queueCallNext', { staffNo: '1001' }, w1.credential)).ticket?.id ?? '';
  at('09:12');
  await value(hall.hall, 'queueStart', { ticketId: first, staffNo: '1001' }, w1.credential);
  at('09:30');
  await value(hall.hall, 'queueFinish', { ticketId: first, staffNo: '1001' }, w1.credential);
  at('09:40');
  const second = (await value(hall.hall, 'queueCallNext', { staffNo: '1002' }, w2.credential)).ticket?.id ?? '';
  at('09:45');
  await value(hall.hall, 'queuePass', { ticketId: second, staffNo: '1002' }, w2.credential);
  at('09:50');
  await value(hall.hall, 'queueCallBack', { ticketId: second, staffNo: '1001' }, w1.credential);
  at('09:52');
  await value(hall.hall, 'queueTransfer', { ticketId: second, windowNo: '2', staffNo: '1001' }, w1.credential);
}

test.beforeAll(async () => {
  hall = await startTestHall({ clock: clock.now });
  await seedDemoStaff(hall.hall.pool, hall.hall.hall);
  const enrolled = await Promise.all(['1', '2', '3'].map((n) => enrolWindow(hall.hall, n)));
  for (const w of enrolled) await value(hall.hall, 'push', { windowNo: w.windowNo, rows: workRows(w.windowNo, TODAY), auditHead: { seq: 0, hash: '0'.repeat(64) }, auditAt: null }, w.credential);
  [w1] = enrolled as [EnrolledWindow];
  await queueMorning(enrolled[1] as EnrolledWindow);
  host = await startHostProcess({ demo: true });
});

test.afterAll(async () => {
  await host?.stop();
  await hall?.stop();
});

async function openConsole(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await consoleLogin(page, hall.hall.url);
  return page;
}

test('the console shows open cases, statistics and queue statistics across windows', async ({ browser }) => {
  const page = await openConsole(browser);
  await expect(page.locator('[data-window="2"] [data-testid="board-cases"]')).toContainText('6 件逾期 2');
  await shot(page, 'hall-console-board-cases');

  await page.getByRole('button', { name: '待办案件' }).click();
  await expect(page.getByTestId('cases-windows')).toContainText('共 17 件，逾期 5 件');
  await expect(page.locator('[data-testid="cases-table"] tbody tr[data-overdue="true"]')).toHaveCount(5);
  await shot(page, 'hall-console-cases');
  await page.getByLabel('窗口').fill('2');
  await page.getByLabel('只看逾期').check();
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.locator('[data-testid="cases-table"] tbody tr')).toHaveCount(2);
  await shot(page, 'hall-console-cases-filtered');

  await page.getByRole('button', { name: '大厅统计' }).click();
  const table = page.getByTestId('hall-stats-table');
  await expect(table.locator('tfoot')).toContainText('合计');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('chart-hall-stats')).toBeVisible();
  await shot(page, 'hall-console-stats');

  await page.getByRole('tab', { name: '排队统计' }).click();
  const queue = page.getByTestId('queue-stats-table');
  await expect(queue.locator('tfoot')).toContainText('22.5');
  await expect(page.getByTestId('chart-queue-waiting')).toBeVisible();
  await shot(page, 'hall-console-queue-stats');
  const csv = await page.request.get(`${hall.hall.url}/console/api/queue-stats.csv?from=${TODAY}&to=${TODAY}&groupBy=window`);
  expect(await csv.text()).toContain('09:00,2,10.0,35.0');
});

test('the window’s 统计分析 shows its own queue figures from the hall, or says it has not joined', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '9001', '246810');
  await page.getByRole('button', { name: '统计分析', exact: true }).click();
  const section = page.getByTestId('queue-stats');
  await expect(section).toContainText('未加入大厅');
  await section.scrollIntoViewIfNeeded();
  await shot(page, 'window-stats-queue-not-joined');

  // join as window 4, and let its queue events be window 1's morning (the window's caller is not part of this spec)
  await page.getByRole('button', { name: '系统设置' }).click();
  await page.getByLabel('窗口号').fill('4');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存。')).toBeVisible();
  const join = page.getByRole('form', { name: '大厅连接' });
  await join.getByLabel('大厅服务器地址').fill(hall.hall.url);
  await join.getByLabel('登记码').fill(await createEnrolmentCode(hall.hall.pool, hall.hall.hall.hallId, '4'));
  await join.getByRole('button', { name: '加入' }).click();
  await expect(page.getByRole('region', { name: '大厅连接' }).getByRole('status')).toContainText('已加入测试大厅');
  await hall.hall.pool.query(
    "UPDATE queue_event SET window_id = (SELECT window_id FROM hall_window WHERE hall_id = $1 AND window_no = '4') WHERE hall_id = $1 AND window_id = $2",
    [hall.hall.hall.hallId, w1.windowId],
  );

  await page.getByRole('button', { name: '统计分析', exact: true }).click();
  const mine = page.getByTestId('queue-stats');
  await expect(mine.getByTestId('queue-stats-table').locator('tfoot')).toContainText('合计');
  await expect(mine.getByTestId('queue-stats-table').locator('tbody')).toContainText('1001');
  await mine.scrollIntoViewIfNeeded();
  await shot(page, 'window-stats-queue');
});
