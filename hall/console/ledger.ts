/**
 * The hall-wide ledgers on the console: contacts (接待台账) and registered
 * marriages, from ledger_entry (the latest state of every pushed contact and
 * case). A search matches a full name of the applicant or of either party
 * (GIN on names), or the start of a contact / case number or certificate
 * number (text_pattern_ops indexes); filters by window and hall date. The
 * counts by window use the same filters, so they add up to the total.
 */
import { LEDGER_EXPORT_MAX, LEDGER_PAGE_MAX, type LedgerQuery, type LedgerResponse, type LedgerRow } from '../../shared/hall/console-contract';
import { ledgerCsvHeader, ledgerCsvLine } from '../../shared/hall/ledger-csv';
import type { Pool } from '../db/pool';

const DEFAULT_PAGE = 100;

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE clause of a query and its parameters. */
function where(hallId: string, q: LedgerQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [hallId, q.ledger];
  const parts = ['hall_id = $1', 'ledger = $2'];
  const add = (sql: (n: number) => string, value: unknown): void => {
    params.push(value);
    parts.push(sql(params.length));
  };
  if (q.windowNo) add((n) => `window_no = $${n}`, q.windowNo);
  if (q.from) add((n) => `day >= $${n}::date`, q.from);
  if (q.to) add((n) => `day <= $${n}::date`, q.to);
  if (q.q) {
    params.push(q.q, likePrefix(q.q));
    const a = params.length - 1;
    const b = params.length;
    parts.push(`(names @> ARRAY[$${a}::text] OR ref_no LIKE $${b} OR certificate_no LIKE $${b})`);
  }
  return { sql: parts.join(' AND '), params };
}

interface EntryRow {
  entity_id: string;
  window_no: string;
  day: string | null;
  at: string | null;
  ref_no: string | null;
  certificate_no: string | null;
  names: string[];
  item: string | null;
  status: string | null;
}

const SELECT = `SELECT entity_id, window_no, to_char(day, 'YYYY-MM-DD') AS day, at, ref_no, certificate_no, names, item, status FROM ledger_entry`;
const ORDER = 'ORDER BY day DESC NULLS LAST, at DESC NULLS LAST, entity_id';

function toRow(r: EntryRow): LedgerRow {
  return { entityId: r.entity_id, windowNo: r.window_no, day: r.day, at: r.at, refNo: r.ref_no, certificateNo: r.certificate_no, names: r.names, item: r.item, status: r.status };
}

export async function searchLedger(pool: Pool, hallId: string, q: LedgerQuery): Promise<LedgerResponse> {
  const w = where(hallId, q);
  const limit = Math.min(q.limit ?? DEFAULT_PAGE, LEDGER_PAGE_MAX);
  const [page, counts] = await Promise.all([
    pool.query<EntryRow>(`${SELECT} WHERE ${w.sql} ${ORDER} LIMIT ${limit}`, w.params),
    pool.query<{ window_no: string; count: string }>(`SELECT window_no, count(*) AS count FROM ledger_entry WHERE ${w.sql} GROUP BY window_no ORDER BY length(window_no), window_no`, w.params),
  ]);
  const byWindow = counts.rows.map((r) => ({ windowNo: r.window_no, count: Number(r.count) }));
  return { rows: page.rows.map(toRow), total: byWindow.reduce((sum, c) => sum + c.count, 0), counts: byWindow };
}

/** The CSV export of a query: every matching row up to LEDGER_EXPORT_MAX, newest first. */
export async function ledgerCsv(pool: Pool, hallId: string, q: LedgerQuery): Promise<string> {
  const w = where(hallId, q);
  const { rows } = await pool.query<EntryRow>(`${SELECT} WHERE ${w.sql} ${ORDER} LIMIT ${LEDGER_EXPORT_MAX}`, w.params);
  return ledgerCsvHeader(q.ledger) + rows.map((r) => ledgerCsvLine(q.ledger, toRow(r))).join('');
}
