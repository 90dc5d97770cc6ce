/**
 * Ledgers (台账): records by category with filters and search, exports to
 * CSV/XLSX, monthly archives of closed records and the purge of old scans.
 *
 * Search by document number: `documentNumber` in the filter is matched by
 * the keyed lookup hash stored beside the sealed number (never by the
 * number itself, which the database does not hold in plain text). Contacts
 * received before numbers were stored sealed have the masked form only and
 * are not found by number.
 */
import { z } from 'zod';
import { CIVIL_LEDGER_STATUS_LABELS, CIVIL_LEDGER_STATUSES } from '../domain/civil-ledger';
import { normalizeDocumentNumber } from '../domain/identity-documents';
import { idField } from '../fields';
import { empty, method } from './method';

/** The categories that exist today; appointments are added with their feature. */
export const LEDGER_CATEGORIES = ['contacts', 'cases', 'marriages', 'notifications', 'referrals', 'handovers', 'printJobs', 'audit'] as const;
export const ledgerCategorySchema = z.enum(LEDGER_CATEGORIES, '请选择台账类别');
export type LedgerCategory = z.infer<typeof ledgerCategorySchema>;

export interface LedgerCategoryInfo {
  label: string;
  /** Status filter values with their Chinese names; empty when the category has no status. */
  statuses: readonly { value: string; label: string }[];
  /** Whether the search box applies (number or applicant name). */
  searchable: boolean;
  /** Label of the staff filter (whose records). */
  staffLabel: string;
}

export const LEDGER_CATEGORY_INFO: Record<LedgerCategory, LedgerCategoryInfo> = {
  contacts: {
    label: '接待',
    statuses: [
      { value: 'open', label: '正在接待' },
      { value: 'notified', label: '已告知待补正' },
      { value: 'referred', label: '已引导' },
      { value: 'accepted', label: '已受理' },
      { value: 'closed', label: '已结束' },
    ],
    searchable: true,
    staffLabel: '首问人',
  },
  cases: {
    label: '受理件',
    statuses: [
      { value: 'open', label: '办理中' },
      { value: 'completed', label: '已办结' },
    ],
    searchable: true,
    staffLabel: '受理人',
  },
  marriages: {
    label: '婚姻登记',
    statuses: CIVIL_LEDGER_STATUSES.map((value) => ({ value, label: CIVIL_LEDGER_STATUS_LABELS[value] })),
    searchable: true,
    staffLabel: '受理人',
  },
  notifications: { label: '一次性告知单', statuses: [], searchable: true, staffLabel: '开具人' },
  referrals: { label: '引导单', statuses: [], searchable: true, staffLabel: '开具人' },
  handovers: {
    label: '交接班',
    statuses: [
      { value: 'pending', label: '待确认' },
      { value: 'acknowledged', label: '已确认' },
    ],
    searchable: false,
    staffLabel: '交班人',
  },
  printJobs: {
    label: '打印记录',
    statuses: [
      { value: 'queued', label: '等待打印' },
      { value: 'sending', label: '正在发送' },
      { value: 'sent', label: '已打印' },
      { value: 'unconfirmed', label: '发送未确认' },
      { value: 'failed', label: '打印失败' },
    ],
    searchable: false,
    staffLabel: '打印人',
  },
  audit: { label: '审计日志', statuses: [], searchable: false, staffLabel: '操作人' },
};

const plainDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Filters shared by the view and the export. Dates are hall dates (UTC+8), both ends included. */
export const ledgerFilterSchema = z
  .object({
    category: ledgerCategorySchema,
    from: plainDate.optional(),
    to: plainDate.optional(),
    staffId: idField.optional(),
    status: z.string().trim().max(20).optional(),
    /**
     * A contact, case, slip or certificate number (exact or its beginning), or an applicant's / a party's
     * name (exact or its beginning).
     */
    search: z.string().trim().max(40, '搜索内容不能超过 40 个字').optional(),
    /** An applicant's full document number (any spacing, full-width digits, lower-case x): exact match by its keyed hash. */
    documentNumber: z.string().trim().min(1, '请填写证件号码').max(40, '证件号码不能超过 40 个字').optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type LedgerFilter = z.infer<typeof ledgerFilterSchema>;

/** Prefixes of the hall's own numbers (接待、告知单、引导单、受理、婚姻登记): a search starting with one is a record number. */
const RECORD_NUMBER_PREFIX = /^(JD|GZ|YD|SL|HY)\d/;

/**
 * Whether what the clerk typed in the ledger's search box is a document
 * number rather than a record number or a name: 18 characters of a resident
 * ID (digits, a final X), or a passport / permit-like run of 1–2 letters and
 * 7–10 digits that is not one of the hall's own number prefixes. Full-width
 * characters, spaces and a lower-case x are accepted as the vault normalizes them.
 */
export function looksLikeDocumentNumber(input: string): boolean {
  const value = normalizeDocumentNumber(input);
  if (/^\d{17}[\dX]$/.test(value)) return true;
  return /^[A-Z]{1,2}\d{7,10}$/.test(value) && !RECORD_NUMBER_PREFIX.test(value);
}

export const exportFormatSchema = z.enum(['csv', 'xlsx'], '导出格式只能是 CSV 或 XLSX');

/**
 * A produced export, waiting in the workstation's data folder to be saved by the
 * clerk who asked: in host mode the browser downloads it once from
 * `/download/{download}` (the same session, then it is deleted); under
 * Electron the main process asks where to save it (see ExportSaveBridge).
 * An export nobody saves is deleted after EXPORT_KEEP_MINUTES.
 */
export const exportFileSchema = z.object({
  /** One-time token naming the file for its download. */
  download: z.string(),
  /** The name offered to save it under, e.g. 婚姻登记台账_20261127-093000.csv. */
  fileName: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export const EXPORT_KEEP_MINUTES = 15;

export const ledgerColumnSchema = z.object({ key: z.string(), label: z.string() });
export type LedgerColumn = z.infer<typeof ledgerColumnSchema>;

export const ledgerPageSchema = z.object({
  columns: z.array(ledgerColumnSchema),
  /** Values in column order, display-ready (times in hall time, personal data masked). */
  rows: z.array(z.object({ id: z.string(), values: z.array(z.string()) })),
  nextCursor: z.string().nullable(),
  /** Matching rows, counted up to 10,000; null when there are more. */
  total: z.number().int().nullable(),
});
export type LedgerPage = z.infer<typeof ledgerPageSchema>;

export const archiveRunSchema = z.object({
  id: z.string(),
  month: z.string(),
  file: z.string(),
  status: z.enum(['started', 'copied', 'verified', 'completed', 'failed']),
  counts: z.record(z.string(), z.number()),
  error: z.string().nullable(),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ArchiveRun = z.infer<typeof archiveRunSchema>;

export const ledgerMethods = {
  'ledger.query': method({ effect: 'read',
    access: 'clerk',
    request: z
      .object({
        filter: ledgerFilterSchema,
        limit: z.number().int().min(1).max(200).default(50),
        cursor: z.string().max(120).optional(),
      })
      .strict(),
    response: ledgerPageSchema,
  }),
  'ledger.export': method({ effect: 'write', audit: '导出台账', changesDisplay: false,
    access: 'supervisor',
    request: z
      .object({
        filter: ledgerFilterSchema,
        format: exportFormatSchema,
        /** Unmasked values (phone and document numbers); the request is written to the audit trail. */
        fullValues: z.boolean(),
        /** Chosen by the screen so it can match the 'export.progress' events. */
        exportId: idField.optional(),
      })
      .strict(),
    response: exportFileSchema.extend({ exportId: z.string() }),
  }),
  'archive.run': method({ effect: 'write', audit: '归档', changesDisplay: false,
    access: 'supervisor',
    request: z.object({ olderThanMonths: z.number().int().min(1, '至少 1 个月').max(600).optional() }).strict(),
    response: z.object({ cutoff: z.string(), runs: z.array(archiveRunSchema), archived: z.record(z.string(), z.number()) }),
  }),
  'archive.list': method({ effect: 'read',
    access: 'supervisor',
    request: empty,
    response: z.object({ runs: z.array(archiveRunSchema), archiveAfterMonths: z.number().int(), purgeScansAfterDays: z.number().int() }),
  }),
  'retention.purge': method({ effect: 'write', audit: '清理过期扫描件', changesDisplay: false,
    access: 'supervisor',
    request: z.object({ olderThanDays: z.number().int().min(1, '至少 1 天').max(36500).optional() }).strict(),
    response: z.object({ cutoff: z.string(), removed: z.number().int(), bytes: z.number().int(), folders: z.array(z.string()) }),
  }),
} as const;

/** Pushed to clerk screens while an export runs. */
export const exportProgressSchema = z.object({ exportId: z.string(), done: z.number().int(), total: z.number().int() });
