/**
 * End to end through host mode in Debian's Chromium: the clerk workstation and
 * the public display in two pages, against a fresh data directory.
 */
import { expect, test, type Page } from './fixtures';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { login, shot, startHostProcess, type HostProcess } from './host';
import { fillFields } from './forms';

let host: HostProcess;

test.afterEach(async () => {
  await host?.stop();
});

async function pauseAndResume(clerk: Page, display: Page, prefix: string): Promise<void> {
  await clerk.getByRole('button', { name: '窗口状态' }).click();
  await clerk.getByLabel('暂停原因').fill('业务培训');
  await clerk.getByRole('button', { name: '30 分钟后' }).click();
  const planned = await clerk.getByLabel('预计返回时间').inputValue();
  await clerk.getByRole('button', { name: '暂停服务' }).click();
  const status = display.getByTestId('display-status');
  await expect(status).toContainText('暂停服务');
  await expect(display.getByTestId('display-pause')).toContainText(`业务培训 · 预计 ${planned} 返回`);
  await expect(display.getByTestId('display-pause')).toContainText(/还有 (29|30) 分 \d\d 秒/);
  await shot(clerk, `${prefix}-clerk-paused`);
  await shot(display, `${prefix}-display-paused`);
  await clerk.getByRole('button', { name: '恢复服务' }).click();
  await expect(status).toContainText('在岗服务');
  await expect(display.getByTestId('display-pause')).toHaveCount(0);
}

