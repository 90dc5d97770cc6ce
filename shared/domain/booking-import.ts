/**
 * The online booking system's export of appointments (预约导出), as a
 * supervisor or clerk saves it: CSV (UTF-8, optional BOM, RFC 4180 quoting,
 * CRLF or LF, a header row) or JSON (an array of objects, or
 * `{ "appointments": [...] }`). Header names may be Chinese or English.
 *
 * Pure: `today` is a parameter (document numbers carrying a birth date are
 * checked against it). Every bad row is reported with what to fix; good rows
 * are kept. `row` is what the person fixing the file sees: the line number
 * in a CSV file (the header is line 1), the record number in a JSON file.
 */
import { checkDocumentNumber, DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, type DocumentType } from './identity-documents';
import { CsvError, parseCsvRecords } from './csv';
import { isRealDate, type PlainDate } from './plain-date';

export type BookingField =
  | 'code'
  | 'date'
  | 'slot'
  | 'itemCode'
  | 'name'
  | 'documentType'
  | 'documentNumber'
  | 'phone'
  | 'partnerName'
  | 'partnerDocumentType'
  | 'partnerDocumentNumber';

export interface BookingParty {
  name: string;
  documentType: DocumentType;
  /** Normalized (checkDocumentNumber's form); the caller seals it and never stores it in plain text. */
  documentNumber: string;
}

export interface ParsedBooking {
  /** CSV: the line the record starts on; JSON: the record number (1-based). */
  row: number;
  /** Upper-case. */
  code: string;
  date: PlainDate;
  slotStart: string;
  slotEnd: string;
  itemCode: string;
  applicant: BookingParty;
  phone: string;
  partner: BookingParty | null;
}

export interface BookingProblem {
  /** 0: the file as a whole. */
  row: number;
  field: BookingField | null;
  message: string;
}

export interface BookingParseResult {
  rows: ParsedBooking[];
  problems: BookingProblem[];
  /** Data records seen (good and bad); 0 when the file could not be read. */
  records: number;
  format: 'csv' | 'json';
}

export const BOOKING_FIELD_LABELS: Record<BookingField, string> = {
  code: '预约号',
  date: '预约日期',
  slot: '预约时段',
  itemCode: '事项编码',
  name: '申请人姓名',
  documentType: '证件类型',
  documentNumber: '证件号码',
  phone: '联系电话',
  partnerName: '另一方姓名',
  partnerDocumentType: '另一方证件类型',
  partnerDocumentNumber: '另一方证件号码',
};

/** Columns without which no row can be imported. The document type defaults to 居民身份证 when the column is absent or blank. */
export const REQUIRED_BOOKING_FIELDS: readonly BookingField[] = ['code', 'date', 'slot', 'itemCode', 'name', 'documentNumber'];

const FIELD_ALIASES: Record<BookingField, readonly string[]> = {
  code: ['预约号', '预约编号', '预约码', 'code', 'appointmentcode', 'bookingcode'],
  date: ['预约日期', '日期', 'date', 'day'],
  slot: ['预约时段', '时段', 'slot', 'timeslot', 'time'],
  itemCode: ['事项编码', '事项代码', 'itemcode', 'item'],
  name: ['申请人姓名', '申请人', '姓名', 'name', 'applicantname'],
  documentType: ['证件类型', 'documenttype', 'idtype'],
  documentNumber: ['证件号码', '身份证号码', '身份证号', 'documentnumber', 'idnumber'],
  phone: ['联系电话', '手机号码', '手机号', '电话', 'phone', 'mobile'],
  partnerName: ['另一方姓名', '对方姓名', 'partnername'],
  partnerDocumentType: ['另一方证件类型', '对方证件类型', 'partnerdocumenttype'],
  partnerDocumentNumber: ['另一方证件号码', '对方证件号码', 'partnerdocumentnumber'],
};

function headerKey(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .replace(/[\s_\-（）()]/g, '')
    .toLowerCase();
}

