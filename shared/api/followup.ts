/**
 * Follow-up and coordination: callback rules and callbacks (跟踪回访制),
 * the complaint and suggestion box (意见箱, 监督考评制) and coordination notes
 * on cases addressed to other windows or departments (沟通联系制).
 */
import { z } from 'zod';
import { idField, optionalText, phoneField, text, withTextRule } from '../fields';
import { empty, method } from './method';

export const callbackRuleKindSchema = z.enum(['badRating', 'completedShare', 'matter'], '请选择回访规则类型');
export type CallbackRuleKind = z.infer<typeof callbackRuleKindSchema>;

export const callbackRuleSchema = z.object({
  id: z.string(),
  kind: callbackRuleKindSchema,
  sharePercent: z.number().int(),
  itemCode: z.string().nullable(),
  itemName: z.string().nullable(),
  daysAfter: z.number().int(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CallbackRule = z.infer<typeof callbackRuleSchema>;

export const callbackSchema = z.object({
  id: z.string(),
  source: callbackRuleKindSchema,
  contactId: z.string(),
  contactNo: z.string(),
  caseNo: z.string().nullable(),
  itemName: z.string(),
  applicantName: z.string(),
  phoneMasked: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(['due', 'done', 'unreachable']),
  outcome: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  doneAt: z.string().nullable(),
});
export type Callback = z.infer<typeof callbackSchema>;

export const complaintKindSchema = z.enum(['complaint', 'suggestion'], '请选择投诉或建议');
export const complaintChannelSchema = z.enum(['window', 'phone', 'hotline12345', 'letter', 'online'], '请选择来源渠道');
export const complaintStatusSchema = z.enum(['open', 'resolved', 'closed']);

export const complaintSchema = z.object({
  id: z.string(),
  complaintNo: z.string(),
  kind: complaintKindSchema,
  via: complaintChannelSchema,
  complainant: z.string(),
  phone: z.string(),
  details: z.string(),
  subject: z.object({ id: z.string(), name: z.string(), staffNo: z.string() }).nullable(),
  owner: z.object({ id: z.string(), name: z.string(), staffNo: z.string() }),
  receivedAt: z.string(),
  /** 'YYYY-MM-DD'; null while 待定 (the calendar does not cover that year). */
  deadline: z.string().nullable(),
  status: complaintStatusSchema,
  resolution: z.string().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const coordinationNoteSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  from: z.object({ name: z.string(), staffNo: z.string() }),
  addressedTo: z.string(),
  message: z.string(),
  reply: z.string().nullable(),
  repliedBy: z.string().nullable(),
  repliedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CoordinationNote = z.infer<typeof coordinationNoteSchema>;

const optionalPhone = z.union([z.literal(''), phoneField]);

export const followupMethods = {
  'callbackRules.list': method({ effect: 'read', access: 'supervisor', request: empty, response: z.array(callbackRuleSchema) }),
  'callbackRules.save': method({ effect: 'write', audit: '保存回访规则', changesDisplay: false,
    access: 'supervisor',
    request: z
      .object({
        /** Absent: a new rule. */
        id: idField.optional(),
        kind: callbackRuleKindSchema,
        sharePercent: z.number('请输入抽样比例').int('抽样比例必须是整数').min(1, '抽样比例至少 1%').max(100, '抽样比例不能超过 100%').default(100),
        itemCode: z.string().trim().max(40, '事项编码不能超过 40 个字').default(''),
        daysAfter: z.number('请输入回访时间').int('回访时间必须是整数').min(0, '回访时间不能少于 0 个工作日').max(60, '回访时间不能超过 60 个工作日'),
        active: z.boolean().default(true),
      })
      .strict(),
    response: callbackRuleSchema,
  }),
  'callbacks.due': method({ effect: 'write', audit: '生成到期回访', changesDisplay: false,
    access: 'clerk',
    request: empty,
    response: z.object({
      overdue: z.array(callbackSchema),
      dueToday: z.array(callbackSchema),
      upcoming: z.array(callbackSchema),
      recent: z.array(callbackSchema),
      /** Events the rules select whose due date is 待定 (calendar not covering the year). */
      unscheduled: z.number().int(),
      warning: z.string().nullable(),
    }),
  }),
  'callbacks.phone': method({ effect: 'write', audit: '查看回访电话', changesDisplay: false, access: 'clerk', request: z.object({ id: idField }).strict(), response: z.object({ phone: z.string() }) }),
  'callbacks.record': method({ effect: 'write', audit: '登记回访结果', changesDisplay: false,
    access: 'clerk',
    request: z
      .object({
        id: idField,
        status: z.enum(['done', 'unreachable'], '请选择回访结果'),
        outcome: optionalText(500, 'multiline').default(''),
        satisfaction: z.number('请选择满意度').int().min(1, '请选择满意度').max(5, '请选择满意度').nullable().default(null),
      })
      .strict()
      .superRefine((req, ctx) => {
        if (req.status !== 'done') return;
        if (req.outcome === '') ctx.addIssue({ code: 'custom', path: ['outcome'], message: '已回访时请填写回访情况' });
        if (req.satisfaction === null) ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: '已回访时请选择满意度' });
      }),
    response: callbackSchema,
  }),
  'complaints.create': method({ effect: 'write', audit: '登记投诉建议', changesDisplay: false,
    access: 'clerk',
    request: z
      .object({
        kind: complaintKindSchema,
        via: complaintChannelSchema,
        complainant: optionalText(30, 'name').default(''),
        phone: optionalPhone.default(''),
        details: withTextRule(
          z
            .string('请填写投诉或建议内容')
            .trim()
            .min(5, { error: (issue) => (issue.input === '' ? '请填写投诉或建议内容' : '内容至少需要 5 个字') })
            .max(1000, '内容不能超过 1000 个字'),
          'multiline',
        ),
        subjectStaffId: idField.nullable().default(null),
        /** Absent: the clerk registering it. */
        ownerStaffId: idField.nullable().default(null),
      })
      .strict(),
    response: z.object({ complaint: complaintSchema, warning: z.string().nullable() }),
  }),
  'complaints.list': method({ effect: 'read',
    access: 'clerk',
    request: z.object({ status: complaintStatusSchema.optional() }).strict(),
    response: z.array(complaintSchema),
  }),
  'complaints.resolve': method({ effect: 'write', audit: '处理投诉建议', changesDisplay: false,
    access: 'clerk',
    request: z.object({ id: idField, resolution: text(2, 1000, 'multiline'), reply: text(2, 1000, 'multiline') }).strict(),
    response: complaintSchema,
  }),
  'complaints.close': method({ effect: 'write', audit: '办结投诉建议', changesDisplay: false, access: 'supervisor', request: z.object({ id: idField }).strict(), response: complaintSchema }),
  'coordination.add': method({ effect: 'write', audit: '发起沟通', changesDisplay: false,
    access: 'clerk',
    request: z.object({ caseId: idField, addressedTo: text(2, 40), message: text(1, 500, 'multiline') }).strict(),
    response: coordinationNoteSchema,
  }),
  'coordination.list': method({ effect: 'read',
    access: 'clerk',
    request: z.object({ caseId: idField.optional() }).strict(),
    response: z.array(coordinationNoteSchema),
  }),
  'coordination.reply': method({ effect: 'write', audit: '回复沟通', changesDisplay: false,
    access: 'clerk',
    request: z.object({ id: idField, reply: text(1, 500, 'multiline') }).strict(),
    response: coordinationNoteSchema,
  }),
} as const;
