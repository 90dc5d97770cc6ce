/**
 * Change-log rows pushed by a window, in its seq order, one transaction per
 * batch. The window's row is locked for the batch, so its pushes are taken
 * one at a time whatever the network does. A row at or below the
 * acknowledged seq is a replay and inserts nothing; the rows after it are
 * stored or, when the hall cannot take one, it is quarantined —
 * acknowledged either way, so it never blocks the rows after it. A row past
 * a gap (the hall lost rows, e.g. restored from an older backup) is not
 * taken: the answer's ackedSeq tells the window where to resend from.
 *
 * A batch is checked in JS first (schema, registry entry: a row that fails
 * is quarantined) and the rest is stored set-based: one multi-row INSERT …
 * ON CONFLICT DO NOTHING, one projection into the ledger, one quarantine
 * INSERT. Only when that statement fails (a body PostgreSQL refuses, e.g. a
 * NUL in jsonb) is the batch taken again row by row, each under a savepoint.
 * Only an error the row's content caused quarantines it: a deadlock, a lock
 * or statement timeout or a lost connection says nothing about the row, so
 * the push fails and the window sends the batch again (a deadlock or a
 * serialization failure is first retried here, the whole push once more).
 * A lockout or unlock decided at a window is written into the staff
 * reference row (staff-lockout.ts), so every window pulls it.
 */
import { CounterError } from '../../shared/result';
import { changeRowSchema, type ChangeRow, type PushRequest, type PushResponse } from '../../shared/hall/contract';
import { registryEntryOf, type RegistryEntry } from '../../shared/hall/registry-entry';
import { inTransaction, type Client, type Pool } from '../db/pool';
import { anchorAudit } from './audit-anchor';
import { projectChange, projectChanges } from './ledger-projection';
import { spreadLockouts } from './staff-lockout';
import type { WindowIdentity } from './windows';

type Taken = 'stored' | 'quarantined';

/** The SQLSTATE of a PostgreSQL error, if it is one. */
function sqlState(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : '';
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation): the row's content is at fault. */
const isRowFault = (error: unknown): boolean => /^2[23]/.test(sqlState(error));

/** Deadlock detected, serialization failure: the same work run again can succeed. */
const isRetryable = (error: unknown): boolean => ['40P01', '40001'].includes(sqlState(error));

/** Attempts at a push that meets a deadlock or a serialization failure. */
const PUSH_ATTEMPTS = 3;

async function quarantine(client: Client, who: WindowIdentity, seq: number, raw: unknown, reason: string): Promise<Taken> {
  await client.query('INSERT INTO quarantine (hall_id, window_id, seq, row_data, reason) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
    who.hallId,
    who.windowId,
    seq,
    JSON.stringify(raw),
    reason.slice(0, 2000),
  ]);
  return 'quarantined';
}

async function indexRegistration(client: Client, who: WindowIdentity, row: ChangeRow, entry: RegistryEntry): Promise<void> {
  await client.query(
    `INSERT INTO marriage_registry (hall_id, case_id, window_id, kind, registered_at, certificate_no, party_a_hash, party_b_hash, change_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (hall_id, case_id) DO UPDATE SET kind = EXCLUDED.kind, registered_at = EXCLUDED.registered_at,
       certificate_no = EXCLUDED.certificate_no, party_a_hash = EXCLUDED.party_a_hash, party_b_hash = EXCLUDED.party_b_hash, change_id = EXCLUDED.change_id
     WHERE marriage_registry.window_id = EXCLUDED.window_id`,
    [who.hallId, entry.caseId, who.windowId, entry.kind, entry.registeredAt, entry.certificateNo, entry.partyHashes[0], entry.partyHashes[1], row.id],
  );
}

