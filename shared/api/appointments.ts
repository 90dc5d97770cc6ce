/**
 * Appointments at the window (预约): the day's bookings imported from the
 * online booking system's export, check-in by appointment code or ID
 * number, no-shows, and the 预约凭条.
 */
import { z } from 'zod';
import { idField } from '../fields';
import { contactSchema, contactStatusSchema } from './intake';
import { method } from './method';

export const appointmentStatusSchema = z.enum(['booked', 'checkedIn', 'noShow', 'cancelled']);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: '待签到',
  checkedIn: '已签到',
  noShow: '未到',
  cancelled: '已取消',
};

const plainDateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const appointmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  date: z.string(),
  slotStart: z.string(),
  slotEnd: z.string(),
  itemCode: z.string(),
  /** The catalogue's name, or the code when the catalogue no longer has the item. */
  itemName: z.string(),
  applicantName: z.string(),
  documentMasked: z.string(),
  partnerName: z.string(),
  partnerDocumentMasked: z.string(),
  phone: z.string(),
  status: appointmentStatusSchema,
  overCapacity: z.boolean(),
  checkedInAt: z.string().nullable(),
  contactId: z.string().nullable(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentSlotSchema = z.object({
  start: z.string(),
  end: z.string(),
  capacity: z.number().int(),
  /** Appointments in the slot that are not cancelled. */
  booked: z.number().int(),
  overCapacity: z.boolean(),
  appointments: z.array(appointmentSchema),
});
export type AppointmentSlot = z.infer<typeof appointmentSlotSchema>;

export const walkInSchema = z.object({
  contactId: z.string(),
  number: z.string(),
  applicantName: z.string(),
  itemName: z.string(),
  receivedAt: z.string(),
  status: contactStatusSchema,
});
export type WalkIn = z.infer<typeof walkInSchema>;

export const appointmentDaySchema = z.object({
  date: z.string(),
  peak: z.object({ name: z.string() }).nullable(),
  capacity: z.number().int(),
  slots: z.array(appointmentSlotSchema),
  walkIns: z.array(walkInSchema),
});
export type AppointmentDay = z.infer<typeof appointmentDaySchema>;

export const importProblemSchema = z.object({
  /** CSV: the line in the file; JSON: the record number; 0: the file as a whole. */
  row: z.number().int(),
  field: z.string().nullable(),
  message: z.string(),
  /** error: the row was not imported; warning: imported (over capacity) or left as it was (already checked in). */
  severity: z.enum(['error', 'warning']),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const appointmentImportResultSchema = z.object({
  importId: z.string(),
  totalRows: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  /** Rows equal to what is stored already. */
  unchanged: z.number().int(),
  /** Rows whose appointment is already checked in, a no-show or cancelled here: left alone. */
  kept: z.number().int(),
  rejected: z.number().int(),
  overCapacity: z.number().int(),
  problems: z.array(importProblemSchema),
});
export type AppointmentImportResult = z.infer<typeof appointmentImportResultSchema>;

/** 20 MB of text. */
export const MAX_BOOKING_FILE_CHARS = 20 * 1024 * 1024;

const checkInRequest = z.union(
  [
    z.object({ code: z.string().trim().min(1, '请输入或扫描预约号').max(40, '预约号不能超过 40 位') }).strict(),
    z.object({ documentNumber: z.string().trim().min(1, '请输入证件号码或刷身份证').max(40, '证件号码不能超过 40 位') }).strict(),
  ],
  { error: '请只填写预约号或证件号码中的一项' },
);

export const appointmentMethods = {
  'appointments.day': method({ effect: 'read',
    access: 'clerk',
    request: z.object({ date: plainDateField.optional() }).strict(),
    response: appointmentDaySchema,
  }),
  'appointments.import': method({ effect: 'write', audit: '导入预约数据', changesDisplay: false,
    access: 'clerk',
    request: z
      .object({
        fileName: z.string().trim().min(1, '请选择预约导出文件').max(200, '文件名不能超过 200 个字'),
        content: z.string().max(MAX_BOOKING_FILE_CHARS, '文件超过 20 MB，请分批导出'),
      })
      .strict(),
    response: appointmentImportResultSchema,
  }),
  'appointments.checkIn': method({ effect: 'write', audit: '预约签到', changesDisplay: false,
    access: 'clerk',
    request: checkInRequest,
    response: z.object({ appointment: appointmentSchema, contact: contactSchema }),
  }),
  'appointments.markNoShow': method({ effect: 'write', audit: '标记预约未到', changesDisplay: false,
    access: 'clerk',
    request: z.object({ id: idField }).strict(),
    response: appointmentSchema,
  }),
  'appointments.printSlip': method({ effect: 'write', audit: '打印预约凭条', changesDisplay: false,
    access: 'clerk',
    request: z.object({ id: idField }).strict(),
    response: z.object({ printJobId: z.string() }),
  }),
} as const;
