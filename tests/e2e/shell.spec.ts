/**
 * The supervisor's and the public's screens (issue 12): the grouped menu with
 * the status bar in view at 1366×768 and each page opening at its top, the
 * audit log in Chinese, a supervisor's configuration login that leaves the
 * window closed, the idle-locked window shown as 暂停服务, and the rating pad
 * filling the display at 1280×800 and 1920×1080.
 */
import { expect, test, type Locator, type Page } from './fixtures';
import { RATING_LEVELS } from '../../shared/domain/rating';
import { login, shot, startHostProcess, type HostProcess } from './host';

let host: HostProcess;

test.afterEach(async () => {
  await host?.stop();
});

async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('no bounding box or viewport');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

const contentScrollTop = (page: Page): Promise<number> => page.locator('main.content').evaluate((el) => el.scrollTop);

test('supervisor at 1366×768: grouped menu, status bar in view, pages open at the top, audit log in Chinese, window closed until 开始对外服务', async ({ browser }) => {
  host = await startHostProcess({ demo: true });
  const display = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await display.goto(`${host.baseUrl}/display`);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '9001', '246810');

  // a configuration login: the display stays 窗口未开放
  await expect(display.getByTestId('display-status')).toContainText('窗口未开放');

  for (const group of ['日常办理', '台账统计', '系统管理']) await expect(page.getByRole('group', { name: group })).toBeVisible();
  await expect(page.getByRole('group', { name: '系统管理' }).getByRole('button', { name: '系统设置' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: '功能' });
  const lastItem = await nav.getByRole('button', { name: '修改 PIN' }).boundingBox();
  expect((lastItem?.y ?? 1e9) + (lastItem?.height ?? 0)).toBeLessThanOrEqual(768);
  // the document itself never scrolls: the page scrolls inside its own area
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);

  // 系统设置: a long page; the status bar stays in view, the certificate format is explained
  await page.getByRole('button', { name: '系统设置' }).click();
  await expect(page.getByTestId('certificate-format-help')).toContainText('登记机关代码');
  await expect(page.getByTestId('certificate-format-help')).toContainText('补发离婚证');
  expect(await page.locator('main.content').evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await expectInViewport(page, page.locator('footer.statusbar'));
  await expectInViewport(page, page.getByTestId('printer-status'));
  await shot(page, 'shell-supervisor-settings-top');
  await page.getByLabel('无操作自动锁屏（分钟）').fill('10');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存。')).toBeVisible();
  await page.getByTestId('certificate-format-help').scrollIntoViewIfNeeded();
  expect(await contentScrollTop(page)).toBeGreaterThan(0);
  await expectInViewport(page, page.locator('footer.statusbar'));
  await shot(page, 'shell-supervisor-settings-scrolled');

  // the next page opens at its top
  await page.getByRole('button', { name: '审计日志' }).click();
  await expect(page.getByTestId('audit-rows')).toContainText('修改系统设置：无操作锁屏时间 5 分钟 → 10 分钟');
  expect(await contentScrollTop(page)).toBe(0);
  await expectInViewport(page, page.locator('footer.statusbar'));
  await expect(page.getByTestId('audit-rows')).not.toContainText('idleLockMinutes');
  await page.getByTestId('audit-rows').getByRole('button', { name: '详细' }).first().click();
  await expect(page.getByTestId('audit-rows')).toContainText('"idleLockMinutes":5');
  await shot(page, 'shell-supervisor-audit');

  // serving at the window is a choice
  await page.getByRole('button', { name: '窗口状态' }).click();
  expect(await contentScrollTop(page)).toBe(0);
  await expect(page.getByTestId('window-status')).toContainText('窗口未开放');
  await shot(page, 'shell-supervisor-window-closed');
  await page.getByRole('button', { name: '开始对外服务' }).click();
  await expect(display.getByTestId('display-status')).toContainText('在岗服务');
  await expect(display.getByTestId('display-badge')).toContainText('王建国');
});

test('the idle-locked window shows 暂停服务 (暂时离开) on the display; unlocking serves again', async ({ browser }) => {
  host = await startHostProcess({ demo: true });
  const display = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await display.goto(`${host.baseUrl}/display`);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '1001', '135790');
  await expect(display.getByTestId('display-status')).toContainText('在岗服务');
  // the idle lock calls the same lock as the button
  await page.getByRole('button', { name: '锁屏' }).click();
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await expect(display.getByTestId('display-status')).toContainText('暂停服务');
  await expect(display.getByTestId('display-pause')).toHaveText('暂时离开 · 请稍候');
  await expect(display.getByTestId('display-badge')).toContainText('李晓梅');
  await shot(display, 'shell-display-locked-1280');
  await page.getByLabel('PIN').fill('135790');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(display.getByTestId('display-status')).toContainText('在岗服务');

  // logging out with an applicant still being served warns and offers 交接班
  await page.getByLabel('办理事项').selectOption({ label: '婚姻登记记录证明' });
  await page.getByLabel('申请人姓名').fill('王小明');
  await page.getByRole('button', { name: '开始接待' }).click();
  await expect(page.getByTestId('contact-card')).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  const warning = page.getByRole('alertdialog', { name: '退出登录提醒' });
  await expect(warning).toContainText('正在接待 1 人');
  await shot(page, 'shell-logout-warning');
  await warning.getByRole('button', { name: '取消' }).click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByTestId('current-clerk')).toContainText('1001');
  await page.getByRole('button', { name: '退出登录' }).click();
  await warning.getByRole('button', { name: '去交接班' }).click();
  await expect(page.getByRole('button', { name: '交接班' })).toHaveAttribute('aria-current', 'page');
  await expect(display.getByTestId('display-status')).toContainText('在岗服务');
});

test('the rating pad: five large buttons, each word on one line, filling the display at 1280×800 and 1920×1080', async ({ browser }) => {
  host = await startHostProcess({ demo: true });
  const sizes = [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ];
  const displays = await Promise.all(sizes.map((viewport) => browser.newPage({ viewport })));
  for (const d of displays) await d.goto(`${host.baseUrl}/display`);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '1001', '135790');
  await page.getByRole('button', { name: '接待受理' }).click();
  await page.getByLabel('办理事项').selectOption({ label: '婚姻登记记录证明' });
  await page.getByLabel('申请人姓名').fill('王小明');
  await page.getByRole('button', { name: '开始接待' }).click();
  await page.getByRole('button', { name: '仅咨询，结束接待' }).click();
  await page.getByRole('button', { name: '请申请人评价' }).click();

  for (const [i, d] of displays.entries()) {
    const size = sizes[i] ?? { width: 0, height: 0 };
    const pad = d.getByTestId('rating-pad');
    await expect(pad).toBeVisible();
    for (const { label } of RATING_LEVELS) {
      const button = pad.getByRole('button', { name: label, exact: true });
      // one line: the label's text makes a single line box
      expect(await button.locator('.rating-level-label').evaluate((el) => el.getClientRects().length), `${label} at ${size.width}`).toBe(1);
      const box = await button.boundingBox();
      if (!box) throw new Error(`no box for ${label}`);
      expect(box.height, `${label} at ${size.width}`).toBeGreaterThanOrEqual(size.height * 0.5);
      expect(box.y + box.height, `${label} at ${size.width}`).toBeGreaterThanOrEqual(size.height * 0.85);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    }
    await shot(d, `shell-rating-pad-${size.width}x${size.height}`);
  }
});
