/**
 * A ticket taken at the kiosk → the hall screen shows the new waiting count:
 * the kiosk page (/kiosk, paired on its keypad) and the hall screen page
 * (/hall-screen) in Chromium against a throwaway hall (real PostgreSQL).
 *
 * Both ends are timed by the pages themselves, in epoch milliseconds of this
 * machine's clock: a capturing listener on the kiosk records
 * performance.timeOrigin + event.timeStamp of the click on the matter, and a
 * MutationObserver on the hall screen records when the matter's waiting
 * count first reads the new number (bench/hall-screen-page.ts).
 *
 * `tsx bench/kiosk-screen.ts` (after `npm run build`) runs it alone; bench/run.ts calls kioskScreenBench().
 */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { createEnrolmentCode } from '../hall/store/windows';
import { startTestHall } from '../tests/support/hall';
import { configureQueue, matter } from '../tests/support/queue';
import { latencyStats, openHallScreen, waitingShownAt } from './hall-screen-page';
import { runAloneInBrowser } from './bench-core';

const TICKETS = 40;

async function tapKeys(page: Page, text: string): Promise<void> {
  for (const ch of text) await page.locator('.kiosk-key', { hasText: new RegExp(`^${ch}$`) }).click();
}

/** The kiosk page, paired as K1 on its keypad, recording each click on a matter. */
async function kiosk(browser: Browser, hallUrl: string, enrolmentCode: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript(() => {
    const clicks: number[] = [];
    Object.assign(window, { benchKiosk: clicks });
    window.addEventListener(
      'click',
      (event) => {
        if (event.target instanceof Element && event.target.closest('.kiosk-matter') !== null) clicks.push(performance.timeOrigin + event.timeStamp);
      },
      true,
    );
  });
  await page.goto(`${hallUrl}/kiosk`);
  await tapKeys(page, '1');
  await page.getByRole('button', { name: '登记码' }).click();
  await tapKeys(page, enrolmentCode.replaceAll('-', ''));
  await page.getByRole('button', { name: '登记本机' }).click();
  await page.getByRole('button', { name: /办理业务取号/ }).waitFor();
  return page;
}

export async function kioskScreenBench(browser: Browser): Promise<string[]> {
  const hall = await startTestHall();
  try {
    await configureQueue(hall.hall, [matter('MAR-REG', '结婚登记', 'A'), matter('DIV-REG', '离婚登记', 'B')]);
    const code = await createEnrolmentCode(hall.hall.pool, hall.hall.hall.hallId, 'K1', 60, 'kiosk');
    const screen = await openHallScreen(browser, hall.hall.url);
    const page = await kiosk(browser, hall.hall.url, code);
    const latencies: number[] = [];
    for (let i = 1; i <= TICKETS; i++) {
      await page.getByRole('button', { name: /办理业务取号/ }).click();
      await page.getByRole('button', { name: /^结婚登记/ }).click();
      const shownAt = await waitingShownAt(screen, 'MAR-REG', i);
      const clickedAt = (await page.evaluate(() => (window as unknown as { benchKiosk: number[] }).benchKiosk)).at(-1) ?? NaN;
      latencies.push(shownAt - clickedAt);
      // back to the start screen for the next applicant
      await page.getByTestId('ticket-code').waitFor();
      await page.locator('.kiosk-ticket').click();
    }
    await page.close();
    await screen.close();
    return [`ticket taken (click on the matter at the kiosk page) → the hall screen shows the new waiting count (${TICKETS} tickets, timed by the pages' own events): ${latencyStats(latencies)}`];
  } finally {
    await hall.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runAloneInBrowser(kioskScreenBench);
}
