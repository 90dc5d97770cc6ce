/**
 * The window's caller: the clerk's 叫号 (F1 keydown, or a click on the F1
 * button) → the public display's DOM showing the called code ("请 A001 号 到
 * 本窗口办理"), and → the hall screen page (/hall-screen) showing it as the
 * newest call. A demo window host joined to a throwaway hall (real
 * PostgreSQL); a kiosk takes each ticket through the hall API first.
 *
 * Both ends are timed by the pages themselves, in epoch milliseconds of this
 * machine's clock: a capturing listener on the workstation records
 * performance.timeOrigin + event.timeStamp of the keydown or click, and a
 * MutationObserver on the display (and one on the hall screen,
 * bench/hall-screen-page.ts) records when the called code appears.
 *
 * `tsx bench/call-display.ts` (after `npm run build`) runs it alone; bench/run.ts calls callDisplayBench().
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { seedDemoStaff } from '../hall/demo';
import { createEnrolmentCode } from '../hall/store/windows';
import { startTestHall } from '../tests/support/hall';
import { configureQueue, enrolKiosk, matter, take } from '../tests/support/queue';
import { Client, startHost } from './host';
import { callShownAt, latencyStats as stats, openHallScreen } from './hall-screen-page';
import { runAloneInBrowser } from './bench-core';

const CALLS = 40;

type Marks = { presses: number[]; shown: { code: string; at: number }[] };

async function workstation(browser: Browser, port: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(() => {
    const presses: number[] = [];
    Object.assign(window, { bench: { presses, shown: [] } });
    // no named inner functions: tsx would wrap them in a helper the page does not have
    for (const type of ['keydown', 'click']) {
      window.addEventListener(
        type,
        (event) => {
          const button = event.target instanceof Element ? event.target.closest('button') : null;
          const f1 = event instanceof KeyboardEvent ? event.key === 'F1' : (button?.textContent?.startsWith('F1') ?? false);
          if (f1) presses.push(performance.timeOrigin + event.timeStamp);
        },
        true,
      );
    }
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByLabel('工号').fill('1001');
  await page.getByLabel('PIN').fill('135790');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('caller-waiting').waitFor();
  return page;
}

async function display(browser: Browser, port: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/display`);
  await page.waitForSelector('[data-status=serving]');
  await page.evaluate(() => {
    const shown: { code: string; at: number }[] = [];
    Object.assign(window, { bench: { presses: [], shown } });
    new MutationObserver(() => {
      const code = document.querySelector('[data-testid=display-called] .board-called-code')?.textContent ?? '';
      if (code !== '' && shown.at(-1)?.code !== code) shown.push({ code, at: performance.timeOrigin + performance.now() });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return page;
}

const marks = (page: Page): Promise<Marks> => page.evaluate(() => (window as unknown as { bench: Marks }).bench);

export async function callDisplayBench(browser: Browser): Promise<string[]> {
  const hall = await startTestHall();
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-bench-caller-'));
  const seeded = await startHost(dataDir, ['--demo']);
  await seeded.stop();
  const host = await startHost(dataDir);
  try {
    await seedDemoStaff(hall.hall.pool, hall.hall.hall);
    await configureQueue(hall.hall, [matter('MAR-REG', '结婚登记', 'A')]);
    const kiosk = await enrolKiosk(hall.hall, 'K1');
    const client = await Client.open(host.port);
    await client.call('auth.login', { staffNo: '9001', pin: '246810' });
    const joined = await client.call('hall.join', { url: hall.hall.url, code: await createEnrolmentCode(hall.hall.pool, hall.hall.hall.hallId, '3') });
    if (!joined.ok) throw new Error('hall.join failed');
    await client.call('auth.logout', {});
    client.close();

    const clerk = await workstation(browser, host.port);
    const board = await display(browser, host.port);
    const screen = await openHallScreen(browser, hall.hall.url);
    const latencies: number[] = [];
    const onScreen: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const ticket = await take(hall.hall, kiosk, 'MAR-REG');
      if (i % 2 === 0) await clerk.keyboard.press('F1');
      else await clerk.getByRole('button', { name: /F1 叫号/ }).click();
      await board.waitForFunction((code) => (window as unknown as { bench: Marks }).bench.shown.some((s) => s.code === code), ticket.code);
      const pressedAt = (await marks(clerk)).presses.at(-1) ?? NaN;
      const shownAt = (await marks(board)).shown.find((s) => s.code === ticket.code)?.at ?? NaN;
      latencies.push(shownAt - pressedAt);
      onScreen.push((await callShownAt(screen, ticket.code, '3')) - pressedAt);
      // 过号 before the next call, once the bar holds the ticket
      await clerk.getByTestId('caller-current').getByText(ticket.code).waitFor();
      await clerk.keyboard.press('F3');
      await clerk.getByTestId('caller-current').getByText('当前没有叫号').waitFor();
    }
    await clerk.close();
    await board.close();
    await screen.close();
    return [
      `call (F1 keydown or click at the window) → the window display shows the code (${CALLS} calls, timed by the pages' own events): ${stats(latencies)}`,
      `call (F1 keydown or click at the window) → the hall screen shows it as the newest call (${CALLS} calls, timed by the pages' own events): ${stats(onScreen)}`,
    ];
  } finally {
    await host.stop();
    await hall.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runAloneInBrowser(callDisplayBench);
}
