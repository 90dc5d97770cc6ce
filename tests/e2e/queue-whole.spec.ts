/**
 * Issue 14's one end to end, the whole queue in Chromium against a real hall
 * on a real PostgreSQL: the supervisor imports the day's booking on the hall
 * console; the kiosk page takes three tickets (two by matter, one by that
 * booking's appointment code); two window hosts joined to the hall call,
 * pass, call back and transfer with the caller's F-keys, and window 2 serves
 * the booking; the hall screen and each window's public display show every
 * call; the hall screen's announcement queue holds the calls in call order;
 * the console's 大厅统计 and window 2's 统计分析 (its supervisor) show the waiting, walk,
 * service and idle times. The hall's clock is set by the test at each step,
 * so every time is a whole number of minutes.
 */
import { expect, test, type Browser, type Locator, type Page } from './fixtures';
import { CHROMIUM_PATH } from '../../playwright.config';
import { seedDemoStaff } from '../../hall/demo';
import { createEnrolmentCode } from '../../hall/store/windows';
import { residentIdCheckCharacter } from '../../shared/domain/id-number';
import { startTestHall, type TestHall } from '../support/hall';
import { configureQueue, matter, TestClock } from '../support/queue';
import { login, shot, startHostProcess, type HostProcess } from './host';

const DAY = '2026-05-20'; // a Wednesday
const clock = new TestClock(new Date(`${DAY}T09:05:00+08:00`));
const at = (hhmm: string): void => clock.set(`${DAY}T${hhmm}:00+08:00`);
const APPLICANT_FIRST17 = '11010519880512101';
const BOOKING = [
  '预约号,预约日期,预约时段,事项编码,申请人姓名,证件类型,证件号码,联系电话,另一方姓名,另一方证件类型,另一方证件号码',
  `YY0520001,${DAY},09:00-10:00,DIV-REG,王芳,居民身份证,${APPLICANT_FIRST17}${residentIdCheckCharacter(APPLICANT_FIRST17)},13800138001,,,`,
].join('\r\n');

let hall: TestHall;
const hosts: HostProcess[] = [];

