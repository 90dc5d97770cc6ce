/** Looking into a test's SQLite file: row counts of every table, and the ledger rows. */
import type { Db } from '../../electron/services/db/connection';
import type { ChangeLogRow } from '../../electron/services/hall-link/sync-repo';
import type { AuditChainRow } from '../../shared/audit/chain';

export type RowCounts = Record<string, number>;

export function tableNames(db: Db): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return rows.map((r) => r.name);
}

/** Rows in every table of the database, sqlite_sequence included. */
export function rowCounts(db: Db): RowCounts {
  const counts: RowCounts = {};
  for (const name of tableNames(db)) {
    const row = db.prepare(`SELECT COUNT(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number };
    counts[name] = row.n;
  }
  return counts;
}

/** A whole change_log row: the push's columns and the window's identity and acknowledgement. */
export interface ChangeRow extends ChangeLogRow {
  hall_id: string;
  window_no: string;
  synced_at: string | null;
}

export function maxSeq(db: Db, table: 'audit_log' | 'change_log'): number {
  const row = db.prepare(`SELECT COALESCE(MAX(seq), 0) AS n FROM ${table}`).get() as { n: number };
  return row.n;
}

export function auditSince(db: Db, seq: number): AuditChainRow[] {
  return db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as AuditChainRow[];
}

export function changesSince(db: Db, seq: number): ChangeRow[] {
  return db.prepare('SELECT * FROM change_log WHERE seq > ? ORDER BY seq').all(seq) as ChangeRow[];
}

export function allChanges(db: Db): ChangeRow[] {
  return changesSince(db, 0);
}
