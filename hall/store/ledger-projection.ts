/**
 * The hall-wide ledger: the latest state of each contact and civil case,
 * projected from the change rows the windows push (one SQL projection, used
 * on every push and to backfill rows pushed before the ledger existed). The
 * console searches ledger_entry, never the 10-million-row change log itself.
 */
import type { Client } from '../db/pool';
import type { ChangeRow } from '../../shared/hall/contract';

/** Change-row entities that reach the console's ledgers. */
export const LEDGER_ENTITIES = ['contact', 'civil_case'] as const;

const INSTANT = `^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}`;

/** The instant a row is filed under: receipt, or registration for a registered case. */
const AT = `CASE WHEN c.entity = 'civil_case' AND c.payload->>'status' = 'registered' THEN c.payload->>'registered_at' ELSE c.payload->>'received_at' END`;

/** The ledger_entry columns of a change row `c` (a change_row with its window's window_no). */
const PROJECTION = `
  c.hall_id, c.entity, c.entity_id, c.window_id, c.window_no, c.seq, c.id,
  CASE WHEN c.entity = 'contact' THEN 'contacts'
       WHEN c.payload->>'kind' = 'marriage' AND c.payload->>'status' = 'registered' THEN 'marriages'
       ELSE 'cases' END,
  CASE WHEN (${AT}) ~ '${INSTANT}' THEN (((${AT})::timestamptz) AT TIME ZONE INTERVAL '+08:00')::date END,
  ${AT},
  CASE WHEN c.entity = 'contact' THEN c.payload->>'contact_no' ELSE c.payload->>'case_no' END,
  NULLIF(c.payload->>'certificate_no', ''),
  CASE WHEN c.entity = 'contact' THEN array_remove(ARRAY[c.payload->>'applicant_name'], NULL)
       ELSE ARRAY(SELECT p->>'name' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.payload->'parties') = 'array' THEN c.payload->'parties' ELSE '[]'::jsonb END) p
                  WHERE p->>'name' IS NOT NULL) END,
  CASE WHEN c.entity = 'contact' THEN c.payload->>'item_name' ELSE c.payload->>'kind' END,
  c.payload->>'status',
  c.payload`;

const COLUMNS = '(hall_id, entity, entity_id, window_id, window_no, seq, change_id, ledger, day, at, ref_no, certificate_no, names, item, status, payload)';

const ENTITY_LIST = LEDGER_ENTITIES.map((e) => `'${e}'`).join(', ');

/** Projects every change row already held: the latest row of each entity, unless it is a delete. */
export const LEDGER_BACKFILL_SQL = `
  INSERT INTO ledger_entry ${COLUMNS}
  SELECT ${PROJECTION}
  FROM (SELECT DISTINCT ON (c.hall_id, c.entity, c.entity_id) c.*, w.window_no
        FROM change_row c JOIN hall_window w USING (hall_id, window_id)
        WHERE c.entity IN (${ENTITY_LIST})
        ORDER BY c.hall_id, c.entity, c.entity_id, c.received_at DESC, c.seq DESC) c
  WHERE c.op <> 'delete'`;

const UPSERT_SQL = `
  INSERT INTO ledger_entry ${COLUMNS}
  SELECT ${PROJECTION}
  FROM (SELECT c.*, w.window_no FROM change_row c JOIN hall_window w USING (hall_id, window_id) WHERE c.hall_id = $1 AND c.id = $2) c
  ON CONFLICT (hall_id, entity, entity_id) DO UPDATE SET
    window_id = EXCLUDED.window_id, window_no = EXCLUDED.window_no, seq = EXCLUDED.seq, change_id = EXCLUDED.change_id,
    ledger = EXCLUDED.ledger, day = EXCLUDED.day, at = EXCLUDED.at, ref_no = EXCLUDED.ref_no, certificate_no = EXCLUDED.certificate_no,
    names = EXCLUDED.names, item = EXCLUDED.item, status = EXCLUDED.status, payload = EXCLUDED.payload
  -- the same window's later row replaces it; another window's (a re-enrolled PC resending) is newer by arrival
  WHERE ledger_entry.window_id <> EXCLUDED.window_id OR ledger_entry.seq < EXCLUDED.seq`;

const UPSERT_MANY_SQL = UPSERT_SQL.replace('c.hall_id = $1 AND c.id = $2', 'c.hall_id = $1 AND c.id = ANY($2::uuid[])');

/**
 * Brings the ledger up to a batch of change rows just stored (in seq order),
 * inside the push's transaction: as projectChange row after row would, each
 * entity takes the effect of its last row in the batch.
 */
export async function projectChanges(client: Client, hallId: string, rows: readonly ChangeRow[]): Promise<void> {
  const last = new Map<string, ChangeRow>();
  for (const row of rows) if ((LEDGER_ENTITIES as readonly string[]).includes(row.entity)) last.set(`${row.entity}\u0000${row.entityId}`, row);
  const finals = [...last.values()];
  const deletes = finals.filter((r) => r.op === 'delete');
  const upserts = finals.filter((r) => r.op !== 'delete');
  if (deletes.length > 0) {
    await client.query('DELETE FROM ledger_entry WHERE hall_id = $1 AND (entity, entity_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))', [
      hallId,
      deletes.map((r) => r.entity),
      deletes.map((r) => r.entityId),
    ]);
  }
  if (upserts.length > 0) await client.query(UPSERT_MANY_SQL, [hallId, upserts.map((r) => r.id)]);
}

/** Brings the ledger up to a change row just stored, inside the push's transaction. */
export async function projectChange(client: Client, hallId: string, row: ChangeRow): Promise<void> {
  if (!(LEDGER_ENTITIES as readonly string[]).includes(row.entity)) return;
  if (row.op === 'delete') {
    await client.query('DELETE FROM ledger_entry WHERE hall_id = $1 AND entity = $2 AND entity_id = $3', [hallId, row.entity, row.entityId]);
    return;
  }
  await client.query(UPSERT_SQL, [hallId, row.id]);
}
