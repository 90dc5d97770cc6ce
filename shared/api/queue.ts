/**
 * The window's caller (叫号器, issue 14): every action is the hall's
 * (shared/hall/queue-contract.ts), proxied by the core to the joined hall
 * with a short timeout. A write answers the ticket as the hall left it;
 * repeating one (a double click, a resend) changes nothing more: the hall
 * routes are idempotent by ticket, by recall number and by request id.
 */
import { z } from 'zod';
import { queueTicketSchema } from '../hall/queue-contract';
import { queueDeskResponseSchema } from '../hall/queue-desk';
import { idField } from '../fields';
import { empty, method } from './method';

const matterField = z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, '请选择事项');
const windowField = z.string().trim().regex(/^[A-Za-z0-9-]{1,8}$/, '请选择窗口');
const ticketAction = z.object({ ticketId: idField }).strict();
const ticketAnswer = z.object({ ticket: queueTicketSchema });

export const queueStateSchema = z.discriminatedUnion('joined', [
  z.object({ joined: z.literal(false) }),
  queueDeskResponseSchema.extend({ joined: z.literal(true), windowNo: z.string() }),
]);
export type QueueState = z.infer<typeof queueStateSchema>;
export type { DeskTicket } from '../hall/queue-desk';

export const queueFinishResponseSchema = z.object({
  ticket: queueTicketSchema,
  /** The rating asked on the display for the contact served under this ticket, or why it was not. */
  rating: z.object({ requested: z.boolean(), note: z.string() }),
});

const write = { effect: 'write', access: 'clerk', changesDisplay: true } as const;

export const queueMethods = {
  'queue.state': method({ effect: 'read', access: 'clerk', request: empty, response: queueStateSchema }),
  'queue.callNext': method({ ...write, audit: '叫号', request: empty, response: z.object({ ticket: queueTicketSchema.nullable() }) }),
  'queue.callTicket': method({
    ...write,
    audit: '指定叫号',
    request: z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}\d{3,6}$/, '请输入正确的号码，如 A015') }).strict(),
    response: ticketAnswer,
  }),
  /** recall: the recall this press makes (the ticket's recallCount + 1), so a double click recalls once. */
  'queue.recall': method({ ...write, audit: '重呼', request: z.object({ ticketId: idField, recall: z.number().int().min(1).max(100) }).strict(), response: ticketAnswer }),
  'queue.pass': method({ ...write, audit: '过号', request: ticketAction, response: ticketAnswer }),
  'queue.callBack': method({ ...write, audit: '回呼', request: ticketAction, response: ticketAnswer }),
  'queue.transfer': method({
    ...write,
    audit: '转移排队号',
    request: z
      .object({ ticketId: idField, matter: matterField.optional(), windowNo: windowField.optional() })
      .strict()
      .refine((r) => r.matter !== undefined || r.windowNo !== undefined, { message: '请选择转移到的事项或窗口', path: ['matter'] }),
    response: ticketAnswer,
  }),
  /** documentNumber: the ID card read at the kiosk for a walk-in ticket (null: none), for the form 开始办理 opens. */
  'queue.start': method({ ...write, audit: '开始办理', request: ticketAction, response: ticketAnswer.extend({ documentNumber: z.string().nullable() }) }),
  'queue.finish': method({ ...write, audit: '办结排队号', request: ticketAction, response: queueFinishResponseSchema }),
  /** 绿色通道: the clerk takes a priority ticket for an applicant at the counter; requestId made once per dialog. */
  'queue.takeGreen': method({
    ...write,
    changesDisplay: false,
    audit: '绿色通道取号',
    request: z.object({ requestId: idField, matter: matterField }).strict(),
    response: z.object({ ticket: queueTicketSchema, ahead: z.number().int().nonnegative() }),
  }),
} as const;
