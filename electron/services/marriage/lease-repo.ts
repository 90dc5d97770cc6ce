/**
 * The certificate numbers this window leased from its hall (migration 18):
 * stored when the hall grants a block, taken one at a time by registrations
 * made while the hall cannot be reached, reported back once it can.
 */
import type { CertificateKind } from '../../../shared/domain/certificate-number';
import type { Db } from '../db/connection';

export interface LeaseKey {
  hallId: string;
  kind: CertificateKind;
  year: number;
}

/** Records a block the hall granted (first..last inclusive). */
export function storeLease(db: Db, key: LeaseKey, block: { leaseId: string; firstSeq: number; lastSeq: number }, at: string): void {
  const insert = db.prepare('INSERT OR IGNORE INTO certificate_lease (hall_id, kind, year, seq, lease_id, leased_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (let seq = block.firstSeq; seq <= block.lastSeq; seq++) insert.run(key.hallId, key.kind, key.year, seq, block.leaseId, at);
}

/** How many leased numbers are still unused. */
export function unusedLeased(db: Db, key: LeaseKey): number {
  return db.prepare('SELECT count(*) FROM certificate_lease WHERE hall_id = ? AND kind = ? AND year = ? AND used_at IS NULL').pluck().get(key.hallId, key.kind, key.year) as number;
}

/** Takes the lowest unused leased number, or null when the lease is used up; inside the registration's transaction. */
export function takeLeased(db: Db, key: LeaseKey, at: string): number | null {
  const seq = db
    .prepare(
      `UPDATE certificate_lease SET used_at = ?
       WHERE hall_id = ? AND kind = ? AND year = ? AND seq = (
         SELECT min(seq) FROM certificate_lease WHERE hall_id = ? AND kind = ? AND year = ? AND used_at IS NULL)
       RETURNING seq`,
    )
    .pluck()
    .get(at, key.hallId, key.kind, key.year, key.hallId, key.kind, key.year) as number | undefined;
  return seq ?? null;
}

/** Used leased numbers the hall has not been told about, grouped by kind and year. */
export function unreportedUsed(db: Db, hallId: string): { kind: CertificateKind; year: number; seqs: number[] }[] {
  const rows = db
    .prepare('SELECT kind, year, seq FROM certificate_lease WHERE hall_id = ? AND used_at IS NOT NULL AND reported_at IS NULL ORDER BY kind, year, seq')
    .all(hallId) as { kind: CertificateKind; year: number; seq: number }[];
  const groups = new Map<string, { kind: CertificateKind; year: number; seqs: number[] }>();
  for (const r of rows) {
    const k = `${r.kind}/${r.year}`;
    const group = groups.get(k) ?? { kind: r.kind, year: r.year, seqs: [] };
    group.seqs.push(r.seq);
    groups.set(k, group);
  }
  return [...groups.values()];
}

export function markReported(db: Db, key: LeaseKey, seqs: readonly number[], at: string): void {
  const update = db.prepare('UPDATE certificate_lease SET reported_at = ? WHERE hall_id = ? AND kind = ? AND year = ? AND seq = ? AND used_at IS NOT NULL');
  for (const seq of seqs) update.run(at, key.hallId, key.kind, key.year, seq);
}
