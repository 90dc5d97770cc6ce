/**
 * What a 受理 writes: the commit the receipt waits for (synchronous = FULL)
 * syncs every page it changed, so the b-trees it touches are read from the
 * WAL after the accept and named by dbstat. The indexes migration 20 dropped
 * or narrowed, migration 22's completed cases and the contact's closed_at
 * index are not among them; 办结 writes one page of migration 22's index.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/connection';
import { CLERK, SUPERVISOR, call, cleanupAll, createTestCore, login, logout, setUpWithClerk } from '../support/core';
import { WORKING_DAYS_ITEM, testCatalogue } from '../support/catalogue';

afterAll(cleanupAll);

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** The pages of the first transaction in the WAL (frames up to its commit frame, which carries the database size). */
function pagesOfFirstCommit(walFile: string): number[] {
  const wal = readFileSync(walFile);
  const pageSize = wal.readUInt32BE(8);
  const pages: number[] = [];
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
    pages.push(wal.readUInt32BE(at));
    if (wal.readUInt32BE(at + 4) !== 0) return pages;
  }
  throw new Error('no committed transaction in the WAL');
}

/** The table or index each page belongs to. */
function treesOf(db: Db, pages: number[]): Set<string> {
  const owner = new Map((db.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[]).map((r) => [r.pageno, r.name]));
  return new Set(pages.map((p) => owner.get(p) ?? `page ${p}`));
}

describe('the pages one 受理 commits', () => {
  it('writes the case, its contact, print job, audit and change rows without the redundant indexes; 办结 one page of the completed cases', async () => {
    const t = createTestCore();
    await setUpWithClerk(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(t.core, 'catalogue.import', { content: JSON.stringify(testCatalogue([WORKING_DAYS_ITEM])) });
    await logout(t.core);
    await login(t.core, CLERK.staffNo, CLERK.pin);
    const contact = await call(t.core, 'intake.start', { itemCode: WORKING_DAYS_ITEM.code, channel: 'walkIn', applicantName: '张三', applicantPhone: '', applicantIdNumber: '' });
    await t.core.printing.settled();
    // an empty WAL: the accept's transaction is its first
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');

    const accepted = await t.core.call('intake.accept', { id: contact.id, receivedMaterialIds: ['id'] }, 'clerk', crypto.randomUUID());
    const trees = treesOf(t.core.db, pagesOfFirstCommit(`${t.databasePath}-wal`));

    expect(accepted.ok).toBe(true);
    // what a 受理 is: the case, the contact's new status, the receipt, their audit and change rows, the kept answer
    for (const written of ['service_case', 'contact', 'print_job', 'audit_log', 'change_log', 'request_log', 'service_case_stats', 'service_case_open_by_due']) {
      expect(trees).toContain(written);
    }
    for (const untouched of ['service_case_accepted', 'service_case_open_due', 'service_case_completed_by', 'service_case_completed', 'contact_owner_closed']) {
      expect(trees).not.toContain(untouched);
    }

    // 办结 writes the case's entry in each index of completed cases (one leaf page each on this ledger)
    await t.core.printing.settled();
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    expect((await t.core.call('cases.complete', { id: accepted.ok ? accepted.value.case.id : '' }, 'clerk', crypto.randomUUID())).ok).toBe(true);
    const completed = pagesOfFirstCommit(`${t.databasePath}-wal`);
    const completedTrees = treesOf(t.core.db, completed);
    for (const written of ['service_case', 'service_case_completed_by', 'service_case_completed']) expect(completedTrees).toContain(written);
    const indexPages = new Set(t.core.db.prepare("SELECT pageno FROM dbstat WHERE name = 'service_case_completed'").pluck().all() as number[]);
    expect(completed.filter((p) => indexPages.has(p))).toHaveLength(1);
  });
});
