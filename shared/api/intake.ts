/**
 * Intake at the window: first contact (首问负责), referral, one-time
 * notification (一次性告知), acceptance with a working-day deadline (限时办结),
 * and the clerk's own cases.
 */
import { z } from 'zod';
import { idField, optionalText, text } from '../fields';
import { empty, method } from './method';

export const channelSchema = z.enum(['walkIn', 'appointment'], '接待方式只能是现场或预约');
export const contactStatusSchema = z.enum(['open', 'notified', 'referred', 'accepted', 'closed']);
export type ContactStatus = z.infer<typeof contactStatusSchema>;

export const missingItemSchema = z.object({
  materialId: z.string(),
  name: z.string(),
  standard: z.string(),
  obtainFrom: z.string(),
  problem: z.string().optional(),
});

export const contactSchema = z.object({
  id: z.string(),
  number: z.string(),
  channel: channelSchema,
  itemCode: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  applicantPhone: z.string(),
  applicantIdMasked: z.string(),
  status: contactStatusSchema,
  receivedAt: z.string(),
  owner: z.object({ name: z.string(), staffNo: z.string() }),
  /** The window handles this item itself; otherwise the clerk refers the applicant. */
  handledHere: z.boolean(),
  receivedMaterialIds: z.array(z.string()),
  notification: z.object({ slipNo: z.string(), missing: z.array(missingItemSchema), supplementBy: z.string().nullable() }).nullable(),
  referral: z.object({ slipNo: z.string(), where: z.string() }).nullable(),
  caseNo: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const caseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  contactId: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  acceptedAt: z.string(),
  timeLimit: z.string(),
  /** 'YYYY-MM-DD'; null while 待定 (the calendar does not cover that year). */
  dueDate: z.string().nullable(),
  duePendingReason: z.string().nullable(),
  status: z.enum(['open', 'completed']),
  completedAt: z.string().nullable(),
});
export type ServiceCase = z.infer<typeof caseSchema>;

const materialIds = z.array(z.string().min(1).max(40)).max(60, '材料条目太多');

export const intakeMethods = {
  'intake.start': method({ effect: 'write', audit: '开始接待', changesDisplay: false,
    access: 'clerk',
    request: z
      .object({
        itemCode: z.string().trim().min(1, '请选择办理事项').max(40),
        channel: channelSchema,
        applicantName: text(1, 30, 'name'),
        applicantPhone: z.union([z.literal(''), z.string().trim().regex(/^[0-9+\-() ]{3,20}$/, '电话号码只能包含数字和 + - ( )')]),
        applicantIdNumber: optionalText(40),
      })
      .strict(),
    response: contactSchema,
  }),
  'intake.get': method({ effect: 'read', access: 'clerk', request: z.object({ id: idField }).strict(), response: contactSchema }),
  'intake.mine': method({ effect: 'read', access: 'clerk', request: empty, response: z.array(contactSchema) }),
  'intake.refer': method({ effect: 'write', audit: '开具引导单', changesDisplay: false,
    access: 'clerk',
    request: z.object({ id: idField }).strict(),
    response: z.object({ contact: contactSchema, printJobId: z.string() }),
  }),
  'intake.notify': method({ effect: 'write', audit: '一次性告知', changesDisplay: false,
    access: 'clerk',
    request: z
      .object({
        id: idField,
        receivedMaterialIds: materialIds,
        problems: z.array(z.object({ materialId: z.string().min(1).max(40), problem: text(1, 60) }).strict()).max(60),
      })
      .strict(),
    response: z.object({ contact: contactSchema, printJobId: z.string() }),
  }),
  'intake.resume': method({ effect: 'write', audit: '补齐材料续办', changesDisplay: false,
    access: 'clerk',
    request: z.object({ slipNo: z.string().trim().toUpperCase().min(1, '请输入或扫描告知单编号').max(40) }).strict(),
    response: contactSchema,
  }),
  'intake.accept': method({ effect: 'write', audit: '受理', changesDisplay: false,
    access: 'clerk',
    request: z.object({ id: idField, receivedMaterialIds: materialIds }).strict(),
    response: z.object({ contact: contactSchema, case: caseSchema, printJobId: z.string(), warning: z.string().nullable() }),
  }),
  'intake.close': method({ effect: 'write', audit: '结束接待', changesDisplay: false,
    access: 'clerk',
    request: z.object({ id: idField, reason: z.enum(['consulted', 'referralDone', 'withdrawn'], '请选择结束原因') }).strict(),
    response: contactSchema,
  }),
  'cases.mine': method({ effect: 'read',
    access: 'clerk',
    request: empty,
    response: z.object({
      overdue: z.array(caseSchema),
      dueToday: z.array(caseSchema),
      dueSoon: z.array(caseSchema),
      later: z.array(caseSchema),
      pending: z.array(caseSchema),
    }),
  }),
  'cases.complete': method({ effect: 'write', audit: '办结', changesDisplay: false, access: 'clerk', request: z.object({ id: idField }).strict(), response: caseSchema }),
} as const;
