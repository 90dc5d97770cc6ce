/** Printing: the printer's status and settings, the durable print queue, previews and reprints. */
import { z } from 'zod';
import { idField, text } from '../fields';
import { parsePrinterUri } from '../print/printer-uri';
import { empty, method } from './method';

export const paperWidthSchema = z.union([z.literal(58), z.literal(80)], { error: '纸宽只能是 58 毫米或 80 毫米' });

/** What DLE EOT (or the lack of an answer) says about the printer. */
export const printerStateSchema = z.enum(['ready', 'offline', 'coverOpen', 'paperNearEnd', 'paperOut', 'unreachable', 'unknown', 'none']);
export type PrinterState = z.infer<typeof printerStateSchema>;

export const printerStatusSchema = z.object({
  /** tcp://HOST[:PORT], a device path, or "none" (jobs kept in the data directory). */
  printer: z.string(),
  /** How the clerk sees the printer, e.g. 网络打印机 192.168.1.20:9100. */
  label: z.string(),
  paperWidth: paperWidthSchema,
  state: printerStateSchema,
  /** Chinese, for the clerk's status bar. */
  message: z.string(),
  checkedAt: z.string().nullable(),
  /** Jobs waiting to be printed (queued or being sent). */
  queued: z.number().int(),
  /** Jobs of the last 24 hours that failed and have not been reprinted. */
  failed: z.number().int(),
  /** Jobs of the last 24 hours the printer took without confirming them (发送未确认) and nobody has reprinted. */
  unconfirmed: z.number().int(),
});
export type PrinterStatus = z.infer<typeof printerStatusSchema>;

/** unconfirmed (发送未确认): every byte was handed over but the printer did not answer the status query after the job. */
export const printJobStatusSchema = z.enum(['queued', 'sending', 'sent', 'unconfirmed', 'failed']);
export type PrintJobStatus = z.infer<typeof printJobStatusSchema>;

export const printJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  status: printJobStatusSchema,
  /** The printer it was (or will be) sent to. */
  printer: z.string(),
  paperWidth: paperWidthSchema,
  /** How many times its bytes were handed to a printer (0 while it waits; a job is never resent automatically). */
  attempts: z.number().int(),
  /** Why it waits or failed (Chinese), or a note from the check after printing. */
  lastError: z.string().nullable(),
  /** Who printed it: name and staff number; null for the system. */
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  reprintOf: z.string().nullable(),
  reprintReason: z.string().nullable(),
});
export type PrintJob = z.infer<typeof printJobSchema>;

export const printerUriField = z
  .string()
  .trim()
  .min(1, '请填写打印机地址')
  .max(200, '打印机地址太长')
  .superRefine((value, issue) => {
    if (value === '' || value.length > 200) return; // already reported above
    const parsed = parsePrinterUri(value);
    if (!parsed.ok) issue.addIssue({ code: 'custom', message: parsed.message });
  });

export const printingMethods = {
  'printer.status': method({ effect: 'read', access: 'clerk', request: empty, response: printerStatusSchema }),
  'printer.configure': method({ effect: 'write', audit: '设置打印机', changesDisplay: false,
    access: 'supervisor',
    request: z.object({ printer: printerUriField, paperWidth: paperWidthSchema }).strict(),
    response: printerStatusSchema,
  }),
  'printer.testPage': method({ effect: 'write', audit: '打印测试页', changesDisplay: false, access: 'clerk', request: empty, response: printJobSchema }),
  'print.jobs': method({ effect: 'read',
    access: 'clerk',
    request: z
      .object({ status: printJobStatusSchema.optional(), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    response: z.array(printJobSchema),
  }),
  'print.preview': method({ effect: 'read',
    access: 'clerk',
    request: z.object({ id: idField }).strict(),
    response: z.object({
      title: z.string(),
      svg: z.string(),
      columns: z.number().int(),
      /** Chinese, when a character could not be printed as typed (no font on this machine has it); null otherwise. */
      warning: z.string().nullable(),
    }),
  }),
  'print.reprint': method({ effect: 'write', audit: '重新打印', changesDisplay: false,
    access: 'clerk',
    request: z.object({ id: idField, reason: text(2, 100) }).strict(),
    response: printJobSchema,
  }),
} as const;
