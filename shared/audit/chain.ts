/**
 * The hash chain of the audit trail (责任追究制): every audit row carries the
 * hash of the row before it, so an edited, deleted or inserted row shows.
 *
 *   hash = SHA-256(prev_hash + canonical(row)), hex, lower case
 *
 * The first row's prev_hash is GENESIS_HASH. The canonical form is a JSON array
 * with a fixed field order and explicit nulls; the detail column (JSON text) is
 * re-serialised with sorted keys, so only its meaning is hashed. SHA-256 itself
 * is injected (shared/ has no crypto library): the services pass node:crypto.
 */

/** prev_hash of the first audit row. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit row as stored in audit_log (without prev_hash and hash). */
export interface AuditChainRow {
  seq: number;
  id: string;
  hall_id: string;
  window_no: string;
  at: string;
  actor_id: string | null;
  actor_staff_no: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
}

/** SHA-256 of the UTF-8 bytes of text, as 64 lower-case hex digits. */
export type Sha256Hex = (text: string) => string;

/** JSON with object keys sorted (by UTF-16 code units) at every depth; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify(undefined) is undefined: a missing value is written as null
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * The detail column in canonical form: ["json", <sorted JSON>] when it parses,
 * ["raw", <the text>] when it does not (a tampered row still hashes, to a different value).
 */
function canonicalDetail(detail: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return `["raw",${JSON.stringify(detail)}]`;
  }
  return `["json",${canonicalJson(parsed)}]`;
}

/** The deterministic text a row's hash is computed over (version tag, then the fields in a fixed order). */
export function canonicalAuditRow(row: AuditChainRow): string {
  const fields: readonly (string | number | null)[] = [
    row.seq,
    row.id,
    row.hall_id,
    row.window_no,
    row.at,
    row.actor_id,
    row.actor_staff_no,
    row.action,
    row.entity,
    row.entity_id,
  ];
  return `["audit/1",${fields.map((f) => JSON.stringify(f)).join(',')},${canonicalDetail(row.detail)}]`;
}

/** The row's hash given the previous row's hash (GENESIS_HASH for the first row). */
export function auditRowHash(sha256: Sha256Hex, prevHash: string, row: AuditChainRow): string {
  return sha256(prevHash + canonicalAuditRow(row));
}

/** Why a row breaks the chain, as the supervisor reads it. */
export const AUDIT_BREAK_REASONS = ['内容被改动', '链接断开', '缺少哈希', '序号缺失'] as const;
export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];

export interface AuditBreak {
  seq: number;
  id: string;
  at: string;
  action: string;
  reason: AuditBreakReason;
  /** The seq this row should have had (set for 序号缺失). */
  expectedSeq?: number;
}

/** The previous verified row, or null before the first. */
export interface ChainCursor {
  seq: number;
  hash: string;
}

/**
 * Checks one row against the row before it: order of checks is seq, hash
 * present, link, content. Returns the reason it breaks the chain, or null.
 */
export function checkAuditRow(
  sha256: Sha256Hex,
  previous: ChainCursor | null,
  row: AuditChainRow & { prev_hash: string | null; hash: string | null },
): AuditBreakReason | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (row.seq !== expectedSeq) return '序号缺失';
  if (row.hash === null || row.prev_hash === null) return '缺少哈希';
  if (row.prev_hash !== (previous ? previous.hash : GENESIS_HASH)) return '链接断开';
  if (auditRowHash(sha256, row.prev_hash, row) !== row.hash) return '内容被改动';
  return null;
}
