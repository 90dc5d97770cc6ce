/** The commitment table: the ordered service commitments (亮承诺). */
import type { Commitment } from '../../../shared/contract';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';

export function commitmentsInOrder(db: Db): Commitment[] {
  return db.prepare('SELECT text, time_limit AS timeLimit FROM commitment ORDER BY position').all() as Commitment[];
}

export function commitmentIds(db: Db): string[] {
  return db.prepare('SELECT id FROM commitment').pluck().all() as string[];
}

export function deleteCommitment(db: Db, id: string): void {
  db.prepare('DELETE FROM commitment WHERE id = ?').run(id);
}

export function insertCommitment(db: Db, origin: Origin, row: { id: string; position: number; at: string } & Commitment): void {
  db.prepare(
    `INSERT INTO commitment (id, hall_id, window_no, position, text, time_limit, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, origin.hallId, origin.windowNo, row.position, row.text, row.timeLimit, row.at, row.at);
}
