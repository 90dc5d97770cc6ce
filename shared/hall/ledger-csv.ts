/**
 * The console's ledger export as CSV (UTF-8 with a BOM so spreadsheet
 * programs read the Chinese, CRLF lines). A cell starting with = + - @ is
 * prefixed with ' so a spreadsheet never runs it as a formula.
 */
import { CONTACT_STATUS_LABELS } from '../domain/contact-status';
import type { ConsoleLedger, LedgerRow } from './console-contract';

export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const STATUS_LABELS: Record<ConsoleLedger, Record<string, string>> = {
  contacts: CONTACT_STATUS_LABELS,
  marriages: { registered: '已登记', refused: '不予登记', accepted: '办理中', withdrawn: '已撤回', deemedWithdrawn: '视为撤回' },
};

/** A ledger row's status in the clerk's words (the window's own term when the hall does not know it). */
export function ledgerStatusLabel(ledger: ConsoleLedger, status: string | null): string {
  if (status === null) return '';
  return STATUS_LABELS[ledger][status] ?? status;
}

const HEADERS: Record<ConsoleLedger, readonly string[]> = {
  contacts: ['窗口', '受理日期', '受理编号', '申请人', '事项', '状态'],
  marriages: ['窗口', '登记日期', '案件编号', '结婚证字号', '当事人', '状态'],
};

function cellsOf(ledger: ConsoleLedger, r: LedgerRow): (string | null)[] {
  return ledger === 'contacts'
    ? [r.windowNo, r.day, r.refNo, r.names.join('、'), r.item, ledgerStatusLabel(ledger, r.status)]
    : [r.windowNo, r.day, r.refNo, r.certificateNo, r.names.join('、'), ledgerStatusLabel(ledger, r.status)];
}

export function ledgerCsvHeader(ledger: ConsoleLedger): string {
  return `\uFEFF${HEADERS[ledger].join(',')}\r\n`;
}

export function ledgerCsvLine(ledger: ConsoleLedger, row: LedgerRow): string {
  return `${cellsOf(ledger, row).map(csvCell).join(',')}\r\n`;
}
