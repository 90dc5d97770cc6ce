/**
 * The console in Chromium against a real hall on PostgreSQL. The board
 * (窗口看板) is pushed: with its reads of the board route refused, one page
 * still shows what a window pushed (who is at it, its open cases, its state);
 * another page, whose push is refused, shows it by its poll. And 窗口登记
 * makes a kiosk's one-time code that the kiosk enrols with, listed in 修改记录.
 * Screenshots at 1366×768.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from './fixtures';
import { seedDemoStaff } from '../../hall/demo';
import { BOARD_EVENTS, CONSOLE_ROUTES } from '../../shared/hall/console-contract';
import type { WindowStatus } from '../../shared/hall/contract';
import { chainHashes, changeRow, enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { contactPayload } from '../support/hall-console';
import { ARTIFACTS_DIR } from './host';
import { consoleLogin } from './forms';

let t: TestHall;
let w1: EnrolledWindow;
let seq = 0;

test.beforeAll(async () => {
  t = await startTestHall();
  await seedDemoStaff(t.hall.pool, t.hall.hall);
  w1 = await enrolWindow(t.hall, '1');
});

test.afterAll(async () => {
  await t?.stop();
});

test.use({ viewport: { width: 1366, height: 768 } });

/** Window 1 pushes its status and `contacts` new open contacts. */
async function pushFromWindow1(status: WindowStatus, contacts: number): Promise<void> {
  const from = seq;
  const rows = Array.from({ length: contacts }, () => {
    const id = randomUUID();
    return changeRow(++seq, { entity: 'contact', entityId: id, payload: contactPayload(id, '1', { contactNo: `JD202611270${seq}`, name: `申请人${seq}`, receivedAt: new Date().toISOString() }) });
  });
  const heads = chainHashes(seq);
  // the chain extends the head the hall holds (auditAt: its hash at the seq pushed before)
  await value(t.hall, 'push', { windowNo: '1', rows, auditHead: heads[seq] ?? { seq: 0, hash: '' }, auditAt: from === 0 ? null : (heads[from] ?? null), status }, w1.credential);
}

async function consolePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await consoleLogin(page, t.hall.url);
  await expect(page.locator('[data-window="1"]')).toBeVisible();
  return page;
}

const isPath = (path: string) => (url: URL) => url.pathname === path;

test('the board shows a window’s push at once, and by its poll while the push is refused', async ({ browser }) => {
  const pushed = await consolePage(browser);
  // this page may not read the board route any more: only the push can bring what follows
  await pushed.route(isPath(CONSOLE_ROUTES.board.path), (route) => route.abort());
  const polled = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await polled.route(isPath(BOARD_EVENTS.path), (route) => route.abort());
  await consoleLogin(polled, t.hall.url);

  await pushFromWindow1({ staffNo: '1101', staffName: '李晓梅', state: 'serving', whereabouts: null, printerProblem: null }, 1);
  for (const page of [pushed, polled]) {
    const row = page.locator('[data-window="1"]');
    await expect(row).toContainText('李晓梅（1101）', { timeout: 30_000 });
    await expect(row).toContainText('在岗');
    await expect(row.getByTestId('board-cases')).toHaveText('1 件', { timeout: 30_000 });
  }

  await pushed.unroute(isPath(CONSOLE_ROUTES.board.path));
  await pushFromWindow1({ staffNo: '1101', staffName: '李晓梅', state: 'paused', whereabouts: '业务培训，10:30 回', printerProblem: '打印机缺纸' }, 1);
  for (const page of [pushed, polled]) {
    const row = page.locator('[data-window="1"]');
    await expect(row).toContainText('暂停', { timeout: 30_000 });
    await expect(row).toContainText('打印机缺纸');
    await expect(row.getByTestId('board-cases')).toHaveText('2 件', { timeout: 30_000 });
  }
  await expect(pushed.getByRole('alert')).toHaveCount(0);
  await pushed.screenshot({ path: join(ARTIFACTS_DIR, 'console-board-pushed-1366x768.png') });
  await polled.close();
  await pushed.close();
});

test('窗口登记 makes a kiosk’s one-time code; the kiosk enrols with it; 修改记录 lists it', async ({ page }) => {
  await consoleLogin(page, t.hall.url);
  await page.getByRole('button', { name: '窗口登记' }).click();
  await page.getByLabel('设备类型').selectOption('kiosk');
  await page.getByLabel('取号机编号').fill('K2');
  await page.getByRole('button', { name: '生成登记码' }).click();
  await expect(page.getByRole('heading', { name: '取号机 K2 的登记码' })).toBeVisible();
  const code = page.getByTestId('enrolment-code');
  await expect(code).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'console-enrol-kiosk-1366x768.png') });

  const kiosk = await value(t.hall, 'enrol', { code: (await code.textContent()) ?? '', windowNo: 'K2' }, null);
  const { rows } = await t.hall.pool.query<{ device_kind: string }>('SELECT device_kind FROM hall_window WHERE window_id = $1', [kiosk.windowId]);
  expect(rows).toEqual([{ device_kind: 'kiosk' }]);

  // window 1's number is a window's: a kiosk code for it is refused on the field
  await page.getByLabel('取号机编号').fill('1');
  await page.getByRole('button', { name: '生成登记码' }).click();
  await expect(page.getByRole('alert')).toContainText('编号 1 已登记为窗口');
  await expect(code).toHaveCount(0);
  // a bad number is told as a kiosk's
  await page.getByLabel('取号机编号').fill('K 2');
  await page.getByRole('button', { name: '生成登记码' }).click();
  await expect(page.getByText('取号机编号只能是 1 到 8 位字母、数字或短横线').first()).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'console-enrol-kiosk-bad-number-1366x768.png') });

  await page.getByRole('button', { name: '基础数据' }).click();
  await page.getByRole('tab', { name: '修改记录' }).click();
  const audit = page.getByTestId('audit-table');
  await expect(audit.locator('tr', { hasText: '取号机 K2' })).toContainText('生成登记码');
  await expect(audit.locator('tr', { hasText: '取号机 K2' })).toContainText('王建国（9001）');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'console-enrol-kiosk-audit-1366x768.png') });
});
