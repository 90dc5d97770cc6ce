/**
 * The window's side of the push and pull (migration 17 hall_sync, the
 * change_log outbox and the audit chain's head): what to send next, marking
 * what the hall acknowledged, and where the last round got to.
 */
import { GENESIS_HASH } from '../../../shared/audit/chain';
import type { AuditHead, Backlog, ChangeRow } from '../../../shared/hall/contract';
import type { Db } from '../db/connection';

export interface SyncState {
  pullCursor: string | null;
  anchorSeq: number | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastError: string | null;
}

interface SyncRow {
  pull_cursor: string | null;
  anchor_seq: number | null;
  last_push_at: string | null;
  last_pull_at: string | null;
  last_error: string | null;
}

export function readSyncState(db: Db): SyncState {
  const row = db.prepare('SELECT pull_cursor, anchor_seq, last_push_at, last_pull_at, last_error FROM hall_sync WHERE id = 1').get() as SyncRow | undefined;
  return {
    pullCursor: row?.pull_cursor ?? null,
    anchorSeq: row?.anchor_seq ?? null,
    lastPushAt: row?.last_push_at ?? null,
    lastPullAt: row?.last_pull_at ?? null,
    lastError: row?.last_error ?? null,
  };
}

/** A change_log row as the push reads it (the test helpers read the same rows). */
export interface ChangeLogRow {
  id: string;
  seq: number;
  schema_version: number;
  entity: string;
  entity_id: string;
  op: 'insert' | 'update' | 'delete';
  payload: string;
  created_at: string;
}

/** The oldest rows the hall has not acknowledged, in seq order. */
export function unsentRows(db: Db, limit: number): ChangeRow[] {
  const rows = db
    .prepare('SELECT id, seq, schema_version, entity, entity_id, op, payload, created_at FROM change_log WHERE synced_at IS NULL ORDER BY seq LIMIT ?')
    .all(limit) as ChangeLogRow[];
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    schemaVersion: r.schema_version,
    entity: r.entity,
    entityId: r.entity_id,
    op: r.op,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    createdAt: r.created_at,
  }));
}

/** Rows still waiting for the hall after seq afterSeq, and the window time of the oldest. */
export function backlogOf(db: Db, afterSeq = 0): Backlog {
  const row = db.prepare('SELECT count(*) AS n, min(created_at) AS oldest FROM change_log WHERE synced_at IS NULL AND seq > ?').get(afterSeq) as { n: number; oldest: string | null };
  return { rows: row.n, oldestAt: row.oldest };
}

/** The audit chain's last row (seq 0 and the genesis hash when empty). */
export function auditHead(db: Db): AuditHead {
  const row = db.prepare('SELECT seq, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/** The chain's row at seq as it is now (what the hall anchored there), or null when the row is gone. */
export function auditAt(db: Db, seq: number): AuditHead | null {
  if (seq === 0) return { seq: 0, hash: GENESIS_HASH };
  const hash = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string | null | undefined;
  return hash ? { seq, hash } : null;
}

/**
 * Records the hall's acknowledgement (inside a write transaction): rows up to
 * ackedSeq are sent; rows after it marked sent before are unmarked, because
 * the hall no longer holds them (restored from an older backup) and they must
 * go again. Returns how many rows were unmarked.
 */
export function recordAck(db: Db, ackedSeq: number, anchorSeq: number | null, at: string): number {
  db.prepare('UPDATE change_log SET synced_at = ? WHERE seq <= ? AND synced_at IS NULL').run(at, ackedSeq);
  const resend = db.prepare('UPDATE change_log SET synced_at = NULL WHERE seq > ? AND synced_at IS NOT NULL').run(ackedSeq).changes;
  db.prepare('UPDATE hall_sync SET anchor_seq = ?, last_push_at = ?, last_error = NULL, last_error_at = NULL WHERE id = 1').run(anchorSeq, at);
  return resend;
}

export function recordPulled(db: Db, cursor: string, at: string): void {
  db.prepare('UPDATE hall_sync SET pull_cursor = ?, last_pull_at = ?, last_error = NULL, last_error_at = NULL WHERE id = 1').run(cursor, at);
}

export function recordSyncError(db: Db, message: string, at: string): void {
  db.prepare('UPDATE hall_sync SET last_error = ?, last_error_at = ? WHERE id = 1').run(message.slice(0, 500), at);
}

/** Forgets the previous hall's cursor and anchor (a window joining a hall starts both afresh). */
export function resetSyncState(db: Db): void {
  db.prepare('UPDATE hall_sync SET pull_cursor = NULL, anchor_seq = NULL, last_push_at = NULL, last_pull_at = NULL, last_error = NULL, last_error_at = NULL WHERE id = 1').run();
}
