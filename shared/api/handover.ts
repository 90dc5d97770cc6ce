/**
 * Shift handover (交接班): a summary computed from the ledger, notes and
 * handed-over items, countersigned by the incoming clerk (or a supervisor at
 * day end) with their own PIN, printed, acknowledged by the next clerk. A
 * signed handover is final; a correction is a new entry that references it.
 */
import { z } from 'zod';
import { idField, optionalText, pinField, staffNoField, text } from '../fields';
import { empty, method } from './method';

const person = z.object({ name: z.string(), staffNo: z.string() });

export const handoverSummarySchema = z.object({
  shiftStartedAt: z.string(),
  shiftEndedAt: z.string(),
  clerk: person,
  counts: z.object({
    received: z.number().int(),
    notified: z.number().int(),
    referred: z.number().int(),
    accepted: z.number().int(),
    completed: z.number().int(),
    closed: z.number().int(),
  }),
  /**
   * Ratings asked for during the shift (好差评): rated and not rated only, never
   * the levels, which the clerk may not learn. Handovers signed earlier also
   * stored a bad-rating count; parsing drops it.
   */
  ratings: z.object({ rated: z.number().int(), notRated: z.number().int() }),
  /** Contacts the clerk is still receiving: they must be finished or handed over before closing. */
  inProgress: z.number().int(),
  openCases: z.array(z.object({ caseNo: z.string(), itemName: z.string(), applicantName: z.string(), dueDate: z.string().nullable(), overdue: z.boolean() })),
  openCasesTotal: z.number().int(),
  overdueTotal: z.number().int(),
  awaitingMaterials: z.array(z.object({ slipNo: z.string(), itemName: z.string(), applicantName: z.string(), supplementBy: z.string().nullable() })),
  awaitingTotal: z.number().int(),
  printJobs: z.object({ queued: z.number().int(), failed: z.number().int() }),
  printer: z.object({ label: z.string(), state: z.string(), message: z.string() }),
  /**
   * The shift's marriage-registration work (婚姻登记) and the accepted divorces
   * whose certificate deadline is near (the next clerk calls the parties).
   * Optional: handovers signed before it existed have none in their stored JSON.
   */
  registry: z
    .object({
      marriages: z.number().int(),
      reissues: z.number().int(),
      divorcesAccepted: z.number().int(),
      divorcesRegistered: z.number().int(),
      refused: z.number().int(),
      withdrawn: z.number().int(),
      expiringDivorces: z.array(z.object({ caseNo: z.string(), names: z.string(), certificateDeadline: z.string() })),
    })
    .optional(),
});
export type HandoverSummary = z.infer<typeof handoverSummarySchema>;

export const handoverItemSchema = z
  .object({ what: text(1, 30), quantity: optionalText(20), note: optionalText(60) })
  .strict();
export type HandoverItem = z.infer<typeof handoverItemSchema>;

export const handoverKindSchema = z.enum(['handover', 'dayEnd', 'correction']);

export const handoverSchema = z.object({
  id: z.string(),
  kind: handoverKindSchema,
  from: person,
  countersignedBy: person,
  countersignedAt: z.string(),
  summary: handoverSummarySchema,
  notes: z.string(),
  items: z.array(handoverItemSchema),
  correctsId: z.string().nullable(),
  acknowledgedBy: person.nullable(),
  acknowledgedAt: z.string().nullable(),
  printJobId: z.string().nullable(),
});
export type Handover = z.infer<typeof handoverSchema>;

const items = z.array(handoverItemSchema).max(30, '交接物品最多 30 项');

export const handoverMethods = {
  'handover.summary': method({ effect: 'read', access: 'clerk', request: empty, response: handoverSummarySchema }),
  'handover.close': method({ effect: 'write', audit: '交接班', changesDisplay: true,
    access: 'clerk',
    request: z
      .object({
        kind: z.enum(['handover', 'dayEnd'], '请选择交班或日终关窗'),
        notes: optionalText(500, 'multiline'),
        items,
        countersign: z.object({ staffNo: staffNoField, pin: pinField }).strict(),
      })
      .strict(),
    response: z.object({ handover: handoverSchema, printJobId: z.string() }),
  }),
  'handover.pending': method({ effect: 'read', access: 'clerk', request: empty, response: handoverSchema.nullable() }),
  'handover.acknowledge': method({ effect: 'write', audit: '确认交接', changesDisplay: false, access: 'clerk', request: z.object({ id: idField }).strict(), response: handoverSchema }),
  'handover.correct': method({ effect: 'write', audit: '更正交接记录', changesDisplay: false,
    access: 'supervisor',
    request: z.object({ id: idField, notes: text(1, 500, 'multiline'), items }).strict(),
    response: z.object({ handover: handoverSchema, printJobId: z.string() }),
  }),
  'handover.get': method({ effect: 'read', access: 'clerk', request: z.object({ id: idField }).strict(), response: handoverSchema }),
} as const;
