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

/**
 * Entities projected for the console's open cases and statistics (cases13):
 * their ledger is the entity's own name. Some of their updates carry only the
 * changed fields (a callback's outcome, a case's completion), so a row's
 * payload is merged into the entry's and the columns it lacks are kept.
 */
export const WORK_ENTITIES = ['service_case', 'callback', 'follow_up', 'complaint', 'rating', 'notification', 'referral', 'staff'] as const;

const PROJECTED = [...LEDGER_ENTITIES, ...WORK_ENTITIES];

const INSTANT = `^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}`;

/**
 * The instant a row is filed under: receipt, or registration for a registered
 * case; acceptance, answer, opening or creation for the work entities; when
 * the window wrote it for a 告知单 / 引导单 (their rows carry no time).
 */
const AT = `CASE WHEN c.entity = 'civil_case' AND c.payload->>'status' = 'registered' THEN c.payload->>'registered_at'
  WHEN c.entity = 'service_case' THEN c.payload->>'accepted_at'
  WHEN c.entity = 'rating' THEN COALESCE(c.payload->>'answered_at', c.payload->>'requested_at')
  WHEN c.entity = 'follow_up' THEN c.payload->>'opened_at'
  WHEN c.entity = 'complaint' THEN c.payload->>'receivedAt'
  WHEN c.entity = 'callback' THEN c.payload->>'createdAt'
  WHEN c.entity IN ('notification', 'referral') AND c.op = 'insert' THEN c.window_created_at
  ELSE c.payload->>'received_at' END`;

