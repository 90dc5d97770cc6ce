/**
 * Issue 13: a clerk's action at a window → the hall console shows it, with
 * the window's own sync loop in the path. A real core (SQLite), joined to a
 * real hall on a durable PostgreSQL through hall.join, runs its HallSync as
 * in production (a push after every committed write, heartbeat 15 s); the
 * clerk opens a walk-in contact (intake.start) through the core's API and
 * closes it again (intake.close, whose push may still be in flight when the
 * next action comes).
 *
 *  1. The console API, asked over HTTP with the supervisor's session cookie
 *     as the page asks it, back to back, for the window's open cases until
 *     the contact is listed: the loop's wake, push and projection, and the
 *     console query. The open-cases page itself does not refresh; this is
 *     what it shows when the supervisor opens or reloads it.
 *  2. The console page in Chromium: the board (窗口看板), pushed by the hall
 *     after each change it shows (server-sent events; a poll every 30 s
 *     while pushed, every 5 s while not), counting the window's open cases;
 *     the page's own MutationObserver times the new count. Each action
 *     starts after a random pause of up to 5 s (the board's refresh period
 *     when it was polled), so it falls anywhere in the page's own timers:
 *     this is what the supervisor watching the board sees.
 *
 * `tsx bench/console-visible.ts` (after `npm run build`) runs it alone; bench/run.ts calls consoleVisibleBench().
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import type { CounterCore } from '../electron/services/core/core';
import { startHall, type RunningHall } from '../hall/app';
import { seedDemoStaff } from '../hall/demo';
import { createEnrolmentCode } from '../hall/store/windows';
import { consoleCall, consoleLogin } from '../tests/support/hall-console';
import { runAloneInBrowser, withSupervisor } from './bench-core';
import { startBenchPostgres } from './hall-common';
import { percentile } from './measure';

const API_ACTIONS = 100;
const PAGE_ACTIONS = 20;
/** Each page action starts after a random pause up to this (the board's refresh period when it was polled). */
const PAUSE_MS = 5000;
const WINDOW_NO = '3';

const stats = (ms: number[]): string => `p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`;
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

async function expectOk<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The window, joined to the hall as window 3 by its supervisor (hall.join), with a clerk logged in. */
async function joinedWindow(core: CounterCore, hall: RunningHall): Promise<void> {
  // staff accounts are the hall's once joined: the clerk is created first
  await expectOk(core.call('staff.create', { staffNo: '1101', pin: '135790', name: '李晓梅', title: '登记员', duties: '', partyMember: false, role: 'clerk' }));
  const code = await createEnrolmentCode(hall.pool, hall.hall.hallId, WINDOW_NO);
  await expectOk(core.call('hall.join', { url: hall.url, code }));
  await core.hallSync.syncNow();
  await core.call('auth.logout', {});
  await expectOk(core.call('auth.login', { staffNo: '1101', pin: '135790' }));
}

function startContact(core: CounterCore, i: number): Promise<{ id: string }> {
  return expectOk(core.call('intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: `申请人${i}`, applicantPhone: '13800000000', applicantIdNumber: '11010519491231002X' }));
}

/** Action → the contact listed by the console's open-cases API, polled back to back. */
async function apiLatencies(core: CounterCore, hall: RunningHall, cookie: string): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < API_ACTIONS; i++) {
    const t0 = performance.now();
    const started = await startContact(core, i);
    for (;;) {
      const seen = await expectOk(consoleCall(hall.url, 'openCases', { windowNo: WINDOW_NO, kind: 'intake' }, cookie));
      if (seen.rows.some((r) => r.entityId === started.id)) break;
    }
    latencies.push(performance.now() - t0);
    await expectOk(core.call('intake.close', { id: started.id, reason: 'consulted' }));
  }
  return latencies;
}

/** The console page logged in on the board, recording (epoch ms) each count of window 3's open cases it shows. */
async function boardPage(browser: Browser, hall: RunningHall): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${hall.url}/console`);
  await page.getByLabel('工号').fill('9001');
  await page.getByLabel('PIN').fill('246810');
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator(`[data-window="${WINDOW_NO}"] [data-testid=board-cases]`).waitFor();
  // a string, not a function: tsx would wrap the page's named inner functions in a helper the page does not have
  await page.evaluate(`{
    const shown = [];
    window.shown = shown;
    const read = () => Number.parseInt(document.querySelector('[data-window="${WINDOW_NO}"] [data-testid=board-cases]')?.textContent ?? '', 10);
    shown.push({ count: read(), at: performance.timeOrigin + performance.now() });
    new MutationObserver(() => {
      const count = read();
      if (count !== shown.at(-1)?.count) shown.push({ count, at: performance.timeOrigin + performance.now() });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }`);
  return page;
}

/** When the board first showed `count` at or after `after` (epoch ms), waiting for it. */
async function shownAt(page: Page, count: number, after: number): Promise<number> {
  const handle = await page.waitForFunction(
    ({ count, after }) => (window as unknown as { shown: { count: number; at: number }[] }).shown.find((s) => s.count === count && s.at >= after)?.at ?? 0,
    { count, after },
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Action → the board in Chromium shows the window's new open-case count. */
async function pageLatencies(core: CounterCore, page: Page, open: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < PAGE_ACTIONS; i++) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * PAUSE_MS));
    const t0 = performance.timeOrigin + performance.now();
    const started = await startContact(core, API_ACTIONS + i);
    latencies.push((await shownAt(page, open + 1, t0)) - t0);
    const closedAt = performance.timeOrigin + performance.now();
    await expectOk(core.call('intake.close', { id: started.id, reason: 'consulted' }));
    await shownAt(page, open, closedAt);
  }
  return latencies;
}

export async function consoleVisibleBench(browser: Browser): Promise<string[]> {
  const pg = await startBenchPostgres('console_visible');
  const hall = await startHall({ databaseUrl: pg.url, port: 0, host: '127.0.0.1', hallName: '基准测试大厅' });
  try {
    await seedDemoStaff(hall.pool, hall.hall);
    const cookie = await consoleLogin(hall.url, '9001', '246810');
    return await withSupervisor('console-visible', { hallName: '基准测试政务服务中心', windowNo: WINDOW_NO }, async (core) => {
      await joinedWindow(core, hall);
      const loadBefore = load();
      const api = await apiLatencies(core, hall, cookie);
      const loadApi = load();
      const page = await boardPage(browser, hall);
      const board = await expectOk(consoleCall(hall.url, 'board', {}, cookie));
      const open = board.windows.find((w) => w.windowNo === WINDOW_NO)?.openCases ?? 0;
      const shown = await pageLatencies(core, page, open);
      await page.close();
      return [
        `window action → hall console API lists it (intake.start → the window's own sync loop pushes → projection → open-cases query polled back to back; ${API_ACTIONS} actions): ${stats(api)}; load average ${loadBefore} → ${loadApi}`,
        `window action → the console's board in Chromium shows the new count (the board pushed after each change; action after a random pause of up to ${PAUSE_MS / 1000} s; ${PAGE_ACTIONS} actions): ${stats(shown)}; load average ${load()}`,
      ];
    });
  } finally {
    await hall.close();
    await pg.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runAloneInBrowser(consoleVisibleBench);
}
