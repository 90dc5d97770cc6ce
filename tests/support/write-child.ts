/**
 * Writes through the public API in a loop, for the kill -9 test: a real core
 * on an existing data directory, the clerk records one intake contact after
 * another and, once each call has returned, prints the contact's id on a line
 * of its own. It never stops by itself; the parent SIGKILLs it.
 * Usage: node --import tsx tests/support/write-child.ts DATA_DIR STAFF_NO PIN
 * (tests/integration/durability.test.ts bundles it first and runs the bundle).
 */
import Conf from 'conf';
import { CounterCore } from '../../electron/services/core/core';
import { SETTINGS_FILE_NAME } from '../../electron/services/core/settings-store';

async function main(): Promise<void> {
  const [dataDir, staffNo, pin] = process.argv.slice(2);
  if (!dataDir || !staffNo || !pin) throw new Error('usage: write-child DATA_DIR STAFF_NO PIN');
  const settingsBackend = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_FILE_NAME, clearInvalidConfig: false });
  const core = new CounterCore({ dataDir, settingsBackend, mode: 'host', version: 'test' });
  // a process killed earlier leaves its session open (locked on restart): unlock it instead
  const login = await core.call('auth.login', { staffNo, pin });
  if (!login.ok) {
    const unlocked = await core.call('auth.unlock', { pin });
    if (!unlocked.ok) throw new Error(`${login.error.message} / ${unlocked.error.message}`);
  }
  for (let i = 0; ; i++) {
    const result = await core.call('intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: `申请人${i}`, applicantPhone: '', applicantIdNumber: '' });
    if (!result.ok) throw new Error(result.error.message);
    // stdout to a pipe is synchronous on POSIX: the id is out before the next write starts
    process.stdout.write(`${result.value.id}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
