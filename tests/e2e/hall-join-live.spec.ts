/**
 * Joining a hall from 系统设置 changes the workstation at once, without a
 * reload, in Chromium against the host and a real hall: the top bar takes
 * the hall's office name (pulled from the hall right after the join) and the
 * caller bar turns on. The page's timers are stopped before the join, so the
 * caller bar's own refresh every few seconds cannot be what updates it.
 */
import { expect, test } from './fixtures';
import { inTransaction } from '../../hall/db/pool';
import { putReference } from '../../hall/store/reference';
import { startTestHall, type TestHall } from '../support/hall';
import { joinHall, stopHostsAndHall } from './hall-join';
import { login, shot, startHostProcess, type HostProcess } from './host';

const OFFICE = { hallName: '市民中心婚姻登记处', department: '示范区民政局', officePhone: '010-88886666', complaintPhone: '010-12345678', supervisionPhone: '12345', leaderOnDuty: '刘主任' };

let hall: TestHall;
let host: HostProcess;

test.beforeAll(async () => {
  hall = await startTestHall();
  await inTransaction(hall.hall.pool, (client) => putReference(client, hall.hall.hall.hallId, { kind: 'officeSettings', key: 'office', body: OFFICE }));
  host = await startHostProcess({ demo: true });
});

test.afterAll(() => stopHostsAndHall([host], hall));

test('after joining, the top bar names the hall and the caller bar is on, without a reload', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.clock.install();
  await page.goto(`${host.baseUrl}/`);
  await login(page, '9001', '246810');
  const topHall = page.getByTestId('topbar-hall');
  const bar = page.getByTestId('caller-bar');
  await expect(topHall).toHaveText('示范区婚姻登记处');
  await expect(bar).toContainText('本窗口未加入大厅');

  // 系统设置 opened first (React reveals a lazy section after a timer); from then on no timer of the page fires:
  // what changes does so because the core told the page
  await page.getByRole('button', { name: '系统设置' }).click();
  await expect(page.getByRole('form', { name: '大厅连接' })).toBeVisible();
  await page.clock.pauseAt(Date.now() + 10_000);
  const joined = await joinHall(page, hall.hall, '3');
  await expect(topHall).toHaveText(OFFICE.hallName);
  await expect(bar.getByTestId('caller-waiting')).toHaveText(/等候 \d+ 人/);
  await expect(bar).toContainText('当前没有叫号');
  await expect(bar).not.toContainText('本窗口未加入大厅');
  await joined.scrollIntoViewIfNeeded();
  await shot(page, 'hall-join-live');
});
