/** Opens the window's SQLite ledger in WAL mode, synchronous FULL, and brings its schema up to date. */
import Database from 'better-sqlite3';
import { CounterError } from '../../../shared/result';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';

export type Db = Database.Database;

/** How many prepared statements a connection keeps (the app's fixed SQL is about 300; dynamic ledger and IN-list SQL varies). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Keeps each SQL text's prepared statement for the next db.prepare() of the
 * same text: compiling a statement costs more than running most of them, and
 * a 受理 prepares some thirty (each a few tens of microseconds, more on a
 * loaded machine) inside the request the receipt waits for. A kept statement
 * comes back in its plain row mode (pluck/raw/expand off, as prepare() gives
 * it); one still being iterated is not shared, a new one is prepared. The
 * least recently used text goes when the cache is full.
 */
function keepPreparedStatements(db: Db, size: number): void {
  const prepare = db.prepare.bind(db);
  const kept = new Map<string, Database.Statement>();
  const cached = (source: string): Database.Statement => {
    const statement = kept.get(source);
    if (statement && !statement.busy) {
      kept.delete(source);
      kept.set(source, statement);
      return statement.reader ? statement.pluck(false).raw(false).expand(false) : statement;
    }
    const fresh = prepare(source);
    kept.delete(source);
    kept.set(source, fresh);
    const oldest = kept.keys().next();
    if (kept.size > size && !oldest.done) kept.delete(oldest.value);
    return fresh;
  };
  db.prepare = cached as Db['prepare'];
}

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  const db = new Database(file);
  keepPreparedStatements(db, STATEMENT_CACHE_SIZE);
  try {
    // refuse a newer database before any pragma below can write to it (journal_mode rewrites the header)
    assertNotNewer(db, migrations);
    db.pragma('journal_mode = WAL');
    // FULL: a commit returns only after the WAL is synced, so a record the clerk was told is saved
    // survives a power cut too (NORMAL survives a killed process but may lose the last commits)
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const commitListeners = new WeakMap<Db, () => void>();

/**
 * A write outside any request (at start, in a periodic sweep, in the print
 * worker) in one immediate transaction of its own. Requests' writes get
 * theirs from the dispatcher (electron/services/core/core.ts).
 */
export function writeTransaction<T>(db: Db, write: () => T): T {
  const outermost = !db.inTransaction;
  const value = db.transaction(write).immediate();
  if (outermost) commitListeners.get(db)?.();
  return value;
}

/** Calls `listener` after each outermost writeTransaction of `db` has committed (one listener per database). */
export function onCommit(db: Db, listener: () => void): void {
  commitListeners.set(db, listener);
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

function assertNotNewer(db: Db, migrations: readonly Migration[]): number {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new CounterError(
      'CONFLICT',
      `数据库版本（${current}）比本程序支持的版本（${migrations.length}）新，请安装新版本的窗口工作台后再打开，数据未做任何改动。`,
    );
  }
  return current;
}

/**
 * Runs every pending migration (current + 1 … latest) in one transaction, so a
 * failing one leaves the database at its old version; refuses a database newer
 * than this app.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = assertNotNewer(db, migrations);
  if (current === migrations.length) return;
  db.transaction(() => {
    for (const up of migrations.slice(current)) up(db);
    db.pragma(`user_version = ${migrations.length}`);
  })();
}

export { SCHEMA_VERSION };
