/**
 * Issue 14, the window's caller end to end: two window hosts join a real hall
 * (real PostgreSQL); tickets are taken through the hall API as a kiosk takes
 * them; window 1's clerk presses F1 and the public display shows the ticket,
 * F3 passes it (the display clears), F4 calls it back, F5 transfers it to
 * window 2, which calls it; window 1 calls the next (a ticket taken after
 * an ID card read at the kiosk), starts it (the marriage form opens with the
 * card's number, birth date and sex in 女方's card) and finishes it.
 * Screenshots: the workstation with the caller bar at 1366×768, the display
 * with a called ticket at 1280×800.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from './fixtures';
import { seedDemoStaff } from '../../hall/demo';
import { startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { configureQueue, enrolKiosk, matter, take } from '../support/queue';
import { joinHall, stopHostsAndHall } from './hall-join';
import { login, shot, startHostProcess, type HostProcess } from './host';

/** Wednesday 2026-05-20 09:05 Beijing: the hall's clock and the windows' start together and run at the same pace. */
const CLOCK_START = '2026-05-20T09:05:00+08:00';
const shift = Date.parse(CLOCK_START) - Date.now();

let hall: TestHall;
let kiosk: EnrolledWindow;
const hosts: HostProcess[] = [];

test.beforeAll(async () => {
  hall = await startTestHall({ clock: () => new Date(Date.now() + shift) });
  await seedDemoStaff(hall.hall.pool, hall.hall.hall);
  await configureQueue(hall.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1', '2'] }), matter('DIV-REG', '离婚登记', 'B', { windowNos: ['2'] })]);
  kiosk = await enrolKiosk(hall.hall, 'K1');
  for (let i = 0; i < 2; i++) hosts.push(await startHostProcess({ demo: true, clockStart: CLOCK_START }));
});

test.afterAll(() => stopHostsAndHall(hosts, hall));

/** The demo supervisor numbers the window and joins it to the hall, then logs out. */
async function joinAs(browser: Browser, host: HostProcess, windowNo: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '9001', '246810');
  await expect(page.getByTestId('caller-bar')).toContainText('本窗口未加入大厅');
  await joinHall(page, hall.hall, windowNo);
  await page.getByRole('button', { name: '退出登录' }).click();
  return page;
}

test('call, pass, call back, transfer to window 2, start and finish; the display shows each call', async ({ browser }) => {
  const [host1, host2] = hosts;
  if (!host1 || !host2) throw new Error('two window hosts');
  const window1 = await joinAs(browser, host1, '1');
  const window2 = await joinAs(browser, host2, '2');
  const a1 = await take(hall.hall, kiosk, 'MAR-REG');
  // a2: the applicant (a woman born 1970-01-01) read her ID card at the kiosk (no booking today), then chose the matter
  const card = '11010519700101002X';
  const a2 = (await value(hall.hall, 'queueTake', { requestId: randomUUID(), matter: 'MAR-REG', priority: 'normal', documentNumber: card }, kiosk.credential)).ticket;
  await take(hall.hall, kiosk, 'DIV-REG');

  const display = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await display.goto(`${host1.baseUrl}/display`);
  await expect(display.getByTestId('display-board')).toBeVisible();

  // F1 pressed in the very task the waiting count first shows, before React's passive effects of that render have run
  // (on a busy machine they can come a frame later): the key acts on what the bar shows
  await window1.evaluate(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="caller-waiting"]')?.textContent?.includes('等候 2 人')) return;
      observer.disconnect();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'F1', bubbles: true, cancelable: true }));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await login(window1, '1001', '135790');
  const bar = window1.getByTestId('caller-bar');
  await expect(bar.getByTestId('caller-current')).toContainText(a1.code);
  await expect(display.getByTestId('display-called')).toContainText(`请 ${a1.code} 号 到本窗口办理`);
  await expect(bar.getByRole('button', { name: /重呼（剩 3 次）/ })).toBeEnabled();
  await shot(window1, 'queue-caller-workstation');
  await shot(display, 'queue-caller-display');

  // 重呼 once: the cap left goes down
  await window1.keyboard.press('F2');
  await expect(bar.getByRole('button', { name: /重呼（剩 2 次）/ })).toBeVisible();

  // 过号: the display clears; 回呼 from the passed list calls it again
  await window1.keyboard.press('F3');
  await expect(display.getByTestId('display-called')).toHaveCount(0);
  await expect(bar.getByTestId('caller-current')).toContainText('当前没有叫号');
  await window1.keyboard.press('F4');
  await bar.getByRole('button', { name: `回呼 ${a1.code}` }).click();
  await expect(display.getByTestId('display-called')).toContainText(a1.code);
  await expect(bar.getByTestId('caller-current')).toContainText('已叫号');

  // 转移 to window 2: gone from window 1's display; window 2 calls it with its place kept
  await window1.keyboard.press('F5');
  await bar.getByLabel('转移到').selectOption({ label: '2 号窗口' });
  await bar.getByRole('button', { name: '确定转移' }).click();
  await expect(display.getByTestId('display-called')).toHaveCount(0);
  await login(window2, '1002', '258036');
  await expect(window2.getByTestId('caller-waiting')).toContainText('等候 3 人');
  await window2.keyboard.press('F1');
  await expect(window2.getByTestId('caller-current')).toContainText(a1.code);

  // window 1 calls the next, starts it (the marriage form of its matter opens) and finishes it
  await window1.getByRole('button', { name: /F1 叫号/ }).click();
  await expect(display.getByTestId('display-called')).toContainText(a2.code);
  await expect(bar.getByTestId('caller-current')).toContainText(a2.code);
  await expect(bar.getByTestId('caller-card')).toHaveText('已刷证 110105********002X');
  await window1.keyboard.press('F8');
  await expect(bar.getByTestId('caller-current')).toContainText('办理中');
  await expect(window1.getByRole('radio', { name: '结婚登记' })).toBeChecked();
  // the marriage form opens with the card read at the kiosk, as a card read at the counter fills it: her card is 女方's, with birth date and sex
  await expect(window1.getByLabel('女方 证件号码', { exact: true })).toHaveValue(card);
  await expect(window1.getByLabel('女方 性别', { exact: true })).toHaveValue('female');
  await expect(window1.getByLabel('女方 出生日期', { exact: true })).toHaveValue('1970-01-01');
  await expect(window1.getByLabel('男方 证件号码', { exact: true })).toHaveValue('');
  await expect(bar.getByRole('status')).toContainText('已带入申请人在取号机刷的身份证 110105********002X');
  await shot(window1, 'queue-caller-serving');
  await window1.keyboard.press('F9');
  await expect(bar.getByRole('status')).toContainText(`${a2.code} 号已办结`);
  await expect(display.getByTestId('display-called')).toHaveCount(0);
  const { rows } = await hall.hall.pool.query<{ status: string }>('SELECT status FROM queue_ticket WHERE id = $1', [a2.id]);
  expect(rows[0]?.status).toBe('done');
});
