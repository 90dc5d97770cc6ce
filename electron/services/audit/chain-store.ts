/**
 * Writing the audit trail's hash chain: every insert into audit_log goes
 * through appendAudit(), which reads the latest row inside the same
 * transaction and stores prev_hash and hash with the row. Rows written before
 * migration 5 (hash NULL) are chained once by backfillAuditChain() on open.
 */
import { hash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { auditRowHash, GENESIS_HASH, type AuditChainRow } from '../../../shared/audit/chain';
import type { Db } from '../db/connection';

/** SHA-256 of the text's UTF-8 bytes, hex (crypto.hash: the one-shot form, about twice as fast as createHash). */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

interface Statements {
  last: Statement<[], { seq: number; hash: string | null }>;
  sequence: Statement<[], { seq: number }>;
  insert: Statement<[number, string, string, string, string, string | null, string | null, string, string, string | null, string, string, string]>;
}

/** Prepared once per connection: an audit insert is then one indexed read, one hash and one insert. */
const statements = new WeakMap<Db, Statements>();

function statementsFor(db: Db): Statements {
  let s = statements.get(db);
  if (!s) {
    s = {
      last: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      sequence: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'"),
      insert: db.prepare(
        `INSERT INTO audit_log (seq, id, hall_id, window_no, at, actor_id, actor_staff_no, action, entity, entity_id, detail, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    statements.set(db, s);
  }
  return s;
}

/** The row to append; seq is given by the chain (the latest seq + 1). */
export type NewAuditRow = Omit<AuditChainRow, 'seq'>;

/**
 * Appends one audit row with its place in the chain and returns its seq.
 * Reads the latest row in the same transaction (opening one if the caller has
 * not), so the link is right even if another connection wrote in between.
 */
export function appendAudit(db: Db, row: NewAuditRow): number {
  const write = (): number => {
    const s = statementsFor(db);
    let last = s.last.get();
    if (last && last.hash === null) {
      // rows older than the chain that the open-time backfill has not reached (never expected): chain them first
      backfillAuditChain(db);
      last = s.last.get();
    }
    // the seq AUTOINCREMENT would give: after the highest seq ever used, so rows deleted from the
    // end of the table leave a gap that verification reports once the app writes again
    const seq = Math.max(last?.seq ?? 0, s.sequence.get()?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const full: AuditChainRow = { seq, ...row };
    const hash = auditRowHash(sha256Hex, prevHash, full);
    s.insert.run(seq, row.id, row.hall_id, row.window_no, row.at, row.actor_id, row.actor_staff_no, row.action, row.entity, row.entity_id, row.detail, prevHash, hash);
    return seq;
  };
  return db.inTransaction ? write() : db.transaction(write)();
}

/**
 * Chains the rows that have no hash yet (written before migration 5), in seq
 * order, in one transaction. The append-only trigger lets a NULL hash be filled
 * in once. Returns how many rows were chained.
 */
export function backfillAuditChain(db: Db): number {
  const run = (): number => {
    const first = db.prepare('SELECT MIN(seq) AS seq FROM audit_log WHERE hash IS NULL').get() as { seq: number | null };
    if (first.seq === null) return 0;
    const before = db.prepare('SELECT hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1').get(first.seq) as { hash: string | null } | undefined;
    let prevHash = before?.hash ?? GENESIS_HASH;
    const rows = db
      .prepare(
        `SELECT seq, id, hall_id, window_no, at, actor_id, actor_staff_no, action, entity, entity_id, detail
         FROM audit_log WHERE seq >= ? ORDER BY seq`,
      )
      .all(first.seq) as AuditChainRow[];
    const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ? AND hash IS NULL');
    let chained = 0;
    for (const row of rows) {
      const hash = auditRowHash(sha256Hex, prevHash, row);
      chained += update.run(prevHash, hash, row.seq).changes;
      prevHash = hash;
    }
    return chained;
  };
  return db.inTransaction ? run() : db.transaction(run)();
}
