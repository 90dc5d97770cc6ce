/**
 * The 婚姻登记 ledger: marriage registrations, refusals (不予登记), divorce
 * applications with their stage, and reissues (补领), one row per case with
 * both parties. Searched by case number (HY…) or certificate number (J…/L…/BJ…),
 * a party's name, or a party's document number by its keyed lookup hash
 * (civil_party_document); the numbers themselves are stored sealed.
 */
import { CIVIL_LEDGER_STATUS_LABELS, civilLedgerStatus, type CivilLedgerCase, type CivilLedgerStatus } from '../../../shared/domain/civil-ledger';
import { REFUSAL_REASON_LABELS, type RefusalReason } from '../../../shared/domain/marriage-rules';
import { clerk, documentCell, timeCell, maskPhone, prefix, str, type CategorySql, type RenderOptions, type SqlRow } from './categories';

/** The ledger status as an SQL condition over civil_case t (the rule of civilLedgerStatus); each `?` is today's hall date. */
const STATUS_SQL: Record<CivilLedgerStatus, string> = {
  registered: "t.status = 'registered'",
  refused: "t.status = 'refused'",
  coolingOff: "(t.status = 'accepted' AND t.cooling_off_end >= ?)",
  awaitingRegistration: "(t.status = 'accepted' AND t.cooling_off_end < ? AND t.certificate_deadline >= ?)",
  overdue: "(t.status = 'accepted' AND t.certificate_deadline < ?)",
  pending: "(t.status = 'accepted' AND (t.cooling_off_end IS NULL OR (t.cooling_off_end < ? AND t.certificate_deadline IS NULL)))",
  withdrawn: "t.status = 'withdrawn'",
  deemedWithdrawn: "t.status = 'deemedWithdrawn'",
};

