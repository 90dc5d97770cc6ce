/** The audit trail for supervisors: verify the hash chain, read the latest rows. */
import { z } from 'zod';
import { AUDIT_BREAK_REASONS } from '../audit/chain';
import { method } from './method';

export const MAX_AUDIT_PAGE = 200;

export const auditBreakSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  action: z.string(),
  reason: z.enum(AUDIT_BREAK_REASONS),
  /** The seq this row should have had (for 序号缺失). */
  expectedSeq: z.number().int().optional(),
});

export const auditVerifyResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    rows: z.number().int(),
    lastSeq: z.number().int().nullable(),
    durationMs: z.number(),
  }),
  z.object({
    ok: z.literal(false),
    /** Rows checked, the bad one included. */
    rows: z.number().int(),
    firstBad: auditBreakSchema,
    durationMs: z.number(),
  }),
]);
export type AuditVerifyView = z.infer<typeof auditVerifyResultSchema>;

export const auditRowSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  /** 姓名（工号）, the staff number alone if the record is gone, or null for the system. */
  actor: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.string(),
  /** The first 12 hex digits of the row's hash (null before the chain reached it). */
  hash: z.string().nullable(),
});
export type AuditRowView = z.infer<typeof auditRowSchema>;

export const auditMethods = {
  'audit.verify': method({ effect: 'read', access: 'supervisor', request: z.object({}).strict(), response: auditVerifyResultSchema }),
  'audit.recent': method({ effect: 'read',
    access: 'supervisor',
    request: z
      .object({
        limit: z.number().int('条数必须是整数').min(1, '条数至少为 1').max(MAX_AUDIT_PAGE, `条数不能超过 ${MAX_AUDIT_PAGE}`).optional(),
        /** Rows with a smaller seq than this (the next page). */
        before: z.number().int('序号必须是整数').min(1, '序号至少为 1').optional(),
      })
      .strict(),
    response: z.object({ rows: z.array(auditRowSchema), total: z.number().int() }),
  }),
} as const;

export type AuditMethodName = keyof typeof auditMethods;
