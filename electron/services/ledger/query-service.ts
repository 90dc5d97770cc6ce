/**
 * Ledger views: one category at a time, filtered by hall date range, clerk,
 * status, and a number or an applicant's name; newest first, paged by a
 * keyset cursor so a page costs the same at row 10 and at row 900,000.
 */
import { LEDGER_CATEGORY_INFO, type LedgerFilter, type LedgerPage } from '../../../shared/api/ledger';
import { CounterError } from '../../../shared/result';
import { hallDayBounds } from '../../../shared/domain/hall-time';
import { normalizeDocumentNumber } from '../../../shared/domain/identity-documents';
import type { ActiveSession } from '../core/context';
import type { DocumentVault } from '../crypto/document-vault';
import type { Db } from '../db/connection';
import { CATEGORY_SQL, type CategorySql, type SqlRow } from './categories';
import { MARRIAGE_SQL } from './marriage-category';

const SPECS: Record<LedgerFilter['category'], CategorySql> = { ...CATEGORY_SQL, marriages: MARRIAGE_SQL };

/** The highest code point: every string starting with the prefix sorts below prefix + this. */
const TOP = '\u{10FFFF}';
const COUNT_LIMIT = 10_000;

export type SearchKind = 'number' | 'name';

/** A search with a digit is a contact, case or slip number; anything else is an applicant's name. */
export function searchKind(search: string): SearchKind {
  return /\d/.test(search) ? 'number' : 'name';
}

export interface BuiltQuery {
  spec: CategorySql;
  where: string;
  params: (string | number)[];
}

function hallDayStart(date: string): string {
  const { start } = hallDayBounds(date);
  if (Number.isNaN(start.getTime())) throw new CounterError('VALIDATION', `请检查输入：日期 ${date} 不存在`, { from: '日期不存在' });
  return start.toISOString();
}

function nextDay(date: string): string {
  const { end } = hallDayBounds(date);
  if (Number.isNaN(end.getTime())) throw new CounterError('VALIDATION', `请检查输入：日期 ${date} 不存在`, { to: '日期不存在' });
  return end.toISOString();
}

/** Whether the caller may see the category: the audit trail is for supervisors. */
export function assertMayView(filter: LedgerFilter, session: ActiveSession): void {
  if (filter.category === 'audit' && session.role !== 'supervisor') throw new CounterError('FORBIDDEN', '审计日志只有主管可以查看');
}

/** What the ledger needs of the vault: the keyed hash a document number is searched by. */
export type DocumentLookup = Pick<DocumentVault, 'lookupHash'>;

/** What a query is built against: today's hall date (stage filters) and the vault (document-number searches). */
export interface QueryEnv {
  today: string;
  vault?: DocumentLookup;
}

