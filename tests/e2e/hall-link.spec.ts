/**
 * 大厅连接 in 系统设置, in Chromium against the host and a real hall: a wrong
 * code is refused in Chinese, the right one joins the window, and the status
 * (hall, window, last push) is shown; staff edits are then refused naming the hall.
 */
import { expect, test } from './fixtures';
import { startTestHall, type TestHall } from '../support/hall';
import { createEnrolmentCode } from '../../hall/store/windows';
import { login, shot, startHostProcess, type HostProcess } from './host';

let hall: TestHall;
let host: HostProcess;

test.beforeAll(async () => {
  hall = await startTestHall();
  host = await startHostProcess({ demo: true });
});

test.afterAll(async () => {
  await host?.stop();
  await hall?.stop();
});

test('the supervisor joins the window to the hall from 系统设置', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '9001', '246810');
  await page.getByRole('button', { name: '系统设置' }).click();
  const section = page.getByRole('form', { name: '大厅连接' });
  await section.getByLabel('大厅服务器地址').fill(hall.hall.url);
  await section.getByLabel('登记码').fill('AAAA-BBBB-CCCC');
  await section.getByRole('button', { name: '加入' }).click();
  await expect(section.getByRole('alert')).toContainText('登记码不正确');
  await section.scrollIntoViewIfNeeded();
  await shot(page, 'hall-link-refused');

  await section.getByLabel('登记码').fill(await createEnrolmentCode(hall.hall.pool, hall.hall.hall.hallId, '3'));
  await section.getByRole('button', { name: '加入' }).click();
  const joined = page.getByRole('region', { name: '大厅连接' });
  await expect(joined.getByRole('status')).toContainText('已加入测试大厅');
  await expect(joined.getByLabel('大厅连接状态')).toContainText('3 号窗口');
  // the push runs in the background after the join: 刷新 until it shows
  await expect(async () => {
    await joined.getByRole('button', { name: '刷新' }).click();
    await expect(joined.getByLabel('大厅连接状态')).toContainText('待上传无', { timeout: 1000 });
  }).toPass();
  await expect(joined.getByLabel('大厅连接状态')).not.toContainText('最近上传尚未');
  await joined.scrollIntoViewIfNeeded();
  await shot(page, 'hall-link-joined');

  await page.getByRole('button', { name: '工作人员' }).click();
  await page.getByRole('button', { name: '新增工作人员' }).click();
  await page.getByLabel('工号').fill('1009');
  await page.getByLabel('姓名').fill('周敏');
  await page.getByLabel('职务').fill('婚姻登记员');
  await page.getByLabel('PIN', { exact: true }).fill('482915');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('本窗口已加入测试大厅，人员由大厅统一管理，请在大厅管理台修改');
  await shot(page, 'hall-link-staff-refused');
});
