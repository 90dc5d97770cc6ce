/**
 * 今日预约 end to end in Chromium against host mode (demo office, window 3):
 * import a booking export with a bad row, see the problem table, check in by
 * code and by an ID card reader's typing, start the service — also for an
 * applicant checked in before the latest one.
 */
import { expect, test } from './fixtures';
import { mkdirSync } from 'node:fs';
import { residentIdCheckCharacter } from '../../shared/domain/id-number';
import { login, shot, startHostProcess, type HostProcess } from './host';
import { readIdCard } from './keyboard-wedge';

let host: HostProcess;
test.afterEach(async () => {
  await host?.stop();
});

function idNumber(n: number, birth: string): string {
  const first17 = `110105${birth}${String(n).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

const HEADER = '预约号,预约日期,预约时段,事项编码,申请人姓名,证件类型,证件号码,联系电话,另一方姓名,另一方证件类型,另一方证件号码';
const DAY = '2026-08-19'; // 七夕

test('import the day’s bookings, see every bad row, check in by code and by ID card', async ({ browser }) => {
  host = await startHostProcess({ demo: true, clockStart: `${DAY}T09:40:00+08:00` });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(host.baseUrl);
  await login(page, '1001', '135790');
  await page.getByRole('button', { name: '今日预约' }).click();

  const reader = idNumber(121, '19910304');
  const lines = [
    HEADER,
    `YY0819001,${DAY},09:00-09:30,DIV-REG,张伟,居民身份证,${idNumber(101, '19880512')},13800138001,王芳,居民身份证,${idNumber(102, '19900817')}`,
    `YY0819002,${DAY},09:00-09:30,DIV-REG,刘洋,居民身份证,${idNumber(111, '19850101')},13800138002,陈静,居民身份证,${idNumber(112, '19870202')}`,
    `YY0819003,${DAY},09:30-10:00,MAR-RECORD,赵磊,居民身份证,${reader},13800138003,,,`,
    `YY0819004,${DAY},10:00-10:30,MAR-REISSUE,孙丽,居民身份证,${idNumber(131, '19920909')},13800138004,,,`,
    `YY0819005,${DAY},10:00-09:30,DIV-REG,周杰,居民身份证,${idNumber(141, '19930303')},13800138005,,,`,
    `YY0819006,${DAY},10:30-11:00,DIV-REG,吴敏,居民身份证,110105199303031410,13800138006,,,`,
  ];
  await page.locator('input[type=file]').setInputFiles({ name: '预约导出.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}`) });
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('新增 4');
  await expect(report).toContainText('未导入 2');
  await expect(report.locator('tbody tr')).toHaveCount(2);
  await expect(report).toContainText('第 6 行');
  await expect(report).toContainText('第 7 行');
  await expect(page.getByRole('heading', { name: /高峰日 · 七夕/ })).toBeVisible();

  const box = page.getByLabel('签到：预约号或证件号码');
  await expect(box).toBeFocused();
  await box.fill('yy0819001');
  await box.press('Enter');
  const banner = page.locator('.checkin-done');
  await expect(banner.getByRole('button', { name: '开始办理' })).toBeVisible();
  // an ID card reader types the number and Enter
  await box.focus();
  await readIdCard(page, reader);
  await expect(page.getByRole('status').filter({ hasText: '已签到：YY0819003' })).toBeVisible();
  await expect(page.getByTestId('appointment-slots')).toContainText('已签到 2 人');

  mkdirSync('/tmp/shots', { recursive: true });
  await page.screenshot({ path: '/tmp/shots/appointments.png', fullPage: true });
  await shot(page, 'appointments');

  // the earlier check-in keeps its 开始办理 in its row, after the next applicant checked in
  const slots = page.getByTestId('appointment-slots');
  await expect(slots.getByRole('row').filter({ hasText: 'YY0819003' }).getByRole('button', { name: '开始办理' })).toBeVisible();
  await expect(slots.getByRole('button', { name: '开始办理' })).toHaveCount(2);
  await shot(page, 'appointments-earlier-check-in');
  await slots.getByRole('row').filter({ hasText: 'YY0819001' }).getByRole('button', { name: '开始办理' }).click();
  // the divorce form opens with both booked parties' document numbers and the applicant's phone
  await expect(page.getByRole('radio', { name: '离婚登记' })).toBeChecked();
  await expect(page.getByLabel('男方 姓名', { exact: true })).toHaveValue('张伟');
  await expect(page.getByLabel('男方 证件号码', { exact: true })).toHaveValue(idNumber(101, '19880512'));
  await expect(page.getByLabel('男方 联系电话', { exact: true })).toHaveValue('13800138001');
  await expect(page.getByLabel('女方 姓名', { exact: true })).toHaveValue('王芳');
  await expect(page.getByLabel('女方 证件号码', { exact: true })).toHaveValue(idNumber(102, '19900817'));
  await shot(page, 'appointments-started-earlier');

  // a matter without a 婚姻登记 form (婚姻登记记录证明) opens its contact in 接待受理, with the booked number and phone
  await page.getByRole('button', { name: '今日预约' }).click();
  await slots.getByRole('row').filter({ hasText: 'YY0819003' }).getByRole('button', { name: '开始办理' }).click();
  const card = page.getByTestId('contact-card');
  await expect(card).toContainText('婚姻登记记录证明 · 赵磊');
  await expect(card).toContainText(`证件 ${reader.slice(0, 6)}`);
  await expect(card).toContainText('电话 13800138003');
  await shot(page, 'appointments-started-intake');
});

test('import: an unknown matter code and a matter this window does not handle are listed as row problems', async ({ browser }) => {
  host = await startHostProcess({ demo: true, clockStart: `${DAY}T09:40:00+08:00` });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(host.baseUrl);
  await login(page, '1001', '135790');
  await page.getByRole('button', { name: '今日预约' }).click();
  const lines = [
    HEADER,
    `YY0819011,${DAY},09:00-09:30,DIV-REG,张伟,居民身份证,${idNumber(101, '19880512')},13800138001,王芳,居民身份证,${idNumber(102, '19900817')}`,
    `YY0819012,${DAY},09:30-10:00,XYZ-999,刘洋,居民身份证,${idNumber(111, '19850101')},13800138002,,,`,
  ];
  await page.locator('input[type=file]').setInputFiles({ name: '预约导出.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}`) });
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('新增 1');
  await expect(report).toContainText('未导入 1');
  await expect(report.locator('tbody tr')).toHaveCount(1);
  await expect(report).toContainText('第 3 行');
  await expect(report).toContainText('XYZ-999');
  await expect(page.getByTestId('appointment-slots')).toContainText('共 1 人');
  await shot(page, 'appointments-import-unknown-matter');
});
