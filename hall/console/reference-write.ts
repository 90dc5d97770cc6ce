/**
 * One console edit of a hall-owned reference row: in one transaction, the
 * row's key is locked (an advisory lock, so a row that does not exist yet is
 * serialised too), its current body read, the new body decided from it,
 * checked with the kind's REFERENCE_BODY_SCHEMAS, written with putReference /
 * deleteReference and recorded in console_audit with the supervisor who made
 * it. A save that changes nothing writes nothing (the windows pull nothing
 * new, and the audit does not fill with repeats).
 */
import type { z } from 'zod';
import type { ConsoleSession } from '../../shared/hall/console-contract';
import type { ReferenceKind } from '../../shared/hall/contract';
import { REFERENCE_BODY_SCHEMAS } from '../../shared/hall/reference-bodies';
import { parseWith } from '../../shared/hall/contract';
import type { Client } from '../db/pool';
import { deleteReference, putReference } from '../store/reference';

export type ReferenceBody<K extends ReferenceKind> = z.infer<(typeof REFERENCE_BODY_SCHEMAS)[K]>;

/** Records who changed what on the console, inside the change's transaction. */
export async function auditEdit(client: Client, hallId: string, who: ConsoleSession, action: string, kind: string, key: string, detail: Record<string, unknown> = {}): Promise<void> {
  await client.query('INSERT INTO console_audit (hall_id, staff_no, staff_name, action, kind, key, detail) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)', [
    hallId,
    who.staffNo,
    who.name,
    action,
    kind,
    key,
    JSON.stringify(detail),
  ]);
}

/** Serialises every edit of one (kind, key) of the hall until the transaction ends. */
export async function lockKey(client: Client, hallId: string, kind: string, key: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`reference:${hallId}:${kind}:${key}`]);
}

/** The live body of a row (null when absent or deleted), checked against its kind's schema. */
export async function currentBody<K extends ReferenceKind>(client: Client, hallId: string, kind: K, key: string): Promise<ReferenceBody<K> | null> {
  const { rows } = await client.query<{ body: unknown }>('SELECT body FROM reference_row WHERE hall_id = $1 AND kind = $2 AND key = $3 AND NOT deleted', [hallId, kind, key]);
  if (rows[0] === undefined) return null;
  const parsed = REFERENCE_BODY_SCHEMAS[kind].safeParse(rows[0].body);
  return parsed.success ? (parsed.data as ReferenceBody<K>) : null;
}

export interface Edit<K extends ReferenceKind> {
  kind: K;
  key: string;
  /** The audit's action name, e.g. 'staff.save'. */
  action: string;
  /** The new body from the current one (null: delete the row). */
  change: (current: ReferenceBody<K> | null) => ReferenceBody<K> | null;
  windowNo?: string | null;
  /** What the audit records of the new body (default: the body itself). */
  describe?: (body: ReferenceBody<K>) => Record<string, unknown>;
  /** No audit row of its own (a bulk import audits itself once). */
  quiet?: boolean;
}

/** Applies one edit inside the caller's transaction; true when it changed the row. */
export async function editReference<K extends ReferenceKind>(client: Client, hallId: string, who: ConsoleSession, edit: Edit<K>): Promise<boolean> {
  await lockKey(client, hallId, edit.kind, edit.key);
  const current = await currentBody(client, hallId, edit.kind, edit.key);
  const next = edit.change(current);
  if (next === null) {
    if (current === null) return false;
    await deleteReference(client, hallId, edit.kind, edit.key);
    if (edit.quiet !== true) await auditEdit(client, hallId, who, edit.action, edit.kind, edit.key);
    return true;
  }
  const body = parseWith(REFERENCE_BODY_SCHEMAS[edit.kind], next) as Record<string, unknown>;
  const windowNo = edit.windowNo ?? null;
  const { rows } = await client.query<{ same: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM reference_row WHERE hall_id = $1 AND kind = $2 AND key = $3 AND NOT deleted AND body = $4::jsonb AND window_no IS NOT DISTINCT FROM $5) AS same`,
    [hallId, edit.kind, edit.key, JSON.stringify(body), windowNo],
  );
  if (rows[0]?.same === true) return false;
  await putReference(client, hallId, { kind: edit.kind, key: edit.key, body, windowNo });
  if (edit.quiet !== true) await auditEdit(client, hallId, who, edit.action, edit.kind, edit.key, edit.describe ? edit.describe(body as ReferenceBody<K>) : body);
  return true;
}

/** The live bodies of one kind, ordered by key. */
export async function bodiesOf<K extends ReferenceKind>(db: Pick<Client, 'query'>, hallId: string, kind: K): Promise<{ key: string; body: ReferenceBody<K>; windowNo: string | null; updatedAt: Date }[]> {
  const { rows } = await db.query<{ key: string; body: unknown; window_no: string | null; updated_at: Date }>(
    'SELECT key, body, window_no, updated_at FROM reference_row WHERE hall_id = $1 AND kind = $2 AND NOT deleted ORDER BY key',
    [hallId, kind],
  );
  const out: { key: string; body: ReferenceBody<K>; windowNo: string | null; updatedAt: Date }[] = [];
  for (const r of rows) {
    const parsed = REFERENCE_BODY_SCHEMAS[kind].safeParse(r.body);
    if (parsed.success) out.push({ key: r.key, body: parsed.data as ReferenceBody<K>, windowNo: r.window_no, updatedAt: r.updated_at });
  }
  return out;
}