const HEADER_TO_FIELD = new Map<string, BookingField>(
  (Object.entries(FIELD_ALIASES) as [BookingField, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [headerKey(n), field] as const)),
);

const DOCUMENT_TYPE_ALIASES = new Map<string, DocumentType>([
  ...DOCUMENT_TYPES.map((t) => [t.toLowerCase(), t] as const),
  ...(Object.entries(DOCUMENT_TYPE_LABELS) as [DocumentType, string][]).map(([t, label]) => [label, t] as const),
  ['身份证', 'residentId'],
  ['二代身份证', 'residentId'],
  ['港澳通行证', 'hkMacaoPermit'],
  ['回乡证', 'hkMacaoPermit'],
  ['台胞证', 'taiwanPermit'],
  ['外国人永久居留证', 'foreignPermanentId'],
]);

export const MAX_BOOKING_RECORDS = 100_000;
const CODE = /^[A-Z0-9][A-Z0-9-]{3,31}$/;
const ITEM_CODE = /^[A-Z0-9][A-Z0-9-]{1,29}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const PHONE = /^[0-9+\-() ]{3,20}$/;
const MAX_NAME = 30;

type Cells = Partial<Record<BookingField, string>>;
interface RawRecord {
  row: number;
  cells: Cells;
  /** Set when the record itself is malformed (extra cells, not an object). */
  problem?: string;
}

// ---------------------------------------------------------------- CSV

function csvRecords(text: string): { records: RawRecord[]; columns: Set<BookingField> } | BookingProblem {
  let parsed: { line: number; cells: string[] }[];
  try {
    parsed = parseCsvRecords(text);
  } catch (e) {
    if (e instanceof CsvError) return { row: 0, field: null, message: `文件无法读取：${e.message}` };
    throw e;
  }
  const header = parsed.shift();
  if (!header) return { row: 0, field: null, message: '文件是空的，没有表头和预约记录，请重新导出' };
  const map: (BookingField | null)[] = [];
  const columns = new Set<BookingField>();
  for (const name of header.cells) {
    const field = HEADER_TO_FIELD.get(headerKey(name)) ?? null;
    if (field && columns.has(field)) {
      return { row: 0, field, message: `表头中“${BOOKING_FIELD_LABELS[field]}”列出现了两次（第 ${header.line} 行），请删除重复的列` };
    }
    if (field) columns.add(field);
    map.push(field);
  }
  const records = parsed.map(({ line, cells }): RawRecord => {
    const record: RawRecord = { row: line, cells: {} };
    cells.forEach((value, i) => {
      const field = map[i];
      if (field) record.cells[field] = value;
      else if (i >= map.length && value.trim() !== '') record.problem = `本行有 ${cells.length} 列，比表头的 ${map.length} 列多，可能有未加引号的逗号，请核对`;
    });
    return record;
  });
  return { records, columns };
}

// ---------------------------------------------------------------- JSON

function jsonRecords(text: string): { records: RawRecord[]; columns: Set<BookingField> } | BookingProblem {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : '';
    return { row: 0, field: null, message: `文件不是有效的 JSON，无法读取（${detail.slice(0, 80)}），请重新导出` };
  }
  const list = Array.isArray(data)
    ? data
    : data !== null && typeof data === 'object' && Array.isArray((data as { appointments?: unknown }).appointments)
      ? (data as { appointments: unknown[] }).appointments
      : null;
  if (!list) return { row: 0, field: null, message: 'JSON 文件应为预约记录的数组，或包含 "appointments" 数组的对象' };
  const columns = new Set<BookingField>();
  const records = list.map((item, i): RawRecord => {
    const record: RawRecord = { row: i + 1, cells: {} };
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      record.problem = '这一条不是一条预约记录（应为包含预约号、日期等字段的对象）';
      return record;
    }
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      const field = HEADER_TO_FIELD.get(headerKey(key));
      if (!field) continue;
      columns.add(field);
      if (value === null || value === undefined) continue;
      record.cells[field] = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
    }
    return record;
  });
  // a JSON record without a key is treated as a missing value, not a missing column,
  // unless no record has it at all
  return { records, columns };
}

