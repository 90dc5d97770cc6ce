/**
 * Migration 20 dropped three service_case indexes to write fewer pages per
 * 受理. Every query the app runs on service_case must still find its rows
 * through an index, on a ledger holding a year of cases: the queries are
 * recorded from the app's own functions (intake, handover, supervision,
 * ledger, statistics, archive) and each one's EXPLAIN QUERY PLAN is read,
 * before the migration and after it. Migration 22 adds the one index the
 * reads of completed cases lacked: after it none reads service_case row by row.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { up as serviceCaseIndexes } from '../../electron/services/db/migrations/020-service-case-indexes';
import { up as serviceCaseCompleted } from '../../electron/services/db/migrations/022-service-case-completed';
import type { Db } from '../../electron/services/db/connection';
import { caseNoOfContact, caseRow, openCasesOf } from '../../electron/services/intake/case-repo';
import { openCases, shiftWorkCounts } from '../../electron/services/handover/summary-repo';
import { completedCasesSince } from '../../electron/services/supervision/callback-repo';
import { caseExists, notesOfCase } from '../../electron/services/supervision/coordination-repo';
import { queryLedger } from '../../electron/services/ledger/query-service';
import { batchIds } from '../../electron/services/ledger/archive-repo';
import { statsReport } from '../../electron/services/stats/report-service';
import type { LedgerFilter } from '../../shared/api/ledger';
import { cleanupAll } from '../support/core';
import { databaseAt, insertRow, rowsOf, upgrade, type VersionedDb } from '../support/migration-db';
import { statementsOf } from '../support/statements';

afterAll(cleanupAll);

const VERSION = MIGRATIONS.indexOf(serviceCaseIndexes) + 1;
const COMPLETED_VERSION = MIGRATIONS.indexOf(serviceCaseCompleted) + 1;
const CLERKS = ['s1', 's2', 's3'];
const CASES = 1200;

/** A year of cases by three clerks, most completed; the last ones still open. */
function fill(db: Db): void {
  db.transaction(() => {
    CLERKS.forEach((id, i) => insertRow(db, 'staff', rowsOf.staff(id, `C00${i + 1}`)));
    for (let i = 0; i < CASES; i++) {
      const at = new Date(Date.UTC(2025, 10, 1) + i * 7 * 3_600_000).toISOString();
      const clerk = CLERKS[i % CLERKS.length] ?? 's1';
      const open = i >= CASES - 30;
      insertRow(db, 'contact', { ...rowsOf.contact(`k${i}`, clerk, at), status: 'accepted' });
      insertRow(db, 'service_case', {
        ...rowsOf.serviceCase(`c${i}`, `k${i}`, clerk),
        case_no: `SL${String(i).padStart(6, '0')}`,
        accepted_at: at,
        due_date: at.slice(0, 10),
        status: open ? 'open' : 'completed',
        completed_at: open ? null : at,
        completed_by: open ? null : clerk,
      });
    }
  })();
}

const LEDGER_FILTERS: LedgerFilter[] = [
  { category: 'cases' },
  { category: 'cases', staffId: 's2' },
  { category: 'cases', from: '2026-03-01', to: '2026-03-31' },
  { category: 'cases', from: '2026-03-01', to: '2026-03-31', staffId: 's2' },
  { category: 'cases', status: 'open' },
  { category: 'cases', status: 'open', staffId: 's2' },
  { category: 'cases', status: 'completed' },
  { category: 'cases', search: 'SL0001' },
  { category: 'cases', search: '张三' },
  { category: 'contacts', search: 'SL0001' },
];

/** Every statement on service_case the app's read paths run. */
function serviceCaseQueries(db: Db): { sql: string; params: unknown[] }[] {
  const recorded = statementsOf(db, (view) => {
    openCasesOf(view, 's2');
    caseRow(view, 'c10');
    caseNoOfContact(view, 'k10');
    caseExists(view, 'c10');
    notesOfCase(view, 'c10');
    shiftWorkCounts(view, 's2', '2026-03-02T00:00:00.000Z', '2026-03-02T10:00:00.000Z');
    openCases(view, 20, '2026-09-01');
    completedCasesSince(view, '2026-09-01T00:00:00.000Z');
    for (const filter of LEDGER_FILTERS) queryLedger(view, filter, 50, { today: '2026-09-01' });
    statsReport(view, { from: '2026-03-01', to: '2026-03-31', groupBy: 'clerk', staffId: 's2' }, new Date('2026-09-01T01:00:00.000Z'));
    statsReport(view, { from: '2026-03-01', to: '2026-03-31', groupBy: 'day' }, new Date('2026-09-01T01:00:00.000Z'));
    batchIds(view, '2025-11', '2026-01-01T00:00:00.000Z');
  });
  return recorded.filter((s) => /\bservice_case\b/.test(s.sql));
}

/** The names service_case goes by in a statement (the table's own name and its aliases). */
function namesOfServiceCase(sql: string): string[] {
  const names = ['service_case'];
  for (const m of sql.matchAll(/\bservice_case\s+(?:AS\s+)?(\w+)/gi)) {
    const alias = m[1] ?? '';
    if (!/^(WHERE|JOIN|LEFT|INNER|ON|INDEXED|ORDER|GROUP|LIMIT|SET|VALUES)$/i.test(alias)) names.push(alias);
  }
  return names;
}

