/**
 * Real parts for tests: a fresh temp data directory, a real SQLite file, a real
 * conf settings file, and a clock the test moves by hand.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { expect } from 'vitest';
import type { AppInfo, MethodName, RequestOf, ResponseOf, Session, Staff } from '../../shared/contract';
import type { ErrorCode, Result } from '../../shared/result';
import type { HallIdentity } from '../../shared/settings';
import type { Clock } from '../../electron/services/core/clock';
import { CounterCore, DATABASE_FILE } from '../../electron/services/core/core';
import { SETTINGS_FILE_NAME } from '../../electron/services/core/settings-store';

/** 2026-03-02 09:00 in Beijing, a Monday. */
export const START_TIME = new Date('2026-03-02T01:00:00.000Z');

export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date = START_TIME) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(at: Date): void {
    this.current = at.getTime();
  }
}

export const MINUTE = 60_000;

const tempDirs: string[] = [];
const openCores = new Set<CounterCore>();

export function makeTempDir(prefix = 'counter-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Closes every core opened by the helpers and removes every temp dir; call from afterAll. */
export function cleanupAll(): void {
  for (const core of openCores) core.close();
  openCores.clear();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function settingsBackend(dataDir: string): Conf<Record<string, unknown>> {
  return new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_FILE_NAME, clearInvalidConfig: false });
}

/** A hall call in a test waits this long before the window counts the hall as out of reach: a loaded machine is not a hall that is down. */
export const TEST_HALL_TIMEOUT_MS = 60_000;

export function openCore(dataDir: string, clock: Clock): CounterCore {
  const core = new CounterCore({ dataDir, settingsBackend: settingsBackend(dataDir), mode: 'host', version: 'test', clock, hallTimeoutMs: TEST_HALL_TIMEOUT_MS });
  openCores.add(core);
  return core;
}

export function closeCore(core: CounterCore): void {
  core.close();
  openCores.delete(core);
}

export interface TestCore {
  core: CounterCore;
  clock: FakeClock;
  dataDir: string;
  settingsPath: string;
  databasePath: string;
  photosDir: string;
  /** Closes this core and opens a new one on the same data directory and clock. */
  reopen(): CounterCore;
}

export function createTestCore(options: { dataDir?: string; clock?: FakeClock } = {}): TestCore {
  const dataDir = options.dataDir ?? makeTempDir();
  const clock = options.clock ?? new FakeClock();
  const t: TestCore = {
    core: openCore(dataDir, clock),
    clock,
    dataDir,
    settingsPath: join(dataDir, `${SETTINGS_FILE_NAME}.json`),
    databasePath: join(dataDir, DATABASE_FILE),
    photosDir: join(dataDir, 'photos'),
    reopen() {
      closeCore(t.core);
      t.core = openCore(dataDir, clock);
      return t.core;
    },
  };
  return t;
}

/** The settings file's bytes, or null while it does not exist. */
export function fileBytes(path: string): Buffer | null {
  return existsSync(path) ? readFileSync(path) : null;
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function expectError<T>(result: Result<T>, code: ErrorCode): { code: ErrorCode; message: string; fields?: Record<string, string> } {
  if (result.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(result.value).slice(0, 200)}`);
  expect(result.error.code, result.error.message).toBe(code);
  expect(result.error.message).toMatch(CHINESE);
  return result.error;
}

/** At least one CJK ideograph. */
export const CHINESE = /[\u4e00-\u9fff]/;

export async function call<M extends MethodName>(core: CounterCore, method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  return expectOk(await core.call(method, request));
}

export const HALL: HallIdentity = {
  hallName: '测试区政务服务中心',
  department: '测试区民政局',
  windowNo: '3',
  complaintPhone: '010-12345678',
  supervisionPhone: '12345',
  leaderOnDuty: '李局长',
};

export const SUPERVISOR = { name: '王主任', staffNo: 'S001', title: '登记处主任', pin: '246810' } as const;
export const CLERK = { staffNo: 'C001', pin: '135790', name: '李晓梅', title: '婚姻登记员', duties: '结婚登记', partyMember: true, role: 'clerk' } as const;

export async function completeSetup(core: CounterCore): Promise<AppInfo> {
  return call(core, 'setup.complete', { hall: HALL, supervisor: SUPERVISOR });
}

export async function login(core: CounterCore, staffNo: string, pin: string): Promise<Session> {
  return call(core, 'auth.login', { staffNo, pin });
}

export async function logout(core: CounterCore): Promise<void> {
  await call(core, 'auth.logout', {});
}

/** Setup, then the supervisor adds the standard clerk and logs out. Returns both staff records. */
export async function setUpWithClerk(core: CounterCore): Promise<{ supervisor: Staff; clerk: Staff }> {
  await completeSetup(core);
  const session = await login(core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  const clerk = await call(core, 'staff.create', CLERK);
  await logout(core);
  return { supervisor: session.staff, clerk };
}
