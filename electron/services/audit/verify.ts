/**
 * Verifies the audit trail's hash chain: streams audit_log in seq order and
 * reports the first row that does not match (edited, unlinked, unhashed, or
 * after a missing seq). Works on a read-only connection too (the CLI's).
 */
import type { Database } from 'better-sqlite3';
import { checkAuditRow, type AuditBreak, type ChainCursor } from '../../../shared/audit/chain';
import { auditRowCount, auditRowsInOrder } from './audit-repo';
import { sha256Hex } from './chain-store';

export type AuditVerifyResult =
  | { ok: true; rows: number; lastSeq: number | null }
  | { ok: false; rows: number; firstBad: AuditBreak };

/** Called every PROGRESS_EVERY rows with the rows checked so far and the table's row count. */
export type VerifyProgress = (checked: number, total: number) => void;

export const PROGRESS_EVERY = 100_000;

export function verifyAuditChain(db: Database, onProgress?: VerifyProgress): AuditVerifyResult {
  const total = onProgress ? auditRowCount(db) : 0;
  const rows = auditRowsInOrder(db);
  let previous: ChainCursor | null = null;
  let checked = 0;
  for (const row of rows) {
    checked++;
    const reason = checkAuditRow(sha256Hex, previous, row);
    if (reason) {
      // leaving the loop early calls the iterator's return(), which resets the statement
      const firstBad: AuditBreak = { seq: row.seq, id: row.id, at: row.at, action: row.action, reason };
      if (reason === '序号缺失') firstBad.expectedSeq = previous ? previous.seq + 1 : 1;
      return { ok: false, rows: checked, firstBad };
    }
    // checkAuditRow returned null, so the hash is present
    previous = { seq: row.seq, hash: row.hash ?? '' };
    if (onProgress && checked % PROGRESS_EVERY === 0) onProgress(checked, total);
  }
  if (onProgress) onProgress(checked, total);
  return { ok: true, rows: checked, lastSeq: previous?.seq ?? null };
}
