/**
 * How each ledger category is read from SQLite: its tables, the columns the
 * clerk sees, and which columns the date, clerk, status and search filters
 * use. A new category is one more entry here (or in its own file, like
 * marriage-category.ts) and in LEDGER_CATEGORIES / LEDGER_CATEGORY_INFO.
 */
import { handoverSummarySchema } from '../../../shared/api/handover';
import { LEDGER_CATEGORY_INFO, type LedgerCategory, type LedgerColumn } from '../../../shared/api/ledger';
import { hallDateTime } from '../../../shared/domain/hall-time';
import { clerkRatingLine } from '../../../shared/domain/rating';

/** One row as the category's SELECT returns it; `_key` and `_at` drive ordering and paging. */
type Cell = string | number | null | undefined;

export type SqlRow = Record<string, string | number | null> & { _key: number; _id: string; _at: string };

export interface RenderOptions {
  /** The hall date the rows are shown on (a divorce application's stage depends on it). */
  today: string;
  /** Unmasked phone and document numbers (supervisor exports, audited). */
  fullValues: boolean;
  /** Opens a sealed document number (ctx.vault.open); only full-value exports pass it. */
  openDocument?: (sealed: string) => string;
}

/** The document number as shown: the full number for a full-value export where one is stored, else the masked form. */
export function documentCell(masked: Cell, sealed: Cell, o: RenderOptions): string {
  if (o.fullValues && o.openDocument && typeof sealed === 'string' && sealed !== '') return o.openDocument(sealed);
  // contacts received before numbers were sealed (migration 9) have the masked form only
  return str(masked);
}

export interface CategorySql {
  /** FROM clause; the category's own table is aliased t. */
  from: string;
  select: string;
  /** Ordered by date then key, newest first; audit orders by its sequence alone. */
  date: string;
  key: string;
  orderByKeyOnly: boolean;
  staff: string;
  /** SQL condition per status value of LEDGER_CATEGORY_INFO; each `?` in it stands for today's hall date. */
  status: Record<string, string>;
  /** Condition for a number search; parameters are (prefix, upper bound) repeated `numberParams` times. */
  number: { sql: string; params: number } | null;
  /** Condition for a name search (the applicant's or a party's); parameters are (prefix, upper bound) repeated `params` times. */
  name: { sql: string; params: number } | null;
  /** Condition for a document number, by its keyed lookup hash (repeated `params` times), or null when the category has none. */
  document: { sql: string; params: number } | null;
  columns: LedgerColumn[];
  render(row: SqlRow, options: RenderOptions): string[];
}

/** An ISO instant cell in hall time (UTC+8): '2026-09-29 09:30'; empty for none, as stored if it is no instant. */
export function timeCell(iso: Cell): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const at = String(iso);
  return Number.isNaN(Date.parse(at)) ? at : hallDateTime(at);
}

/** '13812345678' → '138****5678'; short numbers keep their last two digits at most. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits === '') return '';
  if (digits.length >= 11) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

export const str = (v: Cell): string => (v === null || v === undefined ? '' : String(v));
export const clerk = (name: Cell, no: Cell): string => (name === null || name === undefined ? str(no) : `${str(name)}（${str(no)}）`);

/**
 * A signed handover's summary as one line: the counts and the rated / not-rated
 * numbers, never the stored JSON (older handovers also stored the bad-rating count).
 */
function handoverSummaryText(v: Cell): string {
  let json: unknown;
  try {
    json = JSON.parse(str(v));
  } catch {
    return '';
  }
  const parsed = handoverSummarySchema.safeParse(json);
  if (!parsed.success) return '';
  const c = parsed.data.counts;
  return `接待 ${c.received}，告知 ${c.notified}，引导 ${c.referred}，受理 ${c.accepted}，办结 ${c.completed}；${clerkRatingLine(parsed.data.ratings)}`;
}

function statusLabel(category: LedgerCategory, value: Cell): string {
  return LEDGER_CATEGORY_INFO[category].statuses.find((s) => s.value === value)?.label ?? str(value);
}

