/**
 * The SQL a piece of the app runs, recorded from the app's own functions so a
 * test can read each statement's EXPLAIN QUERY PLAN.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../electron/services/db/connection';

/** Runs `use` on a view of `db` that records each statement it prepares and the parameters of each run. */
export function statementsOf(db: Db, use: (db: Db) => void): { sql: string; params: unknown[] }[] {
  const seen: { sql: string; params: unknown[] }[] = [];
  const recording = (sql: string, statement: Statement): Statement =>
    new Proxy(statement, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        const run = (...args: unknown[]): unknown => (value as (...a: unknown[]) => unknown).apply(target, args);
        if (prop !== 'get' && prop !== 'all') return (...args: unknown[]) => {
          const result = run(...args);
          // pluck(), raw() return the statement itself: keep recording through it
          return result === target ? recording(sql, target) : result;
        };
        return (...params: unknown[]) => {
          seen.push({ sql, params });
          return run(...params);
        };
      },
    });
  const view = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => recording(sql, target.prepare(sql));
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  use(view);
  return seen;
}
