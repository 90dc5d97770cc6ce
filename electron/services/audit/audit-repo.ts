/** Reading the audit_log table (its writes go through chain-store.ts, which keeps the hash chain). */
import type { AuditChainRow } from '../../../shared/audit/chain';
import type { Db } from '../db/connection';

/** A row of the latest-rows view, with the actor's name. */
export interface RecentAuditRow {
  seq: number;
  at: string;
  actor_staff_no: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
  hash: string | null;
}

/** A stored row with its links, as the verifier checks it. */
export type StoredAuditRow = AuditChainRow & { prev_hash: string | null; hash: string | null };

/** The `limit` rows before seq `before` (newest first). */
export function recentAuditRows(db: Db, before: number, limit: number): RecentAuditRow[] {
  return db
    .prepare(
      `SELECT a.seq, a.at, a.actor_staff_no, s.name AS actor_name, a.action, a.entity, a.entity_id, a.detail, a.hash
       FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_id
       WHERE a.seq < ? ORDER BY a.seq DESC LIMIT ?`,
    )
    .all(before, limit) as RecentAuditRow[];
}

export function auditRowCount(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
}

/** Every row in seq order, streamed (leaving the loop early resets the statement). */
export function auditRowsInOrder(db: Db): IterableIterator<StoredAuditRow> {
  return db
    .prepare(
      `SELECT seq, id, hall_id, window_no, at, actor_id, actor_staff_no, action, entity, entity_id, detail, prev_hash, hash
       FROM audit_log ORDER BY seq`,
    )
    .iterate() as IterableIterator<StoredAuditRow>;
}
