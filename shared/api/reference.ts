/** Reference data: the service catalogue (import, read) and the working-day calendar overrides. */
import { z } from 'zod';
import { catalogueSchema } from '../catalogue/schema';
import { text } from '../fields';
import { isPlainDate } from '../domain/plain-date';
import { empty, method } from './method';

/** Largest catalogue file accepted: 2 MiB of UTF-8. */
export const MAX_CATALOGUE_BYTES = 2 * 1024 * 1024;

/** UTF-8 length of a string, without TextEncoder (not in shared/'s libraries). */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export const plainDateField = z
  .string()
  .trim()
  .refine(isPlainDate, { error: '日期应为真实存在的日期，格式 YYYY-MM-DD' });

/** Calendar overrides are for dates from 2000 to 2099. */
const overrideDateField = plainDateField.refine((d) => d >= '2000-01-01' && d <= '2099-12-31', {
  error: '日期应在 2000 年至 2099 年之间',
});

export const overrideKindSchema = z.enum(['workday', 'restday'], '类型只能是 workday（上班）或 restday（休息）');

export const calendarOverrideSchema = z.object({
  id: z.string(),
  date: z.string(),
  kind: overrideKindSchema,
  name: z.string(),
  source: z.string(),
  coversYear: z.boolean(),
  /** Who entered it, as 姓名（工号）, or null when unknown. */
  enteredBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CalendarOverrideView = z.infer<typeof calendarOverrideSchema>;

export const calendarOverviewSchema = z.object({
  overrides: z.array(calendarOverrideSchema),
  /** Years whose working days are known: the statutory data's years plus years flagged by an override. */
  coveredYears: z.array(z.number().int()),
  /** Years the shipped statutory data (chinese-days) covers. */
  statutoryYears: z.array(z.number().int()),
  /** Where the statutory data comes from, e.g. chinese-days 1.5.7. */
  statutorySource: z.string(),
});
export type CalendarOverview = z.infer<typeof calendarOverviewSchema>;

export const deadlineSchema = z.union([
  z.object({ date: z.string() }).strict(),
  z.object({ pending: z.literal(true), reason: z.string(), year: z.number().int() }).strict(),
]);
export type DeadlineView = z.infer<typeof deadlineSchema>;

export const catalogueVersionSchema = z.object({
  /** null for the catalogue shipped with the app. */
  id: z.string().nullable(),
  version: z.string(),
  issuedAt: z.string(),
  items: z.number().int(),
  builtIn: z.boolean(),
  active: z.boolean(),
  /** 姓名（工号） of the supervisor who imported it. */
  importedBy: z.string().nullable(),
  importedAt: z.string().nullable(),
});
export type CatalogueVersionView = z.infer<typeof catalogueVersionSchema>;

export const referenceMethods = {
  'catalogue.get': method({ effect: 'read', access: 'clerk', request: empty, response: catalogueSchema }),
  'catalogue.versions': method({ effect: 'read', access: 'supervisor', request: empty, response: z.array(catalogueVersionSchema) }),
  'catalogue.import': method({ effect: 'write', audit: '导入事项目录', changesDisplay: false,
    access: 'supervisor',
    request: z
      .object({
        content: z
          .string()
          .min(1, '请选择事项目录文件')
          .max(MAX_CATALOGUE_BYTES, '目录文件不能超过 2 MB')
          .refine((s) => utf8Length(s) <= MAX_CATALOGUE_BYTES, { error: '目录文件不能超过 2 MB' }),
      })
      .strict(),
    response: z.object({ version: z.string(), items: z.number().int() }),
  }),
  'calendar.overrides': method({ effect: 'read', access: 'clerk', request: empty, response: calendarOverviewSchema }),
  'calendar.saveOverride': method({ effect: 'write', audit: '保存节假日设置', changesDisplay: false,
    access: 'supervisor',
    request: z
      .object({
        date: overrideDateField,
        kind: overrideKindSchema,
        name: text(1, 30),
        source: text(2, 100),
        /** This entry completes the year's State Council arrangement: the year counts as covered. */
        coversYear: z.boolean().optional(),
      })
      .strict(),
    response: calendarOverviewSchema,
  }),
  'calendar.deleteOverride': method({ effect: 'write', audit: '删除节假日设置', changesDisplay: false,
    access: 'supervisor',
    request: z.object({ date: plainDateField }).strict(),
    response: calendarOverviewSchema,
  }),
  'calendar.deadline': method({ effect: 'read',
    access: 'clerk',
    request: z
      .object({
        start: plainDateField,
        /** N working days: ends on the Nth working day after start (0 = on the spot). */
        workingDays: z.number().int('天数必须是整数').min(0, '天数不能小于 0').max(365, '天数不能超过 365').optional(),
        /** N calendar days: ends on start + N, moved to the next working day if that is not one. */
        calendarDays: z.number().int('天数必须是整数').min(0, '天数不能小于 0').max(365, '天数不能超过 365').optional(),
      })
      .strict()
      .refine((r) => (r.workingDays === undefined) !== (r.calendarDays === undefined), {
        error: '请填写工作日天数或自然日天数，二者选一',
        path: ['workingDays'],
      }),
    response: deadlineSchema,
  }),
} as const;

export type ReferenceMethodName = keyof typeof referenceMethods;
/** Parsed request and response of a reference method (the same types as ParsedRequestOf / ResponseOf in the contract). */
export type ReferenceRequest<M extends ReferenceMethodName> = z.output<(typeof referenceMethods)[M]['request']>;
export type ReferenceResponse<M extends ReferenceMethodName> = z.output<(typeof referenceMethods)[M]['response']>;
