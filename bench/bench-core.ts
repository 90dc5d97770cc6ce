/** The set-up every core benchmark shares: a fresh data folder, a core in host mode, the hall set up and its supervisor logged in. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_PATH } from '../playwright.config';
import { CounterCore } from '../electron/services/core/core';
import { SETTINGS_FILE_NAME } from '../electron/services/core/settings-store';

/** The hall's name and window; the rest of the hall settings are the same in every benchmark. */
export interface BenchHall {
  hallName: string;
  windowNo: string;
}

/**
 * Runs `run` on a fresh core whose hall is set up, with the supervisor logged
 * in (`supervisorId`); the core is closed and its data folder removed afterwards.
 */
export async function withSupervisor<T>(name: string, hall: BenchHall, run: (core: CounterCore, supervisorId: string) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), `counter-${name}-bench-`));
  const settingsBackend = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_FILE_NAME, clearInvalidConfig: false });
  const core = new CounterCore({ dataDir, settingsBackend, mode: 'host', version: 'bench' });
  try {
    const settings = { ...hall, department: '民政局', complaintPhone: '12345', supervisionPhone: '12345', leaderOnDuty: '' };
    const setup = await core.call('setup.complete', { hall: settings, supervisor: { name: '王主任', staffNo: '9001', title: '主任', pin: '246810' } });
    if (!setup.ok) throw new Error(setup.error.message);
    const login = await core.call('auth.login', { staffNo: '9001', pin: '246810' });
    if (!login.ok) throw new Error(login.error.message);
    return await run(core, login.value.staff.id);
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `tsx bench/<name>.ts` runs one benchmark alone: its lines on stdout, exit code 1 on failure. */
export function runAlone(bench: () => Promise<string[]>): void {
  bench().then(
    (lines) => lines.forEach((l) => console.log(l)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** Debian's Chromium as every browser bench runs it: no sandbox, GPU or background traffic. */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A browser bench run alone (`tsx bench/<name>.ts`): its own browser, its lines printed, the browser closed. */
export async function runAloneInBrowser(bench: (browser: Browser) => Promise<string[]>): Promise<void> {
  const browser = await launchBenchBrowser();
  try {
    for (const line of await bench(browser)) console.log(line);
  } finally {
    await browser.close();
  }
}
