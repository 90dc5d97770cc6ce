/** The typed settings of one window workstation; one schema for electron-store and conf. */
import { z } from 'zod';
import { optionalText, phoneField, text } from './fields';
import { certificateFormatProblem, DEFAULT_CERTIFICATE_FORMAT } from './domain/certificate-number';
import { MIN_CONFIGURABLE_MARRIAGE_AGE, STATUTORY_MARRIAGE_AGE } from './domain/marriage-rules';
import { DEFAULT_PEAK_DAYS, peakRuleProblem, type PeakDayRule } from './domain/peak-days';

/** Regional adaptations may lower the statutory age (民法典 art. 1047), never raise it. */
function marriageAge(statutory: number) {
  return z
    .number()
    .int('必须是整数')
    .min(MIN_CONFIGURABLE_MARRIAGE_AGE, `不能小于 ${MIN_CONFIGURABLE_MARRIAGE_AGE} 周岁`)
    .max(statutory, `不能高于法定婚龄 ${statutory} 周岁`);
}
const slotCapacity = z.number().int('必须是整数').min(1, '每个时段至少 1 人').max(200, '每个时段不能超过 200 人');

export const peakDayRuleSchema = z
  .object({
    kind: z.enum(['solar', 'lunar'], '请选择公历或农历'),
    month: z.number().int('必须是整数').min(1, '月份 1 到 12').max(12, '月份 1 到 12'),
    day: z.number().int('必须是整数').min(1, '日期 1 到 31').max(31, '日期 1 到 31'),
    name: z.string().trim(),
  })
  .strict()
  .superRefine((rule, issue) => {
    const problem = peakRuleProblem(rule);
    if (problem) issue.addIssue({ code: 'custom', message: problem });
  }) satisfies z.ZodType<PeakDayRule>;

const certificateFormat = z
  .string()
  .trim()
  .superRefine((format, issue) => {
    const problem = certificateFormatProblem(format);
    if (problem) issue.addIssue({ code: 'custom', message: problem });
  });

export const hallIdentitySchema = z.object({
  hallName: text(1, 40),
  department: text(1, 40),
  windowNo: z.string().trim().regex(/^[A-Za-z0-9-]{1,8}$/, '窗口号只能是 1 到 8 位字母、数字或短横线'),
  complaintPhone: phoneField,
  supervisionPhone: phoneField,
  leaderOnDuty: optionalText(40),
});

/**
 * What the settings file may hold. Looser than the input forms above: before
 * the first-run wizard the hall fields are still empty.
 */
export const settingsSchema = z.object({
  hallName: z.string().max(40, '不能超过 40 个字'),
  department: z.string().max(40, '不能超过 40 个字'),
  windowNo: hallIdentitySchema.shape.windowNo,
  complaintPhone: z.string().max(20, '不能超过 20 位'),
  supervisionPhone: z.string().max(20, '不能超过 20 位'),
  leaderOnDuty: z.string().max(40, '不能超过 40 个字'),
  /** 咨询电话 printed on slips; may stay empty. */
  officePhone: z.string().max(20, '不能超过 20 位'),
  hallId: z.string(),
  idleLockMinutes: z.number().int('必须是整数').min(1, '至少 1 分钟').max(120, '不能超过 120 分钟'),
  allowLan: z.boolean(),
  /** Pairs a LAN client as the public display (display methods only). */
  pairingToken: z.string(),
  /** A clerk screen over the LAN: refused unless a supervisor turns it on; it pairs with its own token. */
  allowLanClerk: z.boolean(),
  clerkPairingToken: z.string(),
  setupComplete: z.boolean(),
  /** tcp://HOST[:PORT], a device path, or "none": the embedded no-printer default. */
  printer: z.string().max(200),
  paperWidth: z.union([z.literal(58), z.literal(80)], { error: '纸宽只能是 58 或 80' }),
  /** Closed records older than this many months move to the monthly archive files. */
  archiveAfterMonths: z.number().int('必须是整数').min(1, '至少 1 个月').max(600, '不能超过 600 个月'),
  /** Scans, photos and print-job files older than this many days are purged. */
  purgeScansAfterDays: z.number().int('必须是整数').min(1, '至少 1 天').max(36500, '不能超过 36500 天'),
  /** Seconds the display waits for the applicant's rating before recording 未评价. */
  ratingTimeoutSeconds: z.number().int('必须是整数').min(10, '至少 10 秒').max(600, '不能超过 600 秒'),
  /** A bad rating: contact the applicant within this many working days. */
  followUpContactDays: z.number().int('必须是整数').min(0, '不能小于 0').max(30, '不能超过 30 个工作日'),
  /** A bad rating: rectify within this many working days. */
  followUpRectifyDays: z.number().int('必须是整数').min(0, '不能小于 0').max(60, '不能超过 60 个工作日'),
  /** Legal marriage age (民法典 art. 1047: 22 / 20); autonomous regions may set their own. */
  marriageAgeMale: marriageAge(STATUTORY_MARRIAGE_AGE.male),
  marriageAgeFemale: marriageAge(STATUTORY_MARRIAGE_AGE.female),
  /** The office asks for the joint photos (usually 3 two-inch) before registering. */
  marriagePhotosRequired: z.boolean(),
  /** 登记机关代码: six digits, part of every certificate number; empty until a supervisor enters it. */
  registrationOfficeCode: z.union([z.literal(''), z.string().regex(/^\d{6}$/, '登记机关代码应为 6 位数字')]),
  /** Certificate number template: {prefix}{office}-{year}-{seq} → J110105-2026-000123. */
  certificateNumberFormat: certificateFormat,
  /** Appointments each time slot takes, on ordinary days and on peak days. */
  appointmentSlotCapacity: slotCapacity,
  appointmentPeakCapacity: slotCapacity,
  /** Peak days (5·20, 七夕, 双十二, 情人节 by default). */
  appointmentPeakDays: z.array(peakDayRuleSchema).max(30, '高峰日不能超过 30 个'),
});

