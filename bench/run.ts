/**
 * `npm run bench`: the foundation's figures, measured on the built app.
 *  1. host mode cold start: process spawn → GET /display answered (median of runs)
 *  2. API round trip over the WebSocket: p50 / p95
 *  3. clerk's state change → the display in Chromium showing it: p50 / p95
 *  4. receipt bytes generation time (bench/printing.ts)
 *  4b. audit verification rows per second over 1,000,000 chained audit rows (bench/audit.ts)
 *  4d. lookup by ID number over 1,000,000 sealed civil_party rows: p50 / p95 / p99 (bench/lookup.ts)
 *  4c. statistics: stats.report for a month and a year of a 20-window hall, about 1,000,000 contacts (bench/stats.ts)
 *  4e. appointments.import of a 10,000-row booking export through the core: ms and rows/s (bench/appointments.ts)
 *  4f. commit cost, synchronous NORMAL against FULL: API writes and a bare insert, p50 / p95 (bench/commit.ts)
 *  4g. hall sync: push throughput of 20 windows, catch-up after a day offline, row and WAL cost, the county's side (bench/hall-push.ts)
 *  4h. queue call-next with 20 windows at once against 10,000 waiting tickets, kiosk take: p50 / p95 (bench/queue.ts)
 *  4i. hall console ledger search p50 / p95 over 10,000,000 change rows from 50 windows (bench/console-ledger.ts)
 *  4j. the window's 叫号 (F1 keydown / click) → the window display and the hall screen show the called code: p50 / p95 (bench/call-display.ts)
 *  4l. a ticket taken at the kiosk page (the click on the matter) → the hall screen shows the new waiting count: p50 / p95 (bench/kiosk-screen.ts)
 *  4k. a window action → the hall console shows it p50 / p95, the window's own sync loop included: the console API and the board in Chromium (bench/console-visible.ts)
 *  5. the clerk's click on 受理并打印回执 → the last byte on the printer socket: p50 / p95
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, now, startHost } from './host';
import { printLatencyBench } from './print-latency';
import { printingBench } from './printing';
import { ledgerBench } from './ledger';
import { auditBench } from './audit';
import { statsBench } from './stats';
import { lookupBench } from './lookup';
import { appointmentsBench } from './appointments';
import { commitBench } from './commit';
import { hallPushBench } from './hall-push';
import { queueBench } from './queue';
import { consoleLedgerBench } from './console-ledger';
import { callDisplayBench } from './call-display';
import { consoleVisibleBench } from './console-visible';
import { kioskScreenBench } from './kiosk-screen';
import { percentile } from './measure';
import { launchBenchBrowser } from './bench-core';

const COLD_STARTS = 7;
const ROUND_TRIPS = 3000;
const STATE_CHANGES = 60;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-bench-'));
  try {
    // seed once, so the cold starts measure start-up and not demo seeding
    const seeded = await startHost(dataDir, ['--demo']);
    await seeded.stop();

    const starts: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      const host = await startHost(dataDir);
      starts.push(host.ms);
      await host.stop();
    }
    console.log(`host cold start → /display served: median ${percentile(starts, 50).toFixed(0)} ms (min ${Math.min(...starts).toFixed(0)}, max ${Math.max(...starts).toFixed(0)}, ${COLD_STARTS} runs)`);

    const host = await startHost(dataDir);
    const client = await Client.open(host.port);
    const login = await client.call('auth.login', { staffNo: '1001', pin: '135790' });
    if (!login.ok) throw new Error('demo login failed');
    for (const method of ['app.info', 'display.state'] as const) {
      const times: number[] = [];
      for (let i = 0; i < ROUND_TRIPS; i++) {
        const t0 = now();
        await client.call(method, {});
        times.push(now() - t0);
      }
      console.log(`API round trip over WebSocket (${method}, ${ROUND_TRIPS} calls): p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
    }

    const browser = await launchBenchBrowser();
    const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(`http://127.0.0.1:${host.port}/display`);
    await display.waitForSelector('[data-status=serving]');
    // record, in the page, when the board's status attribute changes
    await display.evaluate(() => {
      const seen: { status: string; at: number }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        const board = document.querySelector('[data-testid=display-board]');
        seen.push({ status: board?.getAttribute('data-status') ?? '', at: performance.timeOrigin + performance.now() });
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
    });
    const latencies: number[] = [];
    for (let i = 0; i < STATE_CHANGES; i++) {
      const pausing = i % 2 === 0;
      const expected = pausing ? 'paused' : 'serving';
      const t0 = now();
      const result = pausing
        ? await client.call('window.pause', { reason: '临时离开', returnAt: new Date(Date.now() + 600_000).toISOString() })
        : await client.call('window.resume', {});
      if (!result.ok) throw new Error(`state change ${i} failed`);
      const shownAt = await display.waitForFunction(
        ({ status, after }) => (window as unknown as { seen: { status: string; at: number }[] }).seen.find((s) => s.status === status && s.at >= after)?.at ?? 0,
        { status: expected, after: t0 },
      );
      latencies.push((await shownAt.jsonValue()) - t0);
    }
    console.log(`clerk state change → display shows it (${STATE_CHANGES} changes): p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`);

    for (const line of await printingBench()) console.log(line);
    for (const line of await ledgerBench()) console.log(line);
    for (const line of await auditBench()) console.log(line);
    for (const line of await statsBench()) console.log(line);
    for (const line of await lookupBench()) console.log(line);
    for (const line of await appointmentsBench()) console.log(line);
    for (const line of await commitBench()) console.log(line);
    for (const line of await hallPushBench()) console.log(line);
    for (const line of await queueBench()) console.log(line);
    for (const line of await consoleLedgerBench()) console.log(line);
    for (const line of await callDisplayBench(browser)) console.log(line);
    for (const line of await kioskScreenBench(browser)) console.log(line);
    for (const line of await consoleVisibleBench(browser)) console.log(line);

    for (const line of await printLatencyBench({ browser, client, port: host.port, dataDir })) console.log(line);
    await browser.close();
    client.close();
    await host.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