function statusConditions(category: LedgerCategory, column: string): Record<string, string> {
  return Object.fromEntries(LEDGER_CATEGORY_INFO[category].statuses.map((s) => [s.value, `${column} = '${s.value}'`]));
}

const PREFIX = '(%s >= ? AND %s < ?)';
export const prefix = (column: string): string => PREFIX.replaceAll('%s', column);

const CHANNEL: Record<string, string> = { walkIn: '现场', appointment: '预约' };
const CLOSE_REASON: Record<string, string> = { consulted: '咨询完毕', referralDone: '已引导', withdrawn: '申请人撤回' };
const HANDOVER_KIND: Record<string, string> = { handover: '交接班', dayEnd: '日终', correction: '更正' };

function missingNames(json: Cell): string {
  try {
    return (JSON.parse(str(json)) as { name: string }[]).map((m) => m.name).join('、');
  } catch {
    return '';
  }
}

function targetWhere(json: Cell): string {
  try {
    return (JSON.parse(str(json)) as { where?: string }).where ?? '';
  } catch {
    return '';
  }
}

/** A slip issued on a contact (告知单, 引导单): found by its own or the contact's number; `own` adds the slip's own columns after the applicant. */
function contactSlip(
  table: 'notification' | 'referral',
  slipLabel: string,
  own: { select: string; columns: LedgerColumn[]; cells: (r: SqlRow) => string[] },
): CategorySql {
  return {
    from: `${table} t JOIN contact c ON c.id = t.contact_id LEFT JOIN staff s ON s.id = t.issued_by`,
    select: `t.rowid AS _key, t.id AS _id, t.issued_at AS _at, t.slip_no, c.item_name, c.applicant_name, ${own.select},
      s.name AS staff_name, s.staff_no, c.contact_no`,
    date: 't.issued_at',
    key: 't.rowid',
    orderByKeyOnly: false,
    staff: 't.issued_by',
    status: {},
    number: { sql: `(${prefix('t.slip_no')} OR ${prefix('c.contact_no')})`, params: 2 },
    name: { sql: prefix('c.applicant_name'), params: 1 },
    document: { sql: 'c.applicant_id_hash = ?', params: 1 },
    columns: [
      { key: 'slipNo', label: slipLabel },
      { key: 'issuedAt', label: '开具时间' },
      { key: 'item', label: '办理事项' },
      { key: 'applicant', label: '申请人' },
      ...own.columns,
      { key: 'issuedBy', label: '开具人' },
      { key: 'contactNo', label: '接待编号' },
    ],
    render: (r) => [
      str(r.slip_no),
      timeCell(r._at),
      str(r.item_name),
      str(r.applicant_name),
      ...own.cells(r),
      clerk(r.staff_name, r.staff_no),
      str(r.contact_no),
    ],
  };
}

