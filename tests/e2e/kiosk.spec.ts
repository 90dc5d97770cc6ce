/**
 * The kiosk page (/kiosk) in Chromium against a real hall on PostgreSQL and a
 * fake ESC/POS printer on a real socket: pairing on the on-screen keypad,
 * tickets by matter, 绿色通道, appointment code and ID card, a double tap, the
 * hall unreachable and retried; every ticket printed once, read back from the
 * printer's bytes. Screenshots of the screens in landscape and portrait.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { inTransaction } from '../../hall/db/pool';
import { setKioskPrinter } from '../../hall/print/ticket-print';
import { putReference } from '../../hall/store/reference';
import { createEnrolmentCode } from '../../hall/store/windows';
import { ticketDay } from '../../shared/domain/queue-ticket';
import { testCatalogue } from '../support/catalogue';
import { slipText } from '../support/escpos-reader';
import { FakePrinter } from '../support/fake-printer';
import { startTestHall, type TestHall } from '../support/hall';
import { configureQueue, matter } from '../support/queue';
import { ARTIFACTS_DIR } from './host';
import { readIdCard } from './keyboard-wedge';

let t: TestHall;
let printer: FakePrinter;
let enrolmentCode = '';

const item = (code: string, name: string, materials: string[]): object => ({
  code,
  name,
  department: '民政局',
  windows: [],
  materials: materials.map((m, i) => ({ id: `m${i}`, name: m, standard: '原件', obtainFrom: '本人携带', required: true })),
  legalBasis: '《婚姻登记条例》',
  timeLimit: { kind: 'onTheSpot' },
  fee: '不收费',
  resultPickup: '当场领取',
});

test.beforeAll(async () => {
  printer = await FakePrinter.start();
  t = await startTestHall();
  const hallId = t.hall.hall.hallId;
  await configureQueue(t.hall, [
    matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1', '2'] }),
    matter('MAR-CERT', '婚姻登记记录证明', 'A', { windowNos: ['1', '2'] }),
    matter('DIV-REG', '离婚登记', 'B', { windowNos: ['3'] }),
    matter('MAR-REISSUE', '补领婚姻登记证', 'C', { windowNos: ['3'] }),
  ]);
  const catalogue = testCatalogue([item('MAR-REG', '结婚登记', ['户口簿', '居民身份证', '2寸近期半身免冠合影照片']), item('DIV-REG', '离婚登记', ['结婚证', '离婚协议书'])]);
  const today = ticketDay(new Date());
  const party = (documentNumber: string): object => ({ name: '王五', documentType: 'resident_id', documentNumber });
  await inTransaction(t.hall.pool, async (client) => {
    await putReference(client, hallId, { kind: 'catalogueVersion', key: catalogue.version, body: { catalogue } });
    await putReference(client, hallId, { kind: 'booking', key: 'YY20261127', body: { code: 'YY20261127', date: today, slotStart: '09:00', slotEnd: '10:00', itemCode: 'DIV-REG', applicant: party('110105198001010011'), phone: '', partner: null } });
    await putReference(client, hallId, { kind: 'booking', key: 'WS0002', body: { code: 'WS0002', date: today, slotStart: '10:00', slotEnd: '11:00', itemCode: 'MAR-REG', applicant: party('11010519900202002X'), phone: '', partner: null } });
  });
  await setKioskPrinter(t.hall.pool, hallId, 'K1', { uri: printer.uri, paperWidth: 80 });
  enrolmentCode = await createEnrolmentCode(t.hall.pool, hallId, 'K1', 60, 'kiosk');
});

test.afterAll(async () => {
  await t?.stop();
  await printer?.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
}

async function tapKeys(page: Page, text: string): Promise<void> {
  for (const ch of text) await page.locator('.kiosk-key', { hasText: new RegExp(`^${ch}$`) }).click();
}

async function ticketCount(): Promise<number> {
  const { rows } = await t.hall.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM queue_ticket');
  return rows[0]?.n ?? 0;
}

test('a kiosk pairs, takes tickets by matter, 绿色通道, appointment code and ID card, and prints each once', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${t.hall.url}/kiosk`);
  await expect(page.getByRole('heading', { name: '取号机登记' })).toBeVisible();
  await tapKeys(page, '1');
  await page.getByRole('button', { name: '登记码' }).click();
  await tapKeys(page, 'WRONG1');
  await page.getByRole('button', { name: '登记本机' }).click();
  await expect(page.getByRole('alert')).toContainText('登记码不正确或已过期');
  await page.getByRole('button', { name: '清空' }).click();
  await tapKeys(page, enrolmentCode.replaceAll('-', ''));
  await shot(page, 'kiosk-pair-1366x768');
  await page.getByRole('button', { name: '登记本机' }).click();
  await expect(page.getByRole('heading', { name: '测试大厅' })).toBeVisible();
  await shot(page, 'kiosk-start-1366x768');

  // paired for good: a reload goes straight to the start screen
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.reload();
  await expect(page.getByRole('button', { name: /办理业务取号/ })).toBeVisible();
  await shot(page, 'kiosk-start-1920x1080');

  // 1: by matter, with a double tap
  await page.getByRole('button', { name: /办理业务取号/ }).click();
  await expect(page.getByRole('button', { name: /结婚登记/ })).toContainText('1、2 号窗口');
  await shot(page, 'kiosk-matters-1920x1080');
  await page.getByRole('button', { name: /^结婚登记/ }).dblclick();
  await expect(page.getByTestId('ticket-code')).toHaveText('A001');
  await expect(page.locator('.kiosk-ticket')).toContainText('2寸近期半身免冠合影照片');
  await expect(page.locator('.kiosk-ticket')).toContainText('取号成功，请取走号票');
  await shot(page, 'kiosk-ticket-1920x1080');
  expect(await ticketCount()).toBe(1);
  await page.locator('.kiosk-ticket').click();

  // 2: 绿色通道
  await page.getByRole('button', { name: /绿色通道/ }).click();
  await expect(page.getByRole('heading', { name: /绿色通道/ })).toBeVisible();
  await page.getByRole('button', { name: /^离婚登记/ }).click();
  await expect(page.getByTestId('ticket-code')).toHaveText('B001');
  await expect(page.locator('.kiosk-ticket')).toContainText('绿色通道 · 优先办理');
  await page.locator('.kiosk-ticket').click();

  // 3: appointment code on the keypad, the hall unreachable on the first try
  await page.getByRole('button', { name: /预约取号/ }).click();
  await tapKeys(page, 'YY20261127');
  await page.route('**/api/queue/take', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: '签到取号' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('暂时连不上大厅服务器');
  await shot(page, 'kiosk-unreachable-1920x1080');
  await page.unroute('**/api/queue/take');
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByTestId('ticket-code')).toHaveText('B002');
  await expect(page.locator('.kiosk-ticket')).toContainText('预约已签到');
  await expect(page.locator('.kiosk-ticket')).toContainText('结婚证');
  await page.locator('.kiosk-ticket').click();

  // 4: ID card with a booking; then one without → 未找到今日预约 and the matter choice
  await page.setViewportSize({ width: 1080, height: 1920 });
  await expect(page.getByRole('button', { name: /办理业务取号/ })).toBeVisible();
  await shot(page, 'kiosk-start-1080x1920');
  await readIdCard(page, '11010519900202002X');
  await expect(page.getByTestId('ticket-code')).toHaveText('A002');
  await shot(page, 'kiosk-ticket-1080x1920');
  await page.locator('.kiosk-ticket').click();
  await readIdCard(page, '110105197001010099');
  await expect(page.getByRole('status')).toContainText('未找到今日预约');
  await expect(page.getByRole('status')).toContainText('已读取身份证 110105********0099，到窗口办理时自动带入');
  await shot(page, 'kiosk-matters-1080x1920');
  await page.getByRole('button', { name: /^补领婚姻登记证/ }).click();
  await expect(page.getByTestId('ticket-code')).toHaveText('C001');
  // the walk-in ticket carries the card read before, kept masked and sealed, never in plain
  const { rows: card } = await t.hall.pool.query<{ document_masked: string; plain: boolean }>(
    "SELECT d.document_masked, d::text LIKE '%19700101%' AS plain FROM queue_ticket_document d JOIN queue_ticket q ON q.hall_id = d.hall_id AND q.id = d.ticket_id WHERE q.code = 'C001'",
  );
  expect(card).toEqual([{ document_masked: '110105********0099', plain: false }]);

  // every ticket on paper exactly once
  const jobs = await printer.waitForJobs(5);
  expect(jobs).toHaveLength(5);
  expect(await ticketCount()).toBe(5);
  const papers = jobs.map((j) => slipText(j).map((l) => l.trim()));
  expect(papers.map((p) => p.find((l) => /^[A-C]\d{3}$/.test(l)))).toEqual(['A001', 'B001', 'B002', 'A002', 'C001']);
  expect(papers[2]).toContain('（预约）');
  expect(papers[2]).toContain('办理事项：离婚登记');
  expect(papers[2]).toContain('1. 结婚证');
  expect(papers[2]?.some((l) => /^\[QR QT\|\d{4}-\d{2}-\d{2}\|B002\|[0-9a-f-]{36}\]$/.test(l))).toBe(true);
  await writeFile(join(ARTIFACTS_DIR, 'kiosk-printed-tickets.txt'), papers.map((p) => p.join('\n')).join('\n\n'));
});
