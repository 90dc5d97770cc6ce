/**
 * The queries the print queue runs on every 受理 (the next job, the job being
 * sent, the status bar's counts) go through indexes, not over every job ever
 * printed: a window's print_job holds a year of slips, and a scan reads each
 * row's document and bytes to reach its status.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/services/db/connection';
import { countUnresolved, countWaiting, jobsInStatus, nextQueued, queuedJobs } from '../../electron/services/printing/repo';
import { cleanupAll, makeTempDir } from '../support/core';
import { statementsOf } from '../support/statements';
import { join } from 'node:path';

afterAll(cleanupAll);

/** Plan lines that read the whole print_job table (under any alias) rather than search it. */
function fullScans(db: Db, sql: string, params: unknown[]): string[] {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return plan.map((row) => row.detail).filter((detail) => /^SCAN (print_job|\w)\b/.test(detail) && !/USING (COVERING )?INDEX/.test(detail));
}

describe('the print queue on a ledger with many printed jobs', () => {
  it('finds the waiting jobs and the counts through indexes', () => {
    const db = openDatabase(join(makeTempDir('counter-print-index-'), 'counter.sqlite3'));
    try {
      const insert = db.prepare(
        `INSERT INTO print_job (id, hall_id, window_no, kind, title, document, bytes, printer, paper_width, status, attempts, created_at, updated_at, sent_at)
         VALUES (?, 'hall', '3', 'receipt', '受理回执', '{}', ?, 'tcp://127.0.0.1:9100', 80, ?, 1, ?, ?, ?)`,
      );
      db.transaction(() => {
        for (let i = 0; i < 300; i++) {
          const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
          const status = i === 298 ? 'sending' : i === 299 ? 'queued' : 'sent';
          insert.run(`job-${i}`, Buffer.alloc(1000, 0x41), status, at, at, status === 'sent' ? at : null);
        }
      })();
      // the status bar counts the last day's failed jobs
      const since = new Date(Date.UTC(2026, 0, 1) + 290 * 60_000).toISOString();
      const statements = statementsOf(db, (view) => {
        expect(nextQueued(view)?.id).toBe('job-299');
        expect(queuedJobs(view).map((j) => j.id)).toEqual(['job-299']);
        expect(jobsInStatus(view, 'sending').map((j) => j.id)).toEqual(['job-298']);
        expect(countWaiting(view)).toBe(2);
        expect(countUnresolved(view, 'failed', since)).toBe(0);
      });
      expect(statements).toHaveLength(5);
      for (const { sql, params } of statements) expect(fullScans(db, sql, params), sql).toEqual([]);
    } finally {
      db.close();
    }
  });
});
