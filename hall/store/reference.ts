/**
 * Reference data the hall owns, pulled by the windows. Every write stamps the
 * row with its transaction id (pg_current_xact_id()); a delete leaves a
 * tombstone. The pull cursor is a transaction id capped at the snapshot's
 * xmin (DESIGN.md §7): every transaction below xmin has finished, so a row
 * committed later by a transaction that started earlier is never skipped.
 * A full page continues after its last row only when that row's transaction
 * is below xmin; otherwise the next pull starts again at xmin (rows sent
 * twice are harmless: a window applies them by kind and key).
 */
import { CounterError } from '../../shared/result';
import { pullCursorSchema, type PullCursor, type ReferenceKind, type ReferenceRow } from '../../shared/hall/contract';
import { inTransaction, type Client, type Pool } from '../db/pool';
import type { WindowIdentity } from './windows';

export interface ReferenceWrite {
  kind: ReferenceKind;
  key: string;
  body: Record<string, unknown>;
  /** Only this window pulls the row (a booking for its matter); null: every window. */
  windowNo?: string | null;
}

/** Inserts or replaces a reference row, inside the caller's transaction. */
export async function putReference(client: Client, hallId: string, write: ReferenceWrite): Promise<void> {
  await client.query(
    `INSERT INTO reference_row (hall_id, kind, key, window_no, body) VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (hall_id, kind, key) DO UPDATE SET window_no = EXCLUDED.window_no, body = EXCLUDED.body, deleted = false,
       xid = pg_current_xact_id(), updated_at = clock_timestamp()`,
    [hallId, write.kind, write.key, write.windowNo ?? null, JSON.stringify(write.body)],
  );
}

/** Deletes a reference row, leaving a tombstone the windows pull. */
export async function deleteReference(client: Client, hallId: string, kind: ReferenceKind, key: string): Promise<void> {
  await client.query(
    `UPDATE reference_row SET deleted = true, body = '{}'::jsonb, xid = pg_current_xact_id(), updated_at = clock_timestamp()
     WHERE hall_id = $1 AND kind = $2 AND key = $3`,
    [hallId, kind, key],
  );
}

type Cursor = PullCursor;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string | undefined): Cursor {
  if (text === undefined || text === '') return { x: '0' };
  try {
    return pullCursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new CounterError('VALIDATION', '同步游标无法识别，请从头同步');
  }
}

interface PulledRow {
  kind: ReferenceKind;
  key: string;
  deleted: boolean;
  body: Record<string, unknown>;
  xid: string;
  below_xmin: boolean;
}

export const DEFAULT_PULL_LIMIT = 500;

export async function pull(pool: Pool, who: WindowIdentity, cursorText: string | undefined, limit = DEFAULT_PULL_LIMIT): Promise<{ rows: ReferenceRow[]; cursor: string; more: boolean }> {
  const cursor = decodeCursor(cursorText);
  return inTransaction(
    pool,
    async (client) => {
      // first statement: the transaction's snapshot, the same the SELECT below reads with
      const { rows: snap } = await client.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin');
      const xmin = snap[0]?.xmin ?? '0';
      const { rows } = await client.query<PulledRow>(
        `SELECT kind, key, deleted, body, xid::text AS xid, xid < $6::xid8 AS below_xmin FROM reference_row
         WHERE hall_id = $1 AND (window_no IS NULL OR window_no = $2)
           AND (xid, kind, key) > ($3::xid8, $4, $5)
         ORDER BY xid, kind, key LIMIT $7`,
        // no position: after ('', '') at the cursor's xid, i.e. every row of that xid (kinds are never empty)
        [who.hallId, who.windowNo, cursor.x, cursor.k ?? '', cursor.y ?? '', xmin, limit + 1],
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      // a full page ending at or above xmin cannot be continued safely: the rest comes once the older transaction ends
      const more = rows.length > limit && last !== undefined && last.below_xmin;
      const next: Cursor = more ? { x: last.xid, k: last.kind, y: last.key } : { x: xmin };
      return { rows: page.map((r) => ({ kind: r.kind, key: r.key, deleted: r.deleted, body: r.body })), cursor: encodeCursor(next), more };
    },
    'REPEATABLE READ',
  );
}
