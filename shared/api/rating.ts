/**
 * 好差评 on the public display and the follow-up of bad ratings (监督考评制,
 * 跟踪回访制). The clerk asks for a rating and sees only its status; the
 * display shows the pad and submits; a supervisor follows up bad ratings.
 */
import { z } from 'zod';
import { BAD_REASONS } from '../domain/rating';
import { idField, optionalText, text } from '../fields';
import { method } from './method';

export const ratingStatusSchema = z.enum(['none', 'pending', 'rated', 'notRated']);
export type RatingStatus = z.infer<typeof ratingStatusSchema>;

/** What the display needs to show the pad: never applicant data, never a level. */
export const ratingRequestViewSchema = z
  .object({
    requestId: z.string(),
    expiresAt: z.string(),
    windowNo: z.string(),
    clerkName: z.string(),
  })
  .strict();
export type RatingRequestView = z.infer<typeof ratingRequestViewSchema>;

/**
 * Pushed to the clerk's screen and the display alike whenever a rating is
 * requested, answered or expires. It carries the pending request only (or
 * null): the level chosen is never in it.
 */
export const ratingChangedSchema = z.object({ pending: ratingRequestViewSchema.nullable() }).strict();
export type RatingChanged = z.infer<typeof ratingChangedSchema>;

export const followUpSchema = z.object({
  id: z.string(),
  ratingId: z.string(),
  contactId: z.string(),
  contactNumber: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  applicantPhone: z.string(),
  clerk: z.object({ id: z.string(), name: z.string(), staffNo: z.string() }),
  windowNo: z.string(),
  level: z.number().int(),
  levelLabel: z.string(),
  reasons: z.array(z.string()),
  comment: z.string(),
  answeredAt: z.string(),
  openedAt: z.string(),
  /** 'YYYY-MM-DD'; null while 待定 (the calendar does not cover the year), with the reason. */
  contactDue: z.string().nullable(),
  rectifyDue: z.string().nullable(),
  duePendingReason: z.string().nullable(),
  contactOverdue: z.boolean(),
  rectifyOverdue: z.boolean(),
  contactedAt: z.string().nullable(),
  contactNote: z.string().nullable(),
  finding: z.string().nullable(),
  rectification: z.string().nullable(),
  applicantResponse: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  appeal: z.object({
    status: z.enum(['none', 'filed', 'upheld', 'rejected']),
    reason: z.string().nullable(),
    decision: z.string().nullable(),
    filedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
  }),
});
export type FollowUp = z.infer<typeof followUpSchema>;

const note = (max: number) => optionalText(max, 'multiline').optional();

export const ratingMethods = {
  'rating.request': method({ effect: 'write', audit: '请申请人评价', changesDisplay: false,
    access: 'clerk',
    request: z.object({ contactId: idField }).strict(),
    response: z.object({ status: z.literal('pending') }),
  }),
  'rating.current': method({ effect: 'read',
    access: 'public',
    display: true,
    request: z.object({}).strict(),
    response: ratingRequestViewSchema.nullable(),
  }),
  'rating.submit': method({ effect: 'write', audit: '申请人评价', changesDisplay: false,
    access: 'public',
    display: true,
    request: z
      .object({
        requestId: idField,
        level: z.number('请选择评价').int('请选择评价').min(1, '请选择评价').max(5, '请选择评价'),
        reasons: z.array(z.enum(BAD_REASONS, '请从列表中选择原因')).max(BAD_REASONS.length).optional(),
        comment: optionalText(200, 'multiline').optional(),
      })
      .strict(),
    response: z.object({ thanks: z.string() }),
  }),
  'rating.status': method({ effect: 'read',
    access: 'clerk',
    request: z.object({ contactId: idField }).strict(),
    response: z.object({ status: ratingStatusSchema }),
  }),
  'followUp.list': method({ effect: 'read',
    access: 'supervisor',
    request: z.object({ filter: z.enum(['open', 'overdue', 'closed', 'all']).optional() }).strict(),
    response: z.array(followUpSchema),
  }),
  'followUp.record': method({ effect: 'write', audit: '登记整改情况', changesDisplay: false,
    access: 'supervisor',
    request: z
      .object({
        id: idField,
        contactNote: note(500),
        finding: note(500),
        rectification: note(500),
        applicantResponse: note(500),
      })
      .strict(),
    response: followUpSchema,
  }),
  'followUp.close': method({ effect: 'write', audit: '差评整改结案', changesDisplay: false,
    access: 'supervisor',
    request: z.object({ id: idField }).strict(),
    response: followUpSchema,
  }),
  'followUp.appeal': method({ effect: 'write', audit: '提出申诉', changesDisplay: false,
    access: 'clerk',
    request: z.object({ id: idField, reason: text(2, 500, 'multiline') }).strict(),
    response: followUpSchema,
  }),
  'followUp.decideAppeal': method({ effect: 'write', audit: '申诉裁定', changesDisplay: false,
    access: 'supervisor',
    request: z.object({ id: idField, upheld: z.boolean('请选择是否支持申诉'), decision: text(2, 500, 'multiline') }).strict(),
    response: followUpSchema,
  }),
} as const;
