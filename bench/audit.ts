/**
 * Audit verification rows per second: a temp ledger with AUDIT_ROWS (≥ 1,000,000)
 * chained audit rows, the size of the audit trail of a window with a million
 * contacts, then verifyAuditChain over all of it (SHA-256 and the canonical form
 * of every row, streamed in seq order from the SQLite file).
 *
 * `tsx bench/audit.ts` prints the figures; bench/run.ts calls auditBench().
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { auditRowHash, GENESIS_HASH, type AuditChainRow } from '../shared/audit/chain';
import { sha256Hex } from '../electron/services/audit/chain-store';
import { verifyAuditChain } from '../electron/services/audit/verify';
import { openDatabase } from '../electron/services/db/connection';
import { newId } from '../electron/services/core/ids';

export const AUDIT_ROWS = 1_000_000;
const BATCH = 50_000;
const ACTIONS = [
  ['intake.start', 'contact'],
  ['intake.notify', 'notification'],
  ['intake.accept', 'service_case'],
  ['cases.complete', 'service_case'],
  ['auth.login', 'clerk_session'],
] as const;

/** Writes `rows` chained audit rows straight into a fresh ledger (prepared statement, big transactions). */
export function buildAuditLedger(file: string, rows: number): void {
  const db = openDatabase(file);
  try {
    const insert = db.prepare(
      `INSERT INTO audit_log (seq, id, hall_id, window_no, at, actor_id, actor_staff_no, action, entity, entity_id, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const start = Date.parse('2026-01-05T01:00:00.000Z');
    let prevHash = GENESIS_HASH;
    const batch = db.transaction((from: number, to: number) => {
      for (let seq = from; seq < to; seq++) {
        const [action, entity] = ACTIONS[seq % ACTIONS.length] ?? ACTIONS[0];
        const row: AuditChainRow = {
          seq,
          id: newId(),
          hall_id: 'bench-hall',
          window_no: '3',
          at: new Date(start + seq * 7_000).toISOString(),
          actor_id: 'staff-1001',
          actor_staff_no: '1001',
          action,
          entity,
          entity_id: newId(),
          detail: JSON.stringify({ contactNo: `JD${seq}`, itemCode: 'MAR-REG', slipNo: `GZ-${seq}`, missing: seq % 3 }),
        };
        const hash = auditRowHash(sha256Hex, prevHash, row);
        insert.run(seq, row.id, row.hall_id, row.window_no, row.at, row.actor_id, row.actor_staff_no, action, entity, row.entity_id, row.detail, prevHash, hash);
        prevHash = hash;
      }
    });
    for (let from = 1; from <= rows; from += BATCH) batch(from, Math.min(rows + 1, from + BATCH));
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Printable lines with the figures. */
export async function auditBench(rows = AUDIT_ROWS): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'counter-audit-bench-'));
  try {
    const file = join(dir, 'counter.sqlite3');
    const built = performance.now();
    buildAuditLedger(file, rows);
    const buildMs = performance.now() - built;
    const db = openDatabase(file);
    try {
      const started = performance.now();
      const result = verifyAuditChain(db);
      const seconds = (performance.now() - started) / 1000;
      if (!result.ok || result.rows !== rows) throw new Error(`audit bench: verification did not pass: ${JSON.stringify(result)}`);
      const mb = statSync(file).size / 1024 / 1024;
      return [
        `Audit verification: ${rows.toLocaleString('en-US')} chained audit rows (${mb.toFixed(0)} MB ledger, built in ${(buildMs / 1000).toFixed(1)} s) verified intact in ${seconds.toFixed(2)} s: ` +
          `${Math.round(rows / seconds).toLocaleString('en-US')} audit verification rows per second`,
      ];
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await auditBench()) console.log(line);
}
