/**
 * The 婚姻登记 ledger end to end in Chromium: records written through the
 * host's API (a registration, a refusal, a divorce application, a reissue)
 * are found by name, case number, certificate number and document number,
 * exported as a real browser download (read back: the full-value CSV keeps
 * the ID number as text), and counted in 统计分析.
 */
import { expect, test, type Page } from './fixtures';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { idFor } from '../support/civil';
import { ApiSocket } from '../support/ws';
import { ARTIFACTS_DIR, login, startHostProcess, type HostProcess } from './host';

let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
});

function party(name: string, sex: 'male' | 'female', birthDate: string) {
  return {
    documentType: 'residentId',
    documentNumber: idFor(birthDate, sex),
    name,
    sex,
    birthDate,
    nationality: '中国',
    ethnicity: '汉族',
    occupation: '职员',
    education: 'bachelor',
    priorStatus: 'unmarried',
    phone: sex === 'male' ? '13800138002' : '13800138003',
    address: '',
  };
}

const ZHAO = party('赵磊', 'male', '1993-03-03');
const SUN = party('孙丽', 'female', '1994-09-09');
const CHECKS = { bothPresent: true, declarationsSigned: true, photosProvided: true, agreementSubmitted: true, certificatesPresented: true };

/** Writes the day's records through the host's API, as the clerk's screen would. */
async function seed(baseUrl: string): Promise<void> {
  const api = await ApiSocket.open(`${baseUrl.replace('http', 'ws')}/api?role=clerk`);
  const ok = async (method: string, params: unknown) => {
    const result = (await api.call(method, params)) as { ok: boolean; error?: { message: string } };
    if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? ''}`);
  };
  await ok('auth.login', { staffNo: '1001', pin: '135790' });
  await ok('marriage.register', { kind: 'marriage', contactId: null, parties: [ZHAO, SUN], checks: CHECKS, certificateNo: '', nationalCheck: [true, true] });
  await ok('marriage.refuse', { kind: 'marriage', contactId: null, parties: [party('周小川', 'male', '2006-06-01'), party('吴敏', 'female', '2000-01-01')], checks: CHECKS, reasons: ['underAge'], note: '' });
  await ok('divorce.accept', { contactId: null, parties: [party('王强', 'male', '1985-05-05'), party('刘芳', 'female', '1987-07-07')], checks: CHECKS, marriageCertificateNos: ['J440106-2018-004321'] });
  const reissue = { originalKind: 'marriage', originalDate: '2012-05-20', originalCertificateNo: '', reason: '结婚证遗失' };
  await ok('marriage.register', { kind: 'reissue', contactId: null, parties: [party('陈静', 'female', '1988-08-08')], checks: CHECKS, certificateNo: '', reissue });
  await ok('auth.logout', {});
  await api.close();
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel('搜索').fill(text);
  await page.getByRole('button', { name: '查询' }).click();
}

test('婚姻登记 ledger: search each way, export by download, statistics', async ({ browser }) => {
  // Friday 2026-11-27 09:30 in the hall
  host = await startHostProcess({ demo: true, clockStart: '2026-11-27T09:30:00+08:00' });
  await seed(host.baseUrl);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '9001', '246810');
  await page.getByRole('button', { name: '台账', exact: true }).click();
  await page.getByRole('tab', { name: '婚姻登记' }).click();
  const table = page.getByTestId('ledger-table');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table).toContainText('离婚冷静期');
  await expect(table).toContainText('不予登记');
  await expect(table).toContainText('补领结婚证');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'ledger-marriages-all-1366x768.png') });

  await search(page, '孙丽');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('J110105-2026-000001');
  await search(page, 'HY20261127-3-001');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('赵磊、孙丽');
  await search(page, 'J110105-2026-000001');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('HY20261127-3-001');
  // the full number is looked up by its keyed hash; the table shows it masked
  await search(page, SUN.documentNumber);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText(`${SUN.documentNumber.slice(0, 6)}********${SUN.documentNumber.slice(-4)}`);
  await expect(table).not.toContainText(SUN.documentNumber);
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'ledger-marriages-search-1366x768.png') });

  // export the search result as a full-value CSV, saved through the browser's download
  await page.getByRole('button', { name: '导出…' }).click();
  const box = page.getByRole('form', { name: '导出当前筛选结果' });
  await box.getByLabel('格式').selectOption('csv');
  await box.getByRole('checkbox').check();
  const [download] = await Promise.all([page.waitForEvent('download'), box.getByRole('button', { name: '导出并下载' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^婚姻登记台账_20261127-\d{6}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('HY20261127-3-001');
  expect(csv).toContain(`${ZHAO.documentNumber}、${SUN.documentNumber}`);
  await expect(box.getByTestId('export-progress')).toContainText('1 / 1 条（100%）');
  await expect(box).toContainText('浏览器正在下载');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'ledger-export-download-1366x768.png') });
  // served once: the same link is gone after the download
  expect(await page.evaluate(async (url) => (await fetch(url)).status, download.url())).toBe(404);

  // a single-party row: the ID number alone in its cell is written so Excel keeps it as text
  await search(page, '陈静');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  const [second] = await Promise.all([page.waitForEvent('download'), box.getByRole('button', { name: '导出并下载' }).click()]);
  const single = await readFile(await second.path(), 'utf8');
  expect(single).toContain(`"=""${idFor('1988-08-08', 'female')}"""`);

  await page.getByRole('button', { name: '统计分析', exact: true }).click();
  const civil = page.getByTestId('stats-civil-table');
  await expect(civil.locator('tfoot td')).toHaveText(['1', '1', '1', '0', '1']);
  await civil.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'stats-marriages-1366x768.png') });
  await page.getByTestId('chart-civil').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'stats-marriages-chart-1366x768.png') });
});