// ---------------------------------------------------------------- values

/** '2026-08-19', '2026/8/19', '2026年8月19日' → '2026-08-19'; null when not a real date. */
export function parseBookingDate(input: string): PlainDate | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(input.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseTime(input: string): string | null {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(input.trim());
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** '09:00-09:30' (also ～ ~ — – 至) → { start, end } with start < end, or a Chinese problem. */
export function parseBookingSlot(input: string): { start: string; end: string } | { problem: string } {
  const parts = input.trim().split(/\s*(?:-|～|~|—|–|至|到)\s*/);
  const start = parts.length === 2 ? parseTime(parts[0] ?? '') : null;
  const end = parts.length === 2 ? parseTime(parts[1] ?? '') : null;
  if (!start || !end) return { problem: `预约时段“${input.trim().slice(0, 20)}”格式不对，应写成 09:00-09:30（24 小时制）` };
  if (start >= end) return { problem: `预约时段 ${start}-${end} 的结束时间不晚于开始时间，请核对` };
  return { start, end };
}

function documentTypeOf(input: string | undefined): DocumentType | null {
  const value = (input ?? '').trim();
  if (value === '') return 'residentId';
  return DOCUMENT_TYPE_ALIASES.get(value) ?? DOCUMENT_TYPE_ALIASES.get(value.toLowerCase()) ?? null;
}

const TYPE_CHOICES = DOCUMENT_TYPES.map((t) => DOCUMENT_TYPE_LABELS[t]).join('、');

function nameProblem(label: string, value: string): string | null {
  if (value === '') return `${label}不能为空`;
  if ([...value].length > MAX_NAME) return `${label}不能超过 ${MAX_NAME} 个字`;
  return null;
}

function checkRecord(record: RawRecord, today: PlainDate, add: (field: BookingField | null, message: string) => void): ParsedBooking | null {
  const get = (f: BookingField): string => (record.cells[f] ?? '').trim();
  let ok = true;
  const fail = (field: BookingField | null, message: string): void => {
    ok = false;
    add(field, message);
  };
  if (record.problem) {
    fail(null, record.problem);
    if (Object.keys(record.cells).length === 0) return null;
  }

  const code = get('code').toUpperCase();
  if (code === '') fail('code', '预约号不能为空');
  else if (!CODE.test(code)) fail('code', `预约号“${code.slice(0, 40)}”只能由字母、数字和短横线组成，4 到 32 位`);

  const rawDate = get('date');
  const date = parseBookingDate(rawDate);
  if (rawDate === '') fail('date', '预约日期不能为空');
  else if (!date) fail('date', `预约日期“${rawDate.slice(0, 20)}”不是真实存在的日期，应写成 2026-08-19`);

  const rawSlot = get('slot');
  const slot = rawSlot === '' ? { problem: '预约时段不能为空，应写成 09:00-09:30' } : parseBookingSlot(rawSlot);
  if ('problem' in slot) fail('slot', slot.problem);

  const itemCode = get('itemCode').toUpperCase();
  if (itemCode === '') fail('itemCode', '事项编码不能为空（如 MAR-REG）');
  else if (!ITEM_CODE.test(itemCode)) fail('itemCode', `事项编码“${itemCode.slice(0, 40)}”只能由大写字母、数字和短横线组成（如 MAR-REG）`);

  const party = (nameField: BookingField, typeField: BookingField, numberField: BookingField, who: string): BookingParty | null => {
    const name = get(nameField).replace(/\s+/g, ' ');
    const np = nameProblem(`${who}姓名`, name);
    if (np) fail(nameField, np);
    const type = documentTypeOf(record.cells[typeField]);
    if (!type) fail(typeField, `${who}证件类型“${get(typeField).slice(0, 20)}”无法识别，应为：${TYPE_CHOICES}`);
    const number = get(numberField);
    if (number === '') {
      fail(numberField, `${who}证件号码不能为空`);
      return null;
    }
    if (!type) return null;
    const checked = checkDocumentNumber(type, number, today);
    if (!checked.ok) {
      // the problem names the document, never the whole number
      fail(numberField, `${who}${checked.problem}`);
      return null;
    }
    return np ? null : { name, documentType: type, documentNumber: checked.normalized };
  };

  const applicant = party('name', 'documentType', 'documentNumber', '申请人');

  const phone = get('phone');
  if (phone !== '') {
    const digits = phone.replace(/[\s-]/g, '');
    if (!PHONE.test(phone)) fail('phone', `联系电话“${phone.slice(0, 20)}”只能包含数字和 + - ( )，3 到 20 位`);
    else if (/^1\d{10}$/.test(digits) ? !MOBILE.test(digits) : /^1\d+$/.test(digits) && digits.length !== 11) {
      fail('phone', `手机号码“${phone.slice(0, 20)}”应为 1 开头的 11 位数字，请核对`);
    }
  }

  let partner: BookingParty | null = null;
  const hasPartner = get('partnerName') !== '' || get('partnerDocumentNumber') !== '';
  if (hasPartner) partner = party('partnerName', 'partnerDocumentType', 'partnerDocumentNumber', '另一方');
  if (applicant && partner && applicant.documentType === partner.documentType && applicant.documentNumber === partner.documentNumber) {
    fail('partnerDocumentNumber', '另一方证件号码与申请人相同，请核对');
  }

  if (!ok || !date || 'problem' in slot || !applicant) return null;
  return { row: record.row, code, date, slotStart: slot.start, slotEnd: slot.end, itemCode, applicant, phone, partner };
}

function formatOf(fileName: string, content: string): 'csv' | 'json' {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  const first = /\S/.exec(content.replace(/^\uFEFF/, ''))?.[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}

/** Parses a booking export. Never throws on bad input: every problem is in `problems`. */
export function parseBookingExport(fileName: string, content: string, today: PlainDate): BookingParseResult {
  const text = content.replace(/^\uFEFF/, '');
  const format = formatOf(fileName, text);
  if (text.trim() === '') return { rows: [], problems: [{ row: 0, field: null, message: '文件是空的，请重新导出预约数据' }], records: 0, format };
  const read = format === 'json' ? jsonRecords(text) : csvRecords(text);
  if (!('records' in read)) return { rows: [], problems: [read], records: 0, format };
  const missing = REQUIRED_BOOKING_FIELDS.filter((f) => !read.columns.has(f));
  if (missing.length > 0) {
    const names = missing.map((f) => `“${BOOKING_FIELD_LABELS[f]}”`).join('、');
    const where = format === 'csv' ? '表头' : '记录';
    return { rows: [], problems: [{ row: 0, field: missing[0] ?? null, message: `${where}中缺少${names}列（可用中文或英文列名，如 预约号/code），请按导入格式重新导出` }], records: read.records.length, format };
  }
  if (read.records.length === 0) return { rows: [], problems: [{ row: 0, field: null, message: '文件中只有表头，没有预约记录' }], records: 0, format };
  if (read.records.length > MAX_BOOKING_RECORDS) {
    return { rows: [], problems: [{ row: 0, field: null, message: `文件中有 ${read.records.length} 条记录，一次最多导入 ${MAX_BOOKING_RECORDS} 条，请分批导出` }], records: read.records.length, format };
  }
  const rows: ParsedBooking[] = [];
  const problems: BookingProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of read.records) {
    const parsed = checkRecord(record, today, (field, message) => problems.push({ row: record.row, field, message }));
    if (!parsed) continue;
    const first = seen.get(parsed.code);
    if (first !== undefined) {
      const where = format === 'csv' ? `第 ${first} 行` : `第 ${first} 条`;
      problems.push({ row: record.row, field: 'code', message: `预约号 ${parsed.code} 与${where}重复，请删除重复的记录` });
      continue;
    }
    seen.set(parsed.code, record.row);
    rows.push(parsed);
  }
  return { rows, problems, records: read.records.length, format };
}
