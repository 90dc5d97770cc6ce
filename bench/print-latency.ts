/**
 * 受理 click → the last byte of the receipt on the printer's socket, with the
 * time spent in each stage.
 *
 * The click is timed by the page itself: a capturing listener records
 * performance.timeOrigin + event.timeStamp of the click on 受理并打印回执, so
 * Playwright's own handling of the click is not in the figure. The fake
 * ESC/POS printer (127.0.0.1) records when the last byte arrived; the core
 * stamps each job's stages on its row (print_job.stages), read here from the
 * ledger afterwards. All three are epoch milliseconds of this machine's clock.
 *
 * `tsx bench/print-latency.ts` (after `npm run build`) runs it alone on a demo
 * office; bench/run.ts calls printLatencyBench().
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import type { Browser } from '@playwright/test';
import type { JobStages } from '../electron/services/printing/queue';
import { FakePrinter } from '../tests/support/fake-printer';
import { Client, now, startHost } from './host';
import { percentile } from './measure';
import { launchBenchBrowser } from './bench-core';

const ACCEPTS = 40;
const BUTTON = '受理并打印回执';

/** The stages, each from the previous mark to this one; the click starts the first. */
const STAGES: { name: string; from: keyof JobStages | 'click'; to: keyof JobStages | 'lastByte' }[] = [
  { name: 'request (renderer, WebSocket, handler up to the job)', from: 'click', to: 'enqueued' },
  { name: 'commit (rest of the handler transaction)', from: 'enqueued', to: 'committed' },
  { name: 'queue (worker wakes and takes the job)', from: 'committed', to: 'picked' },
  { name: 'connect', from: 'picked', to: 'connected' },
  { name: 'status before (DLE EOT 1/2/4)', from: 'connected', to: 'checked' },
  { name: 'bytes (mark sending, write)', from: 'checked', to: 'written' },
  { name: 'last byte arrives at the printer', from: 'written', to: 'lastByte' },
  { name: 'status after (confirmation, not in the total)', from: 'written', to: 'confirmed' },
];

const ms = (values: number[]): string => `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`;

export interface PrintLatencyTarget {
  browser: Browser;
  /** A clerk's client of the host (logged in as 1001). */
  client: Client;
  port: number;
  dataDir: string;
}

/** Printable lines with the figures. Configures a fake network printer as the supervisor, then logs the clerk back in. */
export async function printLatencyBench({ browser, client, port, dataDir }: PrintLatencyTarget): Promise<string[]> {
  const printer = await FakePrinter.start();
  try {
    await client.call('auth.logout', {});
    await client.call('auth.login', { staffNo: '9001', pin: '246810' });
    if (!(await client.call('printer.configure', { printer: printer.uri, paperWidth: 80 })).ok) throw new Error('printer.configure failed');
    await client.call('auth.logout', {});
    await client.call('auth.login', { staffNo: '1001', pin: '135790' });
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.addInitScript((label) => {
      const clicks: number[] = [];
      Object.assign(window, { benchClicks: clicks });
      window.addEventListener(
        'click',
        (event) => {
          const button = event.target instanceof Element ? event.target.closest('button') : null;
          if (button?.textContent?.includes(label)) clicks.push(performance.timeOrigin + event.timeStamp);
        },
        true,
      );
    }, BUTTON);
    const totals: number[] = [];
    const fromPlaywright: number[] = [];
    const marks: (JobStages & { click: number; lastByte: number })[] = [];
    for (let i = 0; i < ACCEPTS; i++) {
      const started = await client.call('intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: `测试${i}`, applicantPhone: '', applicantIdNumber: '' });
      if (!started.ok) throw new Error('intake.start failed');
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.getByRole('button', { name: `测试${i} · 婚姻登记记录证明` }).click();
      for (const box of await page.getByTestId('materials').getByRole('checkbox').all()) await box.check();
      const t0 = now();
      await page.getByRole('button', { name: BUTTON }).click();
      await printer.waitForJobs(i + 1);
      const click = await page.evaluate(() => (window as unknown as { benchClicks: number[] }).benchClicks.at(-1) ?? NaN);
      totals.push(printer.lastDataAt - click);
      fromPlaywright.push(printer.lastDataAt - t0);
      marks.push({ enqueued: NaN, click, lastByte: printer.lastDataAt });
    }
    await page.close();
    // the jobs' own stage stamps, in the order they were recorded
    const db = new Database(join(dataDir, 'counter.sqlite3'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare("SELECT stages FROM print_job WHERE kind = 'receipt' AND stages IS NOT NULL ORDER BY rowid DESC LIMIT ?").all(ACCEPTS) as { stages: string }[];
      rows.reverse().forEach((row, i) => {
        const mark = marks[i];
        if (mark) Object.assign(mark, JSON.parse(row.stages) as JobStages);
      });
    } finally {
      db.close();
    }
    const lines = [
      `受理 click → last byte on the printer socket (${ACCEPTS} receipts, 80 mm; click timed by the page's own event): ${ms(totals)}`,
      `  (timed from Playwright's click() call instead: ${ms(fromPlaywright)})`,
    ];
    for (const stage of STAGES) {
      const values = marks.map((m) => (m[stage.to] ?? NaN) - (m[stage.from] ?? NaN)).filter((v) => Number.isFinite(v));
      lines.push(`  ${stage.name}: ${values.length === marks.length ? ms(values) : 'not recorded'}`);
    }
    return lines;
  } finally {
    await printer.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-bench-print-'));
  const host = await startHost(dataDir, ['--demo']);
  const browser = await launchBenchBrowser();
  try {
    const client = await Client.open(host.port);
    if (!(await client.call('auth.login', { staffNo: '1001', pin: '135790' })).ok) throw new Error('demo login failed');
    for (const line of await printLatencyBench({ browser, client, port: host.port, dataDir })) console.log(line);
    client.close();
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
