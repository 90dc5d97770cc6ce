/** Checking that calls wrote matching audit and change-log rows (one pair per change, in order). */
import { expect } from 'vitest';
import type { CounterCore } from '../../electron/services/core/core';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import type { AuditChainRow } from '../../shared/audit/chain';
import { auditSince, changesSince, maxSeq, type ChangeRow } from './db';

export interface Ledger {
  audit: AuditChainRow[];
  changes: ChangeRow[];
}

/** The audit and change-log rows a run of calls wrote. */
export async function ledgerOf(core: CounterCore, run: () => Promise<unknown>): Promise<Ledger> {
  const audit = maxSeq(core.db, 'audit_log');
  const changes = maxSeq(core.db, 'change_log');
  await run();
  return { audit: auditSince(core.db, audit), changes: changesSince(core.db, changes) };
}

export type Expected = readonly [action: string, entity: string, op: 'insert' | 'update' | 'delete'];

/**
 * One audit row and one change-log row per expected change, in order, about
 * the same record, stamped with this hall and window (and, if given, the actor).
 */
export function expectLedger(core: CounterCore, ledger: Ledger, expected: readonly Expected[], actorStaffNo?: string): void {
  expect(ledger.audit.map((r) => [r.action, r.entity])).toEqual(expected.map(([action, entity]) => [action, entity]));
  expect(ledger.changes.map((r) => [r.entity, r.op])).toEqual(expected.map(([, entity, op]) => [entity, op]));
  const { hallId, windowNo } = core.ctx.settings.get();
  expect(hallId).not.toBe('');
  ledger.audit.forEach((audit, i) => {
    const change = ledger.changes[i];
    expect(change).toBeDefined();
    if (!change) return;
    expect(audit.entity_id).toBe(change.entity_id);
    expect(audit.at).toBe(change.created_at);
    if (actorStaffNo !== undefined) expect(audit.actor_staff_no).toBe(actorStaffNo);
    expect(change.schema_version).toBe(MIGRATIONS.length);
    expect([audit.hall_id, audit.window_no, change.hall_id, change.window_no]).toEqual([hallId, windowNo, hallId, windowNo]);
  });
}
