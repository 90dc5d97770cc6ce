/**
 * The hall screen page (/hall-screen) as the benchmarks watch it: a
 * MutationObserver in the page records, in epoch milliseconds of this
 * machine's clock (performance.timeOrigin + performance.now()), when each
 * code first shows as the newest call and when each waiting count of a
 * matter first shows. The other end of a figure is a DOM event's
 * performance.timeOrigin + event.timeStamp in the page where it happened.
 */
import type { Browser, Page } from '@playwright/test';
import { percentile } from './measure';

export interface ScreenMarks {
  /** The newest call's code (and window) when it first shows. */
  calls: { code: string; windowNo: string; at: number }[];
  /** A matter's waiting count when it first shows. */
  waiting: { matter: string; count: number; at: number }[];
}

export const latencyStats = (ms: number[]): string =>
  `p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`;

export async function openHallScreen(browser: Browser, hallUrl: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${hallUrl}/hall-screen`);
  await page.getByTestId('screen-waiting').locator('li').first().waitFor();
  await page.evaluate(() => {
    const marks: ScreenMarks = { calls: [], waiting: [] };
    Object.assign(window, { benchScreen: marks });
    // no named inner functions: tsx would wrap them in a helper the page does not have
    new MutationObserver(() => {
      const at = performance.timeOrigin + performance.now();
      const code = document.querySelector('[data-testid=screen-newest] .screen-code')?.textContent ?? '';
      const windowNo = document.querySelector('[data-testid=screen-newest] .screen-window')?.textContent ?? '';
      if (code !== '' && !marks.calls.some((c) => c.code === code && c.windowNo === windowNo)) marks.calls.push({ code, windowNo, at });
      for (const li of Array.from(document.querySelectorAll('[data-testid=screen-waiting] li'))) {
        const matter = li.getAttribute('data-matter') ?? '';
        const count = Number(li.getAttribute('data-waiting'));
        if (!marks.waiting.some((w) => w.matter === matter && w.count === count)) marks.waiting.push({ matter, count, at });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return page;
}

export const screenMarks = (page: Page): Promise<ScreenMarks> => page.evaluate(() => (window as unknown as { benchScreen: ScreenMarks }).benchScreen);

/** Waits until the hall screen shows this code as the newest call at this window; answers when it did. */
export async function callShownAt(page: Page, code: string, windowNo: string): Promise<number> {
  const handle = await page.waitForFunction(
    ({ c, w }) => (window as unknown as { benchScreen: ScreenMarks }).benchScreen.calls.find((m) => m.code === c && m.windowNo === w)?.at ?? 0,
    { c: code, w: windowNo },
  );
  return handle.jsonValue();
}

/** Waits until the hall screen shows this waiting count of the matter; answers when it did. */
export async function waitingShownAt(page: Page, matter: string, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    ({ m, n }) => (window as unknown as { benchScreen: ScreenMarks }).benchScreen.waiting.find((w) => w.matter === m && w.count === n)?.at ?? 0,
    { m: matter, n: count },
  );
  return handle.jsonValue();
}
