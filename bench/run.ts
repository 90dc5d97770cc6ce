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
 *  5. the clerk's click on 受理并打印回执 → the last byte on the printer socket: p50 / p95
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import WebSocket from 'ws';
import { CHROMIUM_PATH } from '../playwright.config';
import { FakePrinter } from '../tests/support/fake-printer';
import { printingBench } from './printing';
import { ledgerBench } from './ledger';
import { auditBench } from './audit';
import { statsBench } from './stats';
import { lookupBench } from './lookup';
import { appointmentsBench } from './appointments';
import { commitBench } from './commit';
import { percentile } from './measure';

const COLD_STARTS = 7;
const ROUND_TRIPS = 3000;
const STATE_CHANGES = 60;
const ACCEPTS = 30;

function now(): number {
  return performance.timeOrigin + performance.now();
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startHost(dataDir: string, extra: string[] = []): Promise<{ port: number; ms: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const started = now();
  const child = spawn(process.execPath, ['out/main/host.js', '--port', String(port), '--data-dir', dataDir, ...extra], { stdio: 'ignore' });
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/display`);
      if (response.ok) {
        await response.text();
        break;
      }
    } catch {
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  const ms = now() - started;
  return {
    port,
    ms,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

class Client {
  private next = 1;
  private readonly waiting = new Map<number, (v: unknown) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { kind: string; id?: number; result?: unknown };
      if (message.kind === 'result' && message.id !== undefined) {
        this.waiting.get(message.id)?.(message.result);
        this.waiting.delete(message.id);
      }
    });
  }
  static open(port: number): Promise<Client> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api?role=clerk`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new Client(ws)));
      ws.once('error', reject);
    });
  }
  call(method: string, params: unknown): Promise<{ ok: boolean }> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, (v) => resolve(v as { ok: boolean }));
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
  close(): void {
    this.ws.close();
  }
}

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

    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
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

    // accept click → last byte on a network printer (the fake ESC/POS printer on 127.0.0.1)
    const printer = await FakePrinter.start();
    await client.call('auth.logout', {});
    await client.call('auth.login', { staffNo: '9001', pin: '246810' });
    if (!(await client.call('printer.configure', { printer: printer.uri, paperWidth: 80 })).ok) throw new Error('printer.configure failed');
    await client.call('auth.logout', {});
    await client.call('auth.login', { staffNo: '1001', pin: '135790' });
    const clerk = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const accepts: number[] = [];
    for (let i = 0; i < ACCEPTS; i++) {
      const started = await client.call('intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: `测试${i}`, applicantPhone: '', applicantIdNumber: '' });
      if (!started.ok) throw new Error('intake.start failed');
      await clerk.goto(`http://127.0.0.1:${host.port}/`);
      await clerk.getByRole('button', { name: `测试${i} · 婚姻登记记录证明` }).click();
      for (const box of await clerk.getByTestId('materials').getByRole('checkbox').all()) await box.check();
      const t0 = now();
      await clerk.getByRole('button', { name: '受理并打印回执' }).click();
      await printer.waitForJobs(i + 1);
      accepts.push(printer.lastDataAt - t0);
    }
    console.log(`受理 click → last byte on the printer socket (${ACCEPTS} receipts, 80 mm): p50 ${percentile(accepts, 50).toFixed(1)} ms, p95 ${percentile(accepts, 95).toFixed(1)} ms`);
    await printer.stop();
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
