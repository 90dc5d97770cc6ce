/**
 * 好差评 end to end: host mode in Chromium with two pages, the clerk's
 * workstation and the public display. A consultation is finished, the clerk
 * asks for a rating, the applicant chooses 不满意 with a reason on the display,
 * the clerk sees only 已评价, and the supervisor finds the follow-up with its
 * working-day deadlines over National Day 2026.
 */
import { expect, test } from './fixtures';
import { RATING_LEVELS } from '../../shared/domain/rating';
import { login, shot, startHostProcess, type HostProcess } from './host';
import { fillFields } from './forms';

let host: HostProcess;

test.afterEach(async () => {
  await host?.stop();
});

test('finish a contact, rate on the display, the clerk sees only the status, the supervisor follows up', async ({ browser }) => {
  // Wednesday 2026-09-30, 10:00 in Beijing: the day before the National Day holiday
  host = await startHostProcess({ demo: true, clockStart: '2026-09-30T10:00:00+08:00' });
  const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await display.goto(`${host.baseUrl}/display`);
  await expect(display.getByTestId('display-board')).toBeVisible();

  const clerk = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await clerk.goto(`${host.baseUrl}/`);
  await login(clerk, '1001', '135790');

  // a consultation about a marriage record certificate, finished at the window
  await clerk.getByLabel('办理事项').selectOption({ label: '婚姻登记记录证明' });
  await clerk.getByLabel('申请人姓名').fill('王小明');
  await clerk.getByLabel('联系电话（可不填）').fill('13800000000');
  await clerk.getByRole('button', { name: '开始接待' }).click();
  const card = clerk.getByTestId('contact-card');
  await expect(card).toContainText('婚姻登记记录证明 · 王小明');
  await clerk.getByRole('button', { name: '仅咨询，结束接待' }).click();
  await expect(card.getByTestId('contact-status')).toHaveText('已结束');

  // the clerk asks; the display shows the pad, the clerk only "waiting"
  await clerk.getByRole('button', { name: '请申请人评价' }).click();
  await expect(clerk.getByTestId('rating-status')).toHaveText('等待评价');
  const pad = display.getByTestId('rating-pad');
  await expect(pad).toBeVisible();
  await expect(pad).toContainText('3 号窗口');
  await expect(pad).toContainText('李晓梅');
  await expect(pad).not.toContainText('王小明');
  await expect(display.getByTestId('rating-countdown')).toHaveText(/还剩 \d+ 秒/);
  for (const { label } of RATING_LEVELS) {
    const box = await pad.getByRole('button', { name: label, exact: true }).boundingBox();
    expect(box?.height ?? 0, label).toBeGreaterThanOrEqual(120);
  }
  await shot(display, 'rating-display-pad');
  await shot(clerk, 'rating-clerk-pending');

  // 不满意: the reasons, then 提交 (disabled until a reason is chosen)
  await pad.getByRole('button', { name: '不满意', exact: true }).click();
  await expect(pad.getByRole('button', { name: '提交' })).toBeDisabled();
  await pad.getByRole('button', { name: '等候时间长' }).click();
  await pad.getByLabel('其他意见').fill('排队时间太长');
  const reasonBox = await pad.getByRole('button', { name: '等候时间长' }).boundingBox();
  expect(reasonBox?.height ?? 0).toBeGreaterThanOrEqual(120);
  await shot(display, 'rating-display-reasons');
  await display.setViewportSize({ width: 1366, height: 768 });
  await pad.getByRole('button', { name: '提交' }).click();
  // the same thanks for every level: the clerk may see the display
  await expect(display.getByTestId('rating-thanks').getByRole('heading')).toHaveText('感谢您的评价！');
  await shot(display, 'rating-display-thanks');
  await display.setViewportSize({ width: 1920, height: 1080 });
  await expect(display.getByTestId('rating-thanks')).toHaveCount(0);
  await expect(display.getByTestId('display-board')).toBeVisible();

  // the clerk sees 已评价 and nothing of the choice
  await expect(clerk.getByTestId('rating-status')).toHaveText('已评价');
  const clerkText = (await clerk.locator('body').innerText()) ?? '';
  for (const { label } of RATING_LEVELS) expect(clerkText).not.toContain(label);
  expect(clerkText).not.toContain('等候时间长');
  await shot(clerk, 'rating-clerk-rated');

  // a second rating of the same contact is refused
  await expect(clerk.getByRole('button', { name: '请申请人评价' })).toHaveCount(0);

  // the supervisor finds the follow-up: contact by 10-08, rectify by 10-13 (10-10 is a make-up working Saturday)
  await clerk.getByRole('button', { name: '退出登录' }).click();
  await login(clerk, '9001', '246810');
  await clerk.getByRole('button', { name: '差评整改' }).click();
  const row = clerk.getByTestId('followup-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('婚姻登记记录证明');
  await expect(row).toContainText('李晓梅');
  await expect(row).toContainText('不满意');
  await expect(row.getByTestId('contact-due')).toHaveText('2026-10-08');
  await expect(row.getByTestId('rectify-due')).toHaveText('2026-10-13');

  // closing without an outcome is refused with what is missing; then recorded and closed
  await row.getByRole('button', { name: '处理' }).click();
  const detail = clerk.getByTestId('followup-detail');
  await expect(detail).toContainText('等候时间长');
  await detail.getByRole('button', { name: '结案' }).click();
  await expect(detail.getByRole('alert')).toHaveText('还不能结案，请先填写：核查情况、整改措施、申请人意见');
  await shot(clerk, 'rating-followup-refused');
  await fillFields(detail, { 联系申请人情况: '已电话联系申请人，致歉并说明情况', 核查情况: '上午高峰时段只开放一个窗口', 整改措施: '高峰时段增开一个窗口', 申请人意见: '表示认可' });
  await detail.getByRole('button', { name: '保存' }).click();
  await expect(detail.getByRole('status')).toHaveText('已保存');
  await detail.getByRole('button', { name: '结案' }).click();
  // closed: it leaves the open list and appears under 已结案
  await expect(clerk.getByTestId('followup-row')).toHaveCount(0);
  await clerk.getByRole('radio', { name: '已结案' }).check();
  await expect(clerk.getByTestId('followup-row')).toContainText('已结案');
  await shot(clerk, 'rating-followup-closed');

  // the statistics reflect it: this month, by clerk, 李晓梅 has one 不满意 and a satisfaction rate of 0
  await clerk.getByRole('button', { name: '统计分析' }).click();
  const table = clerk.getByTestId('stats-table');
  // the section's chunk and the report load first: read the cells once the clerk's row is there
  await expect(table.locator('tbody tr', { hasText: '李晓梅' })).toBeVisible();
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.replace(/[¹²³⁴⁵⁶]/g, ''));
  const cells = await table.locator('tbody tr', { hasText: '李晓梅' }).locator('th, td').allTextContents();
  const cell = (header: string) => cells[headers.indexOf(header)];
  expect(cell('不满意')).toBe('1');
  expect(cell('非常满意')).toBe('0');
  expect(cell('满意率')).toMatch(/^0(\.0+)?%$/);
  await shot(clerk, 'rating-stats');
});