test('first run: setup wizard, a new clerk with a photo, badge, pause, resume, logout', async ({ browser }) => {
  host = await startHostProcess();
  const clerk = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await display.goto(`${host.baseUrl}/display`);
  await clerk.goto(`${host.baseUrl}/`);

  // step 1: hall identity; an empty step does not move on: each field says what is wrong and the first takes the cursor
  await expect(clerk.getByRole('heading', { name: '窗口工作台 · 首次设置' })).toBeVisible();
  await clerk.getByRole('button', { name: '下一步' }).click();
  await expect(clerk.getByRole('alert')).toContainText('大厅名称：不能为空');
  await expect(clerk.getByLabel('大厅名称')).toBeFocused();
  await expect(clerk.getByLabel('大厅名称')).toHaveAttribute('aria-invalid', 'true');
  await expect(clerk.getByLabel('窗口号')).toHaveAttribute('aria-invalid', 'true');
  await expect(clerk.getByLabel('投诉电话')).toHaveAttribute('aria-invalid', 'true');
  await expect(clerk.locator('.steps li.done')).toHaveCount(0);
  await shot(clerk, 'setup-step1-empty-1366x860');
  // a bad phone stops step 1 too, with the cursor on it
  await fillFields(clerk, { 大厅名称: '滨江区婚姻登记处', 所属部门: '滨江区民政局', 窗口号: '5', 投诉电话: '电话' });
  await clerk.getByRole('button', { name: '下一步' }).click();
  await expect(clerk.getByRole('alert')).toContainText('投诉电话');
  await expect(clerk.getByLabel('投诉电话')).toBeFocused();
  await expect(clerk.getByLabel('姓名')).toHaveCount(0);
  await clerk.getByLabel('投诉电话').fill('0571-87654321');
  await clerk.getByRole('button', { name: '下一步' }).click();
  await expect(clerk.locator('.steps li.done')).toHaveText('大厅与窗口');
  // step 2: an empty supervisor is stopped before the core is asked; a guessable PIN too
  await clerk.getByRole('button', { name: '完成设置' }).click();
  await expect(clerk.getByRole('alert')).toContainText('姓名：不能为空');
  await expect(clerk.getByLabel('姓名')).toBeFocused();
  await clerk.getByLabel('姓名').fill('周敏');
  await clerk.getByLabel('工号').fill('8001');
  await clerk.getByLabel('PIN', { exact: true }).fill('123456');
  await clerk.getByLabel('再次输入 PIN').fill('123456');
  await clerk.getByRole('button', { name: '完成设置' }).click();
  await expect(clerk.getByRole('alert')).toContainText('PIN 不能是连续数字');
  await expect(clerk.getByLabel('PIN', { exact: true })).toBeFocused();
  await shot(clerk, 'setup-step2-weak-pin-1366x860');
  await clerk.getByLabel('PIN', { exact: true }).fill('482915');
  await clerk.getByLabel('再次输入 PIN').fill('482915');
  await clerk.getByRole('button', { name: '完成设置' }).click();
  await expect(clerk.getByRole('heading', { name: '5 号窗口 · 工作人员登录' })).toBeVisible();
  await expect(display.getByTestId('display-status')).toContainText('窗口未开放');

  // supervisor adds a clerk, with a photo
  await login(clerk, '8001', '482915');
  await clerk.getByRole('button', { name: '工作人员' }).click();
  await clerk.getByRole('button', { name: '新增工作人员' }).click();
  await fillFields(clerk, { 工号: '2001', 姓名: '刘芳', 职务: '婚姻登记员', 岗位职责: '结婚登记、离婚登记' });
  await clerk.getByLabel('党员先锋岗').check();
  await clerk.getByLabel('PIN').fill('111111');
  await clerk.getByRole('button', { name: '添加' }).click();
  await expect(clerk.getByRole('alert')).toContainText('PIN 不能是同一个数字重复');
  await clerk.getByLabel('PIN').fill('604721');
  await clerk.getByRole('button', { name: '添加' }).click();
  await expect(clerk.getByRole('status')).toContainText('已添加 刘芳');
  const notImage = join(host.dataDir, 'not-a-photo.png');
  writeFileSync(notImage, 'this is text, not an image');
  await clerk.locator('input[name=photo]').setInputFiles(notImage);
  await expect(clerk.getByRole('alert')).toContainText('不是有效的图片');
  const photo = join(host.dataDir, 'photo.png');
  await sharp({ create: { width: 600, height: 800, channels: 3, background: { r: 90, g: 140, b: 200 } } }).png().toFile(photo);
  await clerk.locator('input[name=photo]').setInputFiles(photo);
  await expect(clerk.getByRole('status')).toContainText('照片已更新');
  await expect(clerk.getByRole('img', { name: '刘芳的照片' })).toBeVisible();
  await shot(clerk, 'fresh-clerk-staff-admin');
  await clerk.getByRole('button', { name: '退出登录' }).click();

  // the clerk logs in: wrong PIN first, then right; the display shows the badge
  await clerk.getByLabel('工号').fill('2001');
  await clerk.getByLabel('PIN').fill('604722');
  await clerk.getByRole('button', { name: '登录' }).click();
  await expect(clerk.getByRole('alert')).toContainText('工号或 PIN 不正确，请核对后重试');
  await login(clerk, '2001', '604721');
  const badge = display.getByTestId('display-badge');
  await expect(display.getByTestId('display-status')).toContainText('在岗服务');
  await expect(badge).toContainText('刘芳');
  await expect(badge).toContainText('工号：2001');
  await expect(badge).toContainText('党员先锋岗');
  await expect(badge).toContainText('结婚登记、离婚登记');
  await expect(badge.getByRole('img', { name: '工作人员照片' })).toBeVisible();
  await expect(display.getByText('首问负责：您的事由我负责接待、解答或引导到位')).toBeVisible();
  await expect(display.getByText('投诉电话：0571-87654321')).toBeVisible();
  await shot(display, 'fresh-display-serving');

  // a return time in the wrong format is refused on the form, nothing changes
  await clerk.getByRole('button', { name: '窗口状态' }).click();
  await clerk.getByLabel('预计返回时间').fill('25:99');
  await clerk.getByRole('button', { name: '暂停服务' }).click();
  await expect(clerk.getByRole('alert')).toContainText('时:分');
  await expect(display.getByTestId('display-status')).toContainText('在岗服务');

  await pauseAndResume(clerk, display, 'fresh');

  // lock and unlock
  await clerk.getByRole('button', { name: '锁屏' }).click();
  await expect(clerk.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await clerk.getByLabel('PIN').fill('604721');
  await clerk.getByRole('button', { name: '解锁' }).click();
  await expect(clerk.getByTestId('contact-card')).toBeVisible();

  await clerk.getByRole('button', { name: '退出登录' }).click();
  await expect(display.getByTestId('display-status')).toContainText('窗口未开放');
  await expect(display.getByTestId('display-badge')).toHaveCount(0);
  await shot(display, 'fresh-display-closed');
  await shot(clerk, 'fresh-clerk-login');
});

test('demo office: a demo clerk logs in, the display follows pause, resume and logout', async ({ browser }) => {
  host = await startHostProcess({ demo: true });
  const clerk = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await display.goto(`${host.baseUrl}/display`);
  await clerk.goto(`${host.baseUrl}/`);
  await expect(display.getByTestId('display-status')).toContainText('窗口未开放');
  await expect(display.getByText('示范区婚姻登记处')).toBeVisible();

  await login(clerk, '1002', '258036');
  await expect(display.getByTestId('display-badge')).toContainText('张伟');
  await expect(display.getByTestId('display-badge')).toContainText('离婚登记、婚姻登记记录证明');
  await expect(display.getByTestId('display-badge').getByRole('img')).toBeVisible();
  await shot(display, 'demo-display-serving');
  await shot(clerk, 'demo-clerk-window');

  await pauseAndResume(clerk, display, 'demo');

  await clerk.getByRole('button', { name: '退出登录' }).click();
  await expect(display.getByTestId('display-status')).toContainText('窗口未开放');

  // the supervisor sees the staff list with every demo account
  await login(clerk, '9001', '246810');
  await clerk.getByRole('button', { name: '工作人员' }).click();
  for (const name of ['王建国', '李晓梅', '张伟', '陈静']) await expect(clerk.getByTestId('staff-table')).toContainText(name);
  await clerk.getByRole('button', { name: '服务承诺' }).click();
  await clerk.getByLabel('第 1 条承诺内容').fill('');
  await clerk.getByRole('button', { name: '保存' }).click();
  await expect(clerk.getByRole('alert')).toContainText('第 1 项承诺内容：不能为空');
  await clerk.getByLabel('第 1 条承诺内容').fill('热情接待，首问负责到底');
  await clerk.getByRole('button', { name: '保存' }).click();
  await expect(clerk.getByRole('status')).toContainText('已保存');
  await expect(display.getByText('热情接待，首问负责到底')).toBeVisible();
  await shot(clerk, 'demo-clerk-commitments');
});

test('the clerk screen locks itself after the idle minutes and the display keeps the badge', async ({ browser }) => {
  host = await startHostProcess({ demo: true });
  const clerk = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await clerk.clock.install();
  await display.goto(`${host.baseUrl}/display`);
  await clerk.goto(`${host.baseUrl}/`);
  await login(clerk, '1003', '369147');
  await expect(clerk.getByText('无操作 5 分钟自动锁屏')).toBeVisible();
  await clerk.clock.fastForward('04:50');
  await expect(clerk.getByTestId('contact-card')).toBeVisible();
  await clerk.clock.fastForward('00:20');
  await expect(clerk.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await expect(display.getByTestId('display-badge')).toContainText('陈静');
  await shot(clerk, 'demo-clerk-locked');
  await clerk.getByLabel('PIN').fill('000001');
  await clerk.getByRole('button', { name: '解锁' }).click();
  await expect(clerk.getByRole('alert')).toContainText('PIN 不正确');
  await clerk.getByLabel('PIN').fill('369147');
  await clerk.getByRole('button', { name: '解锁' }).click();
  await expect(clerk.getByTestId('contact-card')).toBeVisible();
});
