/**
 * Every state change writes, in its own transaction, an audit row (who, what,
 * when) and a change-log row (the outbox the hall-server sync drains in seq order).
 */
import type { Db } from './connection';
import { schemaVersion } from './connection';
import { newId } from '../ids';

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
  action: string;
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
  db.prepare(
    `INSERT INTO audit_log (id, hall_id, window_no, at, actor_id, actor_staff_no, action, entity, entity_id, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(),
    origin.hallId,
    origin.windowNo,
    at,
    actor.id,
    actor.staffNo,
    change.action,
    change.entity,
    change.entityId,
    JSON.stringify(change.detail ?? {}),
  );
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
  event: { action: string; entity: string; entityId: string | null; detail?: Record<string, unknown> },
): void {
  db.prepare(
    `INSERT INTO audit_log (id, hall_id, window_no, at, actor_id, actor_staff_no, action, entity, entity_id, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(),
    origin.hallId,
    origin.windowNo,
    at,
    actor.id,
    actor.staffNo,
    event.action,
    event.entity,
    event.entityId,
    JSON.stringify(event.detail ?? {}),
  );
}
