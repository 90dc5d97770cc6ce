/**
 * Every state change writes, in its own transaction, an audit row (who, what,
 * when) and a change-log row (the outbox the hall-server sync drains in seq order).
 * Audit rows are hash-chained (electron/services/audit/chain-store.ts).
 */
import type { Db } from './connection';
import { schemaVersion } from './connection';
import { newId } from '../core/ids';
import { appendAudit } from '../audit/chain-store';
import type { AuditAction } from '../../../shared/audit/labels';

export interface Actor {
  id: string | null;
  staffNo: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, staffNo: null };

export interface Origin {
  hallId: string;
  windowNo: string;
}

export interface Change {
  action: AuditAction;
  entity: string;
  entityId: string;
  op: 'insert' | 'update' | 'delete';
  /** The record as the hall server should store it (never a PIN hash or a secret). */
  payload: Record<string, unknown>;
  /** Extra facts for the audit trail only. */
  detail?: Record<string, unknown>;
}

/** Writes the audit and change-log rows for one change; call inside the change's transaction. */
export function recordChange(db: Db, origin: Origin, actor: Actor, at: string, change: Change): void {
  recordEvent(db, origin, actor, at, change);
  appendChangeRow(db, origin, at, change);
}

/**
 * A change-log row alone, for what the hall must be told again without a new
 * audit entry (the hall-keyed hashes after a window joins); inside a transaction.
 */
export function appendChangeRow(db: Db, origin: Origin, at: string, change: Pick<Change, 'entity' | 'entityId' | 'op' | 'payload'>): void {
  db.prepare(
    `INSERT INTO change_log (id, hall_id, window_no, schema_version, entity, entity_id, op, payload, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(),
    origin.hallId,
    origin.windowNo,
    schemaVersion(db),
    change.entity,
    change.entityId,
    change.op,
    JSON.stringify(change.payload),
    at,
  );
}

/** Audit-only facts that change no record (a refused login, for example). */
export function recordEvent(
  db: Db,
  origin: Origin,
  actor: Actor,
  at: string,
  event: { action: AuditAction; entity: string; entityId: string | null; detail?: Record<string, unknown> },
): void {
  appendAudit(db, {
    id: newId(),
    hall_id: origin.hallId,
    window_no: origin.windowNo,
    at,
    actor_id: actor.id,
    actor_staff_no: actor.staffNo,
    action: event.action,
    entity: event.entity,
    entity_id: event.entityId,
    detail: JSON.stringify(event.detail ?? {}),
  });
}