/** Plan lines that read service_case row by row instead of searching or scanning an index. */
function fullScans(db: Db, sql: string, params: unknown[]): string[] {
  const names = namesOfServiceCase(sql);
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return plan
    .map((row) => row.detail)
    .filter((detail) => {
      const scanned = /^SCAN (\w+)/.exec(detail)?.[1];
      return scanned !== undefined && names.includes(scanned) && !/USING (COVERING )?INDEX/.test(detail);
    });
}

function ledgerAt(version: number): VersionedDb {
  const old = databaseAt(version);
  fill(old.db);
  return old;
}

describe('service_case queries after migration 20 (fewer indexes per 受理)', () => {
  it('drops the three indexes the others cover', () => {
    const old = ledgerAt(VERSION - 1);
    const db = upgrade(old, VERSION);
    try {
      const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'service_case' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((r) => r.name);
      expect(names).toEqual(expect.arrayContaining(['service_case_accepted_by', 'service_case_completed_by', 'service_case_open_by_due', 'service_case_stats']));
      expect(names).not.toContain('service_case_accepted');
      expect(names).not.toContain('service_case_open_due');
    } finally {
      db.close();
    }
  });

  it("reads a clerk's open cases from the open cases only, not from every case the clerk accepted", () => {
    const db = upgrade(ledgerAt(VERSION - 1), VERSION);
    try {
      const [query] = statementsOf(db, (view) => expect(openCasesOf(view, 's2')).toHaveLength(10));
      if (!query) throw new Error('openCasesOf ran no statement');
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan).toContain('USING INDEX service_case_open_by_due');
      expect(plan).not.toContain('service_case_accepted_by');
    } finally {
      db.close();
    }
  });

  it('every query on service_case still goes through an index', () => {
    const plans = (upgraded: boolean): Map<string, string[]> => {
      const old = ledgerAt(VERSION - 1);
      const db = upgraded ? upgrade(old, VERSION) : old.db;
      try {
        const queries = serviceCaseQueries(db);
        expect(queries.length).toBeGreaterThan(20);
        return new Map(queries.map((q) => [`${q.sql} ${JSON.stringify(q.params)}`, fullScans(db, q.sql, q.params)]));
      } finally {
        db.close();
      }
    };
    const before = plans(false);
    const after = plans(true);
    expect([...after.keys()]).toEqual([...before.keys()]);
    // no query reads service_case row by row that did not before (the count of 已办结 cases already did: migration 22 serves it)
    expect([...after.values()]).toEqual([...before.values()]);
    expect([...before.values()].flat()).toHaveLength(1);
  });
});

describe('service_case queries after migration 22 (completed cases in acceptance order)', () => {
  /** Each query's answer and plan on a ledger at `version`. */
  const run = (version: number): { answers: unknown[]; plans: string[][] } => {
    const db = upgrade(ledgerAt(COMPLETED_VERSION - 1), version);
    try {
      const queries = serviceCaseQueries(db);
      return {
        answers: [completedCasesSince(db, '2026-09-01T00:00:00.000Z'), ...LEDGER_FILTERS.map((filter) => queryLedger(db, filter, 50, { today: '2026-09-01' }))],
        plans: queries.map((q) => fullScans(db, q.sql, q.params)),
      };
    } finally {
      db.close();
    }
  };

  it('no query reads service_case row by row, and every answer is the same as before', () => {
    const before = run(COMPLETED_VERSION - 1);
    const after = run(COMPLETED_VERSION);
    expect(after.answers).toEqual(before.answers);
    expect(before.plans.flat()).toHaveLength(1);
    expect(after.plans.flat()).toEqual([]);
  });

  it('searches the completed cases since a date per clerk; counts and pages 已办结 from the completed cases alone', () => {
    const db = upgrade(ledgerAt(COMPLETED_VERSION - 1), COMPLETED_VERSION);
    try {
      const planOf = (q: { sql: string; params: unknown[] } | undefined): string =>
        q === undefined ? '' : (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join('\n');
      const [since] = statementsOf(db, (view) => expect(completedCasesSince(view, '2026-09-01T00:00:00.000Z').length).toBeGreaterThan(0));
      expect(planOf(since)).toContain('SEARCH c USING INDEX service_case_completed_by (completed_by=? AND completed_at>?)');
      const [page, count] = statementsOf(db, (view) => expect(queryLedger(view, { category: 'cases', status: 'completed' }, 50, { today: '2026-09-01' }).total).toBe(CASES - 30));
      // the page walks the completed cases newest first and stops at the page's end: no sort of them all
      expect(planOf(page)).toMatch(/SCAN t USING INDEX service_case_completed\b/);
      expect(planOf(page)).not.toContain('USE TEMP B-TREE FOR ORDER BY');
      expect(planOf(count)).toMatch(/SCAN t USING COVERING INDEX service_case_completed\b/);
    } finally {
      db.close();
    }
  });
});
