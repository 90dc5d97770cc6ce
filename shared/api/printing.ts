/** Printing: the printer's status and settings, the durable print queue, previews and reprints. */
import { z } from 'zod';
import { idField, text } from '../fields';
import { empty, method } from './method';

export const paperWidthSchema = z.union([z.literal(58), z.literal(80)], { error: '纸宽只能是 58 毫米或 80 毫米' });

/** What DLE EOT (or the lack of an answer) says about the printer. */
export const printerStateSchema = z.enum(['ready', 'offline', 'coverOpen', 'paperNearEnd', 'paperOut', 'unreachable', 'unknown', 'none']);
export type PrinterState = z.infer<typeof printerStateSchema>;

export const printerStatusSchema = z.object({
  /** tcp://HOST[:PORT], a device path, or "none" (jobs kept in the data directory). */
  printer: z.string(),
  paperWidth: paperWidthSchema,
  state: printerStateSchema,
  /** Chinese, for the clerk's status bar. */
  message: z.string(),
  checkedAt: z.string().nullable(),
  queued: z.number().int(),
  failed: z.number().int(),
});
export type PrinterStatus = z.infer<typeof printerStatusSchema>;

export const printJobStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed']);
export type PrintJobStatus = z.infer<typeof printJobStatusSchema>;

export const printJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  status: printJobStatusSchema,
  printer: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
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
  .regex(
    /^(none|tcp:\/\/[A-Za-z0-9.-]+(:\d{1,5})?|\/dev\/[A-Za-z0-9/_.-]+|COM\d{1,3}|\\\\\.\\COM\d{1,3})$/,
    '打印机地址格式应为 tcp://IP地址:端口、设备路径（如 /dev/usb/lp0、COM3）或 none',
  );

export const printingMethods = {
  'printer.status': method({ access: 'clerk', request: empty, response: printerStatusSchema }),
  'printer.configure': method({
    access: 'supervisor',
    request: z.object({ printer: printerUriField, paperWidth: paperWidthSchema }).strict(),
    response: printerStatusSchema,
  }),
  'printer.testPage': method({ access: 'clerk', request: empty, response: printJobSchema }),
  'print.jobs': method({
    access: 'clerk',
    request: z
      .object({ status: printJobStatusSchema.optional(), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    response: z.array(printJobSchema),
  }),
  'print.preview': method({
    access: 'clerk',
    request: z.object({ id: idField }).strict(),
    response: z.object({ svg: z.string(), columns: z.number().int() }),
  }),
  'print.reprint': method({
    access: 'clerk',
    request: z.object({ id: idField, reason: text(2, 100) }).strict(),
    response: printJobSchema,
  }),
} as const;
