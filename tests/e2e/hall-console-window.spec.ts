/**
 * Issue 13, hall → windows end to end: a window host (the demo's 3 号窗口) joins a real hall on a
 * real PostgreSQL; on the hall console (Chromium) the supervisor adds a staff
 * account with its PIN and a service commitment; the window pulls both: its
 * public display shows the commitment and the new clerk logs in at the window
 * with the PIN set on the console. Screenshots at 1366×768.
 */
import { expect, test } from './fixtures';
import { join } from 'node:path';
import { seedDemoStaff } from '../../hall/demo';
import { createEnrolmentCode } from '../../hall/store/windows';
import { startTestHall, type TestHall } from '../support/hall';
import { ARTIFACTS_DIR, login, startHostProcess, type HostProcess } from './host';
import { consoleLogin, fillFields } from './forms';

/** Wednesday 2026-05-20 09:05: a working day within office hours. */
const CLOCK_START = '2026-05-20T09:05:00+08:00';
/** The window pulls at least every 15 s (hall-sync heartbeat); the bound leaves room for a busy machine. */
const PULLED_WITHIN = 90_000;

let hall: TestHall;
let host: HostProcess;

test.beforeAll(async () => {
  hall = await startTestHall();
  await seedDemoStaff(hall.hall.pool, hall.hall.hall);
  host = await startHostProcess({ demo: true, clockStart: CLOCK_START });
});

test.afterAll(async () => {
  await host?.stop();
  await hall?.stop();
});

test.use({ viewport: { width: 1366, height: 768 } });

test('a staff account and a commitment edited on the hall console reach the window', async ({ browser }) => {
  test.setTimeout(240_000);
  const window3 = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await window3.goto(`${host.baseUrl}/`);
  await login(window3, '9001', '246810');
  await window3.getByRole('button', { name: '系统设置' }).click();
  const section = window3.getByRole('form', { name: '大厅连接' });
  await section.getByLabel('大厅服务器地址').fill(hall.hall.url);
  await section.getByLabel('登记码').fill(await createEnrolmentCode(hall.hall.pool, hall.hall.hall.hallId, '3'));
  await section.getByRole('button', { name: '加入' }).click();
  await expect(window3.getByRole('region', { name: '大厅连接' }).getByRole('status')).toContainText('已加入测试大厅');
  await window3.getByRole('button', { name: '退出登录' }).click();

  const consolePage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await consoleLogin(consolePage, hall.hall.url);
  await consolePage.getByRole('button', { name: '基础数据' }).click();
  await consolePage.getByRole('button', { name: '新增人员' }).click();
  await fillFields(consolePage, { 工号: '2101', 姓名: '周敏', 职务: '婚姻登记员', '初始 PIN（6 位数字）': '112233' });
  await consolePage.getByRole('button', { name: '保存' }).click();
  await expect(consolePage.locator('[data-staff="2101"]')).toContainText('周敏');
  await consolePage.getByRole('tab', { name: '服务承诺' }).click();
  await consolePage.getByRole('button', { name: '添加一条' }).click();
  await consolePage.getByLabel('第 1 条承诺').fill('全大厅统一承诺：一次告知');
  await consolePage.getByLabel('第 1 条时限').fill('当场');
  await consolePage.getByRole('button', { name: '保存承诺' }).click();
  await expect(consolePage.getByText('已保存，各窗口将自动同步')).toBeVisible();

  // the window's public display shows the hall's commitment once the window has pulled it
  const display = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await display.goto(`${host.baseUrl}/display`);
  await expect(display.getByText('全大厅统一承诺：一次告知')).toBeVisible({ timeout: PULLED_WITHIN });
  await display.screenshot({ path: join(ARTIFACTS_DIR, 'console-window-display-1280x800.png') });

  // the staff account was written before the commitment, so the same or an earlier pull brought it
  await login(window3, '2101', '112233');
  await expect(window3.getByTestId('current-clerk')).toContainText('周敏');
  await window3.screenshot({ path: join(ARTIFACTS_DIR, 'console-window-clerk-1366x768.png') });
});
