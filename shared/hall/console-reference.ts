/**
 * The console's editing of the reference data the hall owns (staff accounts,
 * commitments, office settings, calendar overrides, peak days, catalogue
 * versions, the day's bookings) and of the queue's supervisor settings: the
 * requests and answers of those console routes (CONSOLE_ROUTES). Every write
 * is checked here with Chinese messages; the hall checks each stored body
 * once more with REFERENCE_BODY_SCHEMAS.
 */
import { z } from 'zod';
import { commitmentSchema, roleSchema } from '../api/foundation';
import { overrideKindSchema, plainDateField } from '../api/reference';
import { PRIORITY_KINDS } from '../domain/queue-policy';
import { optionalText, pinField, staffNoField, text } from '../fields';
import { calendarOverrideReferenceSchema, officeSettingsReferenceSchema, peakDayReferenceSchema, staffReferenceSchema } from './reference-bodies';
import { windowNoSchema } from './contract';

// ---- staff ------------------------------------------------------------------------------

const staffNo = staffNoField.transform((s) => s.toUpperCase());

/** A staff account as the console shows it: never its PIN hash. */
export const staffViewSchema = staffReferenceSchema.omit({ pinHash: true });
export type StaffView = z.infer<typeof staffViewSchema>;
export const staffListSchema = z.object({ staff: z.array(staffViewSchema) });

/** Adds an account (the PIN is required then) or edits one (its PIN and lockout are kept). */
export const staffSaveSchema = z
  .object({
    staffNo,
    name: text(1, 20, 'name'),
    title: optionalText(20),
    duties: optionalText(60),
    partyMember: z.boolean(),
    role: roleSchema,
    active: z.boolean(),
    pin: pinField.optional(),
  })
  .strict();
export type StaffSave = z.input<typeof staffSaveSchema>;
export const staffPinSchema = z.object({ staffNo, pin: pinField }).strict();
export const staffKeySchema = z.object({ staffNo }).strict();

// ---- commitments and office ------------------------------------------------------------------

export const COMMITMENTS_MAX = 12;
export const commitmentsSchema = z.object({ items: z.array(commitmentSchema).max(COMMITMENTS_MAX, `服务承诺最多 ${COMMITMENTS_MAX} 条`) }).strict();
export type CommitmentList = z.infer<typeof commitmentsSchema>;

export const officeSettingsSchema = officeSettingsReferenceSchema.strict();
export const officeResponseSchema = z.object({ office: officeSettingsReferenceSchema.nullable() });

// ---- calendar overrides and peak days -----------------------------------------------------------

export const calendarOverrideSaveSchema = calendarOverrideReferenceSchema
  .extend({ kind: overrideKindSchema, name: text(1, 30), source: text(2, 100) })
  .strict();
export const calendarOverrideKeySchema = z.object({ date: plainDateField }).strict();
const peakDayFields = {
  kind: z.enum(['solar', 'lunar'], '请选择公历或农历'),
  month: z.number('请输入月份').int('月份 1 到 12').min(1, '月份 1 到 12').max(12, '月份 1 到 12'),
  day: z.number('请输入日期').int('日期 1 到 31').min(1, '日期 1 到 31').max(31, '日期 1 到 31'),
};
export const peakDayKeySchema = z.object(peakDayFields).strict();
/** A peak day as the form sends it; the stored body is checked once more with the full rule (peakDayRuleSchema: no 2 月 30 日). */
export const peakDaySaveSchema = z.object({ ...peakDayFields, name: optionalText(20) }).strict();

export const calendarResponseSchema = z.object({
  overrides: z.array(calendarOverrideReferenceSchema),
  peakDays: z.array(peakDayReferenceSchema),
});
export type CalendarResponse = z.infer<typeof calendarResponseSchema>;

/** A peak day's reference key: kind-month-day. */
export function peakDayKey(p: { kind: string; month: number; day: number }): string {
  return `${p.kind}-${p.month}-${p.day}`;
}

// ---- catalogue --------------------------------------------------------------------------------------

/** Largest upload (a catalogue or a booking file), in characters of JSON. */
export const CONSOLE_UPLOAD_MAX = 4_000_000;

export const catalogueVersionViewSchema = z.object({ version: z.string(), issuedAt: z.string(), items: z.number().int(), updatedAt: z.string() });
export const catalogueResponseSchema = z.object({ current: catalogueVersionViewSchema.nullable(), versions: z.array(catalogueVersionViewSchema) });
/** The catalogue file's JSON: checked on the hall with validateCatalogue, so every problem is listed. */
export const catalogueUploadSchema = z.object({ catalogue: z.unknown() }).strict();

// ---- bookings -------------------------------------------------------------------------------------

export const bookingImportSchema = z
  .object({
    fileName: z.string().trim().min(1, '请选择文件').max(200),
    content: z.string().min(1, '文件是空的，请重新导出预约数据').max(CONSOLE_UPLOAD_MAX, '文件过大'),
  })
  .strict();

const problemSchema = z.object({ row: z.number().int(), field: z.string().nullable(), message: z.string() });
export const bookingImportResponseSchema = z.object({
  records: z.number().int(),
  imported: z.number().int(),
  /** Bookings per window that pulls them; windowNo null: every window (the matter is called at several or none). */
  byWindow: z.array(z.object({ windowNo: z.string().nullable(), count: z.number().int() })),
  problems: z.array(problemSchema),
});
export type BookingImportResponse = z.infer<typeof bookingImportResponseSchema>;

export const bookingListRequestSchema = z.object({ date: plainDateField }).strict();
export const bookingListSchema = z.object({
  date: z.string(),
  /** Names only: the document numbers stay in the rows the windows seal. */
  bookings: z.array(z.object({ code: z.string(), slotStart: z.string(), slotEnd: z.string(), itemCode: z.string(), name: z.string(), windowNo: z.string().nullable() })),
});

