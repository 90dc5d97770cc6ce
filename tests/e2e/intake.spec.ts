/**
 * Intake end to end: host mode in Chromium, slips printed on a fake ESC/POS
 * printer listening on a real TCP socket on 127.0.0.1, read back from the bytes.
 * walk-in → materials missing → notification slip → the applicant returns
 * with the slip number → accepted → receipt with the right deadline.
 */
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueSchema } from '../../shared/catalogue/schema';
import { printedColumns, type ReadJob } from '../support/escpos-reader';
import { FakePrinter } from '../support/fake-printer';
import { ARTIFACTS_DIR, login, openWithPrinter, startHostProcess, type HostProcess } from './host';

let host: HostProcess;
let printer: FakePrinter;

test.afterEach(async () => {
  await host?.stop();
  await printer?.stop();
});

const catalogue = catalogueSchema.parse(JSON.parse(readFileSync('shared/catalogue/default-catalogue.json', 'utf8')));
const ITEM = catalogue.items.find((i) => i.code === 'MAR-RECORD');
const material = (id: string): string => ITEM?.materials.find((m) => m.id === id)?.name ?? id;

/** The printed text with wrapped lines joined again (a long value continues, indented, on the next line). */
function jobText(job: ReadJob | undefined): string {
  return (job?.lines ?? []).map((l) => l.text.trim()).join('');
}

function expectFitsPaper(job: ReadJob | undefined, columns: number): void {
  expect(job?.lines.length ?? 0).toBeGreaterThan(5);
  for (const line of job?.lines ?? []) expect(printedColumns(line), line.text).toBeLessThanOrEqual(columns);
}

test('walk-in, missing material, notification slip, return with the slip, acceptance and receipt', async ({ browser }) => {
  expect(ITEM).toBeDefined();
  printer = await FakePrinter.start();
  // Tuesday 2026-09-29, 09:30 in Beijing: three working days later is after National Day
  host = await startHostProcess({ demo: true, clockStart: '2026-09-29T09:30:00+08:00' });

  // the supervisor points the window at the network printer
  const page = await openWithPrinter(browser, host, printer.uri, 900);

  // first contact: a walk-in for a marriage record certificate, with only the ID card
  await login(page, '1001', '135790');
  await page.getByLabel('办理事项').selectOption({ label: '婚姻登记记录证明' });
  await page.getByLabel('申请人姓名').fill('王小明');
  await page.getByLabel('证件号码（可不填，加密保存，屏幕和单据只显示脱敏值）').fill('11010519491231002X');
  await page.getByRole('button', { name: '开始接待' }).click();
  const card = page.getByTestId('contact-card');
  await expect(card).toContainText('婚姻登记记录证明 · 王小明');
  await expect(card).toContainText('110105********002X');
  await page.getByRole('checkbox', { name: material('id-card'), exact: true }).check();
  await page.getByRole('button', { name: /打印一次性告知单（缺 1 项）/ }).click();
  await expect(page.getByRole('status')).toContainText('一次性告知单已送打印');
  await expect(card.getByTestId('contact-status')).toHaveText('已告知，待补材料');
  const slipNo = /告知单 (GZ20260929-3-\d{3})/.exec((await card.textContent()) ?? '')?.[1] ?? '';
  expect(slipNo).not.toBe('');

  const [notification] = await printer.waitForJobs(1);
  const notice = jobText(notification);
  for (const expected of ['一次性告知单', slipNo, '王*明', '110105********002X', '婚姻登记记录证明', material('application'), '12345', '申请人签收']) {
    expect(notice).toContain(expected);
  }
  expect(notice).not.toContain('王小明');
  expect(notification?.qrs.map((q) => q.data)).toEqual([slipNo]);
  expectFitsPaper(notification, 48);
  await expect(page.getByTestId('print-preview')).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'intake-notified.png'), fullPage: true });

  // the applicant comes back with the slip: typed (or scanned) at the window
  await page.reload();
  await page.getByLabel('告知单编号').fill(slipNo);
  await page.getByLabel('告知单编号').press('Enter');
  await expect(card).toContainText('婚姻登记记录证明 · 王小明');
  await expect(page.getByRole('checkbox', { name: material('id-card'), exact: true })).toBeChecked();
  await page.getByRole('checkbox', { name: material('application'), exact: true }).check();
  await page.getByRole('button', { name: '受理并打印回执' }).click();
  // accepted Tue 2026-09-29 + 3 working days: 09-30, (National Day 10-01..07), 10-08, 10-09
  await expect(page.getByRole('status')).toContainText('承诺办结：2026-10-09');
  const caseNo = /受理编号 (SL20260929-3-\d{3})/.exec((await page.getByRole('status').textContent()) ?? '')?.[1] ?? '';
  expect(caseNo).not.toBe('');

  const jobs = await printer.waitForJobs(2);
  const receipt = jobText(jobs[1]);
  for (const expected of ['受理回执', caseNo, '王*明', '3 个工作日', '2026年10月9日', material('id-card'), material('application')]) {
    expect(receipt).toContain(expected);
  }
  expect(jobs[1]?.qrs.map((q) => [q.data, q.declaredLength])).toEqual([[caseNo, Buffer.byteLength(caseNo)]]);
  expectFitsPaper(jobs[1], 48);
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'intake-accepted.png'), fullPage: true });

  // the clerk's own cases show it with its deadline
  await page.getByRole('button', { name: '限时办结' }).click();
  await expect(page.getByTestId('cases-board')).toContainText(caseNo);
  await expect(page.getByTestId('cases-board')).toContainText('2026-10-09');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'intake-cases.png') });
});

test('a name outside GBK (𪚥明) is shown as typed and printed on the receipt as an image; an emoji in a name is refused', async ({ browser }) => {
  printer = await FakePrinter.start();
  host = await startHostProcess({ demo: true, clockStart: '2026-09-29T09:30:00+08:00' });
  const page = await openWithPrinter(browser, host, printer.uri, 768);
  await login(page, '1001', '135790');

  await page.getByLabel('办理事项').selectOption({ label: '婚姻登记记录证明' });
  await page.getByLabel('申请人姓名').fill('张😀');
  await page.getByRole('button', { name: '开始接待' }).click();
  await expect(page.getByText(/姓名不能包含表情符号/).first()).toBeVisible();
  const card = page.getByTestId('contact-card');
  await expect(card).not.toContainText('张');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'intake-emoji-name-refused.png') });

  await page.getByLabel('申请人姓名').fill('𪚥明');
  await page.getByRole('button', { name: '开始接待' }).click();
  await expect(card).toContainText('婚姻登记记录证明 · 𪚥明');
  await page.getByRole('checkbox', { name: material('id-card'), exact: true }).check();
  await page.getByRole('checkbox', { name: material('application'), exact: true }).check();
  await page.getByRole('button', { name: '受理并打印回执' }).click();
  await expect(page.getByRole('status')).toContainText('回执已送打印');
  await expect(page.getByTestId('print-preview')).toBeVisible();
  await expect(page.getByTestId('print-warning')).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'intake-rare-name.png') });
  await page.getByTestId('print-preview').screenshot({ path: join(ARTIFACTS_DIR, 'intake-rare-name-preview.png') });

  const [receipt] = await printer.waitForJobs(1);
  expect(jobText(receipt)).toContain('受理回执');
  expect(jobText(receipt)).not.toContain('?');
  expect(receipt?.rasters).toHaveLength(1);
  expect(receipt?.rasters[0]).toMatchObject({ widthBytes: 72, height: 30, missing: 0 });
  expectFitsPaper(receipt, 48);
});
