/**
 * 系统设置 once the window has joined a hall, in Chromium against the host
 * and a real hall: the office fields (and the peak days) the hall owns are
 * shown read-only with a line naming the hall that sets them, carrying the
 * hall's values (咨询电话 included); the window's own settings still save.
 */
import { expect, test } from './fixtures';
import { inTransaction } from '../../hall/db/pool';
import { putReference } from '../../hall/store/reference';
import { createEnrolmentCode } from '../../hall/store/windows';
import { startTestHall, type TestHall } from '../support/hall';
import { login, shot, startHostProcess, type HostProcess } from './host';

let hall: TestHall;
let host: HostProcess;
const OFFICE = { hallName: '市民中心婚姻登记处', department: '示范区民政局', officePhone: '010-88886666', complaintPhone: '010-12345678', supervisionPhone: '12345', leaderOnDuty: '刘主任' };
const OFFICE_FIELDS = ['大厅名称', '所属部门', '窗口号', '咨询电话（印在告知单、回执上）', '投诉电话', '监督电话', '值班领导'];

test.beforeAll(async () => {
  hall = await startTestHall();
  await inTransaction(hall.hall.pool, (client) => putReference(client, hall.hall.hall.hallId, { kind: 'officeSettings', key: 'office', body: OFFICE }));
  host = await startHostProcess({ demo: true });
});

test.afterAll(async () => {
  await host?.stop();
  await hall?.stop();
});

test('once joined, the office fields are the hall\'s: read-only, with the hall named', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '9001', '246810');
  await page.getByRole('button', { name: '系统设置' }).click();
  // not joined: the window sets them itself
  await expect(page.getByLabel('大厅名称')).toBeEditable();
  await expect(page.getByTestId('hall-owned-note')).toHaveCount(0);

  const section = page.getByRole('form', { name: '大厅连接' });
  await section.getByLabel('大厅服务器地址').fill(hall.hall.url);
  await section.getByLabel('登记码').fill(await createEnrolmentCode(hall.hall.pool, hall.hall.hall.hallId, '3'));
  await section.getByRole('button', { name: '加入' }).click();
  await expect(page.getByRole('region', { name: '大厅连接' }).getByRole('status')).toContainText('已加入测试大厅');

  // the office settings arrive with the first pull: open the screen again until they show
  await expect(async () => {
    await page.getByRole('button', { name: '窗口状态' }).click();
    await page.getByRole('button', { name: '系统设置' }).click();
    await expect(page.getByLabel('大厅名称')).toHaveValue(OFFICE.hallName, { timeout: 1000 });
  }).toPass();
  await expect(page.getByTestId('hall-owned-note')).toHaveText('本窗口已加入测试大厅：以下单位信息和预约高峰日由测试大厅在大厅管理台设置，窗口号在大厅登记窗口时确定，本窗口只能查看。');
  for (const label of OFFICE_FIELDS) await expect(page.getByLabel(label, { exact: true })).not.toBeEditable();
  await expect(page.getByLabel('咨询电话（印在告知单、回执上）')).toHaveValue('010-88886666');
  await expect(page.getByLabel('窗口号', { exact: true })).toHaveValue('3');
  await expect(page.getByRole('button', { name: '添加高峰日' })).toBeDisabled();
  await shot(page, 'settings-hall-owned');

  // the window's own settings still save
  await page.getByLabel('无操作自动锁屏（分钟）').fill('9');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存。')).toBeVisible();
  await expect(page.getByLabel('大厅名称')).toHaveValue(OFFICE.hallName);
});