function parse<T>(json: SqlRow[string] | undefined, fallback: T): T {
  if (typeof json !== 'string' || json === '') return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

function kindLabel(r: SqlRow): string {
  if (r.kind === 'marriage') return '结婚登记';
  if (r.kind === 'divorce') return '离婚登记';
  return parse<{ originalKind?: string }>(r.details, {}).originalKind === 'divorce' ? '补领离婚证' : '补领结婚证';
}

/** Both parties' values joined: 张三、李四 (a reissue may have one party). */
function both(r: SqlRow, cell: (position: 0 | 1) => string): string {
  return [r.p0_name === null ? '' : cell(0), r.p1_name === null ? '' : cell(1)].filter((v) => v !== '').join('、');
}

function periods(r: SqlRow): string {
  if (r.kind !== 'divorce' || r.status === 'refused') return '';
  const date = (d: SqlRow[string] | undefined) => (d === null || d === undefined ? '待定' : str(d));
  return `冷静期至 ${date(r.cooling_off_end)}；领证截止 ${date(r.certificate_deadline)}`;
}

function detail(r: SqlRow): string {
  if (r.status === 'refused') {
    const reasons = parse<RefusalReason[]>(r.refusal_reasons, []).map((reason) => REFUSAL_REASON_LABELS[reason] ?? reason);
    return [reasons.join('；'), str(r.refusal_note)].filter((v) => v !== '').join('。');
  }
  if (r.status === 'withdrawn') {
    const by = r.withdrawn_by_party === 1 ? r.p1_name : r.p0_name;
    return `${timeCell(r.withdrawn_at)} ${str(by)}申请撤回`;
  }
  if (r.status === 'deemedWithdrawn') return `${timeCell(r.deemed_withdrawn_at)} 逾期未共同领证，视为撤回`;
  if (r.kind === 'reissue') {
    const d = parse<{ originalDate?: string; originalCertificateNo?: string; reason?: string }>(r.details, {});
    return [`原登记日期 ${str(d.originalDate)}`, d.originalCertificateNo ? `原证字号 ${d.originalCertificateNo}` : '', str(d.reason)].filter((v) => v !== '').join('，');
  }
  if (r.kind === 'divorce') {
    const nos = parse<string[]>(r.marriage_certificate_nos, []);
    return nos.length > 0 ? `结婚证字号 ${nos.join('、')}` : '';
  }
  return '';
}

function ledgerCase(r: SqlRow): CivilLedgerCase {
  const status = str(r.status);
  return {
    status: status === 'registered' || status === 'refused' || status === 'withdrawn' || status === 'deemedWithdrawn' ? status : 'accepted',
    coolingOffEnd: typeof r.cooling_off_end === 'string' ? r.cooling_off_end : null,
    certificateDeadline: typeof r.certificate_deadline === 'string' ? r.certificate_deadline : null,
  };
}

const party = (n: 0 | 1) =>
  `p${n}.name AS p${n}_name, p${n}.document_masked AS p${n}_masked, p${n}.document_sealed AS p${n}_sealed, p${n}.phone AS p${n}_phone`;

export const MARRIAGE_SQL: CategorySql = {
  from: `civil_case t
    LEFT JOIN civil_party p0 ON p0.case_id = t.id AND p0.position = 0
    LEFT JOIN civil_party p1 ON p1.case_id = t.id AND p1.position = 1
    LEFT JOIN staff s ON s.id = t.received_by
    LEFT JOIN staff r ON r.id = t.registrar_id`,
  select: `t.rowid AS _key, t.id AS _id, t.received_at AS _at, t.case_no, t.kind, t.status, t.window_no, t.details, t.cooling_off_end,
    t.certificate_deadline, t.certificate_no, t.registered_at, t.refusal_reasons, t.refusal_note, t.withdrawn_at, t.withdrawn_by_party,
    t.deemed_withdrawn_at, t.marriage_certificate_nos, ${party(0)}, ${party(1)},
    s.name AS staff_name, s.staff_no, r.name AS registrar_name, r.staff_no AS registrar_no`,
  date: 't.received_at',
  key: 't.rowid',
  orderByKeyOnly: false,
  staff: 't.received_by',
  status: STATUS_SQL,
  // both numbers are UNIQUE columns, so each prefix is a range of its index
  number: { sql: `(${prefix('t.case_no')} OR ${prefix('t.certificate_no')})`, params: 2 },
  name: { sql: `t.id IN (SELECT case_id FROM civil_party WHERE ${prefix('name')})`, params: 1 },
  document: { sql: 't.id IN (SELECT case_id FROM civil_party WHERE document_hash = ?)', params: 1 },
  columns: [
    { key: 'caseNo', label: '登记编号' },
    { key: 'receivedAt', label: '受理时间' },
    { key: 'kind', label: '类别' },
    { key: 'status', label: '状态' },
    { key: 'certificateNo', label: '证书字号' },
    { key: 'parties', label: '当事人' },
    { key: 'document', label: '证件号码' },
    { key: 'phone', label: '联系电话' },
    { key: 'registeredAt', label: '登记时间' },
    { key: 'periods', label: '冷静期与领证期限' },
    { key: 'detail', label: '说明' },
    { key: 'receivedBy', label: '受理人' },
    { key: 'registrar', label: '登记员' },
    { key: 'window', label: '窗口' },
  ],
  render: (r: SqlRow, o: RenderOptions) => [
    str(r.case_no),
    timeCell(r._at),
    kindLabel(r),
    CIVIL_LEDGER_STATUS_LABELS[civilLedgerStatus(ledgerCase(r), o.today)],
    str(r.certificate_no),
    both(r, (n) => str(r[`p${n}_name`])),
    both(r, (n) => documentCell(r[`p${n}_masked`], r[`p${n}_sealed`], o)),
    both(r, (n) => (o.fullValues ? str(r[`p${n}_phone`]) : maskPhone(str(r[`p${n}_phone`])))),
    timeCell(r.registered_at),
    periods(r),
    detail(r),
    clerk(r.staff_name, r.staff_no),
    r.registrar_no === null || r.registrar_no === undefined ? '' : clerk(r.registrar_name, r.registrar_no),
    `${str(r.window_no)} 号窗口`,
  ],
};