export type Settings = z.infer<typeof settingsSchema>;
export type HallIdentity = z.infer<typeof hallIdentitySchema>;

export const DEFAULT_SETTINGS: Settings = {
  hallName: '',
  department: '',
  windowNo: '1',
  complaintPhone: '',
  supervisionPhone: '12345',
  leaderOnDuty: '',
  officePhone: '',
  hallId: '',
  idleLockMinutes: 5,
  allowLan: false,
  pairingToken: '',
  allowLanClerk: false,
  clerkPairingToken: '',
  setupComplete: false,
  printer: 'none',
  paperWidth: 80,
  archiveAfterMonths: 24,
  purgeScansAfterDays: 180,
  ratingTimeoutSeconds: 60,
  followUpContactDays: 1,
  followUpRectifyDays: 5,
  marriageAgeMale: STATUTORY_MARRIAGE_AGE.male,
  marriageAgeFemale: STATUTORY_MARRIAGE_AGE.female,
  marriagePhotosRequired: true,
  registrationOfficeCode: '',
  certificateNumberFormat: DEFAULT_CERTIFICATE_FORMAT,
  appointmentSlotCapacity: 6,
  appointmentPeakCapacity: 12,
  appointmentPeakDays: [...DEFAULT_PEAK_DAYS],
};

/** What a supervisor may change from the settings screen. */
export const settingsUpdateSchema = hallIdentitySchema
  .extend({
    idleLockMinutes: settingsSchema.shape.idleLockMinutes,
    allowLan: z.boolean(),
    allowLanClerk: z.boolean(),
    officePhone: z.union([z.literal(''), phoneField]),
    archiveAfterMonths: settingsSchema.shape.archiveAfterMonths,
    purgeScansAfterDays: settingsSchema.shape.purgeScansAfterDays,
    ratingTimeoutSeconds: settingsSchema.shape.ratingTimeoutSeconds,
    followUpContactDays: settingsSchema.shape.followUpContactDays,
    followUpRectifyDays: settingsSchema.shape.followUpRectifyDays,
    marriageAgeMale: settingsSchema.shape.marriageAgeMale,
    marriageAgeFemale: settingsSchema.shape.marriageAgeFemale,
    marriagePhotosRequired: settingsSchema.shape.marriagePhotosRequired,
    registrationOfficeCode: settingsSchema.shape.registrationOfficeCode,
    certificateNumberFormat: settingsSchema.shape.certificateNumberFormat,
    appointmentSlotCapacity: settingsSchema.shape.appointmentSlotCapacity,
    appointmentPeakCapacity: settingsSchema.shape.appointmentPeakCapacity,
    appointmentPeakDays: settingsSchema.shape.appointmentPeakDays,
  })
  .partial()
  .strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;
