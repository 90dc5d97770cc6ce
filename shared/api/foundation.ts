/** The foundation's methods: setup, settings, login, staff, commitments, window status, display. */
import { z } from 'zod';
import { idField, isoDateTime, optionalText, pinField, staffNoField, text } from '../fields';
import { hallIdentitySchema, peakDayRuleSchema, settingsUpdateSchema } from '../settings';
import { setupRequestSchema } from '../setup';
import { empty, method } from './method';

export const roleSchema = z.enum(['clerk', 'supervisor'], '角色只能是 clerk 或 supervisor');
export type Role = z.infer<typeof roleSchema>;

export const staffSchema = z.object({
  id: z.string(),
  staffNo: z.string(),
  name: z.string(),
  title: z.string(),
  duties: z.string(),
  partyMember: z.boolean(),
  role: roleSchema,
  active: z.boolean(),
  hasPhoto: z.boolean(),
  lockedUntil: z.string().nullable(),
});
export type Staff = z.infer<typeof staffSchema>;

export const sessionSchema = z.object({
  staff: staffSchema,
  locked: z.boolean(),
  startedAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const commitmentSchema = z.object({ text: text(1, 60), timeLimit: text(1, 20) }).strict();
export type Commitment = z.infer<typeof commitmentSchema>;

export const displayStateSchema = z.object({
  hallName: z.string(),
  department: z.string(),
  windowNo: z.string(),
  status: z.enum(['serving', 'paused', 'closed']),
  clerk: z
    .object({
      name: z.string(),
      staffNo: z.string(),
      title: z.string(),
      duties: z.string(),
      partyMember: z.boolean(),
      photoDataUrl: z.string().nullable(),
    })
    .nullable(),
  /** returnAt is null while the clerk's screen is idle-locked (暂时离开): no time was announced. */
  pause: z.object({ reason: z.string(), returnAt: z.string().nullable() }).nullable(),
  commitments: z.array(z.object({ text: z.string(), timeLimit: z.string() })),
  complaintPhone: z.string(),
  supervisionPhone: z.string(),
  leaderOnDuty: z.string(),
  serverTime: z.string(),
  /** The ticket this window has called (issue 14), shown above the badge until it is finished, passed or transferred. */
  called: z.object({ code: z.string(), matterName: z.string() }).nullable(),
});
export type DisplayState = z.infer<typeof displayStateSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'host']),
  setupComplete: z.boolean(),
  hallName: z.string(),
  windowNo: z.string(),
  idleLockMinutes: z.number(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const settingsViewSchema = hallIdentitySchema.extend({
  officePhone: z.string(),
  idleLockMinutes: z.number(),
  archiveAfterMonths: z.number(),
  purgeScansAfterDays: z.number(),
  ratingTimeoutSeconds: z.number(),
  followUpContactDays: z.number(),
  followUpRectifyDays: z.number(),
  marriageAgeMale: z.number(),
  marriageAgeFemale: z.number(),
  marriagePhotosRequired: z.boolean(),
  registrationOfficeCode: z.string(),
  certificateNumberFormat: z.string(),
  appointmentSlotCapacity: z.number(),
  appointmentPeakCapacity: z.number(),
  appointmentPeakDays: z.array(peakDayRuleSchema),
  allowLan: z.boolean(),
  pairingToken: z.string(),
  allowLanClerk: z.boolean(),
  clerkPairingToken: z.string(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

const staffEditable = {
  name: text(1, 20, 'name'),
  title: optionalText(20),
  duties: optionalText(200, 'multiline'),
  partyMember: z.boolean(),
  role: roleSchema,
};

/** Largest photo upload accepted, as base64 text (about 5 MB of image). */
export const MAX_PHOTO_BASE64 = 7_000_000;

export const foundationMethods = {
  'app.info': method({ effect: 'read', access: 'public', display: true, request: empty, response: appInfoSchema }),
  'setup.complete': method({ effect: 'write', audit: '完成首次设置', changesDisplay: true,
    access: 'setup',
    request: setupRequestSchema,
    response: appInfoSchema,
  }),
  'settings.get': method({ effect: 'read', access: 'supervisor', request: empty, response: settingsViewSchema }),
  'settings.update': method({ effect: 'write', audit: '修改系统设置', changesDisplay: true, access: 'supervisor', request: settingsUpdateSchema, response: settingsViewSchema }),
  'auth.current': method({ effect: 'read', access: 'public', request: empty, response: sessionSchema.nullable() }),
  'auth.login': method({ effect: 'write', audit: '登录', changesDisplay: true,
    access: 'public',
    request: z.object({ staffNo: staffNoField, pin: pinField }).strict(),
    response: sessionSchema,
  }),
  'auth.logout': method({ effect: 'write', audit: '退出登录', changesDisplay: true, access: 'session', request: empty, response: z.null() }),
  'auth.lock': method({ effect: 'write', audit: '锁定屏幕', changesDisplay: true, access: 'clerk', request: empty, response: sessionSchema }),
  'auth.unlock': method({ effect: 'write', audit: '解锁屏幕', changesDisplay: true, access: 'session', request: z.object({ pin: pinField }).strict(), response: sessionSchema }),
  'auth.changePin': method({ effect: 'write', audit: '修改 PIN', changesDisplay: true,
    access: 'clerk',
    request: z.object({ pin: pinField, newPin: pinField }).strict(),
    response: z.null(),
  }),
  'staff.list': method({ effect: 'read', access: 'supervisor', request: empty, response: z.array(staffSchema) }),
  'staff.create': method({ effect: 'write', audit: '新增工作人员', changesDisplay: false,
    access: 'supervisor',
    request: z.object({ ...staffEditable, staffNo: staffNoField, pin: pinField }).strict(),
    response: staffSchema,
  }),
  'staff.update': method({ effect: 'write', audit: '修改工作人员', changesDisplay: true,
    access: 'supervisor',
    request: z
      .object({ id: idField, ...staffEditable, active: z.boolean() })
      .partial()
      .required({ id: true })
      .strict(),
    response: staffSchema,
  }),
  'staff.resetPin': method({ effect: 'write', audit: '重置 PIN', changesDisplay: false,
    access: 'supervisor',
    request: z.object({ id: idField, newPin: pinField }).strict(),
    response: z.null(),
  }),
  // a lockout ends at every window of the hall (the unlock goes to the hall in the change log)
  'staff.unlock': method({ effect: 'write', audit: '解除账号锁定', changesDisplay: false, access: 'supervisor', request: z.object({ id: idField }).strict(), response: staffSchema }),
  'staff.setPhoto': method({ effect: 'write', audit: '更换照片', changesDisplay: true,
    access: 'supervisor',
    request: z
      .object({
        id: idField,
        imageBase64: z
          .string()
          .min(1, '请选择照片文件')
          .max(MAX_PHOTO_BASE64, '照片文件太大，请选择 5 MB 以内的图片')
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, '照片数据格式不正确'),
      })
      .strict(),
    response: staffSchema,
  }),
  'staff.photo': method({ effect: 'read',
    access: 'supervisor',
    request: z.object({ id: idField }).strict(),
    response: z.object({ dataUrl: z.string().nullable() }),
  }),
  'commitments.list': method({ effect: 'read', access: 'clerk', request: empty, response: z.array(commitmentSchema) }),
  'commitments.save': method({ effect: 'write', audit: '修改服务承诺', changesDisplay: true,
    access: 'supervisor',
    request: z
      .object({ items: z.array(commitmentSchema).min(1, '至少保留一条承诺').max(12, '承诺最多 12 条') })
      .strict(),
    response: z.array(commitmentSchema),
  }),
  'window.pause': method({ effect: 'write', audit: '暂离窗口', changesDisplay: true,
    access: 'clerk',
    request: z.object({ reason: text(1, 20), returnAt: isoDateTime }).strict(),
    response: displayStateSchema,
  }),
  'window.resume': method({ effect: 'write', audit: '恢复服务', changesDisplay: true, access: 'clerk', request: empty, response: displayStateSchema }),
  'display.state': method({ effect: 'read', access: 'public', display: true, request: empty, response: displayStateSchema }),
} as const;

