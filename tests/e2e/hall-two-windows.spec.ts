/**
 * Issue 13 end to end: two window hosts (windows 1 and 2, their own data
 * directories) join a real hall on a real PostgreSQL through 系统设置 with
 * enrolment codes; window 1 registers a marriage, the push brings it to the
 * hall; window 2 is refused for the same man with another bride (有配偶,
 * naming window 1's registration); the hall console shows both windows on the
 * board and window 1's registration in the hall ledger. Screenshots at 1366×768.
 */
import { expect, test, type Browser, type Page } from './fixtures';
import { join } from 'node:path';
import { seedDemoStaff } from '../../hall/demo';
import { startTestHall, type TestHall } from '../support/hall';
import { joinHall, stopHostsAndHall } from './hall-join';
import { ARTIFACTS_DIR, login, startHostProcess, type HostProcess } from './host';
import { counterScreenshot, fillParty, type E2eParty } from './marriage-form';

/** Wednesday 2026-05-20 09:05: a working day within office hours at both windows. */
const CLOCK_START = '2026-05-20T09:05:00+08:00';
const CHECKS = ['男女双方亲自到场', '双方已签署无配偶及无禁止结婚亲属关系的声明', '已收取双方合影照片', '男方已在全国婚姻登记信息系统联网核查', '女方已在全国婚姻登记信息系统联网核查'];

const GROOM: E2eParty = { side: '男方', id: '110105199005150010', name: '陈志强', birthDate: '1990-05-15', ethnicity: '汉族', education: '大学本科', priorStatus: '未婚' };
const BRIDE: E2eParty = { side: '女方', id: '110105199208080024', name: '林晓燕', birthDate: '1992-08-08', ethnicity: '壮族', education: '研究生', priorStatus: '未婚' };
const OTHER_BRIDE: E2eParty = { side: '女方', id: '110105199409090026', name: '孙丽', birthDate: '1994-09-09', ethnicity: '汉族', education: '大学本科', priorStatus: '未婚' };

let hall: TestHall;
const hosts: HostProcess[] = [];

test.beforeAll(async () => {
  hall = await startTestHall();
  await seedDemoStaff(hall.hall.pool, hall.hall.hall);
  for (let i = 0; i < 2; i++) hosts.push(await startHostProcess({ demo: true, clockStart: CLOCK_START }));
});

test.afterAll(() => stopHostsAndHall(hosts, hall));

/** The demo supervisor numbers the window and joins it to the hall with a code issued for that number, then logs out. */
async function joinAs(browser: Browser, host: HostProcess, windowNo: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '9001', '246810');
  const joined = await joinHall(page, hall.hall, windowNo);
  await expect(joined.getByLabel('大厅连接状态')).toContainText(`${windowNo} 号窗口`);
  await page.getByRole('button', { name: '退出登录' }).click();
  return page;
}

const CLERKS = { '1': { staffNo: '1001', pin: '135790', shown: '李晓梅（1001）' }, '2': { staffNo: '1002', pin: '258036', shown: '张伟（1002）' } } as const;

/** The window's demo clerk opens 结婚登记 and fills both parties and every tick. */
async function fillMarriage(page: Page, windowNo: '1' | '2', groom: E2eParty, bride: E2eParty): Promise<void> {
  await login(page, CLERKS[windowNo].staffNo, CLERKS[windowNo].pin);
  await page.getByRole('button', { name: '婚姻登记', exact: true }).click();
  await page.getByRole('radio', { name: '结婚登记' }).check();
  for (const party of [groom, bride]) await fillParty(page, party);
  for (const check of CHECKS) await page.getByRole('checkbox', { name: check }).check();
}

/** The hall's registry rows of this certificate number (what the push brought). */
async function hallRegistrations(certificateNo: string): Promise<number> {
  const rows = await hall.hall.pool.query('SELECT case_id FROM marriage_registry WHERE hall_id = $1 AND kind = $2 AND certificate_no = $3', [hall.hall.hall.hallId, 'marriage', certificateNo]);
  return rows.rowCount ?? 0;
}

test('registered at window 1, refused at window 2 for the same man, both on the hall console', async ({ browser }) => {
  const [host1, host2] = hosts;
  if (!host1 || !host2) throw new Error('two window hosts');
  const window1 = await joinAs(browser, host1, '1');
  const window2 = await joinAs(browser, host2, '2');

  // window 1 registers; the certificate number comes from the hall
  await fillMarriage(window1, '1', GROOM, BRIDE);
  await expect(window1.getByText('未发现问题，可以登记。')).toBeVisible();
  await window1.keyboard.press('Control+Enter');
  await expect(window1.getByTestId('marriage-outcome')).toContainText('结婚登记已办结');
  const certificateNo = (await window1.getByTestId('certificate-no').textContent()) ?? '';
  expect(certificateNo).toMatch(/^J110105-2026-\d{6}$/);
  const caseNo = (await window1.getByTestId('case-no').textContent()) ?? '';
  expect(caseNo).toMatch(/^HY20260520-1-\d{3}$/);

  // the push loop brings it to the hall (a round after every committed write)
  await expect.poll(() => hallRegistrations(certificateNo), { timeout: 30_000 }).toBe(1);

  // window 2: the same man with another bride; the live check names window 1's registration
  await fillMarriage(window2, '2', GROOM, OTHER_BRIDE);
  const refusal = `男方${GROOM.name}有配偶：已于2026年5月20日在本大厅 1 号窗口登记结婚（结婚证字号 ${certificateNo}），有配偶者不能办理结婚登记`;
  const problems = window2.getByTestId('eligibility-problems');
  await expect(problems.locator('[data-code="hasSpouse"]')).toHaveText(refusal);
  // registering anyway is refused by the core with the same reason
  await window2.keyboard.press('Control+Enter');
  await expect(window2.getByRole('alert').filter({ hasText: refusal })).toBeVisible();
  await expect(window2.getByTestId('marriage-outcome')).toHaveCount(0);
  await counterScreenshot(window2, 'hall-two-windows-refused', problems);
  expect(await hallRegistrations(certificateNo)).toBe(1);

  // the hall console: both windows on the board, window 1's registration in the ledger
  const console = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await console.goto(`${hall.hall.url}/console`);
  await console.getByLabel('工号').fill('9001');
  await console.getByLabel('PIN').fill('246810');
  await console.getByRole('button', { name: '登录' }).click();
  await expect(console.getByTestId('console-user')).toContainText('王建国');
  for (const windowNo of ['1', '2'] as const) {
    const card = console.locator(`[data-window="${windowNo}"]`);
    await expect(card).toHaveAttribute('data-offline', 'false');
    // the status arrives with the next push (a write or the 15 s heartbeat), the board reloads every 5 s
    await expect(card).toContainText(CLERKS[windowNo].shown, { timeout: 60_000 });
  }
  await console.screenshot({ path: join(ARTIFACTS_DIR, 'hall-two-windows-board-1366x768.png') });

  await console.getByRole('button', { name: '大厅台账' }).click();
  await console.getByRole('tab', { name: '结婚登记' }).click();
  const ledger = console.getByTestId('ledger-table');
  await expect(ledger).toContainText(certificateNo);
  await expect(ledger).toContainText(caseNo);
  await expect(ledger).toContainText(`${GROOM.name}、${BRIDE.name}`);
  await expect(console.getByTestId('ledger-counts')).toContainText('共 1 条');
  await console.screenshot({ path: join(ARTIFACTS_DIR, 'hall-two-windows-ledger-1366x768.png') });
});
