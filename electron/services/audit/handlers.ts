/** Handlers of the audit methods (supervisor: verify the chain, read the latest rows). */
import { performance } from 'node:perf_hooks';
import type { AuditMethodName, AuditRowView } from '../../../shared/api/audit';
import type { HandlersFor } from '../handler';
import type { Db } from '../db/connection';
import { verifyAuditChain } from './verify';

interface RecentRow {
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

export function recentAudit(db: Db, limit: number, before: number | undefined): { rows: AuditRowView[]; total: number } {
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, a.actor_staff_no, s.name AS actor_name, a.action, a.entity, a.entity_id, a.detail, a.hash
       FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_id
       WHERE a.seq < ? ORDER BY a.seq DESC LIMIT ?`,
    )
    .all(before ?? Number.MAX_SAFE_INTEGER, limit) as RecentRow[];
  const total = (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  return {
    total,
    rows: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor_name !== null ? `${r.actor_name}（${r.actor_staff_no ?? ''}）` : r.actor_staff_no,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      detail: r.detail,
      hash: r.hash === null ? null : r.hash.slice(0, 12),
    })),
  };
}

export const auditHandlers: HandlersFor<AuditMethodName> = {
  'audit.verify': (ctx) => {
    const started = performance.now();
    const result = verifyAuditChain(ctx.db);
    return { ...result, durationMs: Math.round(performance.now() - started) };
  },
  'audit.recent': (ctx, req) => recentAudit(ctx.db, req.limit ?? 50, req.before),
};