/** The WHERE clause and parameters for a filter (no paging). A document-number filter needs the vault. */
export function buildQuery(filter: LedgerFilter, env: QueryEnv): BuiltQuery {
  const { vault } = env;
  const spec = SPECS[filter.category];
  const info = LEDGER_CATEGORY_INFO[filter.category];
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.from) {
    where.push(`${spec.date} >= ?`);
    params.push(hallDayStart(filter.from));
  }
  if (filter.to) {
    where.push(`${spec.date} < ?`);
    params.push(nextDay(filter.to));
  }
  if (filter.staffId) {
    where.push(`${spec.staff} = ?`);
    params.push(filter.staffId);
  }
  if (filter.status) {
    const condition = spec.status[filter.status];
    if (!condition) {
      const allowed = info.statuses.map((s) => s.label).join('、');
      const problem = allowed ? `${info.label}台账的状态只能是：${allowed}` : `${info.label}台账没有状态可以筛选`;
      throw new CounterError('VALIDATION', `请检查输入：${problem}`, { 'filter.status': problem });
    }
    where.push(condition);
    const todays = condition.split('?').length - 1;
    for (let i = 0; i < todays; i++) params.push(env.today);
  }
  const search = filter.search?.trim() ?? '';
  if (search !== '') {
    const kind = searchKind(search);
    if (kind === 'number') {
      if (!spec.number) {
        const problem = `${info.label}台账不能按编号搜索`;
        throw new CounterError('VALIDATION', `请检查输入：${problem}`, { 'filter.search': problem });
      }
      // the letters of a number's prefix (JD, GZ, YD, SL) are upper case; the window number keeps its case
      const value = search.replace(/^[a-z]{1,2}(?=\d)/, (m) => m.toUpperCase());
      where.push(spec.number.sql);
      for (let i = 0; i < spec.number.params; i++) params.push(value, value + TOP);
    } else {
      if (!spec.name) {
        const problem = `${info.label}台账不能按姓名搜索`;
        throw new CounterError('VALIDATION', `请检查输入：${problem}`, { 'filter.search': problem });
      }
      where.push(spec.name.sql);
      for (let i = 0; i < spec.name.params; i++) params.push(search, search + TOP);
    }
  }
  const documentNumber = normalizeDocumentNumber(filter.documentNumber ?? '');
  if (documentNumber !== '') {
    if (!spec.document) {
      const problem = `${info.label}台账不能按证件号码搜索`;
      throw new CounterError('VALIDATION', `请检查输入：${problem}`, { 'filter.documentNumber': problem });
    }
    if (!vault) throw new Error('a ledger search by document number needs the vault');
    // exact match by the keyed hash: the number itself is never in the database
    where.push(spec.document.sql);
    const hash = vault.lookupHash(documentNumber);
    for (let i = 0; i < spec.document.params; i++) params.push(hash);
  }
  return { spec, where: where.length > 0 ? where.join(' AND ') : '1', params };
}

export function orderBy(spec: CategorySql): string {
  return spec.orderByKeyOnly ? `${spec.key} DESC` : `${spec.date} DESC, ${spec.key} DESC`;
}

interface Cursor {
  at: string;
  key: number;
}

function encodeCursor(row: SqlRow): string {
  return `${row._at}|${row._key}`;
}

function decodeCursor(cursor: string): Cursor {
  const match = /^([0-9T:.\-Z+]{0,40})\|(\d{1,15})$/.exec(cursor);
  if (!match) throw new CounterError('VALIDATION', '请检查输入：翻页位置无效，请重新查询', { cursor: '翻页位置无效' });
  return { at: match[1] ?? '', key: Number(match[2]) };
}

/** One page of a ledger. */
export function queryLedger(db: Db, filter: LedgerFilter, limit: number, env: QueryEnv, cursor?: string): LedgerPage {
  const { spec, where, params } = buildQuery(filter, env);
  const pageWhere = [where];
  const pageParams = [...params];
  if (cursor) {
    const c = decodeCursor(cursor);
    if (spec.orderByKeyOnly) {
      pageWhere.push(`${spec.key} < ?`);
      pageParams.push(c.key);
    } else {
      pageWhere.push(`(${spec.date} < ? OR (${spec.date} = ? AND ${spec.key} < ?))`);
      pageParams.push(c.at, c.at, c.key);
    }
  }
  const rows = db
    .prepare(`SELECT ${spec.select} FROM ${spec.from} WHERE ${pageWhere.join(' AND ')} ORDER BY ${orderBy(spec)} LIMIT ?`)
    .all(...pageParams, limit + 1) as SqlRow[];
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  let total: number | null = null;
  if (!cursor) {
    const counted = db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${spec.from} WHERE ${where} LIMIT ${COUNT_LIMIT + 1})`).get(...params) as { n: number };
    total = counted.n > COUNT_LIMIT ? null : counted.n;
  }
  return {
    columns: spec.columns,
    rows: page.map((row) => ({ id: row._id, values: spec.render(row, { today: env.today, fullValues: false }) })),
    nextCursor: more && last ? encodeCursor(last) : null,
    total,
  };
}