test.beforeAll(async () => {
  hall = await startTestHall({ clock: clock.now });
  await seedDemoStaff(hall.hall.pool, hall.hall.hall);
  await configureQueue(hall.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1', '2'] }), matter('DIV-REG', '离婚登记', 'B', { windowNos: ['2'] })]);
  for (let i = 0; i < 2; i++) hosts.push(await startHostProcess({ demo: true, clockStart: `${DAY}T09:05:00+08:00` }));
});

test.afterAll(async () => {
  for (const host of hosts) await host.stop();
  await hall?.stop();
});

// the whole queue takes a while on a busy machine; the hall screen's PC lets the page sound without a touch
test.setTimeout(600_000);
test.use({ actionTimeout: 60_000, launchOptions: { executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--autoplay-policy=no-user-gesture-required'] } });

async function consoleLogin(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${hall.hall.url}/console`);
  await page.getByLabel('工号').fill('9001');
  await page.getByLabel('PIN').fill('246810');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('console-user')).toContainText('王建国');
  return page;
}

async function tapKeys(page: Page, text: string): Promise<void> {
  for (const ch of text) await page.locator('.kiosk-key', { hasText: new RegExp(`^${ch}$`) }).click();
}

/** Pairs the kiosk page on its keypad as kiosk K1. */
async function pairKiosk(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${hall.hall.url}/kiosk`);
  await tapKeys(page, '1');
  await page.getByRole('button', { name: '登记码' }).click();
  await tapKeys(page, (await createEnrolmentCode(hall.hall.pool, hall.hall.hall.hallId, 'K1', 60, 'kiosk')).replaceAll('-', ''));
  await page.getByRole('button', { name: '登记本机' }).click();
  await expect(page.getByRole('button', { name: /办理业务取号/ })).toBeVisible();
  return page;
}

/** The demo supervisor numbers the window and joins it to the hall, then the window's demo clerk logs in. */
async function joinAs(browser: Browser, host: HostProcess, windowNo: '1' | '2'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '9001', '246810');
  await page.getByRole('button', { name: '系统设置' }).click();
  await page.getByLabel('窗口号').fill(windowNo);
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存。')).toBeVisible();
  const section = page.getByRole('form', { name: '大厅连接' });
  await section.getByLabel('大厅服务器地址').fill(hall.hall.url);
  await section.getByLabel('登记码').fill(await createEnrolmentCode(hall.hall.pool, hall.hall.hall.hallId, windowNo));
  await section.getByRole('button', { name: '加入' }).click();
  const joined = page.getByRole('region', { name: '大厅连接' });
  await expect(joined.getByRole('status')).toContainText('已加入测试大厅');
  // the first pull brings the hall's staff accounts with their PIN hashes: the clerk logs in after it has landed, not while
  const lastPull = joined.getByLabel('大厅连接状态').locator('dt', { hasText: '最近下载' }).locator('xpath=following-sibling::dd[1]');
  await expect(async () => {
    await joined.getByRole('button', { name: '刷新' }).click();
    await expect(lastPull).not.toHaveText('尚未', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole('button', { name: '退出登录' }).click();
  await login(page, windowNo === '1' ? '1001' : '1002', windowNo === '1' ? '135790' : '258036');
  return page;
}

async function openDisplay(browser: Browser, host: HostProcess): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${host.baseUrl}/display`);
  await expect(page.getByTestId('display-board')).toBeVisible();
  return page;
}

/** The cells of a statistics row (the row's heading first). */
const cells = (row: Locator): Locator => row.locator('th, td');

test('kiosk → two windows → hall screen, displays and the voice queue → statistics', async ({ browser }) => {
  const [host1, host2] = hosts;
  if (!host1 || !host2) throw new Error('two window hosts');

  // the day's booking, imported at the hall
  const console = await consoleLogin(browser);
  await console.getByRole('button', { name: '基础数据' }).click();
  await console.getByRole('tab', { name: '预约导入' }).click();
  await console.getByLabel('选择预约导出文件（CSV / JSON）').setInputFiles({ name: '预约导出.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${BOOKING}`) });
  await expect(console.getByTestId('booking-result')).toContainText('共 1 条，导入 1 条');

  // the hall screen, open before the first ticket
  const screen = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await screen.goto(`${hall.hall.url}/hall-screen`);
  const waiting = screen.getByTestId('screen-waiting').locator('li');
  await expect(waiting).toHaveText([/A\s*结婚登记\s*0 人/, /B\s*离婚登记\s*0 人/]);

  // three tickets at the kiosk: two by matter, one by the appointment code
  const kiosk = await pairKiosk(browser);
  const ticket = kiosk.getByTestId('ticket-code');
  for (const [time, code] of [['09:10', 'A001'], ['09:11', 'A002']] as const) {
    at(time);
    await kiosk.getByRole('button', { name: /办理业务取号/ }).click();
    await kiosk.getByRole('button', { name: /^结婚登记/ }).click();
    await expect(ticket).toHaveText(code);
    await kiosk.locator('.kiosk-ticket').click();
  }
  at('09:12');
  await kiosk.getByRole('button', { name: /预约取号/ }).click();
  await tapKeys(kiosk, 'YY0520001');
  await kiosk.getByRole('button', { name: '签到取号' }).click();
  await expect(ticket).toHaveText('B001');
  await expect(kiosk.locator('.kiosk-ticket')).toContainText('预约已签到');
  await expect(waiting).toHaveText([/结婚登记\s*2 人/, /离婚登记\s*1 人/]);

  const window1 = await joinAs(browser, host1, '1');
  const window2 = await joinAs(browser, host2, '2');
  const display1 = await openDisplay(browser, host1);
  const display2 = await openDisplay(browser, host2);
  const bar1 = window1.getByTestId('caller-bar');
  const bar2 = window2.getByTestId('caller-bar');
  await expect(bar1.getByTestId('caller-waiting')).toContainText('等候 2 人');
  await expect(bar2.getByTestId('caller-waiting')).toContainText('等候 3 人');

  const newest = screen.getByTestId('screen-newest');
  /** A call shows on the hall screen and on the window's own display. */
  const shown = async (code: string, windowNo: '1' | '2'): Promise<void> => {
    await expect(newest).toContainText(`请 ${code} 号到 ${windowNo} 号窗口办理`);
    await expect((windowNo === '1' ? display1 : display2).getByTestId('display-called')).toContainText(`请 ${code} 号 到本窗口办理`);
  };

  // window 1 calls A001; window 2 calls the booking first (an appointment in its slot)
  at('09:20');
  await window1.keyboard.press('F1');
  await expect(bar1.getByTestId('caller-current')).toContainText('A001');
  await shown('A001', '1');
  at('09:21');
  await window2.keyboard.press('F1');
  await expect(bar2.getByTestId('caller-current')).toContainText('B001');
  await shown('B001', '2');

  // window 1: 过号, then 回呼 when the applicant turns up, then 转移 to window 2
  at('09:22');
  await window1.keyboard.press('F3');
  await expect(bar1.getByTestId('caller-current')).toContainText('当前没有叫号');
  await expect(display1.getByTestId('display-called')).toHaveCount(0);
  at('09:23');
  await window1.keyboard.press('F4');
  await bar1.getByRole('button', { name: '回呼 A001' }).click();
  await expect(bar1.getByTestId('caller-current')).toContainText('已叫号');
  await expect(screen.getByTestId('screen-calls').locator('tbody tr')).toHaveCount(3);
  await shown('A001', '1');
  at('09:24');
  await window1.keyboard.press('F5');
  await bar1.getByLabel('转移到').selectOption({ label: '2 号窗口' });
  await bar1.getByRole('button', { name: '确定转移' }).click();
  await expect(display1.getByTestId('display-called')).toHaveCount(0);

  // window 2 serves the booking (4 minutes' walk, 8 minutes' service), then calls the transferred A001
  at('09:25');
  await window2.keyboard.press('F8');
  await expect(bar2.getByTestId('caller-current')).toContainText('办理中');
  at('09:33');
  await window2.keyboard.press('F9');
  await expect(bar2.getByRole('status')).toContainText('B001 号已办结');
  await expect(display2.getByTestId('display-called')).toHaveCount(0);
  at('09:34');
  await window2.keyboard.press('F1');
  await expect(bar2.getByTestId('caller-current')).toContainText('A001');
  await shown('A001', '2');
  at('09:35');
  await window1.keyboard.press('F1');
  await expect(bar1.getByTestId('caller-current')).toContainText('A002');
  await shown('A002', '1');
  await expect(waiting).toHaveText([/结婚登记\s*0 人/, /离婚登记\s*0 人/]);

  // the hall screen: every call listed newest first, and announced once each in call order
  await expect(screen.getByTestId('screen-calls').locator('tbody tr')).toHaveText([/A002\s*1 号窗口/, /A001\s*2 号窗口/, /A001\s*1 号窗口/, /B001\s*2 号窗口/, /A001\s*1 号窗口/]);
  const announcements = screen.getByTestId('announcement-queue').locator('li');
  await expect(announcements).toHaveCount(5);
  const heard = await announcements.evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-code')}→${li.getAttribute('data-window')}`));
  expect(heard).toEqual(['A001→1', 'B001→2', 'A001→1', 'A001→2', 'A002→1']);
  await expect(announcements.and(screen.locator('[data-state="done"]'))).toHaveCount(5, { timeout: 120_000 });
  await shot(screen, 'queue-whole-hall-screen-1920x1080');
  await shot(display1, 'queue-whole-display-1280x800');

  // the console's 排队统计 by window: counts and mean minutes (waiting 10, 9, 24; walk 4; service 8; idle 1, 11 and 1)
  await console.getByRole('button', { name: '大厅统计' }).click();
  await console.getByRole('tab', { name: '排队统计' }).click();
  await console.getByLabel('从').fill(DAY);
  await console.getByLabel('到').fill(DAY);
  await console.getByRole('button', { name: '统计', exact: true }).click();
  const hallTable = console.getByTestId('queue-stats-table');
  await expect(hallTable.locator('tbody tr')).toHaveCount(2);
  await expect(cells(hallTable.locator('tbody tr').filter({ hasText: '1 号窗口' }))).toHaveText(['1 号窗口', '0', '3', '0', '1', '1', '17.0', '—', '—', '6.0']);
  await expect(cells(hallTable.locator('tbody tr').filter({ hasText: '2 号窗口' }))).toHaveText(['2 号窗口', '0', '2', '1', '0', '0', '9.0', '4.0', '8.0', '1.0']);
  await expect(cells(hallTable.locator('tfoot tr'))).toHaveText(['合计', '3', '5', '1', '1', '1', '14.3', '4.0', '8.0', '4.3']);
  await shot(console, 'queue-whole-console-stats-1366x768');

  // window 2's 统计分析 (a supervisor's section): its own figures from the hall, by clerk
  await window2.getByRole('button', { name: '退出登录' }).click();
  await login(window2, '9001', '246810');
  await window2.getByRole('button', { name: '统计分析', exact: true }).click();
  const mine = window2.getByTestId('queue-stats').getByTestId('queue-stats-table');
  await expect(mine.locator('tbody tr')).toHaveCount(1);
  await expect(cells(mine.locator('tbody tr'))).toHaveText([/1002/, '0', '2', '1', '0', '0', '9.0', '4.0', '8.0', '1.0']);
  await mine.scrollIntoViewIfNeeded();
  await shot(window2, 'queue-whole-window-stats-1366x768');
});
