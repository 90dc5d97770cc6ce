/**
 * WAL checkpoints happen when the ledger is quiet, never inside a request's
 * commit: SQLite's automatic checkpoint copied the WAL into the database file
 * and synced it in the commit that took the WAL past 1000 pages, so every
 * twenty-odd 受理 waited for it before its receipt printed.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CounterCore, DATABASE_FILE } from '../../electron/services/core/core';
import { QuietCheckpoints } from '../../electron/services/db/checkpoints';
import { openDatabase, writeTransaction, type Db } from '../../electron/services/db/connection';
import { CLERK, FakeClock, SUPERVISOR, call, cleanupAll, login, logout, makeTempDir, openCore, settingsBackend, setUpWithClerk } from '../support/core';
import { FakePrinter } from '../support/fake-printer';
import { FAST_PRINTING, SAMPLE_SLIP, enqueue, waitUntil } from '../support/print-core';

const printers: FakePrinter[] = [];
afterAll(async () => {
  cleanupAll();
  for (const printer of printers) await printer.stop();
});

/** One transaction of about 1300 pages of 4 KiB: past SQLite's automatic checkpoint (1000 pages). */
function bigWrite(db: Db): void {
  writeTransaction(db, () => {
    db.exec('CREATE TABLE IF NOT EXISTS scratch (b BLOB)');
    const insert = db.prepare('INSERT INTO scratch (b) VALUES (?)');
    for (let i = 0; i < 5; i++) insert.run(Buffer.alloc(1024 * 1024, i));
  });
}

const sizeOf = (file: string): number => statSync(file).size;

describe('WAL checkpoints', () => {
  it('are not run by the commit that fills the WAL, but once the ledger is quiet', async () => {
    const dataDir = makeTempDir('counter-wal-');
    const core = openCore(dataDir, new FakeClock());
    const file = join(dataDir, DATABASE_FILE);
    const before = sizeOf(file);
    bigWrite(core.db);
    // the commit has returned with its pages in the synced WAL only
    expect(sizeOf(file)).toBe(before);
    expect(sizeOf(`${file}-wal`)).toBeGreaterThan(5 * 1024 * 1024);
    await waitUntil(() => sizeOf(file) > before + 5 * 1024 * 1024, 20_000, 'the quiet checkpoint');
    bigWrite(core.db);
    bigWrite(core.db);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM scratch').get()).toEqual({ n: 15 });
  });

  it('are run as soon as the print queue has sent what was waiting', async () => {
    const printer = await FakePrinter.start();
    printers.push(printer);
    const dataDir = makeTempDir('counter-wal-');
    const hour = 3_600_000;
    const core = new CounterCore({
      dataDir,
      settingsBackend: settingsBackend(dataDir),
      mode: 'host',
      version: 'test',
      clock: new FakeClock(),
      printing: FAST_PRINTING,
      checkpoints: { quietMs: hour, maxDelayMs: hour },
    });
    try {
      await setUpWithClerk(core);
      await login(core, SUPERVISOR.staffNo, SUPERVISOR.pin);
      await call(core, 'printer.configure', { printer: printer.uri, paperWidth: 80 });
      await logout(core);
      await login(core, CLERK.staffNo, CLERK.pin);
      await core.printing.settled();
      const file = join(dataDir, DATABASE_FILE);
      const before = sizeOf(file);
      for (let i = 0; i < 3; i++) enqueue(core, SAMPLE_SLIP);
      await printer.waitForJobs(3);
      await core.printing.settled();
      expect(core.db.prepare("SELECT COUNT(*) AS n FROM print_job WHERE status = 'sent'").get()).toEqual({ n: 3 });
      // no quiet period has passed (an hour): the checkpoint followed the last job sent
      expect(sizeOf(file)).toBeGreaterThan(before);
    } finally {
      core.close();
    }
  });

  it('are run at the latest maxDelayMs after the first commit not checkpointed, however busy the ledger', async () => {
    const db = openDatabase(join(makeTempDir('counter-wal-'), DATABASE_FILE));
    const checkpoints = new QuietCheckpoints(db, { quietMs: 3_600_000, maxDelayMs: 0 });
    try {
      const before = sizeOf(db.name);
      bigWrite(db);
      expect(sizeOf(db.name)).toBe(before);
      await waitUntil(() => sizeOf(db.name) > before + 5 * 1024 * 1024, 20_000, 'the checkpoint due');
    } finally {
      checkpoints.stop();
      db.close();
    }
  });
});
