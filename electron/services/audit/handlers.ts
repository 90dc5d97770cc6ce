/** Handlers of the audit methods (supervisor: verify the chain, read the latest rows). */
import { performance } from 'node:perf_hooks';
import type { AuditMethodName, AuditRowView } from '../../../shared/api/audit';
import type { HandlersFor } from '../core/handler';
import type { Db } from '../db/connection';
import { auditRowCount, recentAuditRows } from './audit-repo';
import { verifyAuditChain } from './verify';

export function recentAudit(db: Db, limit: number, before: number | undefined): { rows: AuditRowView[]; total: number } {
  const rows = recentAuditRows(db, before ?? Number.MAX_SAFE_INTEGER, limit);
  const total = auditRowCount(db);
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
