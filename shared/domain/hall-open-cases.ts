/**
 * The hall console's open work across windows: what each window shows as open
 * work, read from the latest state of each pushed record (the hall's
 * ledger_entry). One rule per record kind, the windows' own:
 *  - intake: a contact still being received (open) or awaiting materials
 *    (notified, 已告知待补材料), and an accepted case not completed, due on
 *    its due_date (承诺时限);
 *  - callback: a callback (跟踪回访) still due, due on its due date;
 *  - followUp: a bad-rating follow-up (差评整改) still open, due on its
 *    rectification deadline (or the contact deadline before one is set);
 *  - complaint: a complaint or suggestion (投诉/建议) not closed, due on its reply deadline;
 *  - divorce: an accepted divorce application, due at the end of the
 *    cooling-off period and then at the certificate deadline (divorceStage).
 * Overdue: the due date is before today (hall date); a deadline still pending
 * (calendar not entered) is never overdue. Pure: no I/O.
 */
import { divorceStage, type DivorceDeadlines } from './divorce-periods';
import { isPlainDate, type PlainDate } from './plain-date';

export const OPEN_CASE_KINDS = ['intake', 'callback', 'followUp', 'complaint', 'divorce'] as const;
export type OpenCaseKind = (typeof OPEN_CASE_KINDS)[number];

export const OPEN_CASE_KIND_LABELS: Record<OpenCaseKind, string> = { intake: '在办受理', callback: '回访', followUp: '差评整改', complaint: '投诉建议', divorce: '离婚冷静期' };

/** The change-log entities that carry open work. */
export const OPEN_CASE_ENTITIES = ['contact', 'service_case', 'callback', 'follow_up', 'complaint', 'civil_case'] as const;

/** One record's latest state as the hall holds it. */
export interface OpenCaseRecord {
  entity: string;
  status: string | null;
  payload: Readonly<Record<string, unknown>>;
}

export interface OpenCase {
  kind: OpenCaseKind;
  /** What is open, in the clerk's words. */
  state: string;
  /** The date it is due by, or null when it has none (yet). */
  due: PlainDate | null;
  overdue: boolean;
}

function text(payload: Readonly<Record<string, unknown>>, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = payload[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return null;
}

function dateOf(payload: Readonly<Record<string, unknown>>, ...keys: string[]): PlainDate | null {
  const v = text(payload, ...keys);
  if (v === null) return null;
  const day = v.slice(0, 10);
  return isPlainDate(day) ? day : null;
}

function open(kind: OpenCaseKind, state: string, due: PlainDate | null, today: PlainDate): OpenCase {
  return { kind, state, due, overdue: due !== null && due < today };
}

function divorceCase(payload: Readonly<Record<string, unknown>>, today: PlainDate): OpenCase | null {
  const coolingEnd = dateOf(payload, 'cooling_off_end', 'coolingOffEnd');
  const deadline = dateOf(payload, 'certificate_deadline', 'certificateDeadline');
  const pending = { pending: true as const, reason: '日历未录入', year: Number(today.slice(0, 4)) };
  const deadlines: DivorceDeadlines = {
    coolingOffEnd: coolingEnd ? { date: coolingEnd } : pending,
    certificateDeadline: deadline ? { date: deadline } : pending,
  };
  switch (divorceStage(deadlines, today)) {
    case 'coolingOff':
      return open('divorce', '冷静期内', coolingEnd, today);
    case 'awaitingRegistration':
      return open('divorce', '冷静期满，待双方领证', deadline, today);
    case 'expired':
      return open('divorce', '领证期限已过，待作视为撤回处理', deadline, today);
    case 'unknown':
      return open('divorce', '期限待定（日历未录入）', null, today);
  }
}

/** The open work a record stands for today, or null when it is done (or is not work). */
export function openCaseOf(record: OpenCaseRecord, today: PlainDate): OpenCase | null {
  const { payload, status } = record;
  switch (record.entity) {
    case 'contact':
      if (status === 'open') return open('intake', '正在接待', null, today);
      if (status === 'notified') return open('intake', '已告知待补材料', null, today);
      return null;
    case 'service_case':
      return status === 'open' ? open('intake', '在办受理件', dateOf(payload, 'due_date', 'dueDate'), today) : null;
    case 'callback':
      return status === 'due' ? open('callback', '待回访', dateOf(payload, 'dueDate', 'due_date'), today) : null;
    case 'follow_up':
      return status === 'open' ? open('followUp', '整改中', dateOf(payload, 'rectify_due', 'contact_due'), today) : null;
    case 'complaint':
      if (status === 'open') return open('complaint', payload.kind === 'suggestion' ? '建议待答复' : '投诉待处理', dateOf(payload, 'deadline'), today);
      if (status === 'resolved') return open('complaint', '已处理待办结', dateOf(payload, 'deadline'), today);
      return null;
    case 'civil_case':
      return payload.kind === 'divorce' && status === 'accepted' ? divorceCase(payload, today) : null;
    default:
      return null;
  }
}

export interface OpenCaseCount {
  windowNo: string;
  open: number;
  overdue: number;
}

/** Open and overdue counts by window, windows in number order. */
export function countOpenCases(cases: readonly { windowNo: string; overdue: boolean }[]): OpenCaseCount[] {
  const by = new Map<string, OpenCaseCount>();
  for (const c of cases) {
    const count = by.get(c.windowNo) ?? { windowNo: c.windowNo, open: 0, overdue: 0 };
    count.open++;
    if (c.overdue) count.overdue++;
    by.set(c.windowNo, count);
  }
  return [...by.values()].sort((a, b) => a.windowNo.length - b.windowNo.length || a.windowNo.localeCompare(b.windowNo));
}
