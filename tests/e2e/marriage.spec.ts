/**
 * Marriage registration end to end on 5·20 (a peak day): the day's booking
 * export is imported, the couple checks in with their appointment code, the
 * clerk reads both ID cards with a keyboard-wedge reader into the form,
 * registers, and the completion slip is read back from the bytes a fake
 * ESC/POS printer received on a real TCP socket.
 */
import { expect, test } from './fixtures';
import { join } from 'node:path';
import { FakePrinter } from '../support/fake-printer';
import { printedColumns } from '../support/escpos-reader';
import { ARTIFACTS_DIR, login, openWithPrinter, startHostProcess, type HostProcess } from './host';
import { counterScreenshot, fillParty, jobText, type E2eParty } from './marriage-form';

let host: HostProcess | undefined;
let printer: FakePrinter | undefined;

test.afterEach(async () => {
  await host?.stop();
  await printer?.stop();
});

const GROOM: E2eParty = { side: '男方', id: '110105199005150010', name: '陈志强', birthDate: '1990-05-15', ethnicity: '汉族', education: '大学本科', priorStatus: '未婚' };
const BRIDE: E2eParty = { side: '女方', id: '110105199208080024', name: '林晓燕', birthDate: '1992-08-08', ethnicity: '壮族', education: '研究生', priorStatus: '未婚' };

const BOOKINGS = [
  '预约号,预约日期,预约时段,事项编码,申请人姓名,证件类型,证件号码,联系电话,另一方姓名,另一方证件类型,另一方证件号码',
  `YY0520001,2026-05-20,09:00-09:30,MAR-REG,${GROOM.name},居民身份证,${GROOM.id},13800138001,${BRIDE.name},居民身份证,${BRIDE.id}`,
  'YY0520002,2026-05-20,09:30-10:00,MAR-REG,赵磊,居民身份证,110105199303031239,13800138002,孙丽,居民身份证,110105199409090026',
].join('\r\n');

test('appointment check-in, both ID cards read into the form, registration, completion slip on the printer', async ({ browser }) => {
  printer = await FakePrinter.start();
  // Wednesday 2026-05-20 09:05: 5·20, a peak day for marriage registration
  host = await startHostProcess({ demo: true, clockStart: '2026-05-20T09:05:00+08:00' });
  const page = await openWithPrinter(browser, host, printer.uri, 1100);
  // the demo workstation is window 3, where the demo catalogue places 结婚登记 (李晓梅's badge names it)
  await login(page, '1001', '135790');

  // the day's bookings, imported from the online booking system's export
  await page.getByRole('button', { name: '今日预约' }).click();
  await page.locator('input[type=file]').setInputFiles({ name: 'bookings-0520.csv', mimeType: 'text/csv', buffer: Buffer.from(BOOKINGS) });
  await expect(page.getByTestId('import-report')).toContainText('新增 2');
  await expect(page.getByRole('heading', { name: /高峰日 · 5·20/ })).toBeVisible();

  // the couple checks in with their appointment code
  const box = page.getByLabel('签到：预约号或证件号码');
  await box.fill('YY0520001');
  await box.press('Enter');
  const banner = page.getByRole('status').filter({ hasText: '已签到：YY0520001' });
  await expect(banner).toBeVisible();
  // the row has 开始办理 too: the banner's is the one for the applicant just checked in
  await banner.getByRole('button', { name: '开始办理' }).click();

  // the form opens as 结婚登记 with the booked names, numbers and phone; the ID cards are read with the reader all the same
  await expect(page.getByRole('radio', { name: '结婚登记' })).toBeChecked();
  await expect(page.getByLabel('男方 姓名', { exact: true })).toHaveValue(GROOM.name);
  await expect(page.getByLabel('女方 姓名', { exact: true })).toHaveValue(BRIDE.name);
  await expect(page.getByLabel('男方 证件号码', { exact: true })).toHaveValue(GROOM.id);
  await expect(page.getByLabel('女方 证件号码', { exact: true })).toHaveValue(BRIDE.id);
  await expect(page.getByLabel('男方 出生日期', { exact: true })).toHaveValue(GROOM.birthDate);
  await expect(page.getByLabel('男方 联系电话', { exact: true })).toHaveValue('13800138001');
  for (const party of [GROOM, BRIDE]) {
    await page.getByLabel(`${party.side} 姓名`, { exact: true }).fill('');
    await fillParty(page, party);
  }
  await expect(page.getByLabel('男方 性别', { exact: true })).toHaveValue('male');
  await expect(page.getByLabel('女方 性别', { exact: true })).toHaveValue('female');
  for (const check of ['男女双方亲自到场', '双方已签署无配偶及无禁止结婚亲属关系的声明', '已收取双方合影照片']) await page.getByRole('checkbox', { name: check }).check();
  await expect(page.getByText('未发现问题，可以登记。')).toBeVisible();
  // without the national check (联网核查) of both parties the core refuses, naming the ticks
  await page.getByRole('checkbox', { name: '男方已在全国婚姻登记信息系统联网核查' }).check();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: '女方已在全国婚姻登记信息系统联网核查' })).toBeVisible();
  await page.getByRole('checkbox', { name: '女方已在全国婚姻登记信息系统联网核查' }).check();
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'marriage-form.png'), fullPage: true });
  await counterScreenshot(page, 'marriage-form', page.getByTestId('national-check'));
  await page.keyboard.press('Control+Enter');

  const outcome = page.getByTestId('marriage-outcome');
  await expect(outcome).toContainText('结婚登记已办结');
  await expect(page.getByTestId('certificate-no')).toHaveText('J110105-2026-000001');
  const caseNo = (await page.getByTestId('case-no').textContent()) ?? '';
  expect(caseNo).toMatch(/^HY20260520-3-\d{3}$/);
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'marriage-registered.png'), fullPage: true });

  const [slip] = await printer.waitForJobs(1);
  const text = jobText(slip);
  for (const expected of ['结婚登记办结单', caseNo, '男方：陈*强（居民身份证 110105********0010）', '女方：林*燕（居民身份证 110105********0024）', '结婚证字号：J110105-2026-000001', '登记员：李晓梅（工号 1001）', '男方签收', '女方签收']) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain(GROOM.id);
  expect(text).not.toContain(GROOM.name);
  expect(text).not.toContain('联网核查');
  expect(slip?.qrs.map((q) => q.data)).toEqual([caseNo]);
  for (const line of slip?.lines ?? []) expect(printedColumns(line), line.text).toBeLessThanOrEqual(48);

  // the appointment shows as served, and the contact is closed with the case number
  await page.getByRole('button', { name: '今日预约' }).click();
  await expect(page.getByTestId('appointment-slots')).toContainText('已签到 1 人');
});
