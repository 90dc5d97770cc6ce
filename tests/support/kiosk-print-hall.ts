/**
 * A hall whose kiosk K1 prints its tickets (retries every 100 ms, a new
 * connection a job), with the demo supervisor logged in on the console and
 * 结婚登记 (A) called at window 1: the kiosk printing tests' starting point.
 */
import { seedDemoStaff } from '../../hall/demo';
import { DEFAULT_TIMEOUTS } from '../../escpos/transport';
import { enrolWindow, startTestHall, type EnrolledWindow, type TestHall } from './hall';
import { consoleLogin } from './hall-console';
import { configureQueue, enrolKiosk, matter, type TestClock } from './queue';

export interface KioskPrintHall {
  t: TestHall;
  /** The hall's URL. */
  base: string;
  /** The supervisor's console session. */
  cookie: string;
  kiosk: EnrolledWindow;
}

/** `windowNos`: windows enrolled before the kiosk. */
export async function startKioskPrintHall(clock: TestClock, windowNos: readonly string[] = []): Promise<KioskPrintHall> {
  const t = await startTestHall({ clock: clock.now, kioskPrint: { retryMs: 100, giveUpMs: 120_000, timeouts: { ...DEFAULT_TIMEOUTS, keepOpenMs: 0 } } });
  await seedDemoStaff(t.hall.pool, t.hall.hall);
  const cookie = await consoleLogin(t.hall.url, '9001', '246810');
  await configureQueue(t.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1'] })]);
  for (const windowNo of windowNos) await enrolWindow(t.hall, windowNo);
  const kiosk = await enrolKiosk(t.hall, 'K1');
  return { t, base: t.hall.url, cookie, kiosk };
}
