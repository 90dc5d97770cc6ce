/** The slip_counter table: one daily sequence per slip prefix, shared by every feature that numbers slips. */
import type { Db } from '../db/connection';

/** The next sequence number of a prefix on a hall day ('YYYYMMDD'); call inside the write that uses it. */
export function nextSlipSeq(db: Db, prefix: string, day: string): number {
  const row = db
    .prepare(
      `INSERT INTO slip_counter (prefix, day, last) VALUES (?, ?, 1)
       ON CONFLICT (prefix, day) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .get(prefix, day) as { last: number };
  return row.last;
}
