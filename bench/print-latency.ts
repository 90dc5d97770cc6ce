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
import { Client, now, startHost } from './host';
import { percentile } from './measure';
import { launchBenchBrowser } from './bench-core';
import { PrinterProcess } from './printer-process';

const ACCEPTS = 100;
/** Receipts printed first and not counted: the first slip after start-up runs code paths not yet compiled. */
const WARM_UP = 1;
const BUTTON = '受理并打印回执';
const MATTER = '婚姻登记记录证明';

/** The job's stages, the click, its dispatch and the request leaving the page (page clock), the last byte (printer's clock): epoch ms of one machine. */
type Marks = JobStages & { click: number; dispatched: number; sent: number; lastByte: number };

/** The stages, each from the previous mark to this one; the click starts the first. */
const STAGES: { name: string; short: string; from: keyof Marks; to: keyof Marks }[] = [
  { name: "input delay (the click event's time → its listeners run)", short: 'input', from: 'click', to: 'dispatched' },
  { name: 'renderer (listeners → the request leaves on the WebSocket)', short: 'renderer', from: 'dispatched', to: 'sent' },
  { name: 'request (WebSocket, handler up to the job)', short: 'request', from: 'sent', to: 'enqueued' },
  { name: 'commit (rest of the handler transaction)', short: 'commit', from: 'enqueued', to: 'committed' },
  { name: 'queue (worker wakes and takes the job)', short: 'queue', from: 'committed', to: 'picked' },
  { name: 'connect (on the kept connection: the status asked during the commit is answered)', short: 'connect', from: 'picked', to: 'connected' },
  { name: 'status before (DLE EOT 1/2/4)', short: 'status', from: 'connected', to: 'checked' },
  { name: 'bytes (mark sending, write)', short: 'bytes', from: 'checked', to: 'written' },
  { name: 'last byte arrives at the printer', short: 'arrival', from: 'written', to: 'lastByte' },
];
/** Not in the total: the slip is on its way before the printer's answer after it. */
const CONFIRMATION = { name: 'status after (confirmation, not in the total)', from: 'written', to: 'confirmed' } as const;
/** How many of the slowest receipts are shown stage by stage. */
const SLOWEST_SHOWN = 3;

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
  const printer = await PrinterProcess.start();
  try {
    await client.call('auth.logout', {});
    await client.call('auth.login', { staffNo: '9001', pin: '246810' });
    if (!(await client.call('printer.configure', { printer: printer.uri, paperWidth: 80 })).ok) throw new Error('printer.configure failed');
    await client.call('auth.logout', {});
    await client.call('auth.login', { staffNo: '1001', pin: '135790' });
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.addInitScript((label) => {
      const clicks: { at: number; dispatched: number }[] = [];
      const sent: number[] = [];
      Object.assign(window, { benchClicks: clicks, benchSent: sent });
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
        if (typeof data === 'string' && data.includes('"intake.accept"')) sent.push(performance.timeOrigin + performance.now());
        send.call(this, data);
      };
      window.addEventListener(
        'click',
        (event) => {
          const button = event.target instanceof Element ? event.target.closest('button') : null;
          if (button?.textContent?.includes(label)) clicks.push({ at: performance.timeOrigin + event.timeStamp, dispatched: performance.timeOrigin + performance.now() });
        },
        true,
      );
    }, BUTTON);
    const totals: number[] = [];
    const fromPlaywright: number[] = [];
    const marks: Marks[] = [];
    const warmUps: number[] = [];
    // the clerk's screen stays open all day: each applicant is received, checked and accepted on it, as at the window
    await page.goto(`http://127.0.0.1:${port}/`);
    for (let i = 0; i < WARM_UP + ACCEPTS; i++) {
      await page.getByLabel('办理事项').selectOption({ label: MATTER });
      await page.getByLabel('申请人姓名').fill(`测试${i}`);
      await page.getByRole('button', { name: '开始接待' }).click();
      await page.getByTestId('contact-card').filter({ hasText: `${MATTER} · 测试${i}` }).waitFor();
      for (const box of await page.getByTestId('materials').getByRole('checkbox').all()) await box.check();
      const t0 = now();
      await page.getByRole('button', { name: BUTTON }).click();
      const lastByte = await printer.waitForJobs(i + 1);
      await page.getByTestId('contact-status').filter({ hasText: '已受理' }).waitFor();
      const { click, dispatched, sent } = await page.evaluate(() => {
        const bench = window as unknown as { benchClicks: { at: number; dispatched: number }[]; benchSent: number[] };
        const last = bench.benchClicks.at(-1);
        return { click: last?.at ?? NaN, dispatched: last?.dispatched ?? NaN, sent: bench.benchSent.at(-1) ?? NaN };
      });
      if (i < WARM_UP) {
        warmUps.push(lastByte - click);
        continue;
      }
      totals.push(lastByte - click);
      fromPlaywright.push(lastByte - t0);
      marks.push({ enqueued: NaN, click, dispatched, sent, lastByte });
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
      `  (timed from Playwright's click() call instead: ${ms(fromPlaywright)}; the first receipt after start-up, not counted: ${warmUps.map((v) => `${v.toFixed(1)} ms`).join(', ')})`,
    ];
    const spent = (m: (typeof marks)[number], stage: Pick<(typeof STAGES)[number], 'from' | 'to'>): number => (m[stage.to] ?? NaN) - (m[stage.from] ?? NaN);
    for (const stage of [...STAGES, CONFIRMATION]) {
      const values = marks.map((m) => spent(m, stage)).filter((v) => Number.isFinite(v));
      lines.push(`  ${stage.name}: ${values.length === marks.length ? ms(values) : 'not recorded'}`);
    }
    const slowest = marks.map((m, i) => ({ m, i, total: totals[i] ?? NaN })).sort((a, b) => b.total - a.total).slice(0, SLOWEST_SHOWN);
    for (const { m, i, total } of slowest) {
      lines.push(`  a slow one (receipt ${i + 1}): ${total.toFixed(1)} ms = ${STAGES.map((stage) => `${stage.short} ${spent(m, stage).toFixed(1)}`).join(' + ')}`);
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