/** The ledger_entry columns of a change row `c` (a change_row with its window's window_no). */
const PROJECTION = `
  c.hall_id, c.entity, c.entity_id, c.window_id, c.window_no, c.seq, c.id,
  CASE WHEN c.entity = 'contact' THEN 'contacts'
       WHEN c.entity <> 'civil_case' THEN c.entity
       WHEN c.payload->>'kind' = 'marriage' AND c.payload->>'status' = 'registered' THEN 'marriages'
       ELSE 'cases' END,
  CASE WHEN (${AT}) ~ '${INSTANT}' THEN (((${AT})::timestamptz) AT TIME ZONE INTERVAL '+08:00')::date END,
  ${AT},
  CASE WHEN c.entity = 'contact' THEN c.payload->>'contact_no' WHEN c.entity = 'complaint' THEN c.payload->>'complaintNo'
       WHEN c.entity IN ('notification', 'referral') THEN c.payload->>'slipNo' WHEN c.entity = 'staff' THEN c.payload->>'staffNo'
       ELSE COALESCE(c.payload->>'case_no', c.payload->>'caseNo') END,
  NULLIF(c.payload->>'certificate_no', ''),
  CASE WHEN c.entity = 'contact' THEN array_remove(ARRAY[c.payload->>'applicant_name'], NULL)
       WHEN c.entity <> 'civil_case' THEN '{}'::text[]
       ELSE ARRAY(SELECT p->>'name' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.payload->'parties') = 'array' THEN c.payload->'parties' ELSE '[]'::jsonb END) p
                  WHERE p->>'name' IS NOT NULL) END,
  CASE WHEN c.entity IN ('contact', 'service_case') THEN c.payload->>'item_name' ELSE c.payload->>'kind' END,
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

/** Upserts the ledger entries of the change rows `which` selects, in key order (concurrent pushes lock shared entries in one order: no deadlock). */
const upsertSql = (which: string): string => `
  INSERT INTO ledger_entry ${COLUMNS}
  SELECT ${PROJECTION}
  FROM (SELECT c.*, w.window_no FROM change_row c JOIN hall_window w USING (hall_id, window_id) WHERE c.hall_id = $1 AND ${which}) c
  ORDER BY c.entity, c.entity_id
  ON CONFLICT (hall_id, entity, entity_id) DO UPDATE SET
    window_id = EXCLUDED.window_id, window_no = EXCLUDED.window_no, seq = EXCLUDED.seq, change_id = EXCLUDED.change_id,
    ledger = EXCLUDED.ledger,
    day = COALESCE(EXCLUDED.day, ledger_entry.day), at = COALESCE(EXCLUDED.at, ledger_entry.at),
    ref_no = COALESCE(EXCLUDED.ref_no, ledger_entry.ref_no), certificate_no = COALESCE(EXCLUDED.certificate_no, ledger_entry.certificate_no),
    names = CASE WHEN cardinality(EXCLUDED.names) > 0 THEN EXCLUDED.names ELSE ledger_entry.names END,
    item = COALESCE(EXCLUDED.item, ledger_entry.item), status = COALESCE(EXCLUDED.status, ledger_entry.status),
    payload = ledger_entry.payload || EXCLUDED.payload
  -- the same window's later row replaces it; another window's (a re-enrolled PC resending) is newer by arrival
  WHERE ledger_entry.window_id <> EXCLUDED.window_id OR ledger_entry.seq < EXCLUDED.seq`;

const UPSERT_SQL = upsertSql('c.id = $2');

const UPSERT_MANY_SQL = upsertSql('c.id = ANY($2::uuid[])');

/** Deletes and upserts the given rows' entities, each entity at most once (one statement each). */
async function applyRound(client: Client, hallId: string, rows: readonly ChangeRow[]): Promise<void> {
  const deletes = rows.filter((r) => r.op === 'delete');
  const upserts = rows.filter((r) => r.op !== 'delete');
  if (deletes.length > 0) {
    await client.query(
      `WITH doomed AS (SELECT entity, entity_id FROM ledger_entry WHERE hall_id = $1 AND (entity, entity_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))
                       ORDER BY entity, entity_id FOR UPDATE)
       DELETE FROM ledger_entry l USING doomed d WHERE l.hall_id = $1 AND l.entity = d.entity AND l.entity_id = d.entity_id`,
      [hallId, deletes.map((r) => r.entity), deletes.map((r) => r.entityId)],
    );
  }
  if (upserts.length > 0) await client.query(UPSERT_MANY_SQL, [hallId, upserts.map((r) => r.id)]);
}

/**
 * Brings the ledger up to a batch of change rows just stored (in seq order),
 * inside the push's transaction, as projectChange row after row would. A
 * ledger entity's row holds its whole state, so its last row in the batch is
 * enough; a work entity's rows may be partial updates merged in order, so
 * they go in rounds: the first row of each such entity, then the second, …
 * (one statement may not update a row twice).
 */
export async function projectChanges(client: Client, hallId: string, rows: readonly ChangeRow[]): Promise<void> {
  const last = new Map<string, ChangeRow>();
  const work = new Map<string, ChangeRow[]>();
  for (const row of rows) {
    const key = `${row.entity}\u0000${row.entityId}`;
    if ((LEDGER_ENTITIES as readonly string[]).includes(row.entity)) last.set(key, row);
    else if ((WORK_ENTITIES as readonly string[]).includes(row.entity)) work.set(key, [...(work.get(key) ?? []), row]);
  }
  await applyRound(client, hallId, [...last.values()]);
  const rounds = Math.max(0, ...[...work.values()].map((r) => r.length));
  for (let i = 0; i < rounds; i++) await applyRound(client, hallId, [...work.values()].flatMap((r) => r[i] ?? []));
}

/** Brings the ledger up to a change row just stored, inside the push's transaction. */
export async function projectChange(client: Client, hallId: string, row: ChangeRow): Promise<void> {
  if (!(PROJECTED as readonly string[]).includes(row.entity)) return;
  if (row.op === 'delete') {
    await client.query('DELETE FROM ledger_entry WHERE hall_id = $1 AND entity = $2 AND entity_id = $3', [hallId, row.entity, row.entityId]);
    return;
  }
  await client.query(UPSERT_SQL, [hallId, row.id]);
}

/** The ledger_entry columns as named by the work backfill's projected rows (with `ord`, the row's place in its entity's history). */
const NAMED = '(ord, hall_id, entity, entity_id, window_id, window_no, seq, change_id, ledger, day, at, ref_no, certificate_no, names, item, status, payload)';

/** The value of `col` in the entity's latest row that has one (the upsert's COALESCE(EXCLUDED.col, ledger_entry.col), row after row). */
const latest = (col: string): string => `(array_agg(p.${col} ORDER BY p.ord DESC) FILTER (WHERE p.${col} IS NOT NULL))[1]`;

/**
 * The work entities' projection from every change row held, in one
 * statement: the same state the push's upserts reach row by row in arrival
 * order (received_at, window_id, seq). Only the rows after an entity's last
 * delete count (none left: no entry); of those, the last row gives the row
 * identity, each column is the latest row's that has a value (names: the
 * latest non-empty list) and the payload merges every row's keys, a later
 * row's value winning (the upsert's ledger_entry.payload || EXCLUDED.payload).
 * A window's rows arrive in its seq order (one batch at a time under its
 * row lock, received_at = clock_timestamp()), so the upsert's "same window,
 * later seq" condition holds for each of them.
 */
const WORK_BACKFILL_SQL = (list: string): string => `
  WITH ranked AS (
    SELECT c.*, w.window_no, row_number() OVER (PARTITION BY c.hall_id, c.entity, c.entity_id ORDER BY c.received_at, c.window_id, c.seq) AS ord
    FROM change_row c JOIN hall_window w USING (hall_id, window_id)
    WHERE c.entity IN (${list})
  ), live AS (
    SELECT r.*, max(r.ord) FILTER (WHERE r.op = 'delete') OVER (PARTITION BY r.hall_id, r.entity, r.entity_id) AS cut FROM ranked r
  ), p AS (
    SELECT * FROM (SELECT c.ord, ${PROJECTION} FROM live c WHERE c.ord > COALESCE(c.cut, 0)) AS projected ${NAMED}
  )
  INSERT INTO ledger_entry ${COLUMNS}
  SELECT p.hall_id, p.entity, p.entity_id,
    (array_agg(p.window_id ORDER BY p.ord DESC))[1], (array_agg(p.window_no ORDER BY p.ord DESC))[1], (array_agg(p.seq ORDER BY p.ord DESC))[1],
    (array_agg(p.change_id ORDER BY p.ord DESC))[1], (array_agg(p.ledger ORDER BY p.ord DESC))[1],
    ${latest('day')}, ${latest('at')}, ${latest('ref_no')}, ${latest('certificate_no')},
    ARRAY(SELECT jsonb_array_elements_text((array_agg(to_jsonb(p.names) ORDER BY p.ord DESC) FILTER (WHERE cardinality(p.names) > 0))[1])),
    ${latest('item')}, ${latest('status')},
    (SELECT COALESCE(jsonb_object_agg(e.key, e.value ORDER BY b.n), '{}'::jsonb)
     FROM unnest(array_agg(p.payload ORDER BY p.ord)) WITH ORDINALITY AS b(body, n), jsonb_each(b.body) AS e)
  FROM p
  GROUP BY p.hall_id, p.entity, p.entity_id`;

/**
 * Projects every work-entity change row held, as the pushes would have in
 * arrival order (their partial updates merge, so the latest row alone is not
 * the state): for a hall that held such rows before they were projected
 * (hall migration 9). Set-based, one statement, whatever the rows' number.
 */
export async function backfillWorkEntities(client: Client): Promise<void> {
  const list = WORK_ENTITIES.map((e) => `'${e}'`).join(', ');
  await client.query(`DELETE FROM ledger_entry WHERE entity IN (${list})`);
  await client.query(WORK_BACKFILL_SQL(list));
}
