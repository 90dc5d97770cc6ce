/**
 * The training clock (--clock-start) end to end: the workstation and the public
 * display take their time from the core, so a pause typed on the training day
 * is accepted, shown on the display with its return time and countdown, and a
 * return time already past is refused as being in the past.
 */
import { expect, test } from './fixtures';
import { login, shot, startHostProcess, type HostProcess } from './host';

let host: HostProcess;

test.afterEach(async () => {
  await host?.stop();
});

test('training clock: the status bar and display show the core time; 暂停服务 with a return time on the training day', async ({ browser }) => {
  // a day far from the machine's own clock
  host = await startHostProcess({ demo: true, clockStart: '2026-09-29T09:30:00+08:00' });
  const clerk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const display = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await display.goto(`${host.baseUrl}/display`);
  await clerk.goto(`${host.baseUrl}/`);
  await login(clerk, '1001', '135790');

  await expect(clerk.locator('.statusbar-clock')).toContainText('2026-09-29 ');
  await expect(display.locator('.board-clock')).toContainText('9月29日 星期二');

  await clerk.getByRole('button', { name: '窗口状态' }).click();
  await clerk.getByLabel('暂停原因').fill('业务培训');

  // earlier on the training day: in the past, not "more than 12 hours ahead"
  await clerk.getByLabel('预计返回时间').fill('08:00');
  await clerk.getByRole('button', { name: '暂停服务' }).click();
  await expect(clerk.getByText(/预计返回时间已经过去（现在是 \d\d:\d\d）/).first()).toBeVisible();
  await expect(display.getByTestId('display-status')).toContainText('在岗服务');

  await clerk.getByLabel('预计返回时间').fill('10:15');
  await clerk.getByRole('button', { name: '暂停服务' }).click();
  await expect(clerk.getByTestId('window-status')).toContainText('业务培训，预计 10:15 返回');
  const status = display.getByTestId('display-status');
  await expect(status).toContainText('暂停服务');
  await expect(display.getByTestId('display-pause')).toContainText('业务培训 · 预计 10:15 返回');
  // counting down on the training clock (10:15 less 09:30 and however long the test took so far)
  await expect(display.getByTestId('display-pause')).toContainText(/还有 \d\d 分 \d\d 秒/);
  await shot(clerk, 'training-clock-clerk-paused');
  await shot(display, 'training-clock-display-paused');

  await clerk.getByRole('button', { name: '恢复服务' }).click();
  await expect(status).toContainText('在岗服务');
});
