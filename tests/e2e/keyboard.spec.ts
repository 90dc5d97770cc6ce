/**
 * The clerk's keyboard flow, in an English browser (en-US): the cursor after
 * login and after 开始接待, Enter stepping over what the ID card reader
 * filled, 汉 + Enter for 汉族, and dates as YYYY-MM-DD whatever the locale.
 */
import { expect, test, type Page } from './fixtures';
import { login, shot, startHostProcess, type HostProcess } from './host';
import { readIdCard } from './keyboard-wedge';

let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
});

function partyField(page: Page, side: '男方' | '女方', name: string) {
  return page.getByLabel(`${side} ${name}`, { exact: true });
}

test('keyboard flow at 1366×768 in an en-US browser: first field after login, checklist after 开始接待, Enter over the reader’s fields, 汉 → 汉族, YYYY-MM-DD dates (form, calendar, 台账, 统计分析)', async ({ browser }) => {
  host = await startHostProcess({ demo: true, clockStart: '2026-05-20T09:05:00+08:00' });
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${host.baseUrl}/`);

  // after login the cursor is in the first field of the first section
  await login(page, '1001', '135790');
  await expect(page.getByLabel('办理事项')).toBeFocused();
  await shot(page, 'keyboard-after-login-1366x768');

  // after 开始接待 the clerk goes on with the materials checklist
  await page.getByLabel('办理事项').selectOption({ label: '婚姻登记记录证明' });
  await page.getByLabel('申请人姓名').fill('王小明');
  await page.getByRole('button', { name: '开始接待' }).click();
  await expect(page.getByTestId('materials').getByRole('checkbox').first()).toBeFocused();
  await shot(page, 'keyboard-after-start-1366x768');

  // the reader fills number, sex and birth date; Enter from the name steps over sex and birth date
  await page.getByRole('button', { name: '婚姻登记', exact: true }).click();
  await partyField(page, '男方', '证件类型').focus();
  await readIdCard(page, '110105199005150010');
  await expect(partyField(page, '男方', '出生日期')).toHaveValue('1990-05-15');
  await expect(partyField(page, '男方', '姓名')).toBeFocused();
  await page.keyboard.type('陈志强');
  await page.keyboard.press('Enter');
  await expect(partyField(page, '男方', '国籍')).toBeFocused();
  await page.keyboard.press('Enter');

  // 民族: 汉 + Enter, as the placeholder suggests, is 汉族
  await expect(partyField(page, '男方', '民族')).toBeFocused();
  await page.keyboard.type('汉');
  await page.keyboard.press('Enter');
  await expect(partyField(page, '男方', '民族')).toHaveValue('汉族');
  await expect(partyField(page, '男方', '职业')).toBeFocused();
  await expect(partyField(page, '男方', '民族')).not.toHaveAttribute('aria-invalid', 'true');
  // a typed birth date reads YYYY-MM-DD too
  await partyField(page, '女方', '出生日期').fill('1992.8.8');
  await partyField(page, '女方', '出生日期').blur();
  await expect(partyField(page, '女方', '出生日期')).toHaveValue('1992-08-08');
  await shot(page, 'keyboard-marriage-form-1366x768');

  // a supervisor's date fields: YYYY-MM-DD in an English browser, not mm/dd/yyyy
  // (the clerk still has the started contact open: logging out warns first)
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '仍然退出' }).click();
  await login(page, '9001', '246810');
  await page.getByRole('button', { name: '节假日设置' }).click();
  const date = page.getByLabel('日期', { exact: true });
  await date.fill('20261001');
  await date.blur();
  await expect(date).toHaveValue('2026-10-01');
  await expect(page.getByLabel('受理日期')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await date.scrollIntoViewIfNeeded();
  await shot(page, 'keyboard-calendar-en-US-1366x768');

  // 台账 and 统计分析: the same YYYY-MM-DD fields, never the browser's mm/dd/yyyy
  await page.getByRole('button', { name: '台账', exact: true }).click();
  const ledgerFrom = page.getByRole('form', { name: '筛选' }).getByLabel('开始日期');
  await expect(ledgerFrom).toHaveAttribute('type', 'text');
  await ledgerFrom.fill('2026.5.1');
  await ledgerFrom.blur();
  await expect(ledgerFrom).toHaveValue('2026-05-01');
  await page.getByRole('form', { name: '筛选' }).getByRole('button', { name: '查询' }).click();
  await expect(ledgerFrom).toHaveValue('2026-05-01');
  await shot(page, 'keyboard-ledger-dates-en-US-1366x768');
  await page.getByRole('button', { name: '统计分析' }).click();
  const stats = page.getByRole('form', { name: '统计条件' });
  await page.getByRole('button', { name: '上月' }).click();
  await expect(stats.getByLabel('开始日期')).toHaveValue('2026-04-01');
  await expect(stats.getByLabel('结束日期')).toHaveValue('2026-04-30');
  await expect(stats.getByLabel('结束日期')).toHaveAttribute('type', 'text');
  await stats.getByLabel('开始日期').fill('20260401');
  await stats.getByLabel('开始日期').blur();
  await expect(stats.getByLabel('开始日期')).toHaveValue('2026-04-01');
  await shot(page, 'keyboard-stats-dates-en-US-1366x768');
  await context.close();
});