// ---- the queue's settings ------------------------------------------------------------------------------

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM，如 08:30');
const alertLevel = z.number('请输入数字').int('请输入整数').min(1, '至少 1 人').max(9999, '不能超过 9999').nullable();

export const queueSettingsSaveSchema = z
  .object({
    appointmentsInSlotFirst: z.boolean(),
    greenFirst: z.boolean(),
    normalPerPriority: z.number('请输入数字').int('请输入整数').min(1, '至少 1 个').max(20, '不能超过 20 个'),
    recallCap: z.number('请输入数字').int('请输入整数').min(0, '不能小于 0').max(10, '不能超过 10 次'),
    waitingAlert: alertLevel,
  })
  .strict();
export type QueueSettingsSave = z.infer<typeof queueSettingsSaveSchema>;

export const queueMatterSaveSchema = z
  .object({
    matter: z.string().trim().regex(/^[A-Za-z0-9-]{1,40}$/, '事项编码只能是字母、数字或短横线'),
    name: text(1, 30),
    prefix: z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}$/, '号码前缀应为 1 到 2 个大写字母'),
    windowNos: z.array(windowNoSchema).max(50),
    issueFrom: clock.nullable(),
    issueUntil: clock.nullable(),
    dailyCap: z.number('请输入数字').int('请输入整数').min(1, '至少 1 个').max(100000, '不能超过 100000').nullable(),
    weight: z.number('请输入数字').gt(0, '权重应大于 0').max(10, '权重不能超过 10'),
    waitingAlert: alertLevel,
  })
  .strict()
  .refine((m) => m.issueFrom === null || m.issueUntil === null || m.issueFrom < m.issueUntil, { message: '取号结束时间应晚于开始时间', path: ['issueUntil'] });
export type QueueMatterSave = z.infer<typeof queueMatterSaveSchema>;

export const queueConfigSchema = z.object({
  settings: queueSettingsSaveSchema,
  matters: z.array(queueMatterSaveSchema),
  /** The policy as the supervisor reads it (shared/domain/queue-policy.ts). */
  sentence: z.string(),
});
export type QueueConfig = z.infer<typeof queueConfigSchema>;

export const queuePreviewRequestSchema = z.object({ windowNo: z.union([windowNoSchema, z.literal('')]).optional() }).strict();
export const queuePreviewSchema = z.object({
  sentence: z.string(),
  calls: z.array(z.object({ code: z.string(), matter: z.string(), matterName: z.string(), kind: z.enum(PRIORITY_KINDS) })),
});
export type QueuePreview = z.infer<typeof queuePreviewSchema>;

// ---- the console's audit ----------------------------------------------------------------------------------

export const consoleAuditSchema = z.object({
  entries: z.array(z.object({ at: z.string(), staffNo: z.string(), staffName: z.string(), action: z.string(), kind: z.string(), key: z.string() })),
});

const empty = z.object({});
const post = <Q extends z.ZodType, A extends z.ZodType>(path: string, request: Q, response: A) => ({ method: 'POST', path: `/console/api/${path}`, session: true, request, response }) as const;
const get = <Q extends z.ZodType, A extends z.ZodType>(path: string, request: Q, response: A) => ({ method: 'GET', path: `/console/api/${path}`, session: true, request, response }) as const;

/** The reference editing and queue settings routes, spread at the end of CONSOLE_ROUTES. */
export const REFERENCE_ROUTES = {
  staffList: get('staff', empty, staffListSchema),
  staffSave: post('staff', staffSaveSchema, staffListSchema),
  staffPin: post('staff/pin', staffPinSchema, staffListSchema),
  staffUnlock: post('staff/unlock', staffKeySchema, staffListSchema),
  commitments: get('commitments', empty, commitmentsSchema),
  commitmentsSave: post('commitments', commitmentsSchema, commitmentsSchema),
  office: get('office', empty, officeResponseSchema),
  officeSave: post('office', officeSettingsSchema, officeResponseSchema),
  calendar: get('calendar', empty, calendarResponseSchema),
  calendarOverrideSave: post('calendar/overrides', calendarOverrideSaveSchema, calendarResponseSchema),
  calendarOverrideDelete: post('calendar/overrides/delete', calendarOverrideKeySchema, calendarResponseSchema),
  peakDaySave: post('calendar/peak-days', peakDaySaveSchema, calendarResponseSchema),
  peakDayDelete: post('calendar/peak-days/delete', peakDayKeySchema, calendarResponseSchema),
  catalogue: get('catalogue', empty, catalogueResponseSchema),
  catalogueUpload: post('catalogue', catalogueUploadSchema, catalogueResponseSchema),
  bookings: get('bookings', bookingListRequestSchema, bookingListSchema),
  bookingImport: post('bookings/import', bookingImportSchema, bookingImportResponseSchema),
  queueConfig: get('queue', empty, queueConfigSchema),
  queueSettingsSave: post('queue/settings', queueSettingsSaveSchema, queueConfigSchema),
  queueMatterSave: post('queue/matters', queueMatterSaveSchema, queueConfigSchema),
  queuePreview: get('queue/preview', queuePreviewRequestSchema, queuePreviewSchema),
  consoleAudit: get('audit', empty, consoleAuditSchema),
} as const;

/** Routes whose body may be a whole file (CONSOLE_UPLOAD_MAX); the others stay under the small limit. */
export const UPLOAD_ROUTES: readonly string[] = [REFERENCE_ROUTES.catalogueUpload.path, REFERENCE_ROUTES.bookingImport.path];
