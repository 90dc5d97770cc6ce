/**
 * Runs archive.run in a separate process on an existing data directory, for
 * the "killed midway" test: the parent sets COUNTER_TEST_ARCHIVE_KILL_AT so
 * the archive SIGKILLs its own process at that step.
 * Usage: tsx tests/support/archive-child.ts DATA_DIR CLOCK_ISO STAFF_NO PIN
 */
import Conf from 'conf';
import { CounterCore } from '../../electron/services/core/core';
import { SETTINGS_FILE_NAME } from '../../electron/services/core/settings-store';

async function main(): Promise<void> {
  const [dataDir, clockIso, staffNo, pin] = process.argv.slice(2);
  if (!dataDir || !clockIso || !staffNo || !pin) throw new Error('usage: archive-child DATA_DIR CLOCK_ISO STAFF_NO PIN');
  const settingsBackend = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_FILE_NAME, clearInvalidConfig: false });
  const at = new Date(clockIso);
  const core = new CounterCore({ dataDir, settingsBackend, mode: 'host', version: 'test', clock: { now: () => new Date(at) } });
  // a process killed earlier leaves its session open (locked on restart): unlock it instead
  const login = await core.call('auth.login', { staffNo, pin });
  if (!login.ok) {
    const unlocked = await core.call('auth.unlock', { pin });
    if (!unlocked.ok) throw new Error(`${login.error.message} / ${unlocked.error.message}`);
  }
  const result = await core.call('archive.run', {});
  process.stdout.write(JSON.stringify(result));
  core.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