/** Stores one row (the next seq), or quarantines it; a database error on it is caught by a savepoint. */
async function takeRow(client: Client, who: WindowIdentity, raw: { seq: number }): Promise<Taken> {
  const parsed = changeRowSchema.safeParse(raw);
  if (!parsed.success) return quarantine(client, who, raw.seq, raw, `invalid row: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const row = parsed.data;
  const registry = registryEntryOf(row);
  if (registry !== null && 'problem' in registry) return quarantine(client, who, row.seq, raw, registry.problem);
  await client.query('SAVEPOINT take_row');
  try {
    const inserted = await client.query(
      `INSERT INTO change_row (hall_id, id, window_id, seq, schema_version, entity, entity_id, op, payload, window_created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10) ON CONFLICT DO NOTHING`,
      [who.hallId, row.id, who.windowId, row.seq, row.schemaVersion, row.entity, row.entityId, row.op, JSON.stringify(row.payload), row.createdAt],
    );
    // the window's row is locked and this seq is new: a conflict can only be the id
    if (inserted.rowCount === 0) {
      await client.query('ROLLBACK TO SAVEPOINT take_row');
      return quarantine(client, who, row.seq, raw, `row id ${row.id} is already held for another row`);
    }
    if (registry !== null) await indexRegistration(client, who, row, registry.entry);
    await projectChange(client, who.hallId, row);
    await spreadLockouts(client, who.hallId, [row]);
    await client.query('RELEASE SAVEPOINT take_row');
    return 'stored';
  } catch (error) {
    if (!isRowFault(error)) throw error;
    await client.query('ROLLBACK TO SAVEPOINT take_row');
    return quarantine(client, who, row.seq, raw, `not stored: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The window's status and backlog for the console's board, when the push carries them. */
async function recordStatus(client: Client, who: WindowIdentity, req: PushRequest): Promise<void> {
  if (req.status === undefined && req.backlog === undefined) return;
  await client.query(
    `UPDATE hall_window SET status = COALESCE($3::jsonb, status), backlog_rows = COALESCE($4, backlog_rows),
       backlog_oldest_at = CASE WHEN $4::integer IS NULL THEN backlog_oldest_at ELSE $5 END, status_at = clock_timestamp()
     WHERE hall_id = $1 AND window_id = $2`,
    [who.hallId, who.windowId, req.status === undefined ? null : JSON.stringify(req.status), req.backlog?.rows ?? null, req.backlog?.oldestAt ?? null],
  );
}

interface Checked {
  /** The rows the batch takes: the next seq on, up to a gap. */
  next: { seq: number }[];
  valid: { row: ChangeRow; registry: RegistryEntry | null }[];
  refused: { seq: number; raw: unknown; reason: string }[];
}

/** The rows after the acknowledged seq, checked in JS: schema and registry entry. */
function checkBatch(rows: readonly { seq: number }[], acked: number): Checked {
  const checked: Checked = { next: [], valid: [], refused: [] };
  let last = acked;
  for (const raw of rows) {
    if (raw.seq <= last) continue;
    if (raw.seq !== last + 1) break;
    last = raw.seq;
    checked.next.push(raw);
    const parsed = changeRowSchema.safeParse(raw);
    if (!parsed.success) {
      checked.refused.push({ seq: raw.seq, raw, reason: `invalid row: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
      continue;
    }
    const registry = registryEntryOf(parsed.data);
    if (registry !== null && 'problem' in registry) checked.refused.push({ seq: raw.seq, raw, reason: registry.problem });
    else checked.valid.push({ row: parsed.data, registry: registry?.entry ?? null });
  }
  return checked;
}

async function quarantineMany(client: Client, who: WindowIdentity, refused: readonly { seq: number; raw: unknown; reason: string }[]): Promise<void> {
  if (refused.length === 0) return;
  await client.query(
    `INSERT INTO quarantine (hall_id, window_id, seq, row_data, reason)
     SELECT $1, $2, q.seq, q.row_data, q.reason FROM unnest($3::bigint[], $4::text[], $5::text[]) AS q(seq, row_data, reason) ON CONFLICT DO NOTHING`,
    [who.hallId, who.windowId, refused.map((r) => r.seq), refused.map((r) => JSON.stringify(r.raw)), refused.map((r) => r.reason.slice(0, 2000))],
  );
}

/** Stores the checked rows in one statement each step; returns how many were stored and quarantines the rest. */
async function storeBatch(client: Client, who: WindowIdentity, checked: Checked): Promise<{ stored: number; quarantined: number }> {
  const rows = checked.valid.map((v) => v.row);
  const { rows: inserted } = await client.query<{ seq: string }>(
    `INSERT INTO change_row (hall_id, id, window_id, seq, schema_version, entity, entity_id, op, payload, window_created_at)
     SELECT $1, r.id, $2, r.seq, r.schema_version, r.entity, r.entity_id, r.op, r.payload::jsonb, r.created_at
     FROM unnest($3::uuid[], $4::bigint[], $5::integer[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
       AS r(id, seq, schema_version, entity, entity_id, op, payload, created_at)
     ORDER BY r.seq
     ON CONFLICT DO NOTHING RETURNING seq`,
    [
      who.hallId,
      who.windowId,
      rows.map((r) => r.id),
      rows.map((r) => r.seq),
      rows.map((r) => r.schemaVersion),
      rows.map((r) => r.entity),
      rows.map((r) => r.entityId),
      rows.map((r) => r.op),
      rows.map((r) => JSON.stringify(r.payload)),
      rows.map((r) => r.createdAt),
    ],
  );
  const storedSeqs = new Set(inserted.map((r) => Number(r.seq)));
  const refused = [...checked.refused];
  // the window's row is locked and these seqs are new: a conflict can only be the id
  for (const v of checked.valid) if (!storedSeqs.has(v.row.seq)) refused.push({ seq: v.row.seq, raw: v.row, reason: `row id ${v.row.id} is already held for another row` });
  const stored = checked.valid.filter((v) => storedSeqs.has(v.row.seq));
  for (const v of stored) if (v.registry !== null) await indexRegistration(client, who, v.row, v.registry);
  await projectChanges(client, who.hallId, stored.map((v) => v.row));
  await spreadLockouts(client, who.hallId, stored.map((v) => v.row));
  await quarantineMany(client, who, refused);
  return { stored: stored.length, quarantined: refused.length };
}

/** The batch again, row by row under a savepoint each: only when the set-based statement failed. */
async function takeOneByOne(client: Client, who: WindowIdentity, next: readonly { seq: number }[]): Promise<{ stored: number; quarantined: number }> {
  const counts = { stored: 0, quarantined: 0 };
  for (const raw of next) counts[(await takeRow(client, who, raw)) === 'stored' ? 'stored' : 'quarantined']++;
  return counts;
}

export async function push(pool: Pool, who: WindowIdentity, req: PushRequest): Promise<PushResponse> {
  if (req.windowNo !== who.windowNo) {
    throw new CounterError('FORBIDDEN', `本窗口登记为 ${who.windowNo} 号窗口，不能代替 ${req.windowNo} 号窗口上传记录`);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await takeBatch(pool, who, req);
    } catch (error) {
      if (attempt >= PUSH_ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}

/** One push in one transaction: the window's row locked, the batch stored or quarantined, the acknowledged seq moved. */
function takeBatch(pool: Pool, who: WindowIdentity, req: PushRequest): Promise<PushResponse> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ acked_seq: string }>('SELECT acked_seq FROM hall_window WHERE hall_id = $1 AND window_id = $2 FOR NO KEY UPDATE', [who.hallId, who.windowId]);
    const checked = checkBatch(req.rows, Number(rows[0]?.acked_seq ?? 0));
    const acked = checked.next.at(-1)?.seq ?? Number(rows[0]?.acked_seq ?? 0);
    let counts = { stored: 0, quarantined: 0 };
    if (checked.next.length > 0) {
      await client.query('SAVEPOINT take_batch');
      try {
        counts = await storeBatch(client, who, checked);
        await client.query('RELEASE SAVEPOINT take_batch');
      } catch (error) {
        if (!isRowFault(error)) throw error;
        await client.query('ROLLBACK TO SAVEPOINT take_batch');
        counts = await takeOneByOne(client, who, checked.next);
      }
    }
    await client.query('UPDATE hall_window SET acked_seq = $3 WHERE hall_id = $1 AND window_id = $2', [who.hallId, who.windowId, acked]);
    await recordStatus(client, who, req);
    const audit = await anchorAudit(client, who, req.auditHead, req.auditAt);
    return { ackedSeq: acked, stored: counts.stored, quarantined: counts.quarantined, auditAnchor: audit.anchor, auditStatus: audit.status };
  });
}

export interface QuarantinedRow {
  windowNo: string;
  seq: number;
  reason: string;
  rowData: string;
  receivedAt: string;
}

/** Rows the hall acknowledged without storing, for the console. */
export async function quarantinedRows(pool: Pool, hallId: string): Promise<QuarantinedRow[]> {
  const { rows } = await pool.query<{ window_no: string; seq: string; reason: string; row_data: string; received_at: Date }>(
    `SELECT w.window_no, q.seq, q.reason, q.row_data, q.received_at FROM quarantine q JOIN hall_window w USING (hall_id, window_id)
     WHERE q.hall_id = $1 AND q.resolved_at IS NULL ORDER BY w.window_no, q.seq`,
    [hallId],
  );
  return rows.map((r) => ({ windowNo: r.window_no, seq: Number(r.seq), reason: r.reason, rowData: r.row_data, receivedAt: r.received_at.toISOString() }));
}