/** Every category but 婚姻登记 (marriage-category.ts). */
export const CATEGORY_SQL: Record<Exclude<LedgerCategory, 'marriages'>, CategorySql> = {
  contacts: {
    from: 'contact t LEFT JOIN staff s ON s.id = t.owner_staff_id LEFT JOIN service_case sc ON sc.contact_id = t.id',
    select: `t.rowid AS _key, t.id AS _id, t.received_at AS _at, t.contact_no, t.item_name, t.applicant_name, t.applicant_phone,
      t.applicant_id_masked, t.applicant_id_sealed, t.channel, s.name AS staff_name, s.staff_no, t.status, t.closed_at, t.close_reason, sc.case_no`,
    date: 't.received_at',
    key: 't.rowid',
    orderByKeyOnly: false,
    staff: 't.owner_staff_id',
    status: statusConditions('contacts', 't.status'),
    number: {
      sql: `(${prefix('t.contact_no')}
        OR t.id IN (SELECT contact_id FROM service_case WHERE ${prefix('case_no')})
        OR t.id IN (SELECT contact_id FROM notification WHERE ${prefix('slip_no')})
        OR t.id IN (SELECT contact_id FROM referral WHERE ${prefix('slip_no')}))`,
      params: 4,
    },
    name: { sql: prefix('t.applicant_name'), params: 1 },
    document: { sql: 't.applicant_id_hash = ?', params: 1 },
    columns: [
      { key: 'number', label: '接待编号' },
      { key: 'receivedAt', label: '接待时间' },
      { key: 'item', label: '办理事项' },
      { key: 'applicant', label: '申请人' },
      { key: 'phone', label: '联系电话' },
      { key: 'document', label: '证件号码' },
      { key: 'channel', label: '接待方式' },
      { key: 'owner', label: '首问人' },
      { key: 'status', label: '状态' },
      { key: 'closedAt', label: '结束时间' },
      { key: 'closeReason', label: '结束原因' },
      { key: 'caseNo', label: '受理编号' },
    ],
    render: (r, o) => [
      str(r.contact_no),
      timeCell(r._at),
      str(r.item_name),
      str(r.applicant_name),
      o.fullValues ? str(r.applicant_phone) : maskPhone(str(r.applicant_phone)),
      documentCell(r.applicant_id_masked, r.applicant_id_sealed, o),
      CHANNEL[str(r.channel)] ?? str(r.channel),
      clerk(r.staff_name, r.staff_no),
      statusLabel('contacts', r.status),
      timeCell(r.closed_at),
      CLOSE_REASON[str(r.close_reason)] ?? str(r.close_reason),
      str(r.case_no),
    ],
  },
  cases: {
    from: 'service_case t JOIN contact c ON c.id = t.contact_id LEFT JOIN staff s ON s.id = t.accepted_by',
    select: `t.rowid AS _key, t.id AS _id, t.accepted_at AS _at, t.case_no, t.item_name, c.applicant_name, c.applicant_id_masked, c.applicant_id_sealed,
      s.name AS staff_name, s.staff_no, t.time_limit_kind, t.working_days, t.due_date, t.due_pending_reason, t.status, t.completed_at, c.contact_no`,
    date: 't.accepted_at',
    key: 't.rowid',
    orderByKeyOnly: false,
    staff: 't.accepted_by',
    status: statusConditions('cases', 't.status'),
    // both sides of the OR on t, each searchable by its own index (case_no, contact_id): no row-by-row read of service_case
    number: { sql: `(${prefix('t.case_no')} OR t.contact_id IN (SELECT id FROM contact WHERE ${prefix('contact_no')}))`, params: 2 },
    name: { sql: prefix('c.applicant_name'), params: 1 },
    document: { sql: 'c.applicant_id_hash = ?', params: 1 },
    columns: [
      { key: 'caseNo', label: '受理编号' },
      { key: 'acceptedAt', label: '受理时间' },
      { key: 'item', label: '办理事项' },
      { key: 'applicant', label: '申请人' },
      { key: 'document', label: '证件号码' },
      { key: 'acceptedBy', label: '受理人' },
      { key: 'timeLimit', label: '办结时限' },
      { key: 'dueDate', label: '到期日' },
      { key: 'status', label: '状态' },
      { key: 'completedAt', label: '办结时间' },
      { key: 'contactNo', label: '接待编号' },
    ],
    render: (r, o) => [
      str(r.case_no),
      timeCell(r._at),
      str(r.item_name),
      str(r.applicant_name),
      documentCell(r.applicant_id_masked, r.applicant_id_sealed, o),
      clerk(r.staff_name, r.staff_no),
      r.time_limit_kind === 'onTheSpot' ? '即办' : `${str(r.working_days)} 个工作日`,
      r.due_date === null || r.due_date === undefined ? (r.time_limit_kind === 'onTheSpot' ? '' : `待定（${str(r.due_pending_reason)}）`) : str(r.due_date),
      statusLabel('cases', r.status),
      timeCell(r.completed_at),
      str(r.contact_no),
    ],
  },
  notifications: contactSlip('notification', '告知单编号', {
    select: 't.missing, t.supplement_by',
    columns: [
      { key: 'missing', label: '需补正材料' },
      { key: 'supplementBy', label: '补正期限' },
    ],
    cells: (r) => [missingNames(r.missing), str(r.supplement_by)],
  }),
  referrals: contactSlip('referral', '引导单编号', {
    select: 't.target',
    columns: [{ key: 'where', label: '引导去向' }],
    cells: (r) => [targetWhere(r.target)],
  }),
  handovers: {
    from: 'handover t LEFT JOIN staff s ON s.id = t.from_staff_id LEFT JOIN staff s2 ON s2.id = t.countersigned_by',
    select: `t.rowid AS _key, t.id AS _id, t.countersigned_at AS _at, t.kind, s.name AS staff_name, s.staff_no,
      s2.name AS signer_name, s2.staff_no AS signer_no, t.summary, t.acknowledged_at`,
    date: 't.countersigned_at',
    key: 't.rowid',
    orderByKeyOnly: false,
    staff: 't.from_staff_id',
    status: { pending: 't.acknowledged_at IS NULL', acknowledged: 't.acknowledged_at IS NOT NULL' },
    number: null,
    name: null,
    document: null,
    columns: [
      { key: 'signedAt', label: '签署时间' },
      { key: 'kind', label: '类型' },
      { key: 'from', label: '交班人' },
      { key: 'signer', label: '会签人' },
      { key: 'summary', label: '交接摘要' },
      { key: 'status', label: '状态' },
      { key: 'acknowledgedAt', label: '确认时间' },
    ],
    render: (r) => [
      timeCell(r._at),
      HANDOVER_KIND[str(r.kind)] ?? str(r.kind),
      clerk(r.staff_name, r.staff_no),
      clerk(r.signer_name, r.signer_no),
      handoverSummaryText(r.summary),
      !r.acknowledged_at ? '待确认' : '已确认',
      timeCell(r.acknowledged_at),
    ],
  },
  printJobs: {
    from: 'print_job t LEFT JOIN staff s ON s.id = t.created_by',
    select: `t.rowid AS _key, t.id AS _id, t.created_at AS _at, t.kind, t.title, t.status, t.printer, t.paper_width, t.attempts,
      t.last_error, t.reprint_reason, s.name AS staff_name, s.staff_no, t.sent_at`,
    date: 't.created_at',
    key: 't.rowid',
    orderByKeyOnly: false,
    staff: 't.created_by',
    status: statusConditions('printJobs', 't.status'),
    number: null,
    name: null,
    document: null,
    columns: [
      { key: 'createdAt', label: '打印时间' },
      { key: 'title', label: '单据' },
      { key: 'status', label: '状态' },
      { key: 'printer', label: '打印机' },
      { key: 'attempts', label: '发送次数' },
      { key: 'reprint', label: '补打原因' },
      { key: 'by', label: '打印人' },
      { key: 'sentAt', label: '打印完成时间' },
      { key: 'error', label: '说明' },
    ],
    render: (r) => [
      timeCell(r._at),
      str(r.title),
      statusLabel('printJobs', r.status),
      `${str(r.printer)}（${str(r.paper_width)} 毫米）`,
      str(r.attempts),
      str(r.reprint_reason),
      !r.staff_no ? '系统' : clerk(r.staff_name, r.staff_no),
      timeCell(r.sent_at),
      str(r.last_error),
    ],
  },
  audit: {
    from: 'audit_log t LEFT JOIN staff s ON s.id = t.actor_id',
    select: 't.seq AS _key, t.id AS _id, t.at AS _at, t.actor_staff_no, s.name AS staff_name, t.action, t.entity, t.entity_id, t.detail',
    date: 't.at',
    key: 't.seq',
    orderByKeyOnly: true,
    staff: 't.actor_id',
    status: {},
    number: null,
    name: null,
    document: null,
    columns: [
      { key: 'seq', label: '序号' },
      { key: 'at', label: '时间' },
      { key: 'actor', label: '操作人' },
      { key: 'action', label: '操作' },
      { key: 'entity', label: '对象' },
      { key: 'entityId', label: '对象编号' },
      { key: 'detail', label: '详情' },
    ],
    render: (r) => [
      str(r._key),
      timeCell(r._at),
      !r.actor_staff_no ? '系统' : clerk(r.staff_name, r.actor_staff_no),
      str(r.action),
      str(r.entity),
      str(r.entity_id),
      str(r.detail).length > 500 ? `${str(r.detail).slice(0, 500)}…` : str(r.detail),
    ],
  },
};
