/**
 * Writing the audit trail's hash chain: every insert into audit_log goes
 * through appendAudit(), which reads the latest row inside the write's
 * transaction and stores prev_hash and hash with the row. Rows written before
 * migration 5 (hash NULL) were chained once by migration 13.
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
 * Runs inside the write's immediate transaction (the dispatcher's, or
 * writeTransaction's outside a request), so the latest row it links to is
 * still the latest when it inserts, whichever connection writes.
 */
export function appendAudit(db: Db, row: NewAuditRow): number {
  if (!db.inTransaction) throw new Error('appendAudit() outside a write transaction');
  const s = statementsFor(db);
  const last = s.last.get();
  // the seq AUTOINCREMENT would give: after the highest seq ever used, so rows deleted from the
  // end of the table leave a gap that verification reports once the app writes again
  const seq = Math.max(last?.seq ?? 0, s.sequence.get()?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const full: AuditChainRow = { seq, ...row };
  const hash = auditRowHash(sha256Hex, prevHash, full);
  s.insert.run(seq, row.id, row.hall_id, row.window_no, row.at, row.actor_id, row.actor_staff_no, row.action, row.entity, row.entity_id, row.detail, prevHash, hash);
  return seq;
}
