/**
 * Migration 13: chains the audit rows written before the hash chain existed
 * (before migration 5, hash NULL), once, in seq order, from the last chained
 * row (or the genesis hash). The append-only trigger lets a NULL hash be
 * filled in once. Until this migration the app did it on every start; as a
 * migration it runs exactly once, so a hash removed later stays missing and
 * verification reports it (缺少哈希) instead of the next start re-chaining it.
 * A fresh database, or one whose rows are all chained, is unchanged.
 */
import { auditRowHash, GENESIS_HASH, type AuditChainRow } from '../../../../shared/audit/chain';
import { sha256Hex } from '../../audit/chain-store';
import type { Db } from '../connection';

export function up(db: Db): void {
  const first = db.prepare<[], { seq: number | null }>('SELECT MIN(seq) AS seq FROM audit_log WHERE hash IS NULL').get();
  if (first?.seq == null) return;
  const before = db.prepare<[number], { hash: string | null }>('SELECT hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1').get(first.seq);
  let prevHash = before?.hash ?? GENESIS_HASH;
  const rows = db
    .prepare<[number], AuditChainRow>(
      `SELECT seq, id, hall_id, window_no, at, actor_id, actor_staff_no, action, entity, entity_id, detail
       FROM audit_log WHERE seq >= ? ORDER BY seq`,
    )
    .all(first.seq);
  const update = db.prepare<[string, string, number]>('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ? AND hash IS NULL');
  for (const row of rows) {
    const hash = auditRowHash(sha256Hex, prevHash, row);
    update.run(prevHash, hash, row.seq);
    prevHash = hash;
  }
}
