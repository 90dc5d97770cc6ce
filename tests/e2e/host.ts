/** Starts the built app in host mode on a fresh data directory for one test; helpers the specs share. */
import { expect, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HostProcess {
  baseUrl: string;
  dataDir: string;
  /** Stops the host and removes its data directory, unless keepData (to restart on it later). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** The hosts' limit on a call to the hall (the app's default is 5 s). */
const E2E_HALL_TIMEOUT_MS = 30_000;

export const ARTIFACTS_DIR = join(process.cwd(), 'test-results', 'screenshots');

export async function startHostProcess(options: { demo?: boolean; clockStart?: string; dataDir?: string } = {}): Promise<HostProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'counter-e2e-'));
  // a call to the hall may take longer than on a hall's LAN: a busy machine makes the tests slower, never red
  const args = ['out/main/host.js', '--port', '0', '--data-dir', dataDir, '--hall-timeout-ms', String(E2E_HALL_TIMEOUT_MS), ...(options.demo ? ['--demo'] : []), ...(options.clockStart ? ['--clock-start', options.clockStart] : [])];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /clerk workstation: (http:\/\/[^\s]+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    baseUrl,
    dataDir,
    stop: (stopOptions = {}) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
          resolve();
          return;
        }
        child.once('exit', () => {
          if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Logs in on the clerk workstation and waits for the top bar to name the clerk. */
export async function login(page: Page, staffNo: string, pin: string): Promise<void> {
  await page.getByLabel('工号').fill(staffNo);
  await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-clerk')).toContainText(staffNo);
}

/** The demo supervisor points the window at a printer through 系统设置, then logs out. */
export async function configurePrinterAsSupervisor(page: Page, printerUri: string): Promise<void> {
  await login(page, '9001', '246810');
  await page.getByRole('button', { name: '系统设置' }).click();
  await page.getByLabel('打印机地址').fill(printerUri);
  await page.getByRole('button', { name: '保存并检查打印机' }).click();
  await expect(page.getByTestId('printer-status')).toContainText('就绪');
  await page.getByRole('button', { name: '退出登录' }).click();
}

/** Opens the host's clerk workstation in a new page of this height (1366 wide), pointed at the printer by the demo supervisor (logged out again). */
export async function openWithPrinter(browser: Browser, host: HostProcess, printerUri: string, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height } });
  await page.goto(`${host.baseUrl}/`);
  await configurePrinterAsSupervisor(page, printerUri);
  return page;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
}
