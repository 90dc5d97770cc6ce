/**
 * Re-keying at join: every stored lookup hash is recomputed from its sealed
 * number with the hall's lookup key, so this window finds its old records by
 * number afterwards and the hall recognises the same person at every window.
 * The registered marriages and divorces go to the hall again (an update row
 * each), so its registry index holds the hall-keyed hashes.
 */
import type { CoreContext } from '../core/context';
import { appendChangeRow } from '../db/ledger';
import { civilCasePayload } from '../marriage/civil-case-view';

/** Every column pair that holds a sealed document number and its lookup hash. */
export const HASHED_COLUMNS = [
  { table: 'contact', sealed: 'applicant_id_sealed', hash: 'applicant_id_hash' },
  { table: 'civil_party', sealed: 'document_sealed', hash: 'document_hash' },
  { table: 'appointment', sealed: 'document_sealed', hash: 'document_hash' },
  { table: 'appointment', sealed: 'partner_document_sealed', hash: 'partner_document_hash' },
] as const;

export interface RekeyCounts {
  hashes: number;
  cases: number;
}

/** Inside the join's write transaction, after ctx.vault hashes with the hall's key. */
export function rekeyLookupHashes(ctx: CoreContext, at: string): RekeyCounts {
  let hashes = 0;
  for (const c of HASHED_COLUMNS) {
    const rows = ctx.db.prepare(`SELECT rowid AS r, ${c.sealed} AS sealed FROM ${c.table} WHERE ${c.sealed} IS NOT NULL`).all() as { r: number; sealed: string }[];
    const update = ctx.db.prepare(`UPDATE ${c.table} SET ${c.hash} = ? WHERE rowid = ?`);
    for (const row of rows) update.run(ctx.vault.lookupHash(ctx.vault.open(row.sealed)), row.r);
    hashes += rows.length;
  }
  const cases = ctx.db
    .prepare("SELECT id FROM civil_case WHERE status = 'registered' AND kind IN ('marriage', 'divorce') ORDER BY registered_at, id")
    .pluck()
    .all() as string[];
  const origin = ctx.origin();
  for (const id of cases) appendChangeRow(ctx.db, origin, at, { entity: 'civil_case', entityId: id, op: 'update', payload: civilCasePayload(ctx, id) });
  return { hashes, cases: cases.length };
}
